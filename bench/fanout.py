"""Fan-out benchmark through the real processes: N chats, one digest each, queued in the outbox
and delivered by ``python -m bot run telegram`` (and optionally ``python -m bot worker``
processes) to the fake Telegram Bot API in a process of its own, which enforces Telegram's
limits (30 messages per rolling second, 1/s per chat after a burst of 3) and answers 429.

    python -m bench.fanout [--chats 10000] [--db URL] [--workers 0]
                           [--outage-after N --outage S] [--kills K] [--lease S]

``--workers 2 --db postgresql+psycopg://...``: ``run`` + 2 ``worker``s sharing the token's pace
(no rate given to any of them). ``--outage-after N --outage S``: the Bot API answers 502 for S
seconds once N messages are through. ``--kills K``: a sending process is ``kill -9``-ed K times
mid fan-out and restarted; printed: the unsent rows it held (and how many of them an earlier
kill had left: those wait a second lease) and how long after its restart they were all sent.
The processes serve no metrics (they would all want the one port). Prints messages/s (server clock, first to last message, and wall
clock), 429 answers, duplicates, missing chats and the outbox's final states.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bot.schedule import outbox
from bot.settings import PROJECT_DIR, Settings
from bot.store import Database
from bot.store.digest_tables import outbox as outbox_table
from tests.outbox_support import TOKEN, queue_digests

LIMIT = 30.0


def _get(url: str, method: str = "GET") -> dict[str, Any]:
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(json.load(response))


def _held_by(db: Database, worker: str) -> list[tuple[int, str]]:
    """(id, state) of the rows ``worker`` had claimed and not sent."""
    query = sa.select(outbox_table.c.id, outbox_table.c.state).where(
        outbox_table.c.claimed_by == worker, outbox_table.c.state.in_(("pending", "sending"))
    )
    with db.engine.connect() as conn:
        return [(int(r.id), str(r.state)) for r in conn.execute(query)]


def _all_sent(db: Database, ids: set[int]) -> bool:
    if not ids:
        return True
    query = sa.select(sa.func.count()).where(
        outbox_table.c.id.in_(ids), outbox_table.c.state != "sent"
    )
    with db.engine.connect() as conn:
        return conn.execute(query).scalar_one() == 0


def _note_recovered(
    db: Database, held: list[tuple[int, float, set[int]]], recovered: dict[int, str]
) -> None:
    """Note, for each kill, the time from the restart until the dead one's rows were sent."""
    for kill, restarted, ids in held:
        if kill not in recovered and _all_sent(db, ids):
            recovered[kill] = f"{time.monotonic() - restarted:.1f} s"


def _spawn(
    args: list[str], env: dict[str, str], log: Path, nice: int = 0
) -> subprocess.Popen[bytes]:
    handle = log.open("ab")
    command = [sys.executable, "-m", "bot", *args]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=handle, stderr=handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--db", default="", help="database URL (default: a temporary SQLite)")
    parser.add_argument("--workers", type=int, default=0, help="extra `worker` processes")
    parser.add_argument("--outage-after", type=int, default=0)
    parser.add_argument("--outage", type=float, default=0.0, help="seconds the Bot API is down")
    parser.add_argument("--backoff-max", type=float, default=60.0, help="outage back-off cap")
    parser.add_argument("--kills", type=int, default=0)
    parser.add_argument("--lease", type=float, default=Settings().outbox_lease_seconds)
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="niceness of the bot processes (e.g. -5 on a shared box)",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fanout-"))
    url = args.db or f"sqlite:///{tmp / 'fanout.sqlite3'}"
    db = Database(url)
    (tmp / "sources.toml").write_text("", encoding="utf-8")
    # the real Bot API is remote and never starved by our CPU load: the fake gets priority
    server = subprocess.Popen(
        ["nice", "-n", "-10", sys.executable, "-m", "bench.fake_telegram_proc"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    base_url = server.stdout.readline().strip()
    control = base_url.removesuffix("/bot")
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_DIR),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "BRIEFBOT_TELEGRAM_BASE_URL": base_url,
        "BRIEFBOT_DATABASE_URL": url,
        "BRIEFBOT_DATA_DIR": str(tmp),
        "BRIEFBOT_SOURCES_FILE": str(tmp / "sources.toml"),
        "BRIEFBOT_OUTBOX_OUTAGE_BACKOFF_MAX": str(args.backoff_max),
        "BRIEFBOT_METRICS_PORT": "0",  # several processes, one port: nobody reads them here
    }
    lease = ["--lease", str(args.lease)]
    log = tmp / "processes.log"
    commands = [["run", "telegram", *lease]] + [["worker", *lease]] * args.workers
    queue_digests(db, list(range(1, args.chats + 1)), key=f"bench:{time.time():.0f}")
    started = time.monotonic()
    procs = [_spawn(c, env, log, args.nice) for c in commands]
    outage_done, kills, stop_times = args.outage_after == 0, 0, []
    held: list[tuple[int, float, set[int]]] = []  # (kill, restart time, rows the dead one held)
    recovered: dict[int, str] = {}
    try:
        while (counts := outbox.counts(db)).get("sent", 0) < args.chats:
            stats = _get(f"{control}/stats")
            if not outage_done and stats["sent"] >= args.outage_after:
                _get(f"{control}/down", "POST")
                print(f"outage: Bot API down for {args.outage:g} s at {stats['sent']} sent")
                time.sleep(args.outage)
                _get(f"{control}/up", "POST")
                outage_done = True
            if kills < args.kills and stats["sent"] >= (kills + 1) * args.chats // (args.kills + 1):
                victim = procs[-1]
                victim.send_signal(signal.SIGKILL)
                victim.wait()
                kills += 1
                rows = _held_by(db, f"{socket.gethostname()}:{victim.pid}")
                procs[-1] = _spawn(commands[-1], env, log, args.nice)
                ids = {row_id for row_id, _state in rows}
                # rows an earlier kill left, taken back by this one before it died: they wait
                # a second lease
                again = "".join(
                    f", {n} of them left by kill #{k}"
                    for k, _t, earlier in held
                    if (n := len(ids & earlier))
                )
                held.append((kills, time.monotonic(), ids))
                sending = sum(state == "sending" for _id, state in rows)
                print(
                    f"kill -9 #{kills} at {stats['sent']} sent; restarted; the dead sender "
                    f"held {len(rows)} unsent rows ({sending} in 'sending'{again})"
                )
            _note_recovered(db, held, recovered)
            if time.monotonic() - started > 3 * 3600:
                raise TimeoutError(f"not drained: {counts}")
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        _note_recovered(db, held, recovered)
        for proc in procs:
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(60)
            stop_times.append(f"{time.monotonic() - t0:.1f} s (exit {code})")
        stats = _get(f"{control}/stats")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        server.stdin.close()
        server.wait(10)
    server_rate = (stats["sent"] - 1) / stats["span"] if stats["span"] else 0.0
    names = " + ".join(" ".join(c[:1]) for c in commands)
    print(f"processes:        {names}  ({db.dialect}, nice {args.nice})")
    print(f"chats:            {args.chats}")
    print(
        f"messages/s:       {server_rate:.2f} ({100 * server_rate / LIMIT:.1f} % of 30/s)"
        " on the server's clock, first to last message"
    )
    print(
        f"wall clock:       {elapsed:.1f} s from process start to all sent "
        f"({stats['sent'] / elapsed:.2f} msg/s, includes start-up)"
    )
    print(f"429 responses:    {stats['rejected']}")
    for line in stats.get("rejections", []):
        print(f"  429 when:       {line}")
    print(f"duplicates:       {stats['duplicates']}")
    print(f"missing:          {args.chats - stats['chats']}")
    print(f"refused (outage): {stats['refused']}")
    print(f"other errors:     {stats['errors']}")
    print(f"outbox:           {outbox.counts(db)}")
    print(f"SIGTERM -> exit:  {', '.join(stop_times)}")
    if held:
        late = [recovered.get(kill, "not measured") for kill, _t, _ids in held]
        print(f"held rows sent:   {', '.join(late)} after each restart (lease {args.lease:g} s)")
    print(f"process log:      {log}")
    db.close()


if __name__ == "__main__":
    main()
