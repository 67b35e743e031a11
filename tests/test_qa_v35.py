"""The thirty-fifth blind question set (tests/qa/questions_v35.json, written in session 20 without
looking at the code, over dev sets 86 and 87, kept unread until the code of ff9504b): over the
shared corpus and those dev sets ingested together, the key fragment is in the answer of each
answerable question and the unanswerable ones are refused. Follow-ups are asked in the chat of
the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v35.json")

# held out: 0.31 (10/32) and refusals 1.00 (8/8), scored once on the code of ff9504b (session
# 20, after the rules from sets 84-85 and the thirty-fourth Q&A pass), dev sets 86 and 87 and
# these questions unread until then
# 0.41 (13/32) after the thirty-fifth Q&A pass (rules learnt from these questions, so no longer
# a held-out figure)
HIT_FLOOR = 0.38
REFUSAL_FLOOR = 0.97

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v35(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v35")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
