"""The shared send pace reads the database server's clock: a slow answer must not move a slot."""

from __future__ import annotations

import itertools

import pytest

from bot.schedule.pacer import SharedSlots, token_key
from bot.schedule.server_clock import ServerClock
from bot.store import Database

OFFSET = 1_700_000_000.0  # the server's clock minus the local monotonic one
RATE = 29.0


class TimedAnswers(SharedSlots):
    """The shared schedule's bookings, scripted (no database): for each, the slot and the
    moment the server read its clock, both on the local clock, and how long the query took
    to reach the server and its answer to be read."""

    def __init__(self, answers: list[tuple[float, float, float, float]]) -> None:
        super().__init__(None, "k", RATE)  # type: ignore[arg-type]
        self.answers = answers

    def _take(self) -> tuple[float, float, float, float] | None:
        slot, read, going, coming = self.answers.pop(0)
        return OFFSET + slot, OFFSET + read, read - going, read + coming


def test_a_slow_round_trip_does_not_move_a_shared_slot() -> None:
    # slots booked ahead, 1/rate apart on the server; every third query waited 30 ms before
    # it reached the server, every fifth answer 40 ms before it was read (a busy thread pool,
    # the GIL, a collection): the middle of such a round trip is 15-20 ms off
    interval = 1 / RATE
    answers = []
    for i in range(60):
        read = 0.9 * i * interval
        going = 0.030 if i % 3 == 2 else 0.0002
        coming = 0.040 if i % 5 == 4 else 0.0003
        answers.append((1.0 + i * interval, read, going, coming))
    slots = TimedAnswers(answers)
    local = [slots._reserve() for _ in range(60)]
    for i, at in enumerate(local):
        assert at == pytest.approx(1.0 + i * interval, abs=0.001)
    assert min(b - a for a, b in itertools.pairwise(local)) > interval - 0.001


def test_the_server_clock_follows_a_stepped_clock_at_once() -> None:
    clock = ServerClock(horizon=5.0)
    for t in range(10):
        clock.sample(100.0 + t + 0.0005, t, t + 0.001)
    assert clock.offset == pytest.approx(100.0, abs=0.001)
    clock.sample(100.5 + 10 + 0.02, 10, 10.04)  # the server's clock jumped half a second
    assert 100.46 <= clock.offset <= 100.52
    clock.sample(100.5 + 11 + 0.0005, 11, 11.001)
    assert clock.offset == pytest.approx(100.5, abs=0.001)
    assert clock.error <= 0.001


def test_the_server_clock_forgets_samples_past_its_horizon() -> None:
    clock = ServerClock(horizon=5.0)
    clock.sample(100.0005, 0.0, 0.001)  # a tight sample ...
    clock.sample(100.0 + 10 + 0.010, 10.0, 10.02)  # ... too old to count ten seconds later
    assert clock.error == pytest.approx(0.01)


async def test_a_deferred_shared_schedule_leaves_the_time_empty_for_every_process(
    pg_db: Database,
) -> None:
    key = token_key("telegram", "deferred")
    first, second = SharedSlots(pg_db, key, RATE), SharedSlots(pg_db, key, RATE)
    before = await first.reserve_at()
    await first.defer(0.5)
    after = await second.reserve_at()  # another process's next booking
    assert after - before >= 0.5 + 1 / RATE - 0.02  # 20 ms: the two clock estimates may differ
