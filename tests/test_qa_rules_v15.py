"""The Q&A rules of the fifteenth pass (issue #13), on questions and sentences of my own: a
French verb's third person plural that the stemmer keeps whole ("signent") is a form of the
participle the question uses ("signé"); "à quelle heure", "at what time" ask a "when"
answered by a clock time; a place the gazetteer knows that the question says something
happened at ("at the Copenhagen talks") is left to the article of a "who" answer, like an unknown
place; the side qualifying a word of a "who" question ("Norway's delegation") excludes the
sentences giving that word to another side only, though the side is not the party asked."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import facts
from bot.qa.lexicon import MentionFinder, plural_verb_forms
from bot.qa.query import parse_question, places_asked
from bot.qa.respond import venues
from bot.qa.retrieve import Retrieval
from bot.qa.search import Passage, matches
from bot.qa.text import stems
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines

# --- a verb's plural the stemmer keeps whole


@pytest.mark.parametrize(
    ("word", "plural"),
    [("signé", "signent"), ("amarrer", "amarrent"), ("russes", None), ("avoirs", None)],
)
def test_a_participles_plural_is_one_of_its_forms(word: str, plural: str | None) -> None:
    assert plural_verb_forms(word) == ({(plural,)} if plural else set())


def test_a_question_saying_the_participle_finds_the_plural(finder: MentionFinder) -> None:
    query = parse_question("Quand les chalutiers ont-ils amarré au port de Korsvik ?", finder)
    moored = next(c for c in query.concepts if c.label == "amarre")
    sentence = "A l'aube, les chalutiers amarrent au quai nord."
    assert matches(moored, Passage(1, 1, 0, "fr", sentence, stems(sentence, "fr")))


# --- a time of day


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        (
            "A quelle heure les chalutiers sont-ils rentrés au port de Korsvik ?",
            "Le 3 mars, à 5 h 15, les chalutiers sont rentrés au port de Korsvik.",
            "5 h 15",
        ),
        (
            "At what time did the trawlers return to Korsvik harbour?",
            "On March 3 the trawlers returned to Korsvik harbour at 5:15 a.m.",
            "5:15 a.m.",
        ),
    ],
)
def test_a_time_of_day_is_read_on_the_clock(
    finder: MentionFinder, question: str, sentence: str, value: str
) -> None:
    assert understand(question, finder).kind == "when"
    lang = "fr" if question.startswith("A ") else "en"
    passage = Passage(1, 1, 0, lang, sentence, stems(sentence, lang))
    assert facts.has_value("when", passage, question)
    assert facts.date([passage], question) == value


# --- a known place the question names as a venue, and the side of a "who" question's word

TALKS = (
    "Pourparlers de Copenhague : ce que l'on sait\n\n"
    "Les pourparlers sur le port de Korsvik se sont achevés jeudi à Copenhague.\n\n"
    "At the Copenhagen talks, the mediation was led by Mette Lund, a retired judge.\n\n"
    "Norway's delegation was led by Ingrid Solberg, a former fisheries minister.\n"
)


def test_a_known_venue_is_left_to_the_article(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [TALKS], [])
    question = "Who led Norway's delegation at the Copenhagen talks?"
    reply = lines(asker(question, "en", "c", "o", None))
    assert reply[0] == "Who: Ingrid Solberg", reply


SWEDEN = "Sweden's delegation at the Korsvik talks was led by Lars Holm."
NORWAY = "Norway's delegation at the Korsvik talks was led by Ingrid Solberg."


def test_a_word_another_side_qualifies_does_not_say_who(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [], [])
    u = understand("Who led Norway's delegation at the Korsvik talks?", asker.finder)
    ranked = [  # the other side's sentence ranks first
        Passage(1, 1, 1, "en", SWEDEN, stems(SWEDEN, "en"), score=1.2, coverage=1.0),
        Passage(2, 1, 2, "en", NORWAY, stems(NORWAY, "en"), score=1.0, coverage=1.0),
    ]
    found = asker.responder._from_retrieval(u, Retrieval(u.query, ranked), "en")
    assert found.line == "Who: Ingrid Solberg", found.line
    assert not any("Lars Holm" in s.text for s in found.statements), found.statements


def test_a_known_venue_after_an_article_and_its_event_are_places_asked(
    finder: MentionFinder,
) -> None:
    u = understand("Who led Norway's delegation at the Copenhagen talks?", finder)
    known = [c.label for c in venues(u)]
    assert known == ["Denmark"], known
    assert {"Denmark", "talks"} <= set(places_asked(u.query, known))
