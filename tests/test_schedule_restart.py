"""The scheduler keeps digests across restarts: a missed fire time within the grace sends one
digest, a second restart sends none, and a miss beyond the grace is dropped."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from bot.schedule import jobs
from bot.schedule import outbox as ob
from bot.schedule.run import start_scheduler
from bot.settings import Settings
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.chat_tables import subscriptions
from bot.store.digest_tables import outbox
from tests.outbox_support import add_article, make_bot

PARIS = ZoneInfo("Europe/Paris")


def _subscribe_at(db: Database, when: datetime, *, created: datetime | None = None) -> None:
    """Subscribe chat 1 at the local (Paris) wall time of ``when``."""
    chat_store.ensure_chat(db, "telegram", "1", is_private=True)
    chat_store.subscribe(
        db, "telegram", "1", when.astimezone(PARIS).strftime("%H:%M"), "Europe/Paris"
    )
    if created is not None:
        with db.engine.begin() as conn:
            conn.execute(subscriptions.update().values(created_at=created))


def _rows(db: Database) -> list[sa.Row[tuple[str, str]]]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.select(outbox.c.chat_id, outbox.c.digest_key)).all())


async def _start(db: Database, settings: Settings) -> jobs.Runtime:
    handle = await start_scheduler(make_bot(db, settings), {}, poll_feeds=False, leader_poll=0.05)
    await asyncio.wait_for(handle.leading.wait(), 5)
    return handle  # type: ignore[return-value]


async def _settle(handle: object, job_id: str) -> datetime:
    """Wait until APScheduler processed the due job (its next run is in the future)."""
    scheduler = handle.scheduler  # type: ignore[attr-defined]
    for _ in range(100):
        job = scheduler.get_job(job_id)
        if job.next_run_time > datetime.now(UTC) and not handle.runtime.running:  # type: ignore[attr-defined]
            return job.next_run_time  # type: ignore[no-any-return]
        await asyncio.sleep(0.05)
    raise AssertionError("job never ran")


async def _set_next_run(db: Database, settings: Settings, job_id: str, when: datetime) -> None:
    """As if the scheduler had been stopped before ``when``: the store's next run is ``when``."""
    scheduler = jobs.make_scheduler(settings, db)
    scheduler.start(paused=True)
    scheduler.modify_job(job_id, next_run_time=when)
    scheduler.shutdown(wait=False)


@pytest.mark.parametrize("minutes_late", [10, 5 * 60])
async def test_restart_after_missed_time_sends_exactly_one(
    sqlite_db: Database, settings: Settings, minutes_late: int
) -> None:
    settings.digest_grace_hours = 6
    add_article(sqlite_db, "RU|talks|Moscow agrees to new talks")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    fire = now - timedelta(minutes=minutes_late)
    _subscribe_at(sqlite_db, fire)
    job_id = jobs.digest_job_id("telegram", "1")

    handle = await _start(sqlite_db, settings)
    job = handle.scheduler.get_job(job_id)  # type: ignore[attr-defined]
    assert job.misfire_grace_time == 6 * 3600 and job.coalesce
    assert job.trigger.timezone == PARIS
    assert job.func_ref == "bot.schedule.jobs:run_digest" and job.args == ("telegram", "1")
    await handle.stop()  # type: ignore[attr-defined]
    assert _rows(sqlite_db) == []  # subscribed after today's time: first digest tomorrow

    await _set_next_run(sqlite_db, settings, job_id, fire)  # down across the fire time
    handle = await _start(sqlite_db, settings)
    next_run = await _settle(handle, job_id)
    await handle.stop()  # type: ignore[attr-defined]
    assert next_run.astimezone(PARIS).strftime("%H:%M") == fire.astimezone(PARIS).strftime("%H:%M")
    assert next_run > now
    rows = _rows(sqlite_db)
    assert len(rows) == 1 and rows[0][1].startswith("daily:")

    handle = await _start(sqlite_db, settings)  # restarted again: nothing more
    await asyncio.sleep(0.3)
    await handle.stop()  # type: ignore[attr-defined]
    assert len(_rows(sqlite_db)) == 1


async def test_miss_beyond_the_grace_is_dropped(sqlite_db: Database, settings: Settings) -> None:
    settings.digest_grace_hours = 1
    add_article(sqlite_db, "RU|talks|Moscow agrees to new talks")
    fire = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    _subscribe_at(sqlite_db, fire)
    job_id = jobs.digest_job_id("telegram", "1")
    handle = await _start(sqlite_db, settings)
    await handle.stop()  # type: ignore[attr-defined]
    await _set_next_run(sqlite_db, settings, job_id, fire)
    handle = await _start(sqlite_db, settings)
    await _settle(handle, job_id)
    await handle.stop()  # type: ignore[attr-defined]
    assert _rows(sqlite_db) == []


async def test_sync_keeps_unchanged_jobs_and_follows_changes(
    sqlite_db: Database, settings: Settings
) -> None:
    for chat in ("1", "2", "3"):
        chat_store.subscribe(sqlite_db, "telegram", chat, "08:00", "Europe/Paris")
    scheduler = jobs.make_scheduler(settings, sqlite_db)
    scheduler.start(paused=True)
    try:
        assert jobs.sync_subscriptions(scheduler, sqlite_db, settings).added == 3
        chat_store.subscribe(sqlite_db, "telegram", "2", "19:30", "America/New_York")
        chat_store.unsubscribe(sqlite_db, "telegram", "3")
        report = jobs.sync_subscriptions(scheduler, sqlite_db, settings)
        assert (report.added, report.changed, report.removed, report.kept) == (0, 1, 1, 1)
        job = scheduler.get_job("digest:telegram:2")
        assert (
            job.next_run_time.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "19:30"
        )
    finally:
        scheduler.shutdown(wait=False)


def test_enqueue_is_unique_per_chat_and_digest(sqlite_db: Database) -> None:
    now = datetime.now(UTC)
    with sqlite_db.engine.begin() as conn:
        args = {"platform": "telegram", "chat_id": "1", "digest_key": "k", "content_key": "c"}
        assert ob.enqueue(conn, **args, now=now)
        assert not ob.enqueue(conn, **args, now=now)
    assert ob.counts(sqlite_db) == {"pending": 1}


async def test_catch_up_decides_a_slot_missed_while_no_scheduler_ran(
    sqlite_db: Database, settings: Settings
) -> None:
    """APScheduler advances next_run_time before a job runs; a process killed mid-job would
    lose that digest. The catch-up at start re-decides it, once."""
    add_article(sqlite_db, "RU|talks|Moscow agrees to new talks")
    fire = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=20)
    _subscribe_at(sqlite_db, fire, created=fire - timedelta(days=1))
    for _ in range(2):
        handle = await _start(sqlite_db, settings)
        await handle.stop()  # type: ignore[attr-defined]
        assert len(_rows(sqlite_db)) == 1


async def test_runner_task_hooks_subscriptions_and_stops_cleanly(
    sqlite_db: Database, settings: Settings
) -> None:
    from types import SimpleNamespace

    from bot.schedule.run import schedule_task

    context = SimpleNamespace(
        briefbot=make_bot(sqlite_db, settings),
        senders={},
        core=SimpleNamespace(subscription_hooks=[]),
        stop=asyncio.Event(),
    )
    task = asyncio.create_task(schedule_task(context))
    for _ in range(100):
        rt = jobs.get_runtime()
        if rt is not None and rt.scheduler is not None and rt.scheduler.running:
            break
        await asyncio.sleep(0.05)
    (hook,) = context.core.subscription_hooks
    chat_store.subscribe(sqlite_db, "slack", "C1", "07:45", "Europe/Paris")
    hook("slack", "C1", chat_store.get_subscription(sqlite_db, "slack", "C1"))
    assert rt is not None and rt.scheduler is not None
    assert rt.scheduler.get_job("digest:slack:C1") is not None
    hook("slack", "C1", None)
    assert rt.scheduler.get_job("digest:slack:C1") is None
    task.cancel()  # what the runner does at shutdown
    with pytest.raises(asyncio.CancelledError):
        await task
    assert jobs.get_runtime() is None
