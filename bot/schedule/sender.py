"""The sender loop: claims due outbox rows, paces them per platform and delivers them.

For each claimed row: wait until the chat may receive (its 1/s or 20/min pace, or a 429 hold),
mark the row ``sending`` (committed), wait for the platform's next even slot, send through the
platform's ``Sender``, then record the outcome (committed). A hard kill therefore leaves at most
the rows whose request was in flight in ``sending``; see ``bot.schedule.outbox`` for why those
are retried after their lease. Outcomes: ok -> sent; ``retry_after`` -> held for that chat only,
re-queued without counting an attempt; ``blocked`` -> every row of the chat blocked and the
chat marked inactive; other errors -> exponential back-off, ``failed`` after ``max_attempts``.

Several workers (processes) may run against one PostgreSQL outbox; the Telegram global rate is
per bot token, so give each worker ``rate = 28.5 / number of workers``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot import metrics
from bot.delivery import Sender, SendOutcome
from bot.richtext import Reply
from bot.schedule import outbox
from bot.schedule.content import load_digest
from bot.schedule.pacing import DEFAULT_PACING, ChatGate, Clock, EvenPacer, Pacing
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.meta import utcnow

log = logging.getLogger(__name__)


@dataclass
class WorkerStats:
    sent: int = 0
    retried: int = 0
    rate_limited: int = 0
    failed: int = 0
    blocked: int = 0
    by_platform: dict[str, int] = field(default_factory=dict)


class OutboxWorker:
    """Delivers outbox rows through ``senders`` (one per platform) until told to stop."""

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        *,
        worker_id: str | None = None,
        pacing: Mapping[str, Pacing] | None = None,
        rate: float | None = None,
        lease_seconds: float = 120.0,
        batch_size: int = 50,
        concurrency: int = 8,
        max_attempts: int = 5,
        backoff_base: float = 30.0,
        backoff_max: float = 3600.0,
        idle_poll: float = 1.0,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.senders = dict(senders)
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.lease = timedelta(seconds=lease_seconds)
        self.batch_size = batch_size
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.idle_poll = idle_poll
        self.now = now
        self.stats = WorkerStats()
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._content: dict[str, Reply] = {}
        chosen = {**DEFAULT_PACING, **(pacing or {})}
        self._gates: dict[str, ChatGate] = {}
        self._pacers: dict[str, EvenPacer] = {}
        for platform in self.senders:
            limits = chosen.get(platform, DEFAULT_PACING["slack"])
            self._gates[platform] = ChatGate(limits, platform, clock)
            global_rate = rate if rate is not None else limits.global_rate
            if global_rate:
                self._pacers[platform] = EvenPacer(global_rate, clock)

    # -- public -------------------------------------------------------------------------------

    def wake(self) -> None:
        """Look at the outbox now (a digest was just queued)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; in-flight sends finish, unstarted claims are returned."""
        log.info("outbox worker %s started", self.worker_id)
        while not stop.is_set():
            try:
                handled = await self.run_once(stop)
            except Exception:
                log.exception("outbox worker: batch failed; retrying shortly")
                handled = 0
            if handled == 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(_first(stop, self._wake), self.idle_poll)
        log.info("outbox worker %s stopped", self.worker_id)

    async def run_once(self, stop: asyncio.Event | None = None) -> int:
        """Claim one batch and deliver it; the number of rows claimed."""
        rows = await asyncio.to_thread(
            outbox.claim,
            self.db,
            self.worker_id,
            now=self.now(),
            lease=self.lease,
            limit=self.batch_size,
            platforms=list(self.senders),
        )
        if not rows:
            return 0
        unstarted = {r.id for r in rows}
        tasks = []
        for row in rows:
            if stop is not None and stop.is_set():
                break
            await self._slots.acquire()
            unstarted.discard(row.id)
            tasks.append(asyncio.create_task(self._deliver_slot(row)))
        if tasks:
            await asyncio.gather(*tasks)
        if unstarted:
            await asyncio.to_thread(outbox.release, self.db, sorted(unstarted), self.worker_id)
        for gate in self._gates.values():
            gate.forget_idle()
        return len(rows)

    async def drain(self, *, timeout: float = 60.0) -> None:
        """Deliver until no row is pending or sending (tests, ``digest send-now``)."""
        deadline = time.monotonic() + timeout
        platforms = list(self.senders)
        while time.monotonic() < deadline:
            if await self.run_once():
                continue
            due = await asyncio.to_thread(outbox.next_due, self.db, platforms)
            if due is None:
                return
            await asyncio.sleep(min(self.idle_poll, max(0.01, (due - self.now()).total_seconds())))
        raise TimeoutError("outbox not drained in time")

    # -- one row ------------------------------------------------------------------------------

    async def _deliver_slot(self, row: outbox.OutboxRow) -> None:
        try:
            await self._deliver(row)
        except Exception:
            log.exception("outbox row %s: unexpected error", row.id)
        finally:
            self._slots.release()

    async def _deliver(self, row: outbox.OutboxRow) -> None:
        gate = self._gates[row.platform]
        wait = gate.wait_for(row.chat_id)
        if wait > 0:
            await asyncio.sleep(wait)
        reply = await self._reply(row.content_key)
        if reply is None:
            await self._retry(row, "digest body missing", self.backoff_max, failed=True)
            return
        ok = await asyncio.to_thread(
            outbox.mark_sending, self.db, row.id, self.worker_id, now=self.now(), lease=self.lease
        )
        if not ok:
            return  # our lease lapsed and another worker owns the row now
        pacer = self._pacers.get(row.platform)
        if pacer is not None:
            await pacer.wait()
        try:
            outcome = await self.senders[row.platform].send(row.chat_id, reply)
        except Exception as exc:  # an adapter should not raise, but never lose the row
            outcome = SendOutcome(ok=False, error=f"{type(exc).__name__}: {exc}")
        gate.sent(row.chat_id)
        await self._record(row, outcome)

    async def _record(self, row: outbox.OutboxRow, outcome: SendOutcome) -> None:
        gate = self._gates[row.platform]
        if outcome.ok:
            await asyncio.to_thread(
                outbox.mark_sent, self.db, row.id, self.worker_id, now=self.now()
            )
            self.stats.sent += 1
            metrics.sent(row.platform)
            self.stats.by_platform[row.platform] = self.stats.by_platform.get(row.platform, 0) + 1
        elif outcome.blocked:
            self.stats.blocked += 1
            log.info("%s chat %s blocked the bot: marking it inactive", row.platform, row.chat_id)
            await asyncio.to_thread(self._block, row)
        elif outcome.retry_after is not None:
            self.stats.rate_limited += 1
            metrics.rate_limited(row.platform)
            gate.hold(row.chat_id, outcome.retry_after)
            await self._retry(
                row,
                f"429: retry after {outcome.retry_after:g} s",
                outcome.retry_after,
                failed=False,
            )
        else:
            delay = min(self.backoff_max, self.backoff_base * 2 ** max(0, row.attempts))
            metrics.failed(row.platform)
            await self._retry(row, outcome.error or "send failed", delay, failed=True)

    def _block(self, row: outbox.OutboxRow) -> None:
        outbox.mark_blocked(self.db, row.platform, row.chat_id, "chat blocked the bot")
        chat_store.update_chat(self.db, row.platform, row.chat_id, active=False)

    async def _retry(
        self, row: outbox.OutboxRow, error: str, delay: float, *, failed: bool
    ) -> None:
        state = await asyncio.to_thread(
            outbox.mark_retry,
            self.db,
            row.id,
            self.worker_id,
            at=self.now() + timedelta(seconds=delay),
            error=error,
            failed_attempt=failed,
            max_attempts=self.max_attempts,
        )
        if state == "failed":
            self.stats.failed += 1
            log.warning(
                "outbox row %s for %s:%s failed for good: %s",
                row.id,
                row.platform,
                row.chat_id,
                error,
            )
        else:
            self.stats.retried += 1

    async def _reply(self, key: str) -> Reply | None:
        if key not in self._content:
            reply = await asyncio.to_thread(load_digest, self.db, key)
            if reply is None:
                return None
            if len(self._content) > 256:
                self._content.clear()
            self._content[key] = reply
        return self._content[key]


async def _first(*events: asyncio.Event) -> None:
    """Return as soon as any of ``events`` is set."""
    waits = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
