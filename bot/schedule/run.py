"""Entry points for ``briefbot run`` and ``briefbot worker``: scheduler (leader only) + senders.

``start_scheduler(bot, senders)`` must be awaited inside the bot's running event loop (the
runner calls it after the chat adapters started). It starts, as tasks of that loop:

* a sender loop (``OutboxWorker``) when ``senders`` is not empty, and
* a leader loop: it polls the leader lock (``bot.schedule.leader``); once this process leads it
  starts the ``AsyncIOScheduler`` paused, syncs the digest jobs with the subscriptions table,
  adds the feed-polling and resync jobs, catches up digests missed while no scheduler ran, and
  resumes. If the lock is lost, the scheduler is shut down and polling starts again.

``await handle.stop()`` shuts down in order: no new jobs start (pause), running digest
decisions finish, the scheduler shuts down (jobs, with their ``next_run_time``, stay in the
job store), the sender finishes its in-flight sends and hands back unstarted claims.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.delivery import Sender
from bot.schedule import jobs
from bot.schedule.digest import DigestBuilder
from bot.schedule.leader import LeaderLock
from bot.schedule.sender import OutboxWorker
from bot.store import Database

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.service import BriefBot

log = logging.getLogger(__name__)


@dataclass
class ScheduleHandle:
    """What ``start_scheduler`` started; ``stop()`` ends it all cleanly."""

    runtime: jobs.Runtime
    lock: LeaderLock
    worker: OutboxWorker | None
    stop_event: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    leading: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def scheduler(self) -> AsyncIOScheduler | None:
        return self.runtime.scheduler

    async def stop(self) -> None:
        self.stop_event.set()
        await _step_down(self.runtime)
        self.lock.release()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if jobs.get_runtime() is self.runtime:
            jobs.set_runtime(None)


async def _step_down(rt: jobs.Runtime) -> None:
    scheduler = rt.scheduler
    if scheduler is None:
        return
    rt.scheduler = None
    if scheduler.running:
        scheduler.pause()
        if rt.running:  # let digest decisions already running commit
            await asyncio.wait(list(rt.running), timeout=30)
        scheduler.shutdown(wait=False)


async def _lead(handle: ScheduleHandle, poll: float) -> None:
    rt, lock = handle.runtime, handle.lock
    while not handle.stop_event.is_set():
        try:
            if rt.scheduler is None and await asyncio.to_thread(lock.try_acquire):
                scheduler = jobs.make_scheduler(rt.settings, rt.db)
                scheduler.start(paused=True)
                rt.scheduler = scheduler
                report = await asyncio.to_thread(
                    jobs.sync_subscriptions, scheduler, rt.db, rt.settings
                )
                jobs.schedule_housekeeping(scheduler, rt.settings)
                log.info("scheduler leader: digest jobs %s", report)
                await jobs.catch_up()
                scheduler.resume()
                handle.leading.set()
            elif rt.scheduler is not None and not await asyncio.to_thread(lock.still_held):
                handle.leading.clear()
                await _step_down(rt)
        except Exception:
            log.exception("scheduler leader loop error; retrying")
            handle.leading.clear()
            await _step_down(rt)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(handle.stop_event.wait(), poll)


def worker_settings(settings: Any) -> dict[str, Any]:
    """The sender loop's options that come from the settings."""
    return {
        "lease_seconds": settings.outbox_lease_seconds,
        "outage_backoff_max": settings.outbox_outage_backoff_max,
    }


async def start_scheduler(
    bot: BriefBot,
    senders: Mapping[str, Sender],
    *,
    leader_poll: float = 5.0,
    poll_feeds: bool = True,
    worker_options: Mapping[str, Any] | None = None,
) -> ScheduleHandle:
    """Start the scheduler (when this process leads) and a sender loop, in the running loop."""
    feeds = None
    if poll_feeds:
        from bot.schedule.feeds import FeedPoller

        feeds = FeedPoller(bot)
    options = {**worker_settings(bot.settings), **dict(worker_options or {})}
    worker = OutboxWorker(bot.db, senders, **options) if senders else None
    runtime = jobs.Runtime(
        builder=DigestBuilder(bot),
        settings=bot.settings,
        db=bot.db,
        feeds=feeds,
        on_queued=worker.wake if worker else None,
    )
    jobs.set_runtime(runtime)
    handle = ScheduleHandle(runtime=runtime, lock=LeaderLock(bot.db), worker=worker)
    handle.tasks.append(asyncio.create_task(_lead(handle, leader_poll), name="schedule-leader"))
    if worker is not None:
        handle.tasks.append(
            asyncio.create_task(worker.run(handle.stop_event), name="outbox-sender")
        )
    return handle


async def run_sender_loop(
    db: Database,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    **worker_options: Any,
) -> OutboxWorker:
    """A sender-only loop (``briefbot worker``): deliver outbox rows until ``stop`` is set."""
    worker = OutboxWorker(db, senders, **worker_options)
    await worker.run(stop)
    return worker


async def schedule_task(context: Any) -> None:
    """An ``extra_task`` for ``bot.runner.run``: ``run(platforms, settings,
    extra_tasks=[schedule_task])`` starts the scheduler (when this process leads) and the
    sender loop with the fronts' senders, hooks /subscribe and /unsubscribe, and stops them
    cleanly when the runner stops (set ``context.stop``, or cancellation)."""
    await _schedule(context, {})


def schedule_task_with(**worker_options: Any) -> Callable[[Any], Awaitable[None]]:
    """``schedule_task`` with sender options (e.g. ``lease_seconds`` from ``run --lease``)."""

    async def task(context: Any) -> None:
        await _schedule(context, worker_options)

    return task


async def _schedule(context: Any, worker_options: Mapping[str, Any]) -> None:
    handle = await start_scheduler(context.briefbot, context.senders, worker_options=worker_options)
    context.core.subscription_hooks.append(jobs.on_subscription_change)
    try:
        await context.stop.wait()
    finally:
        await asyncio.shield(handle.stop())
