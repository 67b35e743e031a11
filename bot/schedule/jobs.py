"""The scheduler: APScheduler 3 ``AsyncIOScheduler`` in the bot's event loop, jobs in the database.

* Jobs live in a ``SQLAlchemyJobStore`` on the bot's own database (table ``apscheduler_jobs``),
  so a restart keeps every job's ``next_run_time``. They are textual references
  (``"bot.schedule.jobs:run_digest"``) with plain arguments (platform, chat id), never pickled
  objects; the live objects they need are found through ``set_runtime``.
* One job per subscription, id ``digest:{platform}:{chat}``, ``CronTrigger(hour, minute,
  timezone=ZoneInfo(tz))`` -- local wall-clock time, so DST shifts are followed.
  ``coalesce=True`` and ``misfire_grace_time = digest_grace_hours`` hours: a digest missed
  while the bot was down runs once when it comes back within the grace (APScheduler's default
  of 1 s would silently drop it).
* APScheduler moves ``next_run_time`` on *before* a job runs, so a job killed mid-run would be
  lost; ``catch_up`` therefore re-decides, at every start, any subscription whose latest slot
  (within the grace) has no digest decision. Decisions are keyed by slot (``daily:<time>``), so
  the catch-up and APScheduler's own misfire run never queue two digests.
* ``sync_subscriptions`` (re)schedules from the ``subscriptions`` table, touching only jobs
  whose time or zone changed (replacing a job would reset its overdue ``next_run_time``).
  ``subscription_changed`` is what the command core calls on /subscribe and /unsubscribe.
* The feed-polling job runs every ``feed_poll_minutes``; a resync job every minute picks up
  subscriptions changed by other processes.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.schedule.digest import DigestBuilder, DigestDecision, daily_key, last_slot, trigger_for
from bot.settings import Settings
from bot.store import Database
from bot.store.chat_tables import subscriptions
from bot.store.digest_tables import digest_state
from bot.store.meta import utcnow

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.schedule.feeds import FeedPoller
    from bot.store.chats import Subscription

log = logging.getLogger(__name__)

JOBSTORE_TABLE = "apscheduler_jobs"
DIGEST_FUNC = "bot.schedule.jobs:run_digest"
FEEDS_JOB_ID = "feeds:poll"
RESYNC_JOB_ID = "subscriptions:resync"


@dataclass
class Runtime:
    """The live objects jobs need in this process (jobs themselves hold only plain data)."""

    builder: DigestBuilder
    settings: Settings
    db: Database
    scheduler: AsyncIOScheduler | None = None
    feeds: FeedPoller | None = None
    on_queued: Callable[[], None] | None = None
    running: set[asyncio.Task[Any]] = field(default_factory=set)


_runtime: Runtime | None = None


def set_runtime(runtime: Runtime | None) -> None:
    global _runtime
    _runtime = runtime


def get_runtime() -> Runtime | None:
    return _runtime


def digest_job_id(platform: str, chat_id: str) -> str:
    return f"digest:{platform}:{chat_id}"


# -- jobs (module-level, referenced by text) ------------------------------------------------------


async def run_digest(platform: str, chat_id: str) -> DigestDecision | None:
    """The daily digest job of one chat: decide and queue it, then wake the sender."""
    rt = _runtime
    if rt is None:
        log.error("digest job for %s:%s ran with no runtime set", platform, chat_id)
        return None
    task = asyncio.current_task()
    if task is not None:
        rt.running.add(task)
    try:
        decision = await asyncio.to_thread(rt.builder.decide, platform, chat_id)
    finally:
        if task is not None:
            rt.running.discard(task)
    log.info("digest %s:%s %s -> %s", platform, chat_id, decision.digest_key, decision.outcome)
    if decision.outcome == "queued" and rt.on_queued is not None:
        rt.on_queued()
    return decision


async def poll_feeds() -> None:
    rt = _runtime
    if rt is None or rt.feeds is None:
        return
    report = await asyncio.to_thread(rt.feeds.poll)
    log.info("feeds polled: %s", report)


async def resync() -> None:
    rt = _runtime
    if rt is not None and rt.scheduler is not None:
        sync_subscriptions(rt.scheduler, rt.db, rt.settings)


# -- scheduler -------------------------------------------------------------------------------------


def make_scheduler(settings: Settings, db: Database) -> AsyncIOScheduler:
    """An AsyncIOScheduler (in the running loop) with its job store on the bot's database."""
    return AsyncIOScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=db.engine, tablename=JOBSTORE_TABLE)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": settings.digest_grace_hours * 3600,
        },
        timezone=UTC,
    )


@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    kept: int = 0


def _job_name(time_local: str, timezone: str) -> str:
    return f"{time_local} {timezone}"


def schedule_chat(
    scheduler: AsyncIOScheduler,
    settings: Settings,
    platform: str,
    chat_id: str,
    time_local: str,
    timezone: str,
) -> None:
    scheduler.add_job(
        DIGEST_FUNC,
        trigger_for(time_local, timezone),
        args=[platform, chat_id],
        id=digest_job_id(platform, chat_id),
        name=_job_name(time_local, timezone),
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=settings.digest_grace_hours * 3600,
    )


def sync_subscriptions(scheduler: AsyncIOScheduler, db: Database, settings: Settings) -> SyncReport:
    """Make the digest jobs match the subscriptions table."""
    from bot.store import chats as chat_store

    wanted = {digest_job_id(s.platform, s.chat_id): s for s in chat_store.list_subscriptions(db)}
    have = {j.id: j for j in scheduler.get_jobs() if j.id.startswith("digest:")}
    added = changed = kept = removed = 0
    for job_id, sub in wanted.items():
        job = have.get(job_id)
        if job is not None and job.name == _job_name(sub.time_local, sub.timezone):
            kept += 1
            continue
        schedule_chat(scheduler, settings, sub.platform, sub.chat_id, sub.time_local, sub.timezone)
        if job is None:
            added += 1
        else:
            changed += 1
    for job_id in have.keys() - wanted.keys():
        scheduler.remove_job(job_id)
        removed += 1
    return SyncReport(added, changed, removed, kept)


def on_subscription_change(platform: str, chat_id: str, sub: Subscription | None) -> None:
    """The command core's ``SubscriptionHook``: (re)schedule or drop the chat's job now.

    When no scheduler runs in this process (a non-leader), nothing happens here: the leader's
    resync job (every minute) picks the change up from the subscriptions table.
    """
    rt = _runtime
    if rt is None or rt.scheduler is None or not rt.scheduler.running:
        return
    job_id = digest_job_id(platform, chat_id)
    if sub is None:
        if rt.scheduler.get_job(job_id) is not None:
            rt.scheduler.remove_job(job_id)
        return
    schedule_chat(rt.scheduler, rt.settings, platform, chat_id, sub.time_local, sub.timezone)


def subscription_changed(platform: str, chat_id: str) -> None:
    """Like ``on_subscription_change``, reading the chat's subscription from the database."""
    rt = _runtime
    if rt is None:
        return
    from bot.store import chats as chat_store

    on_subscription_change(platform, chat_id, chat_store.get_subscription(rt.db, platform, chat_id))


def schedule_housekeeping(scheduler: AsyncIOScheduler, settings: Settings) -> None:
    """The feed-polling job and the subscription resync job (kept when unchanged)."""
    minutes = max(1, settings.feed_poll_minutes)
    feeds = scheduler.get_job(FEEDS_JOB_ID)
    if feeds is None or feeds.name != f"every {minutes} min":
        scheduler.add_job(
            "bot.schedule.jobs:poll_feeds",
            IntervalTrigger(minutes=minutes, timezone=UTC),
            id=FEEDS_JOB_ID,
            name=f"every {minutes} min",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=minutes * 60,
            next_run_time=datetime.now(UTC) + timedelta(seconds=5),
        )
    scheduler.add_job(
        "bot.schedule.jobs:resync",
        IntervalTrigger(minutes=1, timezone=UTC),
        id=RESYNC_JOB_ID,
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=60,
    )


def due_for_catch_up(db: Database, settings: Settings, now: datetime) -> list[tuple[str, str]]:
    """Subscriptions whose latest slot, within the grace, has no digest decision yet."""
    grace = timedelta(hours=settings.digest_grace_hours)
    with db.engine.connect() as conn:
        subs = conn.execute(sa.select(subscriptions)).all()
        decided = {
            (r.platform, r.chat_id): r.last_digest_key
            for r in conn.execute(
                sa.select(
                    digest_state.c.platform, digest_state.c.chat_id, digest_state.c.last_digest_key
                )
            )
        }
    due = []
    for sub in subs:
        slot = last_slot(sub.time_local, sub.timezone, now)
        if now - slot > grace or slot < sub.created_at:
            continue
        if decided.get((sub.platform, sub.chat_id)) != daily_key(slot):
            due.append((sub.platform, sub.chat_id))
    return due


async def catch_up(now: datetime | None = None) -> int:
    """Decide every digest whose slot passed while no scheduler ran (or while one was killed)."""
    rt = _runtime
    if rt is None:
        return 0
    due = await asyncio.to_thread(due_for_catch_up, rt.db, rt.settings, now or utcnow())
    for platform, chat_id in due:
        await run_digest(platform, chat_id)
    if due:
        log.info("caught up %d digest(s) missed while no scheduler ran", len(due))
    return len(due)
