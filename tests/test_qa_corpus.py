"""Q&A over the three real articles of ../shared/corpus: the right article is cited and the key
phrase quoted for answerable questions; unanswerable ones are refused. Prints hit rate and
refusal accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.qa import QuestionAnswerer
from bot.render.text import render_text
from bot.settings import Settings
from bot.textnorm import ground_key
from tests.qa_support import corpus_bot, corpus_files

QUESTIONS = json.loads((Path(__file__).parent / "qa" / "questions.json").read_text("utf-8"))
THRESHOLD = 0.85

pytestmark = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def test_questions_file_is_varied() -> None:
    assert len(QUESTIONS) >= 20
    assert sum(1 for q in QUESTIONS if q.get("answerable", True) is False) >= 5
    assert {q["lang"] for q in QUESTIONS} == {"fr", "en"}


def test_corpus_questions(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    bot, names = corpus_bot(settings)
    ask = QuestionAnswerer(bot)
    refused_text = {"fr": "ne le disent pas", "en": "do not say"}
    hits = answerable = refusals = unanswerable = 0
    misses: list[str] = []
    for number, item in enumerate(QUESTIONS):
        reply = ask(item["q"], item["lang"], "console", f"corpus-{number}", None)
        text = render_text(reply)
        assert reply.tag and reply.tag.startswith("answer:")
        refused = refused_text[item["lang"]] in text
        if item.get("answerable", True) is False:
            unanswerable += 1
            refusals += refused
            if not refused:
                misses.append(f"not refused: {item['q']}")
            continue
        answerable += 1
        cited = [b.plain for b in reply.blocks if b.kind == "source"]
        right_source = any(s[:3] in c for s in item["sources"] for c in cited)
        has_key = ground_key(item["key"]) in ground_key(text)
        if not refused and right_source and has_key:
            hits += 1
        else:
            misses.append(f"missed: {item['q']} (source ok={right_source}, key ok={has_key})")
    hit_rate = hits / answerable
    refusal_accuracy = refusals / unanswerable
    with capsys.disabled():
        print(
            f"\nQ&A corpus: hit rate {hit_rate:.2f} ({hits}/{answerable}), "
            f"refusal accuracy {refusal_accuracy:.2f} ({refusals}/{unanswerable})"
        )
        for line in misses:
            print("  " + line)
    assert len(names) == len(corpus_files())
    assert hit_rate >= THRESHOLD
    assert refusal_accuracy >= THRESHOLD


def test_english_answer_marks_french_quotes(settings: Settings) -> None:
    bot, _ = corpus_bot(settings)
    reply = QuestionAnswerer(bot)("What did Macron say about the plan?", "en", "console", "x", None)
    quotes = [b.plain for b in reply.blocks if b.kind == "quote"]
    assert quotes and all("(in French)" in q for q in quotes)
    assert any("pas de plan finalisé" in q for q in quotes)
    assert next(b.plain for b in reply.blocks if b.kind == "source").startswith("[1] ")
