"""Benchmark: LLM calls and tokens for a digest as a function of new articles N, languages L
and chats C, against the fake OpenAI-compatible server (started here; nothing leaves 127.0.0.1).

Expected: N + L calls for the first digest, 0 more per extra chat, 0 when re-run with nothing
new, and 1 + L when one article is added. Run: ``.venv/bin/python bench/llm_cost.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_bot
from bot.domain.models import LANGS, Article
from bot.llm import accounting
from bot.settings import Settings
from bot.store import Database
from tests.fakes.openai_server import FakeOpenAI, Reply, running, user_message

SPEAKERS = [
    ("RU", "Dmitri Peskov", "porte-parole du Kremlin"),
    ("UA", "Taras Ovtchar", "négociateur"),
]


def make_article(n: int) -> Article:
    _party, speaker, role = SPEAKERS[n % 2]
    text = (
        f"Genève, jour {n}. Le {role}, {speaker}, a déclaré : "
        f"« Nous n'accepterons pas la proposition numéro {n} sans garanties. » "
        "Les discussions reprendront la semaine prochaine."
    )
    return Article(
        text=text,
        title=f"Pourparlers, jour {n}",
        url=f"https://news.example/{n}",
        lang="fr",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        id=n,
    )


def respond(request: dict[str, Any]) -> Reply:
    """A plausible structured answer for extraction and briefing requests."""
    kind = request["response_format"]["json_schema"]["name"]
    user = user_message(request)
    if kind == "Extraction":
        quote = re.search(r"« (.*?) »", user)
        speaker = next((s for s in SPEAKERS if s[1] in user), SPEAKERS[0])
        positions = []
        if quote:
            positions.append(
                {
                    "party_id": speaker[0],
                    "speaker": speaker[1],
                    "role": speaker[2],
                    "claim": "Refuse la proposition sans garanties.",
                    "evidence": quote.group(1),
                    "quote": quote.group(1),
                    "topics": ["security_guarantees"],
                }
            )
        data: dict[str, Any] = {"positions": positions}
    else:
        lines = [json.loads(x) for x in user.split("\n") if x.startswith('{"id"')]
        sections: dict[str, list[dict[str, Any]]] = {}
        for p in lines[:6]:
            sections.setdefault(p["party_id"], []).append(
                {
                    "position_id": p["id"],
                    "speaker": p["speaker"],
                    "role": p["role"],
                    "claim": p["claim"],
                    "quote": p["quote"],
                    "quote_lang": p["lang"],
                    "translation": "",
                }
            )
        data = {
            "headline": "Briefing",
            "sections": [{"party_id": k, "items": v} for k, v in sections.items()],
            "disputes": [],
        }
    content = json.dumps(data, ensure_ascii=False)
    prompt_chars = sum(len(m["content"]) for m in request["messages"])
    return Reply(content=content, tokens_in=prompt_chars // 4, tokens_out=len(content) // 4)


def digest(bot: Any, articles: list[Article], langs: int, chats: int) -> None:
    for _chat in range(chats):
        for lang in LANGS[:langs]:
            bot.briefing(articles, lang, max_chars=1500)


def run(server: FakeOpenAI, n: int, langs: int, chats: int) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            engine="llm", openai_base_url=server.base_url, data_dir=Path(tmp), llm_max_retries=0
        )
        db = Database(settings.db_url)
        bot = build_bot(settings, db=db)
        articles = [make_article(i) for i in range(1, n + 1)]
        start = server.calls
        digest(bot, articles, langs, chats)
        first = server.calls - start
        tokens = accounting.tokens_used(db)
        digest(bot, articles, langs, chats)
        rerun = server.calls - start - first
        before = server.calls
        digest(bot, [*articles, make_article(n + 1)], langs, chats)
        plus_one = server.calls - before
        db.close()
    return {"first": first, "tokens": tokens, "rerun": rerun, "plus_one": plus_one}


def main() -> None:
    os.environ.setdefault("OPENAI_API_KEY", "sk-bench-fake")
    header = f"{'N':>3} {'L':>2} {'C':>2} | {'calls':>5} {'N+L':>4} {'tokens':>7} | "
    header += f"{'re-run':>6} | {'+1 article':>10} {'1+L':>4}"
    print(header)
    print("-" * len(header))
    with running() as server:
        server.responder = respond
        for n, langs, chats in [(1, 1, 1), (5, 1, 1), (5, 2, 1), (5, 2, 10), (20, 2, 3)]:
            r = run(server, n, langs, chats)
            print(
                f"{n:>3} {langs:>2} {chats:>2} | {r['first']:>5} {n + langs:>4} {r['tokens']:>7} | "
                f"{r['rerun']:>6} | {r['plus_one']:>10} {1 + langs:>4}"
            )


if __name__ == "__main__":
    main()
