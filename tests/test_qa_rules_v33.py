"""The Q&A rules of the thirty-third pass, on questions and sentences of my own (Norway,
Denmark and Sweden at fisheries talks): a "who" question giving a figure ("who offered
up to 150 inspectors?") is answered by a sentence giving that figure, not by one closer in words
with another; a side's position "on when" something happens is its stance, not a date asked;
"que reproche X" asks X's stance and reaches "accused"; "que compte faire X" ("what does X
intend to do") asks what X does or proposes, the words not looked for; "une mission" is no count
of the drones asked; "And Sweden?" after Denmark's answer gives Sweden's own words elsewhere rather
than sentences naming it in Denmark's articles; glossary rows for refugees and "together
with"."""

from __future__ import annotations

from functools import partial

import pytest

from bot.domain.parties import PartyBook
from bot.qa.lexicon import bridge_forms, phrase_forms
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal, rules_bot
from tests.test_qa_rules_v8 import lines

_bot = partial(rules_bot, key="test:qa-v33")


# --- "who offered up to 150 …": the sentence giving 150, not one closer in words giving 60

INSPECTORS = (
    "REYKJAVIK – Fisheries ministers from three Nordic countries met on Thursday to plan joint "
    "patrols of the herring grounds.\n\n"
    "Denmark offered to send up to 60 inspectors to the joint patrols in the Norwegian Sea.\n\n"
    "Sweden offered to send up to 150 inspectors for the patrols, its minister said.\n\n"
    "The talks will resume in Tromsø next month."
)


def test_a_figure_asked_by_who_is_the_figure_the_sentence_gives(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [INSPECTORS], "en")
    reply = lines(ask("Who offered to send up to 150 inspectors?", "en", "c", "1", None))
    assert not any("60 inspectors" in line for line in reply), reply
    assert any("150 inspectors" in line for line in reply), reply


# --- "what is Norway's position on when …": a stance, not a date

QUOTAS = (
    "Fisheries talks: the herring quotas\n\n"
    "Norway wants the new herring quotas set only after the scientists have finished their "
    "survey of the spawning grounds, Jonas Gahr Støre said.\n\n"
    "Denmark has asked for a larger share of the catch in the Skagerrak.\n\n"
    "The survey vessels left Bergen on Monday."
)


def test_a_position_on_when_is_a_stance(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "NO",
            "Jonas Gahr Støre",
            "Norwegian prime minister",
            "Norway wants the new herring quotas set only after the scientists have finished "
            "their survey of the spawning grounds",
        )
    ]
    ask = _bot(any_db, book, settings, [QUOTAS], "en", said)
    asked = ask("What is Norway's position on when the quotas should be set?", "en", "c", "1", None)
    assert not is_refusal(asked, "en"), lines(asked)
    assert any("survey of the spawning grounds" in line for line in lines(asked)), lines(asked)


# --- "que reproche la Suède au Danemark ?": Sweden's stance, its charge ("accused")

CHARGE = (
    "Fisheries talks: a row over the Skagerrak\n\n"
    "Sweden accused Denmark of landing undeclared herring in its ports, Ulf Kristersson said.\n\n"
    "The Danish delegation did not comment on the charge.\n\n"
    "The talks will resume in Tromsø next month."
)


def test_que_reproche_asks_a_sides_charge(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "SE",
            "Ulf Kristersson",
            "Swedish prime minister",
            "Sweden accused Denmark of landing undeclared herring in its ports",
        )
    ]
    ask = _bot(any_db, book, settings, [CHARGE], "en", said)
    asked = ask("Que reproche la Suède au Danemark ?", "fr", "c", "1", None)
    assert not is_refusal(asked, "fr"), lines(asked)
    assert any("undeclared herring" in line for line in lines(asked)), lines(asked)


# --- "et que compte faire le Danemark ?": what a side means to do, "compte faire" not looked for

CUT = (
    "Fisheries talks: the herring cut\n\n"
    "Denmark rejected the proposed cut of the herring quota, Mette Frederiksen said.\n\n"
    "Denmark proposed a two-year freeze of the herring quota at its current level, the Danish "
    "prime minister said.\n\n"
    "The survey vessels left Bergen on Monday."
)


def test_what_a_side_means_to_do_is_its_stance(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "DK",
            "Mette Frederiksen",
            "Danish prime minister",
            "Denmark rejected the proposed cut of the herring quota",
        ),
        (
            "DK",
            "Mette Frederiksen",
            "Danish prime minister",
            "Denmark proposed a two-year freeze of the herring quota at its current level",
        ),
    ]
    ask = _bot(any_db, book, settings, [CUT], "en", said)
    ask(
        "Quelle est la position du Danemark sur la baisse du quota de hareng ?",
        "fr",
        "c",
        "1",
        None,
    )
    asked = ask("Et que compte faire le Danemark ?", "fr", "c", "1", None)
    assert not is_refusal(asked, "fr"), lines(asked)
    assert any("two-year freeze" in line for line in lines(asked)), lines(asked)


@pytest.mark.parametrize(
    ("french", "english"),
    [("réfugiés", "refugees"), ("reproche", "accused"), ("conjointement avec", "together with")],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)


# --- "combien de drones la mission aurait-elle ?": "une mission" counts no drones

DRONES = (
    "Fisheries talks: the patrols\n\n"
    "Une mission sans drones ni images satellites serait une mission aveugle, a estimé "
    "Jonas Gahr Støre.\n\n"
    "Les navires de surveillance ont quitté Bergen lundi."
)


def test_an_article_counts_only_what_is_counted_first(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [DRONES], "fr")
    asked = ask("Combien de drones la mission de surveillance aurait-elle ?", "fr", "c", "1", None)
    assert is_refusal(asked, "fr"), lines(asked)


# --- "And Sweden?" after Denmark's answer: Sweden's own words elsewhere, not sentences naming
# it in Denmark's articles

DANISH = (
    "Fisheries talks: Denmark's demand\n\n"
    "Denmark wants a larger herring quota in the Skagerrak, Mette Frederiksen said.\n\n"
    "Sweden and Norway followed the herring quota talks from Stockholm and Oslo.\n\n"
    "Sweden sent no minister to the herring quota talks in Copenhagen.\n\n"
    "Sweden's herring fleet has shrunk by a third since the last herring quota deal.\n\n"
    "A Swedish observer took notes on the herring quota talks for Stockholm."
)
SWEDISH = (
    "Sweden sets terms on the herring\n\n"
    "Ulf Kristersson said Sweden would accept a smaller herring quota only if the cod quota "
    "rose.\n\n"
    "The survey vessels left Bergen on Monday."
)


def test_a_side_not_quoted_in_the_thread_is_answered_from_its_own_words(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "DK",
            "Mette Frederiksen",
            "Danish prime minister",
            "Denmark wants a larger herring quota in the Skagerrak",
        ),
        (
            "SE",
            "Ulf Kristersson",
            "Swedish prime minister",
            "Sweden would accept a smaller herring quota only if the cod quota rose",
        ),
    ]
    ask = _bot(any_db, book, settings, [DANISH, SWEDISH], "en", said)
    ask("What is Denmark's position on the herring quota?", "en", "c", "1", None)
    asked = lines(ask("And Sweden?", "en", "c", "1", None))
    assert any("cod quota rose" in line for line in asked), asked
