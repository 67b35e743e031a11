"""A sender-only process for the crash and scale-out tests: ``python -m tests.outbox_worker_proc
DB_URL BASE_URL [--lease S] [--rate R] [--batch N]``. Prints ``ready`` once running; SIGTERM
stops it cleanly; the tests also ``kill -9`` it."""

from __future__ import annotations

import argparse
import asyncio
import signal

from bot.schedule.run import run_sender_loop
from bot.store import Database
from tests.outbox_support import PtbTelegramSender


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("base_url")
    parser.add_argument("--lease", type=float, default=120.0)
    parser.add_argument("--rate", type=float, default=29.0)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    db = Database(args.db)
    sender = PtbTelegramSender(args.base_url, db=db, rate=args.rate)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    try:
        await run_sender_loop(
            db,
            {"telegram": sender},
            stop,
            lease_seconds=args.lease,
            batch_size=args.batch,
            idle_poll=0.1,
        )
    finally:
        await sender.close()
        db.close()


if __name__ == "__main__":
    asyncio.run(main())
