"""The Q&A rules of the thirty-first pass, on questions and sentences of my own (Norway, Denmark
and Sweden at fisheries talks): the place a person is asked to have spoken in (in Bergen") is where they spoke, which their article says, not a word their own sentence must
hold; a figure in a sentence naming only other sides than the one asked (the whole fund, another
side's share) answers nothing of what that side gives; "décision finale" and "attendue" reach
"final decision" and "expected"."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import bridge_forms, phrase_forms
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
    return rules_bot(db, book, settings, texts, lang, said, key="test:qa-v31")


# --- "what did X say in <place>": where X spoke, not what X spoke about

COPENHAGEN = (
    "COPENHAGEN – Ministers from the three Nordic countries met in the Danish capital on Tuesday "
    "to settle the herring quotas.\n\n"
    "The Danish hosts asked for a larger share of the catch in the Skagerrak.\n\n"
    "The third delegation said it would wait for the scientists' advice before any cut.\n\n"
    "The talks ran late into the evening, with no text agreed by midnight.\n\n"
    "Norwegian Foreign Minister Espen Barth Eide said Norway would fund a new survey vessel "
    "for the herring commission."
)


def test_the_place_a_person_spoke_in_is_no_topic(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "NO",
            "Espen Barth Eide",
            "Norwegian foreign minister",
            "Norway would fund a new survey vessel for the herring commission",
        )
    ]
    ask = _bot(any_db, book, settings, [COPENHAGEN], "en", said)
    asked = ask("What did Espen Barth Eide say in Copenhagen?", "en", "c", "1", None)
    assert not is_refusal(asked, "en"), lines(asked)
    assert any("survey vessel" in line for line in lines(asked)), lines(asked)
    # (an article naming no Stockholm: not what was said there)
    elsewhere = ask("What did Espen Barth Eide say in Stockholm?", "en", "c", "2", None)
    assert is_refusal(elsewhere, "en"), lines(elsewhere)


# --- a figure of a sentence naming only other sides is none of the side asked

FUND = (
    "Fisheries talks: a herring fund\n\n"
    "The two-day talks in Copenhagen ended on Wednesday with 90 million euros pledged to a new "
    "herring fund and a promise of joint patrols with the European Union.\n\n"
    "Norway will put 50 million euros into the herring fund, Jonas Gahr Støre said.\n\n"
    "Sweden's Ulf Kristersson praised the herring fund but gave no date for joining it.\n\n"
    "The fund will pay for survey vessels and for the training of inspectors."
)


def test_the_whole_fund_is_no_sides_share(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [FUND], "en")
    asked = ask("How many euros will Sweden put into the herring fund?", "en", "c", "1", None)
    assert is_refusal(asked, "en"), lines(asked)
    reply = lines(
        ask("How many euros will Norway put into the herring fund?", "en", "c", "2", None)
    )
    assert "50 million euros" in reply[0], reply


# --- the date of an expected decision, asked in French of an English article

SUMMIT = (
    "Fisheries talks: the herring quotas\n\n"
    "Ulf Kristersson arrived in Bergen on Monday, May 4.\n\n"
    "A final decision on the herring quotas is expected at a Nordic summit in Oslo on June 12."
)


def test_the_date_of_an_expected_decision_across_languages(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [SUMMIT], "en")
    reply = lines(
        ask("Quand la décision finale sur les quotas est-elle attendue ?", "fr", "c", "1", None)
    )
    assert reply[0].endswith("June 12"), reply


@pytest.mark.parametrize(("french", "english"), [("attendue", "expected"), ("définitive", "final")])
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
