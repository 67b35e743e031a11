"""The thirty-first blind question set (tests/qa/questions_v31.json, written in session 18 without
looking at the code, over dev sets 78 and 79, kept unread until the code of 2b9acd6):
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

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v31.json")

# held out: 0.38 (12/32) and refusals 0.88 (7/8), scored once on the code of 2b9acd6 (session 18,
# after its Q&A pass), dev sets 78 and 79 and these questions unread until then; after the
# session's second Q&A pass: 0.44 (14/32), refusals 1.00 (8/8)
HIT_FLOOR = 0.34
REFUSAL_FLOOR = 0.85

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v31(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v31")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
