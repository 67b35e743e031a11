"""Fan-out benchmark: N subscribed chats, one digest each, through the outbox sender loop and
the real PTB ``telegram.Bot`` to the fake Telegram Bot API server enforcing Telegram's limits
(30 messages per rolling second overall, 1 per second per chat), run in its own process.

    .venv/bin/python -m bench.fanout [--chats 10000] [--rate 28.5] [--db URL]

Prints messages/s (and as a share of the 30/s limit), 429 answers, duplicates, lost messages,
and the process's peak memory. Goal: >= 95 % of the limit, zero 429, zero duplicates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot.schedule.sender import OutboxWorker
from bot.store import Database
from tests.outbox_support import PtbTelegramSender, queue_digests

LIMIT = 30.0


async def fan_out(db: Database, base_url: str, rate: float) -> tuple[float, OutboxWorker]:
    sender = PtbTelegramSender(base_url, pool=32)
    worker = OutboxWorker(db, {"telegram": sender}, rate=rate, batch_size=100, idle_poll=0.2)
    started = time.monotonic()
    try:
        await worker.drain(timeout=3600)
    finally:
        await sender.close()
    return time.monotonic() - started, worker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=28.5, help="sender pace, messages/s")
    parser.add_argument("--db", default="", help="database URL (default: a temporary SQLite)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = Database(args.db or f"sqlite:///{Path(tmp.name) / 'fanout.sqlite3'}")
    chats = list(range(1, args.chats + 1))
    queue_digests(db, chats, key=f"bench:{time.time():.0f}")
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.fake_telegram_proc"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    base_url = server.stdout.readline().strip()
    try:
        elapsed, worker = asyncio.run(fan_out(db, base_url, args.rate))
        stats_url = base_url.removesuffix("/bot") + "/stats"
        with urllib.request.urlopen(stats_url) as response:
            stats = json.load(response)
    finally:
        server.stdin.close()
        server.wait(10)
    delivered = stats["sent"]
    duplicates = stats["duplicates"]
    missing = args.chats - stats["chats"]
    rate = delivered / elapsed
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"chats:            {args.chats}")
    print(f"elapsed:          {elapsed:.1f} s")
    print(f"messages/s:       {rate:.2f} ({100 * rate / LIMIT:.1f} % of {LIMIT:g}/s)")
    print(f"429 responses:    {stats['rejected']}")
    print(f"duplicates:       {duplicates}")
    print(f"missing:          {missing}")
    print(f"other errors:     {stats['errors']}")
    print(f"sender stats:     {worker.stats}")
    print(f"peak memory:      {peak_mb:.0f} MB (max RSS of the sender process)")
    db.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
