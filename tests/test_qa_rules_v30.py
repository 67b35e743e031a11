"""The Q&A rules of the thirtieth pass, on questions and sentences of my own (Norway, Denmark
and Sweden at fisheries talks): when something starts is the date a start cue gives ("dès le
3 mai"), not the day it was announced; a side's figure answers how many that side gives,
before another side's covering more of the question; a sum answers what something costs only
in a sentence about that thing, not the cost of another; "who" may be the sides the sentence
most about it names when it names no one ("Norway and Denmark ruled out…"), not a person
the sentence before names ("X arrived in Copenhagen. Denmark offered…"), and the person's
side saying it did it supports the person answering ("Denmark offered…"); "personnel" counts
soldiers, "ruled out" is refused."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer, facts
from bot.qa.lexicon import bridge_forms, phrase_forms
from bot.qa.search import Passage
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal, rules_bot
from tests.test_qa_rules_v8 import lines


def _bot(
    db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    lang: str,
    said: list[tuple[str, str, str, str]] | None = None,
) -> QuestionAnswerer:
    return rules_bot(db, book, settings, texts, lang, said, key="test:qa-v30")


# --- when something starts: the date a start cue gives, not the day it was announced

ANNOUNCED = (
    "Mardi, le ministre norvégien Espen Barth Eide a proposé Bergen pour accueillir les "
    "pourparlers sur la future commission du hareng."
)
STARTS = "« Bergen est prête à recevoir les délégations dès le 3 mai », a-t-il déclaré."


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("When do the Bergen talks on the herring commission start?", "3 mai"),
        ("Quand commencent les pourparlers de Bergen ?", "3 mai"),
        ("When were the Bergen talks proposed?", "Mardi"),
    ],
)
def test_when_it_starts_is_the_date_a_start_cue_gives(question: str, found: str) -> None:
    passages = [Passage(1, 1, 1, "fr", ANNOUNCED, []), Passage(2, 1, 2, "fr", STARTS, [])]
    assert facts.date(passages, question) == found


def test_des_is_no_start_cue_without_its_accent() -> None:
    passage = Passage(1, 1, 1, "fr", "Le ministre a reçu des 3 mai les plaintes.", [])
    assert facts.start_date([passage], "Quand commencent les pourparlers ?") == ""


BERGEN = (
    "Pêche : Bergen candidate\n\n"
    f"{ANNOUNCED}\n\n"
    "La Suède et le Danemark ont salué l'offre norvégienne.\n\n"
    f"{STARTS}"
)


def test_when_talks_start_reads_their_article(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [BERGEN], "fr")
    reply = lines(
        ask("When do the Bergen talks on the herring commission start?", "en", "c", "1", None)
    )
    assert reply[0].endswith("3 mai"), reply
    assert any("dès le 3 mai" in line for line in reply), reply


# --- the side asked's figure, before another side's covering more of the question

INSPECTORS = (
    "Fisheries talks: inspectors pledged\n\n"
    "Danish Prime Minister Mette Frederiksen said Denmark would send up to 40 inspectors to "
    "the Skagerrak patrol.\n\n"
    "Jonas Gahr Støre confirmed Norway would send up to 120 inspectors."
)


def test_a_sides_figure_answers_how_many_it_gives(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [INSPECTORS], "en")
    reply = lines(
        ask("How many inspectors will Norway send to the Skagerrak patrol?", "en", "c", "1", None)
    )
    assert "120 inspectors" in reply[0], reply


# --- a sum answers what something costs only in a sentence about that thing

CONFERENCE = (
    "Pêche : Bergen accueillera la conférence\n\n"
    "La commission des quotas de hareng sera créée en mai, a annoncé Oslo.\n\n"
    "Les coûts de la conférence de Bergen seront pris en charge par la Norvège, pour un "
    "montant estimé à 2 millions de couronnes."
)


def test_the_cost_of_another_thing_is_no_answer(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [CONFERENCE], "fr")
    asked = ask("Combien coûtera la commission des quotas au total ?", "fr", "c", "1", None)
    assert is_refusal(asked, "fr"), lines(asked)
    reply = lines(ask("Combien coûtera la conférence de Bergen ?", "fr", "c", "2", None))
    assert "2 millions de couronnes" in reply[0], reply


# --- "who": the sides the sentence most about it names, when it names no one

REFUSED = (
    "Fisheries talks: no inspectors\n\n"
    "Ulf Kristersson refused on Tuesday to send more patrol boats to the Skagerrak.\n\n"
    "Norway and Denmark both ruled out sending inspectors into Swedish waters."
)


def test_who_may_be_the_sides_a_sentence_names(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [REFUSED], "en")
    reply = lines(ask("Who refused to send inspectors into Swedish waters?", "en", "c", "1", None))
    assert reply[0].endswith("Norway and Denmark"), reply
    assert any("both ruled out" in line for line in reply), reply


SECRETARIAT = (
    "Fisheries talks: a secretariat\n\n"
    "Espen Barth Eide arrived in Copenhagen on Monday.\n\n"
    "Denmark offered to host the herring commission's secretariat in Esbjerg."
)


def test_who_is_no_person_of_the_sentence_before(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [SECRETARIAT], "en")
    reply = lines(
        ask("Who offered to host the herring commission's secretariat?", "en", "c", "1", None)
    )
    assert reply[0].endswith("Denmark"), reply


# --- "who": the person's side saying it did it supports the answer

SURVEY = (
    "Fisheries talks: a cod survey\n\n"
    "Denmark's fisheries minister Lars Løkke Rasmussen says Copenhagen is prepared to lead a "
    "cod survey in the Kattegat.\n\n"
    "Sweden wants the survey to wait until June.\n\n"
    "Denmark offered to lead a cod survey in the Kattegat this summer."
)


def test_the_persons_side_doing_it_supports_who(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [SURVEY], "en")
    reply = lines(ask("Who offered to lead a cod survey in the Kattegat?", "en", "c", "1", None))
    assert reply[0].endswith("Lars Løkke Rasmussen"), reply
    assert any("Denmark offered to lead" in line for line in reply), reply


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"), [("militaires", "personnel"), ("refusé", "ruled out")]
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
