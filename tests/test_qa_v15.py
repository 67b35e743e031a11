"""The fifteenth blind question set (tests/qa/questions_v15.json, written in session 10 without
looking at the code, over dev sets 46 and 47): over the shared corpus and those dev sets
ingested together, the key fragment is in the answer of each answerable question and the
unanswerable ones are refused. Follow-ups are asked in the chat of the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v15.json")

# held out: 0.56 (18/32) and refusals 0.75 (6/8), scored once on 82a86f7 (session 10's final
# engine, after the fourteenth and fifteenth Q&A passes) before anything was written from it
# sixteenth Q&A pass (learnt from it): 0.56 (18/32), refusals 1.00 (8/8); with the engine's
# rules then learnt from devset47: 0.59 (19/32)
# seventeenth Q&A pass: 0.69 (22/32), refusals 1.00 (8/8)
HIT_FLOOR = 0.67
REFUSAL_FLOOR = 0.98

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v15(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v15")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
