"""Benchmark: a ``brief`` of 20 articles while the model endpoint misbehaves, against the fake
OpenAI-compatible server (started here; nothing leaves 127.0.0.1), with the real openai client.

Faults: dead server (connection refused), slow server (never answers within llm_timeout),
429 on every call, 500 on every call, garbage JSON. For each: the wall time of the brief (new
database, nothing cached), the offline engine's own time for the same brief, the goal
(2 x llm_timeout + offline), model requests made and WARNING lines logged (goal: one).
Run: ``.venv/bin/python bench/llm_faults.py [--timeout 4]``.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_bot
from bot.domain.models import Article
from bot.settings import Settings
from bot.store import Database
from tests.fakes.openai_server import error, ok, running, slow

N = 20
TEXT = (
    "Genève, {n} mars. Le porte-parole du Kremlin, Dmitri Peskov, a déclaré : « Nous "
    "n'accepterons jamais un cessez-le-feu sans garanties. » Le président ukrainien Volodymyr "
    "Zelensky a répondu que Kiev refusait toute concession territoriale (dépêche {n})."
)


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage()[:120])


def _articles() -> list[Article]:
    out = []
    for n in range(1, N + 1):
        text = TEXT.format(n=n)
        digest = hashlib.sha256(text.encode()).hexdigest()
        out.append(
            Article(
                text=text,
                title=f"Dépêche {n}",
                url=f"https://news.example/{n}",
                lang="fr",
                content_hash=digest,
                id=n,
            )
        )
    return out


def _dead_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/v1"


def _brief(settings: Settings) -> tuple[float, list[str]]:
    counter = _Count()
    logging.getLogger().addHandler(counter)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        bot = build_bot(settings.model_copy(update={"data_dir": Path(tmp)}), db=db)
        started = time.monotonic()
        bot.briefing(_articles(), "fr")
        elapsed = time.monotonic() - started
        db.close()
    logging.getLogger().removeHandler(counter)
    return elapsed, counter.lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=4.0)
    args = parser.parse_args()
    os.environ["OPENAI_API_KEY"] = "sk-bench-fake"
    offline, _ = _brief(Settings(engine="offline"))
    offline, _ = _brief(Settings(engine="offline"))  # warm: models loaded
    goal = 2 * args.timeout + offline
    print(f"offline brief of {N} articles: {offline:.2f} s; goal per fault: {goal:.2f} s")
    faults: dict[str, Any] = {
        "dead": None,
        "slow": lambda _b: slow(args.timeout * 3),
        "429": lambda _b: error(429, retry_after=0.5),
        "500": lambda _b: error(500),
        "garbage": lambda _b: ok("{not json at all"),
    }
    for name, responder in faults.items():
        with running() as server:
            server.responder = responder
            url = _dead_url() if name == "dead" else server.base_url
            settings = Settings(engine="llm", openai_base_url=url, llm_timeout=args.timeout)
            # a fresh breaker per fault: each fake server has its own URL
            elapsed, warnings = _brief(settings)
            calls = server.calls
        verdict = "ok " if elapsed <= goal and len(warnings) == 1 else "BAD"
        print(
            f"{verdict} {name:<8} {elapsed:6.2f} s  requests {calls:>2}  warnings {len(warnings)}"
            f"  {warnings[0] if warnings else ''}"
        )


if __name__ == "__main__":
    main()
