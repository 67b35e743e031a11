"""The fifth blind question set (tests/qa/questions_v6.json, written in session 7 without
looking at the code, over dev sets 26 and 27): over the shared corpus and those dev sets
ingested together, the key fragment is in the answer of each answerable question and the
unanswerable ones are refused. Follow-ups are asked in the chat of the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v6.json")
# held out: 0.53 (17/32) and refusals 0.75 (6/8), scored once on session 7's code (5f50e59)
# before anything was written from it
# after the sixth Q&A pass learnt from it (session 7, engine 1607c4d): 0.56 (18/32) and
# refusals 0.88 (7/8)
# after the seventh Q&A pass learnt from it (session 7, s7-qa3): 0.81 (26/32) and refusals
# 1.00 (8/8)
# after the ninth Q&A pass (session 8, qa9): 0.84 (27/32) and refusals 1.00 (8/8)
# after the thirteenth Q&A pass (qa13): 0.88 (28/32) and refusals 1.00 (8/8)
HIT_FLOOR = 0.86
REFUSAL_FLOOR = 0.99

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v6(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v6")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
