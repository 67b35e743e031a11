"""The Q&A rules of the seventeenth pass (issue #13), on questions and sentences of my own:
an ordinal in figures is matched in either language's writing ("the 11th package" finds "le
11e paquet"), and the glossary's row package/paquet."""

from __future__ import annotations

import pytest

from bot.qa.lexicon import MentionFinder, ordinal_forms
from bot.qa.query import parse_question
from bot.qa.search import Passage, matches
from bot.qa.text import stems


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
