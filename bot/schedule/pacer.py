"""One pacer per bot token: every message the bot sends -- digests and replies -- waits here.

``Pacer.acquire(chat_id)`` waits for the chat's own turn (``ChatGate``: a small burst then 1/s,
20 per minute in groups, any 429 hold) and then for the token's global turn. The global turn
comes from ``LocalSlots`` (an ``EvenPacer``) inside one process (SQLite: one process only)
or from ``SharedSlots`` on PostgreSQL: one row per token holds the next free start time of the
token's even schedule,
in the database server's clock, and each send takes the next slot with one atomic UPDATE. So
any number of ``run`` and ``worker`` processes share one schedule at the platform's rate, with
no rate arithmetic by the operator. A slot is put on the local clock through the offset that
the recent bookings agree on (``ServerClock``), not the middle of its own query's round trip,
which a busy process gets wrong by tens of ms; and a send woken later than a quarter slot,
after any of its waits, books a new slot rather than crowding the next sender's. A request
answered late may have reached the platform late (a stall after every wait): ``answered``
counts it again in the process's rolling second and, past a whole slot, leaves a slot of the
shared schedule empty.

Why PostgreSQL and not Redis: several processes already need PostgreSQL (outbox, leader lock),
so the pace needs no further service; one ``UPDATE ... RETURNING`` per message (29 per second)
is nothing for it; and its clock is the one clock every process reads.

``pacer_for(platform, token, db)`` returns the process's pacer for a token (created once).
"""

from __future__ import annotations

import asyncio
import bisect
import hashlib
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from bot.delivery import BeforeRequest
from bot.schedule.pacing import DEFAULT_PACING, ChatGate, Clock, EvenPacer, Pacing
from bot.schedule.server_clock import ServerClock
from bot.store import Database
from bot.store.delivery_tables import send_pace

log = logging.getLogger(__name__)
MAX_REBOOK = 5  # a send late for its slot books a new one at most this many times


class Slots(Protocol):
    async def reserve_at(self) -> float:
        """Book the token's next start; when it is, on this process's monotonic clock."""
        ...


class LocalSlots:
    """The token's even schedule inside this process (SQLite: one process only)."""

    def __init__(self, rate: float, clock: Clock = time.monotonic) -> None:
        self.pacer = EvenPacer(rate, clock)
        self.clock = clock

    async def reserve_at(self) -> float:
        return self.clock() + self.pacer.reserve()


class SharedSlots:
    """The token's even schedule kept in PostgreSQL, shared by every process sending with it."""

    def __init__(self, db: Database, key: str, rate: float) -> None:
        self.db = db
        self.key = key
        self.interval = 1.0 / rate
        self.local = EvenPacer(rate)  # used only while the database does not answer
        self.server_clock = ServerClock()
        self._clock_lock = threading.Lock()  # reservations run in several threads at once

    def _take(self) -> tuple[float, float, float, float] | None:
        """Book the next slot: (its start, the server's clock meanwhile) in the server's
        clock, and when the query left and when its answer was read on the monotonic clock
        (timed here, in the thread, so a queue for the thread pool does not skew it)."""
        now = sa.cast(sa.func.extract("epoch", sa.func.clock_timestamp()), sa.Float)
        slot = sa.func.greatest(send_pace.c.next_at, now)
        take = (
            send_pace.update()
            .where(send_pace.c.key == self.key)
            .values(next_at=slot + self.interval)
            .returning(send_pace.c.next_at - self.interval, now)
        )
        with self.db.engine.begin() as conn:
            start = time.monotonic()
            row = conn.execute(take).first()
            end = time.monotonic()
        return None if row is None else (float(row[0]), float(row[1]), start, end)

    def _reserve(self) -> float:
        """Take the next slot of the shared schedule; when it starts on the monotonic clock."""
        for _ in range(3):
            taken = self._take()
            if taken is not None:
                slot, server_now, start, end = taken
                with self._clock_lock:
                    self.server_clock.sample(server_now, start, end)
                    return self.server_clock.to_local(slot)
            with self.db.engine.begin() as conn:  # the token's first send: create its row
                conn.execute(
                    postgresql.insert(send_pace)
                    .values(key=self.key, next_at=0.0)
                    .on_conflict_do_nothing()
                )
        raise RuntimeError("send_pace row missing")

    async def defer(self, seconds: float) -> None:
        """Leave ``seconds`` of the shared schedule empty from its next free slot on."""
        now = sa.cast(sa.func.extract("epoch", sa.func.clock_timestamp()), sa.Float)
        push = (
            send_pace.update()
            .where(send_pace.c.key == self.key)
            .values(next_at=sa.func.greatest(send_pace.c.next_at, now) + seconds)
        )

        def run() -> None:
            with self.db.engine.begin() as conn:
                conn.execute(push)

        try:
            await asyncio.to_thread(run)
        except sa.exc.SQLAlchemyError as exc:
            log.warning("shared send pace not deferred (%s)", type(exc).__name__)

    async def reserve_at(self) -> float:
        try:
            return await asyncio.to_thread(self._reserve)
        except (sa.exc.SQLAlchemyError, RuntimeError) as exc:
            log.warning("shared send pace unavailable (%s): pacing locally", type(exc).__name__)
            return time.monotonic() + self.local.reserve()


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
        self.clock = clock
        self._sends = 0
        self._before_mean, self._before_dev = 0.005, 0.0025  # how long ``before`` takes
        self._last_start = -math.inf
        self._started: deque[float] = deque()

    def chat_wait(self, chat_id: str) -> float:
        """Seconds before ``chat_id`` may receive (its pace or a 429 hold)."""
        return self.gate.wait_for(str(chat_id))

    def hold(self, chat_id: str, seconds: float) -> None:
        self.gate.hold(str(chat_id), seconds)

    async def acquire(self, chat_id: str, before: BeforeRequest | None = None) -> bool:
        """Wait for this chat's turn, then for the token's global turn; False when ``before``
        (run just ahead of the turn, e.g. marking an outbox row ``sending``) said no."""
        wait = self.gate.reserve(str(chat_id))
        if wait > 0:
            await self.sleep(wait)
        lead = self._before_lead() if before is not None else 0.0
        at = await self._on_time(await self._book(), lead)
        await self._spread()
        if before is not None:
            # last, so a sender stopped while it waited has marked nothing it did not send
            started = self.clock()
            if not await before():
                return False
            self._note_before(self.clock() - started)
        # checked once more after the last wait: ``before`` or the wake-up itself can make
        # the request late for its slot, and nothing after this point waits
        await self._on_time(at, 0.0)
        self._sends += 1
        if self._sends % 1000 == 0:
            self.gate.forget_idle()
        return True

    def _before_lead(self) -> float:
        """How long before its slot ``before`` starts: its mean time plus four mean deviations
        (TCP's retransmit timer), so that it is seldom still running when the slot comes --
        a send made late by it books a new slot, and every slot left empty is rate lost."""
        return self._before_mean + 4 * self._before_dev

    def _note_before(self, spent: float) -> None:
        spent = min(spent, 0.2)
        self._before_dev = 0.75 * self._before_dev + 0.25 * abs(spent - self._before_mean)
        self._before_mean = 0.875 * self._before_mean + 0.125 * spent

    async def _book(self) -> float:
        return await self.slots.reserve_at() if self.slots is not None else self.clock()

    async def _on_time(self, at: float, lead: float) -> float:
        """Sleep until ``lead`` before slot ``at``; while that wake-up is later than the late
        limit (a starved process: the slots around ours belong to other senders, so firing
        now would clump with them), take a fresh slot instead. The slot kept."""
        for _ in range(MAX_REBOOK):
            await self._sleep_until(at - lead)
            if self.clock() - at <= self._late_limit():
                return at
            at = await self._book()
        await self._sleep_until(at - lead)
        return at

    def _late_limit(self) -> float:
        """How late a send may start in its slot: a quarter interval when other processes share
        the schedule (its request still has the HTTP path ahead of it, and the platform counts
        30 in any rolling second: at 29/s one interval is all the slack there is); in one
        process ``_spread`` already keeps late sends apart."""
        rate = self.pacing.global_rate
        return 0.25 / rate if rate and isinstance(self.slots, SharedSlots) else math.inf

    async def answered(self, started: float) -> None:
        """The platform answered the request that left at ``started`` (on ``clock``, right
        after ``acquire``). When that took over half a slot, the request may have reached the
        platform as late as now (a stall on its way out), where the platform counts it: so it
        counts again in ``_spread``'s rolling second from now. When it took over a whole slot,
        on an even schedule the rolling seconds around its arrival can hold 31, so the shared
        schedule also leaves one slot empty, for every process: a stall costs one slot.
        """
        rate = self.pacing.global_rate if self.slots is not None else None
        now = self.clock()
        if not rate or now - started <= 0.5 / rate:
            return
        bisect.insort(self._started, now)
        if now - started > 1.0 / rate and isinstance(self.slots, SharedSlots):
            await self.slots.defer(1.0 / rate)

    async def _spread(self) -> None:
        """Keep the requests this process really starts apart: a loop that woke late must not
        fire its overdue sends in one clump (no two closer than ``0.75/rate``, at most
        ``ceil(rate)`` in any rolling second, on the clock of the moment of sending)."""
        rate = self.pacing.global_rate if self.slots is not None else None
        if not rate:
            return
        gap, cap = 0.75 / rate, max(1, math.ceil(rate))
        while True:
            now = self.clock()
            while self._started and now - self._started[0] >= 1.0:
                self._started.popleft()
            ready = self._last_start + gap
            if len(self._started) >= cap:
                ready = max(ready, self._started[0] + 1.0)
            if ready <= now:
                break
            await self.sleep(ready - now)
        self._last_start = now
        self._started.append(now)

    async def _sleep_until(self, at: float) -> None:
        delay = at - self.clock()
        if delay > 0:
            await self.sleep(delay)


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
            slots = LocalSlots(global_rate)
    return Pacer(platform, replace(pacing, global_rate=global_rate), slots)


def pacer_for(
    platform: str, token: str, db: Database | None, *, rate: float | None = None
) -> Pacer:
    """The process's pacer for this bot token (shared across processes on PostgreSQL)."""
    key = (token_key(platform, token), db.engine.url.render_as_string() if db else "")
    if key not in _PACERS:
        _PACERS[key] = new_pacer(platform, token, db, rate=rate)
    return _PACERS[key]
