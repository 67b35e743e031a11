"""The Q&A rules of the twenty-third pass (issue #13), on questions of my own (Norway,
Denmark and Sweden at fisheries talks): an agreement named by its place ("l'accord d'Oslo",
"the Oslo agreement") is a venue the answer's articles must name, like a meeting; and a
person's question keeps as a venue a place of another side than the person's, even when the
question's parties take in the place's country."""

from __future__ import annotations

import pytest

from bot.qa.lexicon import MentionFinder
from bot.qa.respond import venues
from bot.qa.understand import understand

# --- an agreement named by its place


@pytest.mark.parametrize(
    "question",
    [
        "Quelle est la position du Danemark sur l'accord d'Oslo ?",
        "What does Denmark think of the Oslo agreement?",
        "What did Copenhagen say about the Oslo accords?",
    ],
)
def test_an_agreement_named_by_its_place_is_a_venue(finder: MentionFinder, question: str) -> None:
    u = understand(question, finder)
    assert [c.label for c in venues(u)] == ["Norway"], venues(u)


# --- a person's question: a place of another side is a venue


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Qu'a déclaré Mette Frederiksen sur les pourparlers d'Oslo ?", ["Norway"]),
        ("What did Mette Frederiksen say about the Oslo talks?", ["Norway"]),
        ("Qu'a dit Mette Frederiksen au sujet de la conférence d'Oslo ?", ["Norway"]),
        # the person's own side's place stays no venue (as a party's own capital)
        ("Qu'a déclaré Jonas Gahr Støre sur les pourparlers d'Oslo ?", []),
    ],
)
def test_a_persons_question_keeps_another_sides_place_as_venue(
    finder: MentionFinder, question: str, wanted: list[str]
) -> None:
    u = understand(question, finder)
    assert [c.label for c in venues(u)] == wanted, (u.parties, venues(u))
