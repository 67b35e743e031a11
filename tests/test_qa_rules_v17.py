"""The Q&A rules of the seventeenth pass (issue #13), on questions and sentences of my own:
an ordinal in figures is matched in either language's writing ("the 11th package" finds "le
11e paquet"), and the glossary's row package/paquet; a presence of troops is their
deployment (glossary); the question put to a speaker covers the first sentence of the reply
as before, its later sentences less surely ("Le ministre l'a redit hier à Bergen."); "along",
"alongside", "across", "within" are stop words (a question's "along the current line" asked
for the word "along")."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa.lexicon import MentionFinder, ordinal_forms
from bot.qa.query import parse_question
from bot.qa.search import Passage, matches
from bot.qa.text import stems
from bot.settings import Settings
from bot.store.db import Database
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines


def _passage(text: str, lang: str = "fr") -> Passage:
    return Passage(1, 1, 0, lang, text, stems(text, lang))


# --- an ordinal in either language's writing


@pytest.mark.parametrize(
    ("question", "label", "sentence", "lang"),
    [
        (
            "What is the ferry board's view of the 11th river package?",
            "11th",
            "Le 11e paquet fluvial sera examiné jeudi à Vellmar.",
            "fr",
        ),
        (
            "Que dit la compagnie du 3e paquet fluvial ?",
            "3e",
            "The 3rd river package reaches Vellmar on Thursday.",
            "en",
        ),
        (
            "Que dit la compagnie du 1er paquet fluvial ?",
            "1er",
            "The 1st river package reaches Vellmar on Thursday.",
            "en",
        ),
    ],
)
def test_an_ordinal_is_matched_in_the_other_languages_writing(
    finder: MentionFinder, question: str, label: str, sentence: str, lang: str
) -> None:
    query = parse_question(question, finder)
    ordinal = next(c for c in query.concepts if c.label == label)
    assert matches(ordinal, _passage(sentence, lang))


@pytest.mark.parametrize("word", ["11", "eleventh", "tenth", "1st2", "ferry"])
def test_no_ordinal_in_figures_no_other_writing(word: str) -> None:
    assert ordinal_forms(word) == set()


def test_another_ordinal_is_not_matched(finder: MentionFinder) -> None:
    query = parse_question("What is the ferry board's view of the 11th river package?", finder)
    ordinal = next(c for c in query.concepts if c.label == "11th")
    assert not matches(ordinal, _passage("Le 12e paquet fluvial sera examiné jeudi."))


def test_a_package_is_a_paquet(finder: MentionFinder) -> None:
    query = parse_question("What is the ferry board's view of the river package?", finder)
    package = next(c for c in query.concepts if c.label == "package")
    assert matches(package, _passage("Le paquet fluvial sera examiné jeudi à Vellmar."))


# --- a presence of troops is their deployment


def test_a_presence_is_a_deployment(finder: MentionFinder) -> None:
    query = parse_question(
        "Quelle est la position de la Norvège sur la présence de garde-côtes à Vellmar ?", finder
    )
    presence = next(c for c in query.concepts if c.label == "presence")
    sentence = "Oslo refuse any deployment of coastguards in the Vellmar strait."
    assert matches(presence, _passage(sentence, "en"))


# --- a reply's later sentences answer the question put less surely than its first

INTERVIEW = (
    "« Nous tiendrons le détroit de Vellmar »\n\n"
    "Entretien avec Ingrid Dahl, ministre norvégienne de la Pêche.\n\n"
    "Question : L'envoi de garde-côtes norvégiens dans le détroit de Vellmar est-il exclu ?\n\n"
    "Ingrid Dahl : Nous n'enverrons aucun navire armé là-bas. Le ministre l'a redit hier à "
    "Bergen. Nos chalutiers restent au port.\n\n"
    "Ingrid Dahl a ajouté : Oslo préfère payer des garde-côtes locaux dans le détroit plutôt "
    "que d'en envoyer."
)
REPLY_SAID = [
    ("NO", "Ingrid Dahl", "ministre de la Pêche", sentence)
    for sentence in (
        "Nous n'enverrons aucun navire armé là-bas.",
        "Le ministre l'a redit hier à Bergen.",
        "Nos chalutiers restent au port.",
        "Oslo préfère payer des garde-côtes locaux dans le détroit plutôt que d'en envoyer.",
    )
]


def test_a_replys_later_sentences_give_way_to_words_on_what_is_asked(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [INTERVIEW], REPLY_SAID)
    reply = lines(
        asker(
            "Quelle est la position de la Norvège sur l'envoi de garde-côtes dans le détroit "
            "de Vellmar ?",
            "fr",
            "c",
            "reply",
            None,
        )
    )
    assert any("payer des garde-côtes locaux" in line for line in reply), reply
    assert any("aucun navire armé" in line for line in reply), reply


# --- prepositions of place are no words of what is asked


@pytest.mark.parametrize("word", ["along", "alongside", "across", "within"])
def test_a_preposition_of_place_is_no_concept(finder: MentionFinder, word: str) -> None:
    query = parse_question(f"What does Norway want {word} the Vellmar strait?", finder)
    assert word not in {c.label for c in query.concepts}
