"""The thirty-fourth blind question set (tests/qa/questions_v34.json, written in session 20 without
looking at the code, over dev sets 84 and 85, scored at once on the code of 559f501): over the
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

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v34.json")

# held out: 0.25 (8/32) and refusals 0.75 (6/8), scored once on the code of 559f501 (session
# 20's start), dev sets 84 and 85 and these questions unread until then
HIT_FLOOR = 0.22
REFUSAL_FLOOR = 0.72

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v34(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v34")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
