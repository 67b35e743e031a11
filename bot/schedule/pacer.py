"""One pacer per bot token: every message the bot sends -- digests and replies -- waits here.

``Pacer.acquire(chat_id)`` waits for the chat's own turn (``ChatGate``: a small burst then 1/s,
20 per minute in groups, any 429 hold) and then for the token's global turn. The global turn
comes from ``EvenPacer`` inside one process (SQLite: one process only) or from ``SharedSlots``
on PostgreSQL: one row per token holds the next free start time of the token's even schedule,
in the database server's clock, and each send takes the next slot with one atomic UPDATE. So
any number of ``run`` and ``worker`` processes share one schedule at the platform's rate, with
no rate arithmetic by the operator.

Why PostgreSQL and not Redis: several processes already need PostgreSQL (outbox, leader lock),
so the pace needs no further service; one ``UPDATE ... RETURNING`` per message (29 per second)
is nothing for it; and its clock is the one clock every process reads.

``pacer_for(platform, token, db)`` returns the process's pacer for a token (created once).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from bot.schedule.pacing import DEFAULT_PACING, ChatGate, Clock, EvenPacer, Pacing
from bot.store import Database
from bot.store.delivery_tables import send_pace

log = logging.getLogger(__name__)


class Slots(Protocol):
    async def wait(self) -> None: ...


class SharedSlots:
    """The token's even schedule kept in PostgreSQL, shared by every process sending with it."""

    def __init__(self, db: Database, key: str, rate: float) -> None:
        self.db = db
        self.key = key
        self.interval = 1.0 / rate
        self.local = EvenPacer(rate)  # used only while the database does not answer
        self._ready = False

    def _reserve(self) -> float:
        now = sa.cast(sa.func.extract("epoch", sa.func.clock_timestamp()), sa.Float)
        with self.db.engine.begin() as conn:
            if not self._ready:
                conn.execute(
                    postgresql.insert(send_pace)
                    .values(key=self.key, next_at=0.0)
                    .on_conflict_do_nothing()
                )
                self._ready = True
            slot = sa.func.greatest(send_pace.c.next_at, now)
            delay = conn.execute(
                send_pace.update()
                .where(send_pace.c.key == self.key)
                .values(next_at=slot + self.interval)
                .returning(send_pace.c.next_at - self.interval - now)
            ).scalar_one()
        return float(delay)

    async def wait(self) -> None:
        try:
            delay = await asyncio.to_thread(self._reserve)
        except sa.exc.SQLAlchemyError as exc:
            log.warning("shared send pace unavailable (%s): pacing locally", type(exc).__name__)
            await self.local.wait()
            return
        if delay > 0:
            await asyncio.sleep(delay)


class Pacer:
    """The chat gate and global slots of one bot token."""

    def __init__(
        self,
        platform: str,
        pacing: Pacing,
        slots: Slots | None,
        *,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.platform = platform
        self.pacing = pacing
        self.gate = ChatGate(pacing, platform, clock)
        self.slots = slots
        self.sleep = sleep
        self._sends = 0

    def chat_wait(self, chat_id: str) -> float:
        """Seconds before ``chat_id`` may receive (its pace or a 429 hold)."""
        return self.gate.wait_for(str(chat_id))

    def hold(self, chat_id: str, seconds: float) -> None:
        self.gate.hold(str(chat_id), seconds)

    async def acquire(self, chat_id: str) -> None:
        """Wait for this chat's turn, then for the token's global turn."""
        wait = self.gate.reserve(str(chat_id))
        if wait > 0:
            await self.sleep(wait)
        if self.slots is not None:
            await self.slots.wait()
        self._sends += 1
        if self._sends % 1000 == 0:
            self.gate.forget_idle()


_PACERS: dict[tuple[str, str], Pacer] = {}


def token_key(platform: str, token: str) -> str:
    """A stable name for a bot token that does not reveal it."""
    return f"{platform}:{hashlib.sha256(token.encode()).hexdigest()[:32]}"


def new_pacer(
    platform: str, token: str, db: Database | None, *, rate: float | None = None
) -> Pacer:
    """A fresh pacer for a token (``pacer_for`` keeps one per process)."""
    pacing = DEFAULT_PACING.get(platform, DEFAULT_PACING["slack"])
    global_rate = rate or pacing.global_rate
    slots: Slots | None = None
    if global_rate:
        if db is not None and db.dialect == "postgresql":
            slots = SharedSlots(db, token_key(platform, token), global_rate)
        else:
            slots = EvenPacer(global_rate)
    return Pacer(platform, pacing, slots)


def pacer_for(
    platform: str, token: str, db: Database | None, *, rate: float | None = None
) -> Pacer:
    """The process's pacer for this bot token (shared across processes on PostgreSQL)."""
    key = (token_key(platform, token), db.engine.url.render_as_string() if db else "")
    if key not in _PACERS:
        _PACERS[key] = new_pacer(platform, token, db, rate=rate)
    return _PACERS[key]
