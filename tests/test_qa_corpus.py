"""Q&A over the three real articles of ../shared/corpus: the right article is cited and the key
phrase quoted for answerable questions; unanswerable ones are refused. Prints hit rate and
refusal accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.qa import QuestionAnswerer
from bot.settings import Settings
from tests.qa_support import ask_all, corpus_bot, corpus_files

QUESTIONS = json.loads((Path(__file__).parent / "qa" / "questions.json").read_text("utf-8"))
THRESHOLD = 1.0

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_questions_file_is_varied() -> None:
    assert len(QUESTIONS) >= 20
    assert sum(1 for q in QUESTIONS if q.get("answerable", True) is False) >= 5
    assert {q["lang"] for q in QUESTIONS} == {"fr", "en"}


def test_corpus_questions(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    bot, names = corpus_bot(settings)
    scores = ask_all(bot, QUESTIONS, check_source=True)
    with capsys.disabled():
        print("\n" + scores["all"].line("Q&A corpus"))
        for line in scores["all"].misses:
            print("  " + line)
    assert len(names) == len(corpus_files())
    assert scores["all"].hit_rate >= THRESHOLD
    assert scores["all"].refusal_accuracy == 1.0


def test_english_answer_marks_french_quotes(settings: Settings) -> None:
    bot, _ = corpus_bot(settings)
    reply = QuestionAnswerer(bot)("What did Macron say about the plan?", "en", "console", "x", None)
    quotes = [b.plain for b in reply.blocks if b.kind == "item"]
    assert quotes and all("(in French)" in q for q in quotes)
    assert any("pas de plan finalisé" in q for q in quotes)
    assert next(b.plain for b in reply.blocks if b.kind == "source").startswith("[1] ")
