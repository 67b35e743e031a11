"""The Q&A rules of the tenth pass (issue #13), on questions and sentences of my own, in French
and English: a title's capitalised words ("Mayors and Harbour Chiefs Meet in Velden") are no
one's name when a "who" is asked, but a plain title's full name is ("Talks of the Mayor of
Velden Anna Berg and …"), without the country opening its run ("Prime Minister of Finland
Petteri Orpo": Petteri Orpo); the noun a "how many" counts may follow the words that
qualify it ("40 extra mobile water pumps"), not across a comma; "how long is the border",
"quelle est la longueur du pipeline" ask a length, not a time."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.qa.facts import count, office_holder, person
from bot.qa.lexicon import MentionFinder
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.test_qa_rules_v8 import answer, sentence

# --- a title is no one's name

TITLED = (
    "Mayors and Harbour Chiefs Meet in Velden\n\n"
    "The harbour authority opened the meeting on Monday morning in the town hall.\n\n"
    "Several mayors asked for more money for the dykes along the coast.\n"
)


def test_a_title_gives_no_name_to_a_who_question(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = answer(any_db, book, settings, TITLED, "Who opened the meeting of mayors in Velden?")
    assert not any("Harbour Chiefs" in line for line in reply[:1])


PLAIN = (
    "Joint visit of the mayor of Velden Anna Berg and the harbour chief\n\n"
    "The harbour authority opened the meeting on Monday morning in the town hall.\n"
)


def test_a_plain_title_still_names_who(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    plain = PLAIN
    reply = answer(
        any_db, book, settings, plain, "Who is the mayor on the joint visit with the harbour chief?"
    )
    assert "Anna Berg" in reply[0]


def test_the_country_opening_a_name_is_left_out(gazetteer: Gazetteer) -> None:
    text = "Talks of the Foreign Minister of Poland Marta Zielinska and the Czech envoy"
    question = "Which foreign minister took part in the talks?"
    assert office_holder([sentence(1, text)], "minister", question, gazetteer) == (
        "Marta Zielinska"
    )
    alone = "The visit was led by Poland Marta Zielinska herself."
    assert person([sentence(1, alone)], "Who led the visit?", gazetteer, []) == "Marta Zielinska"


# --- the counted noun after the words that qualify it


def test_the_counted_noun_may_follow_its_qualifiers() -> None:
    text = "The region asked the army for 40 extra mobile water pumps before the spring floods."
    question = "How many pumps did the region ask for?"
    assert count([sentence(1, text)], question, set()) == "40 extra mobile water pumps"
    french = "La région a demandé 40 pompes mobiles supplémentaires."
    assert count(
        [sentence(1, french)], "Combien de pompes la région a-t-elle demandées ?", set()
    ) == ("40 pompes")


def test_a_word_of_grammar_or_a_comma_ends_the_qualifiers() -> None:
    question = "How many pumps did the region ask for?"
    listed = "The region asked for 40 trucks and some pumps."
    assert count([sentence(1, listed)], question, set()) != "40 trucks and some pumps"
    comma = "The region asked for 40 trucks, pumps and boats."
    assert "pumps" not in count([sentence(1, comma)], question, set())


# --- the length of a border or a road is asked by "how long is"


@pytest.mark.parametrize(
    "question",
    [
        "How long is the border between the two provinces?",
        "How long would the new coastal road be?",
        "What is the length of the pipeline?",
        "Quelle est la longueur de la frontière entre les deux provinces ?",
    ],
)
def test_how_long_a_border_is_asks_a_length(question: str, finder: MentionFinder) -> None:
    assert understand(question, finder).kind == "count"
    assert count([sentence(1, "They share a 212-kilometre border.")], question, set()) == (
        "212-kilometre"
    )


@pytest.mark.parametrize(
    "question",
    ["How long is the truce meant to hold?", "How long was the meeting of the mayors?"],
)
def test_how_long_a_meeting_is_still_asks_a_time(question: str, finder: MentionFinder) -> None:
    assert understand(question, finder).kind == "duration"
