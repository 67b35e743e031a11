"""The Q&A rules of the nineteenth pass (issue #13), on questions and sentences of my own: the
words of an office before an unknown name end at that name ("what did Norway's foreign minister
say about the Vellmar talks": "Vellmar" is no minister); a sum or a length of time a side's
speaker gives for what that side does, naming not the side asked, is none of that side's; a
party asked whether it will do something ("La Norvège va-t-elle envoyer… ?", "Will Norway
send…?") is asked its position, a question of what or which is not; "own", "va" and "vont"
are no words asked; an office of several words before the person's name ("Norway's foreign
minister X") is who is asked, not what; the occasion a person spoke on ("after the Vellmar
round") is not what they spoke about."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.respond import _without_occasion, same_value
from bot.qa.understand import understand, without_titles
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import StoredPositions, is_refusal
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines
from tests.test_qa_unit import NoComposer, add

# --- an office before an unknown name ends at the name


@pytest.mark.parametrize(
    "question",
    [
        "What did Norway's foreign minister say about the Vellmar talks?",
        "What did the Danish defence minister say about the Korsvik round?",
    ],
)
def test_the_words_after_an_office_are_no_holder_of_it(
    finder: MentionFinder, question: str
) -> None:
    understood = understand(question, finder)
    assert understood.unknown_person == "", understood.unknown_person


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What did Norway's deputy foreign minister Ola Nordmann say?", "Ola Nordmann"),
        ("Qu'a dit la vice-ministre Ingrid Dahl sur les quotas ?", "Ingrid Dahl"),
        (
            "Qu'a dit le ministre des affaires étrangères Ola Nordmann sur les quotas ?",
            "Ola Nordmann",
        ),
    ],
)
def test_an_office_right_before_a_name_is_still_its_holders(
    finder: MentionFinder, question: str, name: str
) -> None:
    assert understand(question, finder).unknown_person == name


# --- a side's figure answers only for that side

FUNDS = [
    (
        "Vellmar talks: who pays\n\n"
        "Norway and Denmark met in Vellmar on Thursday to plan a harbour survey and the money "
        "it needs.\n\n"
        "Denmark will fund the harbour survey with an envelope of 40 million kroner, the Danish "
        "minister Mette Lund announced on Thursday."
    ),
]
FUNDS_SAID = [
    (
        "DK",
        "Mette Lund",
        "Danish minister",
        "Denmark will fund the harbour survey with an envelope of 40 million kroner, the Danish "
        "minister Mette Lund announced on Thursday.",
    ),
]


def test_another_sides_sum_is_no_answer_for_the_side_asked(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, FUNDS, FUNDS_SAID)
    reply = asker(
        "How much money has Norway pledged to fund the harbour survey?", "en", "c", "1", None
    )
    assert is_refusal(reply, "en"), lines(reply)


def test_the_sides_own_sum_answers(any_db: Database, book: PartyBook, settings: Settings) -> None:
    asker = make_asker(any_db, book, settings, FUNDS, FUNDS_SAID)
    reply = asker(
        "How much money has Denmark pledged to fund the harbour survey?", "en", "c", "1", None
    )
    assert not is_refusal(reply, "en"), lines(reply)
    assert "40 million" in lines(reply)[0], lines(reply)


# --- whether a party will do something is its position


@pytest.mark.parametrize(
    "question",
    [
        "La Norvège va-t-elle envoyer des garde-côtes dans le détroit de Vellmar ?",
        "Le Danemark acceptera-t-il des observateurs norvégiens ?",
        "Will Norway send coastguard ships to the Vellmar strait?",
    ],
)
def test_whether_a_party_will_do_something_is_its_position(
    finder: MentionFinder, question: str
) -> None:
    assert understand(question, finder).kind == "position"


@pytest.mark.parametrize(
    "question",
    [
        "Quelles sanctions la Norvège a-t-elle adoptées ?",
        "Quelle quantité de morue les ports norvégiens ont-ils débarquée en janvier ?",
    ],
)
def test_a_question_of_what_is_no_yes_or_no(finder: MentionFinder, question: str) -> None:
    assert understand(question, finder).kind != "position"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("And will Norway send its own ships to the strait?", "own"),
        ("La Norvège va-t-elle envoyer des navires ?", "va"),
        ("Les Norvégiens vont-ils envoyer des navires ?", "vont"),
    ],
)
def test_auxiliaries_and_own_are_no_words_asked(
    finder: MentionFinder, question: str, word: str
) -> None:
    labels = {c.label for c in parse_question(question, finder).concepts}
    assert word not in labels, labels


# --- an office of several words before the name says who is asked


def test_an_office_of_several_words_before_the_name_is_not_what_is_asked(
    finder: MentionFinder,
) -> None:
    understood = understand(
        "What did Norway's foreign minister Ola Nordmann say about the Vellmar talks?", finder
    )
    assert understood.unknown_person == "Ola Nordmann"
    labels = {c.label for c in without_titles(understood).query.concepts}
    assert "foreign minister" not in labels, labels
    assert "talks" in labels


# --- the occasion a person spoke on is not what they spoke about


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("What did Ola Nordmann say after the Vellmar round?", set()),
        ("Qu'a dit Ola Nordmann à l'issue du sommet de Vellmar ?", set()),
        ("What did Ola Nordmann say about the quotas after the Vellmar round?", {"quotas"}),
    ],
)
def test_the_occasion_is_not_the_subject(
    finder: MentionFinder, question: str, kept: set[str]
) -> None:
    query = parse_question(question, finder)
    query.concepts = [c for c in query.concepts if c.label not in ("ola", "nordmann")]
    labels = {c.label for c in _without_occasion(query).concepts}
    assert labels == kept, labels


# --- a fact shown in one language is shown in the other's words too


@pytest.mark.parametrize(
    ("value", "sentence", "same"),
    [
        ("1,200 prisoners", "Un accord sur l'échange de 1.200 prisonniers de chaque camp.", True),
        ("1,200 prisoners", "Un accord sur l'échange de 1.100 prisonniers de chaque camp.", False),
        ("Ola Nordmann", "Le ministre norvégien Ola Nordmann a proposé Bergen.", True),
        ("l'hôtel Vellmarhof", "The talks moved on Thursday to the Vellmarhof hotel.", True),
        ("l'hôtel Vellmarhof", "The talks moved on Thursday to the Palace hotel.", False),
    ],
)
def test_the_same_value_in_either_language(value: str, sentence: str, same: bool) -> None:
    assert same_value(value, sentence) is same


TALKS = [
    (
        "Les pourparlers de Vellmar\n\n"
        "Ouverts mercredi au palais de Vellmar, les pourparlers sur les quotas de morue se sont "
        "poursuivis jeudi à l'hôtel Nordlys, dans un format plus restreint."
    ),
    (
        "Quota talks move\n\n"
        "The quota talks opened on Wednesday at the Vellmar palace and moved on Thursday to the "
        "Nordlys hotel, in a smaller format."
    ),
]


def test_a_place_is_shown_in_both_languages_articles(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, TALKS[0], lang="fr")
    add(any_db, TALKS[1], lang="en")
    bot = BriefBot(settings, any_db, book, [StoredPositions([], "test:qa-v19")], [NoComposer()])  # type: ignore[list-item]
    asker = QuestionAnswerer(bot)
    reply = lines(
        asker(
            "Où les pourparlers sur les quotas se sont-ils poursuivis après l'ouverture au palais "
            "de Vellmar ?",
            "fr",
            "c",
            "1",
            None,
        )
    )
    assert "Nordlys" in reply[0], reply
    assert any("moved on Thursday to the Nordlys hotel" in line for line in reply), reply
    assert any("se sont poursuivis jeudi" in line for line in reply), reply
