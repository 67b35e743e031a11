"""The thirty-second blind question set (tests/qa/questions_v32.json, written in session 19 without
looking at the code, over dev sets 80 and 81, scored at once on the code of 26e45f2): over the
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

QUESTIONS = load_questions(Path(__file__).parent / "qa" / "questions_v32.json")

# held out: 0.44 (14/32) and refusals 0.50 (4/8), scored once on the code of 26e45f2 (session
# 19's first), before any rule was written from dev sets 80 and 81 or these questions; two of the
# four unanswerable questions of set 80 (China) are answered by set 81's articles, asked together;
# 0.47 (15/32) and 0.62 (5/8) before the Q&A pass of worktree qa33, 0.50 (16/32) and 0.75 (6/8)
# after it (a "who" asking a figure is answered by a sentence giving it; "une mission" is no count
# of the drones asked)
HIT_FLOOR = 0.47
REFUSAL_FLOOR = 0.72

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_blind_questions_v32(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        scores = score_blind_set(settings, QUESTIONS, "Q&A v32")
    assert scores.hit_rate >= HIT_FLOOR
    assert scores.refusal_accuracy >= REFUSAL_FLOOR
