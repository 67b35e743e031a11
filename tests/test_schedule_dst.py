"""Digest fire times across DST changes, computed with the real APScheduler CronTrigger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.schedule.digest import daily_key, last_slot, trigger_for


def fire_times(time_local: str, tz: str, start: datetime, n: int) -> list[datetime]:
    trigger = trigger_for(time_local, tz)
    out = []
    fire = trigger.get_next_fire_time(None, start)
    while fire is not None and len(out) < n:
        out.append(fire)
        fire = trigger.get_next_fire_time(fire, fire.astimezone(UTC) + timedelta(seconds=1))
    return out


def test_paris_spring_forward_keeps_local_8am() -> None:
    # clocks go forward on Sunday 29 March 2026 (CET+1 -> CEST+2)
    times = fire_times("08:00", "Europe/Paris", datetime(2026, 3, 27, tzinfo=UTC), 4)
    assert [t.astimezone(UTC).hour for t in times] == [7, 7, 6, 6]
    assert all(t.hour == 8 and t.minute == 0 for t in times)
    assert [t.day for t in times] == [27, 28, 29, 30]


def test_paris_fall_back_keeps_local_8am() -> None:
    # clocks go back on Sunday 25 October 2026
    times = fire_times("08:00", "Europe/Paris", datetime(2026, 10, 24, tzinfo=UTC), 3)
    assert [t.astimezone(UTC).hour for t in times] == [6, 7, 7]
    assert all(t.hour == 8 for t in times)


def test_repeated_hour_when_clocks_go_back_is_one_digest() -> None:
    # 02:30 happens twice on 25 October 2026 in Paris: two fires, one digest key
    times = fire_times("02:30", "Europe/Paris", datetime(2026, 10, 24, 12, tzinfo=UTC), 3)
    assert [t.astimezone(UTC).hour for t in times[:2]] == [0, 1]
    assert daily_key(times[0]) == daily_key(times[1]) == "daily:2026-10-25T02:30"
    assert daily_key(times[2]) == "daily:2026-10-26T02:30"


def test_skipped_hour_when_clocks_go_forward_still_fires_once() -> None:
    times = fire_times("02:30", "Europe/Paris", datetime(2026, 3, 28, 12, tzinfo=UTC), 2)
    assert [t.day for t in times] == [29, 30]  # one fire on the short day, not zero, not two


def test_last_slot_is_the_latest_fire_at_or_before_now() -> None:
    now = datetime(2026, 3, 29, 6, 30, tzinfo=UTC)  # 08:30 CEST
    slot = last_slot("08:00", "Europe/Paris", now)
    assert slot.astimezone(UTC) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    before = last_slot("08:00", "Europe/Paris", now - timedelta(minutes=31))
    assert before.day == 28 and before.astimezone(UTC).hour == 7


def test_other_zones() -> None:
    ny = fire_times("07:15", "America/New_York", datetime(2026, 3, 7, tzinfo=UTC), 3)
    assert [t.astimezone(UTC).hour for t in ny] == [12, 11, 11]  # DST starts 8 March 2026
    tokyo = fire_times("07:15", "Asia/Tokyo", datetime(2026, 3, 7, tzinfo=UTC), 2)
    assert {t.astimezone(UTC).hour for t in tokyo} == {22}
