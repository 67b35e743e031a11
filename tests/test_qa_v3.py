"""The second blind question set (tests/qa/questions_v3.json, written in session 4 without
looking at the code, over dev sets 18 and 19): over the shared corpus and those dev sets
ingested together, the key fragment is in the answer of each answerable question and the
unanswerable ones are refused. Follow-ups are asked in the chat of the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v3.json")
# held out: 0.68 (27/40) and refusals 0.70 (7/10), scored once on merging the Q&A work of
# session 4; after a second pass that learnt from it: 0.88 (35/40), 1.00 (10/10); after the
# third (issue 13): 0.90 (36/40), 1.00
HIT_FLOOR = 0.89
REFUSAL_FLOOR = 0.99

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v3(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v3")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
