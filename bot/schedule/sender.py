"""The sender loop: claims due outbox rows and delivers them through each platform's Sender.

For each claimed row: when the chat is held (its pace or a 429) for more than a moment, or the
platform is down, the row is given back for later; otherwise the sender waits for the chat's
and the token's turn in the token's ``Pacer`` and, right before its request, the row is marked
``sending`` (committed) -- so a hard kill leaves in ``sending`` only rows whose request was out.
Outcomes: ok -> sent; ``retry_after`` -> held for that chat only, re-queued without counting an
attempt; ``blocked`` -> every row of the chat blocked and the chat marked inactive; transport
errors (refused, timeouts, 5xx) -> the whole platform backs off (capped, ``outage_backoff_max``)
and the row is re-queued without counting an attempt, so an outage of any length fails nothing;
other errors -> exponential back-off, ``failed`` after ``max_attempts``.

Several workers (processes) may run against one PostgreSQL outbox; the platform rate is shared
through the token's pacer (``bot.schedule.pacer``), so no rate needs splitting by hand. A worker
renews its leases every quarter lease while it runs, so the lease can be short and the rows of
a killed worker go to the others within one lease; a worker told to stop hands back every
claimed row whose request has not started.

A worker claims little ahead of its sends: two lanes of 16 rows, sharing its ``concurrency``
send slots, so a kill leaves at most 32 rows to wait out the lease, and those go back in
several small claims (the lowest ids first), sent a couple of seconds after the lease runs out.
With one batch of 100 a kill left ~50 rows, all taken back by whichever process claimed first
and sent at its share of the token's pace (a third of it with three processes, ~5 s): when
that process was killed in turn meanwhile, its last ones waited a second lease (issue 15).
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
from typing import Any

from bot import metrics
from bot.delivery import Sender, SendOutcome
from bot.richtext import Reply
from bot.schedule import outbox
from bot.schedule.content import load_digest
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.meta import utcnow

log = logging.getLogger(__name__)
SHORT_WAIT = 2.0  # a chat held longer than this is given back, not waited for
STOP_GRACE = 5.0  # requests already out get this long to answer when stopping


@dataclass
class WorkerStats:
    sent: int = 0
    retried: int = 0
    rate_limited: int = 0
    transient: int = 0
    failed: int = 0
    blocked: int = 0
    by_platform: dict[str, int] = field(default_factory=dict)


@dataclass
class Outage:
    """A platform that answered with transport errors: not tried again before ``until``."""

    until: float = 0.0
    failures: int = 0


class OutboxWorker:
    """Delivers outbox rows through ``senders`` (one per platform) until told to stop."""

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        *,
        worker_id: str | None = None,
        lease_seconds: float = 20.0,
        batch_size: int = 16,
        concurrency: int = 8,
        lanes: int = 2,
        max_attempts: int = 5,
        backoff_base: float = 30.0,
        backoff_max: float = 3600.0,
        outage_backoff_base: float = 2.0,
        outage_backoff_max: float = 60.0,
        idle_poll: float = 1.0,
        stop_grace: float = STOP_GRACE,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.senders = dict(senders)
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.lease = timedelta(seconds=lease_seconds)
        self.batch_size = batch_size
        self.concurrency = concurrency
        self.lanes = lanes
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.outage_base = outage_backoff_base
        self.outage_max = outage_backoff_max
        self.idle_poll = idle_poll
        self.stop_grace = stop_grace
        self.now = now
        self.stats = WorkerStats()
        self._wake = asyncio.Event()
        self._slots = asyncio.Semaphore(concurrency)  # shared by the lanes: the process's sends
        self._content: dict[str, Reply] = {}
        self._outages = {platform: Outage() for platform in self.senders}

    # -- public -------------------------------------------------------------------------------

    def wake(self) -> None:
        """Look at the outbox now (a digest was just queued)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; in-flight sends finish, unstarted claims are returned.

        ``lanes`` batches are in hand at once, sharing the ``concurrency`` send slots, so the
        end of one batch (its last sends, the next claim) never leaves the pace idle.
        """
        log.info("outbox worker %s started", self.worker_id)
        await asyncio.gather(self._renew(stop), *(self._lane(stop) for _ in range(self.lanes)))
        log.info("outbox worker %s stopped", self.worker_id)

    async def _renew(self, stop: asyncio.Event) -> None:
        """Keep this worker's leases alive until it stops (a dead worker's run out)."""
        every = self.lease.total_seconds() / 4
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            if stop.is_set():
                return
            try:
                await asyncio.to_thread(
                    outbox.renew, self.db, self.worker_id, now=self.now(), lease=self.lease
                )
            except Exception:
                log.exception("outbox worker: lease renewal failed; retrying")

    async def _lane(self, stop: asyncio.Event) -> None:
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
        started: set[int] = set()

        async def one(row: outbox.OutboxRow) -> None:
            async with self._slots:
                await self._deliver_safely(row, started)

        tasks = [asyncio.create_task(one(row)) for row in rows]
        try:
            await self._finish(tasks, rows, started, stop)
        finally:
            # hand back every row not sent, retried or in flight (the update skips those)
            await asyncio.to_thread(outbox.release, self.db, [r.id for r in rows], self.worker_id)
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

    # -- one batch ----------------------------------------------------------------------------

    async def _finish(
        self,
        tasks: list[asyncio.Task[None]],
        rows: list[outbox.OutboxRow],
        started: set[int],
        stop: asyncio.Event | None,
    ) -> None:
        """Wait for the batch; when told to stop, cancel what has not started its request."""
        everything: asyncio.Future[Any] = asyncio.gather(*tasks)
        if stop is None:
            await everything
            return
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait([everything, stopping], return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        if everything.done():
            return
        for row, task in zip(rows, tasks, strict=True):
            if row.id not in started:
                task.cancel()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await asyncio.wait_for(asyncio.shield(everything), self.stop_grace)
        everything.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await everything

    # -- one row ------------------------------------------------------------------------------

    async def _deliver_safely(self, row: outbox.OutboxRow, started: set[int]) -> None:
        try:
            await self._deliver(row, started)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("outbox row %s: unexpected error", row.id)

    async def _deliver(self, row: outbox.OutboxRow, started: set[int]) -> None:
        sender = self.senders[row.platform]
        outage = self._outages[row.platform]
        hold = max(sender.pacer.chat_wait(row.chat_id), outage.until - time.monotonic())
        if hold > SHORT_WAIT:  # leave it for later; our slot serves another chat
            at = self.now() + timedelta(seconds=hold)
            await asyncio.to_thread(outbox.release, self.db, [row.id], self.worker_id, at=at)
            return
        reply = await self._reply(row.content_key)
        if reply is None:
            await self._retry(row, "digest body missing", self.backoff_max, failed=True)
            return

        async def before() -> bool:
            if time.monotonic() < outage.until:
                return False  # the platform went down while we waited for our turn
            # counted as started before the update: a stop arriving while it runs must not
            # cancel a row the database already holds as "sending"
            started.add(row.id)
            ok = await asyncio.to_thread(
                outbox.mark_sending,
                self.db,
                row.id,
                self.worker_id,
                now=self.now(),
                lease=self.lease,
            )
            if not ok:
                started.discard(row.id)
            return ok

        try:
            outcome = await sender.send(row.chat_id, reply, before=before)
        except Exception as exc:  # an adapter should not raise, but never lose the row
            outcome = SendOutcome(ok=False, error=f"{type(exc).__name__}: {exc}")
        if row.id in started:
            await self._record(row, outcome)

    async def _record(self, row: outbox.OutboxRow, outcome: SendOutcome) -> None:
        outage = self._outages[row.platform]
        if outcome.ok:
            outage.failures = 0
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
            error = f"429: retry after {outcome.retry_after:g} s"
            await self._retry(row, error, outcome.retry_after, failed=False)
        elif outcome.transient:
            self.stats.transient += 1
            metrics.failed(row.platform)
            delay = self._platform_down(row.platform, outage, outcome.error)
            await self._retry(row, outcome.error or "transport error", delay, failed=False)
        else:
            delay = min(self.backoff_max, self.backoff_base * 2 ** max(0, row.attempts))
            metrics.failed(row.platform)
            await self._retry(row, outcome.error or "send failed", delay, failed=True)

    def _platform_down(self, platform: str, outage: Outage, error: str) -> float:
        """Back the platform off after a transport error; the seconds until the next try."""
        now = time.monotonic()
        if now >= outage.until:  # not already down: a new failure, a longer pause
            outage.failures += 1
            delay = min(self.outage_max, self.outage_base * 2 ** (outage.failures - 1))
            outage.until = now + delay
            log.warning("%s unreachable (%s): next try in %.0f s", platform, error, delay)
        return max(0.0, outage.until - now)

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
