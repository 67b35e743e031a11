"""The Q&A rules of the sixteenth pass (issue #13), on questions and sentences of my own: a
question asking a party's words on something ("what did X say about Y") is refused when the
party's statements say nothing of Y, though its article is about Y; a number followed only by
what happened to those counted ("deux morts") does not count the people a question qualifies
("how many civilians were killed") in a sentence that never names them; a party's statement
naming only another ordinal than the question's ("the 22nd package") does not answer it."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import facts
from bot.qa.respond import same_ordinals
from bot.qa.search import Passage
from bot.qa.text import stems
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines

# --- a party's words on something it said nothing about

TALKS = (
    "Les pourparlers de Korsvik s'ouvrent\n\n"
    "Les pourparlers de Korsvik sur la pêche se sont ouverts lundi dans le port.\n\n"
    "Les délégations ont discuté des quotas de cabillaud pendant trois heures.\n\n"
    "La Norvège propose d'envoyer des garde-côtes en cas d'accord."
)
SAID = [("NO", "", "", TALKS.split("\n\n")[3])]


def test_a_partys_words_on_nothing_asked_do_not_answer_what_it_said(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [TALKS], SAID)
    reply = asker(
        "What did Norway's foreign ministry say about the Korsvik talks?", "en", "c", "a", None
    )
    assert is_refusal(reply, "en"), lines(reply)


def test_a_partys_words_on_what_is_asked_still_answer(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [TALKS], SAID)
    reply = asker("Qu'a dit la Norvège sur les garde-côtes ?", "fr", "c", "b", None)
    assert "garde-côtes" in lines(reply)[0], lines(reply)


# --- a count of people the sentence does not name


def _passage(text: str) -> Passage:
    return Passage(1, 1, 0, "fr", text, stems(text, "fr"), coverage=1.0)


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        (
            "How many civilians were killed in the strike on Korsvik?",
            "Frappe sur Korsvik : deux morts",
            "",
        ),
        (
            "How many people were killed in the strike on Korsvik?",
            "Frappe sur Korsvik : deux morts",
            "deux morts",
        ),
        (
            "How many civilians were killed in the strike on Korsvik?",
            "Frappe sur Korsvik : deux morts parmi les civils",
            "deux morts",
        ),
        # no casualties: the votes cast by those counted
        (
            "How many senators voted for the quota bill?",
            "Le texte a obtenu 48 voix pour.",
            "48 voix",
        ),
    ],
)
def test_a_count_of_qualified_people_needs_a_sentence_naming_them(
    question: str, sentence: str, value: str
) -> None:
    assert facts.count([_passage(sentence)], question, set()) == value


# --- another ordinal than the question's


@pytest.mark.parametrize(
    ("statement", "kept"),
    [
        ("Oslo wants quota guarantees before it signs off on the 12th package.", False),
        ("Oslo menace de bloquer le 11e paquet de mesures.", True),
        ("Oslo wants quota guarantees before it signs off on the package.", True),
        ("Oslo has blocked 11 packages so far.", True),
    ],
)
def test_a_statement_on_another_ordinal_does_not_answer(statement: str, kept: bool) -> None:
    assert same_ordinals("What is Norway's position on the 11th quota package?", statement) is kept


# --- (session 11) a statement naming no ordinal must name what the question's ordinal counts


@pytest.mark.parametrize(
    ("question", "statement", "kept"),
    [
        (
            "Quelle est la position de la Norvège sur le 11e paquet de quotas ?",
            "Norway could block the yearly rollover of the quota rules in June.",
            False,
        ),
        (
            "Quelle est la position de la Norvège sur le 11e paquet de quotas ?",
            "Norway will not sign off on the quota package before June.",
            True,
        ),
        (
            "What is Norway's position on the 11th quota package?",
            "La Norvège bloquera le paquet tant que la zone nord reste ouverte.",
            True,
        ),
        (
            "What is Norway's position on the 11th quota package?",
            "La Norvège pourrait bloquer la reconduction des règles de pêche.",
            False,
        ),
        # no translation known for what is counted: left to the rest of the ranking
        ("Who chaired the 3rd plenary?", "Norway opened the talks on Monday.", True),
    ],
)
def test_a_statement_naming_no_ordinal_names_what_is_counted(
    question: str, statement: str, kept: bool
) -> None:
    assert same_ordinals(question, statement) is kept


def test_a_statement_naming_no_ordinal_answers_in_an_article_naming_it() -> None:
    question = "What is Norway's stance on the 11th quota package?"
    statement = "Oslo « ne votera aucune mesure qui touche la pêche côtière »."
    article = "Le 11e paquet de quotas toujours bloqué. " + statement
    assert same_ordinals(question, statement, article)
    assert not same_ordinals(question, statement, "Les quotas toujours bloqués. " + statement)
