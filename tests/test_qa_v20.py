"""The twentieth blind question set (tests/qa/questions_v20.json, written in session 13 without
looking at the code, over dev sets 56 and 57, scored once at the session's start):
over the shared corpus and those dev sets ingested together, the key fragment is in the answer
of each answerable question and the unanswerable ones are refused. Follow-ups are asked in the
chat of the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v20.json")

# held out: 0.50 (16/32) and refusals 0.50 (4/8), scored once on 5c2d7a7 (session 12's last
# commit) before anything was written from it
# after the twenty-second pass, which learnt from it: 0.59 (19/32), refusals 0.75 (6/8)
HIT_FLOOR = 0.56
REFUSAL_FLOOR = 0.73

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v20(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v20")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
