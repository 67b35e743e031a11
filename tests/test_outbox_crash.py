"""Crash safety and scale-out of the sender, with real processes.

* A sender process is ``kill -9``-ed mid fan-out, restarted, and every chat ends with exactly one
  digest at the fake Telegram server. At the kill, requests are on the wire (the server holds
  them and never delivers them), so the rows they belong to are left in ``sending``; they are
  retried after the lease.
* Several sender processes on PostgreSQL: ``tests/test_outbox_outage.py``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from aiohttp import web

from bot.settings import PROJECT_DIR
from bot.store import Database
from bot.store.digest_tables import outbox
from tests.outbox_support import FakeTelegram, RateLimits, queue_digests, run_server_thread


class StallingTelegram(FakeTelegram):
    """After ``stall_after`` accepted messages, holds every further sendMessage unanswered and
    undelivered (as if the request was still on the wire) while ``stalling`` is on."""

    def __init__(self, stall_after: int, **kw: Any) -> None:
        super().__init__(**kw)
        self.stall_after = stall_after
        self.stalling = True
        self.held = 0
        self._closing: asyncio.Event | None = None

    async def _m_sendmessage(self, params: dict[str, Any]) -> web.Response:
        if self.stalling and self.stats.sent >= self.stall_after:
            self.held += 1
            self._closing = self._closing or asyncio.Event()
            await self._closing.wait()  # never delivered; the client is gone by then
            return self._error(500, "server stopped")
        return await super()._m_sendmessage(params)

    async def stop(self) -> None:
        if self._closing is not None:
            self._closing.set()
        await super().stop()


def _spawn(db_url: str, base_url: str, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.outbox_worker_proc", db_url, base_url, *args],
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_DIR)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _wait(cond: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _states(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state))
        return {s: int(n) for s, n in rows}


@pytest.fixture
def procs() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def test_hard_kill_mid_fan_out_then_restart_sends_each_chat_once(
    tmp_path: Path, procs: list[subprocess.Popen[str]]
) -> None:
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    db = Database(url)
    chats = list(range(1, 41))
    queue_digests(db, chats)
    fake = StallingTelegram(stall_after=15, limits=RateLimits())
    with run_server_thread(fake) as (base_url, _loop):
        procs.append(_spawn(url, base_url, "--lease", "1.5", "--rate", "60"))
        _wait(lambda: fake.stats.sent >= 15 and fake.held >= 1, 20, "the fan-out to stall")
        time.sleep(0.3)  # the sender records the answers it did get
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait(10)
        states = _states(db)
        assert states.get("sent") == 15  # every answered send was recorded before the kill
        assert states.get("sending", 0) >= 1  # the in-flight request(s)
        fake.stalling = False
        procs.append(_spawn(url, base_url, "--lease", "1.5", "--rate", "60"))
        _wait(lambda: _states(db) == {"sent": len(chats)}, 30, "every row to be sent")
        procs[1].send_signal(signal.SIGTERM)
        assert procs[1].wait(10) == 0
    assert fake.stats.per_chat == {c: 1 for c in chats}
    db.close()
