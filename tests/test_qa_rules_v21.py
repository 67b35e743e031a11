"""The Q&A rules of the twenty-first pass (issue #13), on questions and sentences of my own
(Norway, Denmark and Sweden at fisheries talks): a word no article holds weighs as the
commonest word found, not as the rarest, and does not decide which articles are about what
is asked; "pressing for" is a verb of wanting; "in exchange for" asks for the conditions a
side sets; words that only frame a question ("whether", "beyond", "once", "à destination
de") are no words asked; the glossary bridges straits, passage, companies, operators,
rewards, aggressors, comparisons and the spellings of a place."""

from __future__ import annotations

import pytest

from bot.qa.lexicon import MentionFinder, bridge_forms, phrase_forms
from bot.qa.query import Concept
from bot.qa.search import Passage, soft_near
from bot.qa.statements import rarity_weighted, sets_condition
from bot.qa.text import stems
from bot.qa.understand import understand


def _concept(label: str) -> Concept:
    return Concept(label, "content", phrase_forms(label), 1.0)


# --- a word no article holds weighs as the commonest found


def test_a_word_no_article_holds_weighs_as_the_commonest() -> None:
    concepts = [_concept("quotas"), _concept("cod"), _concept("beyond")]
    # five articles: "quotas" in all five, "cod" in one, "beyond" in none
    matched = {a: {"quotas"} for a in range(5)}
    matched[0].add("cod")
    weights = {c.label: c.weight for c in rarity_weighted(concepts, matched, 6)}
    assert weights["beyond"] == pytest.approx(weights["quotas"])
    assert weights["cod"] > weights["quotas"]


# --- "pressing for": a verb of wanting


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway is pressing for lower cod quotas.",
        "Norway presses for lower cod quotas.",
    ],
)
def test_pressing_for_is_wanting(finder: MentionFinder, sentence: str) -> None:
    understood = understand("What does Norway want on cod quotas?", finder)
    passage = Passage(-1, 1, 0, "en", sentence, stems(sentence, "en"))
    assert soft_near(understood.query, passage)


# --- "in exchange for" asks for the conditions a side sets


@pytest.mark.parametrize(
    "question",
    [
        "Que demande la Norvège en échange de sa signature de l'accord sur la morue ?",
        "What does Denmark want in exchange for signing the cod deal?",
        "What does Sweden ask in return for its signature?",
    ],
)
def test_in_exchange_for_asks_for_conditions(question: str) -> None:
    assert sets_condition(question, "Oslo signera, à condition que les quotas soient réduits.")
    assert sets_condition(question, "Copenhagen will sign as long as the quotas are cut.")
    assert not sets_condition(question, "Oslo signera l'accord lundi.")


# --- words that only frame a question are no words asked


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("What is Denmark's position on whether the quotas can be traded?", "whether"),
        ("What does Norway want the deal to cover beyond cod?", "beyond"),
        ("What is Sweden's stance on the quotas once the deal is signed?", "once"),
        (
            "Quelle est la position de la Norvège sur les contrôles des navires à destination "
            "de Vellmar ?",
            "destination",
        ),
    ],
)
def test_framing_words_are_not_asked(finder: MentionFinder, question: str, framing: str) -> None:
    labels = {c.label for c in understand(question, finder).query.concepts}
    assert framing not in labels, labels


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("détroits", "straits"),
        ("passage", "transit"),
        ("entreprise", "company"),
        ("exploite", "operating"),
        ("récompenser", "reward"),
        ("agresseur", "aggressor"),
        ("comparé", "likened"),
        ("Zaporijia", "Zaporizhzhia"),
        ("déployées", "deployed"),
    ],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
