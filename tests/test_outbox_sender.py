"""The sender loop against the fake Telegram Bot API through the real PTB ``telegram.Bot``."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import sqlalchemy as sa
from aiohttp import web

from bot.delivery import BeforeRequest, SendOutcome
from bot.richtext import Reply
from bot.schedule import outbox as ob
from bot.schedule.pacer import Pacer, SharedSlots, new_pacer
from bot.schedule.pacing import DEFAULT_PACING, ChatGate, EvenPacer, Pacing
from bot.schedule.sender import OutboxWorker
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.digest_tables import outbox
from tests.outbox_support import FakeTelegram, PtbTelegramSender, RateLimits, queue_digests


class ThrottlingTelegram(FakeTelegram):
    """Answers 429 (retry_after) to the first message for the chats in ``throttle``."""

    def __init__(self, throttle: dict[int, int], **kw: Any) -> None:
        super().__init__(**kw)
        self.throttle = dict(throttle)
        self.sent_at: dict[int, float] = {}

    async def _m_sendmessage(self, params: dict[str, Any]) -> web.Response:
        chat = int(params["chat_id"])
        if chat in self.throttle:
            return self._too_many(self.throttle.pop(chat))
        response = await super()._m_sendmessage(params)
        if response.status == 200:
            self.sent_at[chat] = time.monotonic()
        return response


@pytest.fixture
async def fake() -> AsyncIterator[ThrottlingTelegram]:
    server = ThrottlingTelegram({3: 1}, limits=RateLimits())
    server.blocked_chats = {5}
    await server.start()
    yield server
    await server.stop()


async def test_fan_out_429_for_one_chat_and_blocked_chat(
    sqlite_db: Database, fake: ThrottlingTelegram
) -> None:
    chats = list(range(1, 11))
    for chat in chats:
        chat_store.ensure_chat(sqlite_db, "telegram", str(chat), is_private=True)
    queue_digests(sqlite_db, chats)
    sender = PtbTelegramSender(fake.base_url)
    worker = OutboxWorker(sqlite_db, {"telegram": sender}, idle_poll=0.05)
    started = time.monotonic()
    try:
        await worker.drain(timeout=20)
    finally:
        await sender.close()
    # every chat but the blocked one got exactly one message
    assert fake.stats.per_chat == {c: 1 for c in chats if c != 5}
    # the 429 delayed only chat 3: the others were all delivered before it
    others = [fake.sent_at[c] for c in chats if c not in (3, 5)]
    assert max(others) < fake.sent_at[3]
    assert fake.sent_at[3] - started >= 1.0
    assert max(others) - started < 1.0
    assert worker.stats.rate_limited == 1
    # the chat that blocked the bot is inactive and its digest not retried
    assert chat_store.get_chat(sqlite_db, "telegram", "5").active is False  # type: ignore[union-attr]
    with sqlite_db.engine.connect() as conn:
        states = dict(conn.execute(sa.select(outbox.c.chat_id, outbox.c.state)).all())
    assert states.pop("5") == "blocked"
    assert set(states.values()) == {"sent"}
    assert fake.stats.calls["sendMessage"] == 11  # 9 + one 429 + one 403


class FailingSender:
    """A sender whose every message is refused for good (a permanent error)."""

    platform = "telegram"

    def __init__(self, outcome: SendOutcome | None = None) -> None:
        self.calls = 0
        self.outcome = outcome or SendOutcome(ok=False, error="HTTP 400: bad")
        self.pacer = new_pacer("telegram", "t", None, rate=1000)

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome:
        if before is not None and not await before():
            return SendOutcome(ok=False, aborted=True)
        self.calls += 1
        return self.outcome


async def test_errors_back_off_and_stop_after_max_attempts(sqlite_db: Database) -> None:
    queue_digests(sqlite_db, [1])
    sender = FailingSender()
    worker = OutboxWorker(
        sqlite_db, {"telegram": sender}, max_attempts=3, backoff_base=0.05, idle_poll=0.02
    )
    await worker.drain(timeout=10)
    assert sender.calls == 3
    with sqlite_db.engine.connect() as conn:
        row = conn.execute(sa.select(outbox.c.state, outbox.c.attempts, outbox.c.last_error)).one()
    assert tuple(row) == ("failed", 3, "HTTP 400: bad")


async def test_stale_sending_row_is_retried_only_after_its_lease(sqlite_db: Database) -> None:
    queue_digests(sqlite_db, [1])
    from datetime import timedelta

    from bot.store.meta import utcnow

    now = utcnow()
    lease = timedelta(seconds=30)
    (row,) = ob.claim(sqlite_db, "dead", now=now, lease=lease, limit=10, platforms=["telegram"])
    assert ob.mark_sending(sqlite_db, row.id, "dead", now=now, lease=lease)
    # the "dead" worker never finishes; another worker sees nothing until the lease expires
    assert (
        ob.claim(
            sqlite_db, "w2", now=now + lease / 2, lease=lease, limit=10, platforms=["telegram"]
        )
        == []
    )
    (again,) = ob.claim(
        sqlite_db, "w2", now=now + lease * 2, lease=lease, limit=10, platforms=["telegram"]
    )
    assert again.id == row.id and again.attempts == 1


def test_a_live_worker_renews_its_leases_and_a_dead_ones_run_out(sqlite_db: Database) -> None:
    from datetime import timedelta

    from bot.store.meta import utcnow

    queue_digests(sqlite_db, [1, 2, 3])
    now, lease = utcnow(), timedelta(seconds=20)
    sending, _held = ob.claim(
        sqlite_db, "live", now=now, lease=lease, limit=2, platforms=["telegram"]
    )
    assert ob.mark_sending(sqlite_db, sending.id, "live", now=now, lease=lease)
    (dead,) = ob.claim(sqlite_db, "dead", now=now, lease=lease, limit=5, platforms=["telegram"])
    later = now + lease * 0.75
    assert ob.renew(sqlite_db, "live", now=later, lease=lease) == 2  # the sending row too
    # after the first lease only the dead worker's row is free again
    taken = ob.claim(
        sqlite_db, "w2", now=now + lease * 1.5, lease=lease, limit=5, platforms=["telegram"]
    )
    assert [r.id for r in taken] == [dead.id]
    ob.mark_sent(sqlite_db, sending.id, "live", now=later)
    assert ob.renew(sqlite_db, "live", now=later, lease=lease) == 1  # sent rows are not held


class HeldSender(FailingSender):
    """A sender whose request stays out until the row's lease has been renewed."""

    def __init__(self, db: Database) -> None:
        super().__init__(SendOutcome(ok=True))
        self.db = db

    def lease_until(self) -> object:
        with self.db.engine.connect() as conn:
            return conn.execute(sa.select(outbox.c.lease_until)).scalar_one()

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome:
        assert before is not None and await before()
        first = self.lease_until()
        while self.lease_until() == first:  # never returns unless the run loop renews
            await asyncio.sleep(0.02)
        return self.outcome


async def test_the_run_loop_renews_the_lease_of_a_row_in_flight(sqlite_db: Database) -> None:
    from datetime import timedelta

    from bot.store.meta import utcnow

    queue_digests(sqlite_db, [1])
    start, ticks = utcnow(), itertools.count()
    worker = OutboxWorker(
        sqlite_db,
        {"telegram": HeldSender(sqlite_db)},
        lease_seconds=0.2,
        idle_poll=0.02,
        now=lambda: start + timedelta(seconds=next(ticks)),
    )
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))

    async def sent() -> None:
        while worker.stats.sent == 0:
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(sent(), 10)  # only keeps a loop that never renews from hanging
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)
    assert ob.counts(sqlite_db) == {"sent": 1}


class HangingSender(FailingSender):
    """Its requests go out (each row marked ``sending``) and are not answered until ``answer``
    is set: a process frozen mid fan-out, as ``kill -9`` would leave its rows."""

    def __init__(self) -> None:
        super().__init__(SendOutcome(ok=True))
        self.answer = asyncio.Event()

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome:
        if before is not None and not await before():
            return SendOutcome(ok=False, aborted=True)
        self.calls += 1
        await self.answer.wait()
        return self.outcome


def _claimed(db: Database, worker: str) -> dict[int, str]:
    """{id: state} of the rows ``worker`` holds and has not sent."""
    query = sa.select(outbox.c.id, outbox.c.state).where(
        outbox.c.claimed_by == worker, outbox.c.state.in_(("pending", "sending"))
    )
    with db.engine.connect() as conn:
        return {int(r.id): str(r.state) for r in conn.execute(query)}


async def test_a_killed_worker_leaves_few_rows_to_the_lease_and_they_go_back_first(
    any_db: Database,
) -> None:
    """What a worker holds when it is killed waits out the lease, then is sent by whoever
    claims next, at that process's share of the token's pace. A worker as ``run`` and
    ``worker`` build it holds at most 32 rows (two lanes of 16; it held a batch of 100:
    ~50 rows per kill, all taken back by one claim, whose holder, sending them at a third of
    30/s, was still at it when the next kill came -- issue 15's two leases). After the lease
    they are the first rows claimed, and no one claim takes them all."""
    from bot.schedule.run import worker_settings
    from bot.settings import Settings
    from bot.store.meta import utcnow

    queue_digests(any_db, list(range(1, 201)))
    sender = HangingSender()
    worker = OutboxWorker(any_db, {"telegram": sender}, **worker_settings(Settings()))
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))

    async def all_claimed() -> None:  # every lane has its batch, every send slot is taken
        full = min(200, worker.lanes * worker.batch_size)
        while sender.calls < worker.concurrency or len(_claimed(any_db, worker.worker_id)) < full:
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(all_claimed(), 10)  # only keeps a stuck loop from hanging
        held = _claimed(any_db, worker.worker_id)
        assert list(held.values()).count("sending") == worker.concurrency
        assert len(held) <= 32
        # the worker is "dead" from here on: it renews nothing within the next lease
        later = utcnow() + 2 * worker.lease
        taken: list[int] = []
        for other in ("w2", "w3", "w4"):
            claim = ob.claim(
                any_db,
                other,
                now=later,
                lease=worker.lease,
                limit=worker.batch_size,
                platforms=["telegram"],
            )
            assert len(claim) < len(held)  # shared by several claims, so several senders
            taken += [r.id for r in claim]
        assert set(taken[: len(held)]) == set(held)  # before any row never claimed
    finally:
        sender.answer.set()
        stop.set()
        await asyncio.wait_for(running, 10)


class ScriptedSlots(SharedSlots):
    """The shared schedule's answers, scripted (no database): slot starts in order."""

    def __init__(self, starts: list[float]) -> None:
        super().__init__(None, "k", 29.0)  # type: ignore[arg-type]
        self.starts, self.booked, self.deferred = starts, list[float](), list[float]()

    async def reserve_at(self) -> float:
        self.booked.append(self.starts.pop(0))
        return self.booked[-1]

    async def defer(self, seconds: float) -> None:
        self.deferred.append(seconds)


@pytest.mark.parametrize(("late", "slots"), [(0.005, [1.0]), (0.012, [1.0, 2.0])])
async def test_a_send_woken_late_in_a_shared_slot_books_a_new_one(
    late: float, slots: list[float]
) -> None:
    # at 29/s a slot is 34.5 ms: more than a quarter of it late (8.6 ms) would clump with the
    # next sender's request, and Telegram counts 30 in any rolling second
    now = [0.0]
    lateness = [late, 0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds + lateness.pop(0)

    scripted = ScriptedSlots([1.0, 2.0])
    pacer = Pacer(
        "telegram", DEFAULT_PACING["telegram"], scripted, clock=lambda: now[0], sleep=sleep
    )
    assert await pacer.acquire("42")
    assert scripted.booked == slots


async def test_a_send_woken_late_by_its_last_wait_books_a_new_shared_slot() -> None:
    # the row is marked in good time, but the wake-up for the slot itself comes 12 ms late:
    # nothing waits after it, so the request would go out in the next sender's slot
    now = [0.0]
    lateness = [0.0, 0.012, 0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds + lateness.pop(0)

    async def before() -> bool:
        now[0] += 0.001
        return True

    scripted = ScriptedSlots([1.0, 2.0])
    pacer = Pacer(
        "telegram", DEFAULT_PACING["telegram"], scripted, clock=lambda: now[0], sleep=sleep
    )
    assert await pacer.acquire("42", before)
    assert scripted.booked == [1.0, 2.0]
    assert now[0] == pytest.approx(2.0)


async def test_a_before_step_that_is_sometimes_slow_still_fits_ahead_of_its_slot() -> None:
    # marking the row takes 5 ms, and 40 ms one time in four (a busy database): it starts
    # early enough for its slow times too, so no send is made late and no slot is left empty
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    times = itertools.cycle([0.005, 0.005, 0.005, 0.040])

    async def before() -> bool:
        now[0] += next(times)
        return True

    scripted = ScriptedSlots([1.0 + 0.1 * i for i in range(200)])
    pacer = Pacer(
        "telegram", DEFAULT_PACING["telegram"], scripted, clock=lambda: now[0], sleep=sleep
    )
    for chat in range(40):  # the first ones teach the pacer how long the step takes
        assert await pacer.acquire(str(chat), before)
    booked = len(scripted.booked)
    for chat in range(40, 80):
        assert await pacer.acquire(str(chat), before)
    assert len(scripted.booked) - booked == 40


@pytest.mark.parametrize(("took", "deferred"), [(0.005, []), (0.020, []), (0.060, [1 / 29])])
async def test_a_request_answered_over_a_slot_late_leaves_a_shared_slot_empty(
    took: float, deferred: list[float]
) -> None:
    # at 29/s a slot is 34.5 ms: a request answered later than that may have reached the
    # platform among the next slots' requests, so every process leaves one slot empty
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    scripted = ScriptedSlots([1.0])
    pacer = Pacer(
        "telegram", DEFAULT_PACING["telegram"], scripted, clock=lambda: now[0], sleep=sleep
    )
    assert await pacer.acquire("42")
    now[0] += took
    await pacer.answered(1.0)
    assert scripted.deferred == pytest.approx(deferred)


def test_even_pacer_never_puts_30_sends_in_a_rolling_second() -> None:
    clock = [0.0]
    pacer = EvenPacer(28.5, clock=lambda: clock[0])
    starts = []
    for _ in range(300):  # everyone asks at once; each start is now + its wait
        starts.append(clock[0] + pacer.reserve())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) == pytest.approx(1 / 28.5)
    worst = max(sum(1 for s in starts if t <= s < t + 1.0) for t in starts)
    assert worst <= 29


def test_chat_gate_paces_chats_groups_and_429_holds() -> None:
    clock = [100.0]
    gate = ChatGate(Pacing(28.5, 1.0, 3.0), "telegram", clock=lambda: clock[0])
    gate.sent("42")
    gate.sent("-100")
    assert gate.wait_for("42") == pytest.approx(1.0)
    assert gate.wait_for("-100") == pytest.approx(3.0)  # 20 per minute in groups
    gate.hold("7", 5)
    assert gate.wait_for("7") == pytest.approx(5.0) and gate.wait_for("8") == 0
    clock[0] += 10
    gate.forget_idle()
    assert gate.wait_for("7") == 0


async def test_drain_on_an_empty_outbox_returns(sqlite_db: Database) -> None:
    worker = OutboxWorker(sqlite_db, {"telegram": FailingSender()})
    await asyncio.wait_for(worker.drain(), 5)


async def test_worker_senders_from_settings_use_the_telegram_adapter(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.adapters.outbox_senders import build_senders
    from bot.settings import Settings
    from tests.outbox_support import TOKEN

    server = FakeTelegram(limits=RateLimits())
    await server.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    settings = Settings(telegram_base_url=server.base_url)
    senders = build_senders(settings, sqlite_db, ["telegram", "slack"])
    assert list(senders) == ["telegram"]  # no Slack token
    queue_digests(sqlite_db, [11, 12])
    try:
        await OutboxWorker(sqlite_db, senders, idle_poll=0.05).drain(timeout=10)
    finally:
        await server.stop()
    assert server.stats.per_chat == {11: 1, 12: 1}


async def test_pacer_does_not_burst_after_the_loop_stalled() -> None:
    clock = [0.0]

    async def fake_sleep(seconds: float) -> None:
        clock[0] += seconds

    pacer = EvenPacer(28.5, clock=lambda: clock[0], sleep=fake_sleep)
    grants = []
    for i in range(200):
        if i == 50:
            clock[0] += 0.4  # the event loop was blocked for 400 ms
        await pacer.wait()
        grants.append(clock[0])
    worst = max(sum(1 for g in grants if t <= g < t + 1.0) for t in grants)
    assert worst <= 29
    gaps = [b - a for a, b in itertools.pairwise(grants)]
    assert min(gaps) >= 0.75 / 28.5 - 1e-9


async def test_a_stalled_process_spreads_its_overdue_sends_under_the_platform_window() -> None:
    # every slot already due (the loop stalled): the sends still leave at least 0.75/rate apart
    # and at most 30 in any rolling second, Telegram's own limit
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    class AllDue:
        async def reserve_at(self) -> float:
            return 0.0

    pacing = DEFAULT_PACING["telegram"]
    pacer = Pacer("telegram", pacing, AllDue(), clock=lambda: now[0], sleep=sleep)
    starts = []
    for i in range(90):
        assert await pacer.acquire(str(i))
        starts.append(now[0])
    rate = float(pacing.global_rate or 0)
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.75 / rate - 1e-9
    assert max(sum(1 for s in starts if t <= s < t + 1.0) for t in starts) <= 30
    # and it does not hold them back more than the window needs: 90 sends in about 3 seconds
    assert starts[-1] < 3.1


@pytest.mark.parametrize("stalled", [10, 40])
async def test_a_request_stalled_on_its_way_out_counts_where_the_platform_saw_it(
    stalled: int,
) -> None:
    # the process is behind (every slot due), so its sends leave as close as the rolling
    # second allows; one request stalls 60 ms between leaving and reaching the platform. Its
    # late answer tells the pacer, and what the platform receives still has at most 30 messages
    # in any rolling second (the others take 1 or 4 ms to arrive)
    now = [0.0]
    answers: list[tuple[float, float]] = []  # (answered at, left at)

    async def sleep(seconds: float) -> None:
        until = now[0] + seconds
        for answer in sorted(a for a in answers if a[0] <= until):
            answers.remove(answer)
            now[0] = max(now[0], answer[0])
            await pacer.answered(answer[1])
        now[0] = until

    class AllDue:
        async def reserve_at(self) -> float:
            return 0.0

    pacer = Pacer(
        "telegram", DEFAULT_PACING["telegram"], AllDue(), clock=lambda: now[0], sleep=sleep
    )
    arrivals = []
    for i in range(90):
        assert await pacer.acquire(str(i))
        arrivals.append(now[0] + (0.060 if i == stalled else 0.001 + 0.003 * (i % 2)))
        answers.append((arrivals[-1] + 0.001, now[0]))
    arrivals.sort()
    assert max(sum(1 for a in arrivals if t <= a < t + 1.0) for t in arrivals) <= 30
    assert arrivals[-1] < 3.2  # one slot lost to the stall, no more
