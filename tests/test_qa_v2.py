"""The blind question set (tests/qa/questions_v2.json, written on branch devsets without
looking at the code): over the shared corpus and dev sets 15-17 ingested together, the key
fragment is in the answer of each answerable question and the unanswerable ones are refused
(the first line says the articles do not say, or that the person is not quoted). Follow-ups
are asked in the chat of the question they follow. Prints the figures per kind and language.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v2.json")
HIT_FLOOR = 0.89
REFUSAL_FLOOR = 0.99

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v2")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
