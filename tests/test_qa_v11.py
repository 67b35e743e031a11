"""The eleventh blind question set (tests/qa/questions_v11.json, written in session 8 without
looking at the code, over dev sets 38 and 39): over the shared corpus and those dev sets
ingested together, the key fragment is in the answer of each answerable question and the
unanswerable ones are refused. Follow-ups are asked in the chat of the question they follow.

Its held-out figure (scored once, before any rule was written from it) is in the README; the
floors below guard against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.qa_support import corpus_files, load_questions, score_blind_set

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v11.json")

# held out: 0.62 (20/32) and refusals 0.88 (7/8), scored once on session 8's final code (7e9e9b2)
# before anything was written from it
# after the tenth Q&A pass (session 8): 0.66 (21/32) and refusals 0.88 (7/8)
# after the eleventh Q&A pass (qa11): 0.78 (25/32) and refusals 0.88 (7/8)
# after the twelfth Q&A pass (qa12): 0.81 (26/32) and refusals 0.88 (7/8)
# after the thirteenth Q&A pass (qa13): 0.81 (26/32) and refusals 0.88 (7/8)
# after the fifteenth Q&A pass (qa15): 0.84 (27/32) and refusals 0.88 (7/8)
# session 15: 0.81 (26/32). The engine no longer gives a think-tank analyst's words ("He told
# us that European demands …") to Maria Zakharova; the answer to "What does Moscow demand …?"
# lost that wrong statement, and its follow-up "And how did Kyiv respond to that?", asked
# over the articles of the new answer, ranks Sybiha's reply fourth (it was third by that luck)
HIT_FLOOR = 0.80
REFUSAL_FLOOR = 0.86

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v11(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v11")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
