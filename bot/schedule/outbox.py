"""The digest outbox: one row per (chat, digest) to deliver, and the state changes on it.

A row is created by ``enqueue`` inside the same transaction as the per-chat digest decision
(``bot.schedule.digest``), so a digest is either decided *and* queued or neither.
``UNIQUE(platform, chat_id, digest_key)`` stops the same digest being queued twice.

Life of a row::

    pending --claim (lease)--> pending+claimed --mark_sending--> sending --> sent
                  ^                    |                                \\--> pending (retry later) / failed
                  +------release-------+ (stopping, chat held)          \\--> blocked (chat blocked the bot)

``mark_sending`` is called after the pacing wait, right before the row's own request.

``claim`` takes a batch with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several
sender processes never take the same row (on SQLite the clause is dropped: one process only).
A claim is a lease, renewed by its live sender (``renew``): rows claimed by a process that
dies become claimable again once ``lease_until`` passes, within one lease of the kill. A row in ``sending`` after a crash is the one message whose request
may or may not have reached the platform; it is retried only after its lease expires, which
can (rarely) deliver that one message twice -- the alternative, never retrying it, could lose
it. We choose at-least-once for the in-flight message and exactly-once for every other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.store import Database
from bot.store.digest_tables import outbox
from bot.store.retry import retrying


@dataclass(frozen=True)
class OutboxRow:
    id: int
    platform: str
    chat_id: str
    digest_key: str
    content_key: str
    attempts: int
    state: str  # "pending" when claimed fresh, "sending" when reclaimed after a crash


def enqueue(
    conn: sa.Connection,
    *,
    platform: str,
    chat_id: str,
    digest_key: str,
    content_key: str,
    now: datetime,
) -> bool:
    """Queue one digest for one chat in the caller's transaction; False if already queued."""
    try:
        with conn.begin_nested():
            conn.execute(
                outbox.insert().values(
                    platform=platform,
                    chat_id=chat_id,
                    digest_key=digest_key,
                    content_key=content_key,
                    state="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
    except sa.exc.IntegrityError:
        return False
    return True


def is_queued(conn: sa.Connection, platform: str, chat_id: str, digest_key: str) -> bool:
    return (
        conn.execute(
            sa.select(outbox.c.id).where(
                outbox.c.platform == platform,
                outbox.c.chat_id == chat_id,
                outbox.c.digest_key == digest_key,
            )
        ).first()
        is not None
    )


@retrying
def claim(
    db: Database,
    worker: str,
    *,
    now: datetime,
    lease: timedelta,
    limit: int,
    platforms: list[str],
) -> list[OutboxRow]:
    """Lease up to ``limit`` due rows to ``worker`` (due pending rows, and expired leases)."""
    due = sa.or_(
        sa.and_(
            outbox.c.state == "pending",
            outbox.c.next_attempt_at <= now,
            sa.or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
        ),
        sa.and_(outbox.c.state == "sending", outbox.c.lease_until < now),
    )
    pick = (
        sa.select(outbox.c.id)
        .where(due, outbox.c.platform.in_(platforms))
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    # state is returned as it was: a reclaimed "sending" row is visible to the caller
    was_sending = sa.case((outbox.c.state == "sending", 1), else_=0)
    stmt = (
        outbox.update()
        .where(outbox.c.id.in_(pick.scalar_subquery()))
        .values(
            claimed_by=worker,
            lease_until=now + lease,
            attempts=outbox.c.attempts + was_sending,
            last_error=sa.case(
                (outbox.c.state == "sending", "interrupted while sending; delivery unknown"),
                else_=outbox.c.last_error,
            ),
            state="pending",
        )
        .returning(
            outbox.c.id,
            outbox.c.platform,
            outbox.c.chat_id,
            outbox.c.digest_key,
            outbox.c.content_key,
            outbox.c.attempts,
        )
    )
    with db.engine.begin() as conn:
        rows = conn.execute(stmt).all()
    return sorted(
        (
            OutboxRow(
                r.id, r.platform, r.chat_id, r.digest_key, r.content_key, r.attempts, "pending"
            )
            for r in rows
        ),
        key=lambda r: r.id,
    )


def _mine(row_id: int, worker: str) -> sa.ColumnElement[bool]:
    return sa.and_(outbox.c.id == row_id, outbox.c.claimed_by == worker)


@retrying
def mark_sending(
    db: Database, row_id: int, worker: str, *, now: datetime, lease: timedelta
) -> bool:
    """Claimed -> sending, just before the request; False when the lease was lost."""
    with db.engine.begin() as conn:
        result = conn.execute(
            outbox.update()
            .where(_mine(row_id, worker), outbox.c.state == "pending")
            .values(state="sending", lease_until=now + lease)
        )
    return result.rowcount == 1


@retrying
def mark_sent(db: Database, row_id: int, worker: str, *, now: datetime) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            outbox.update()
            .where(_mine(row_id, worker))
            .values(state="sent", sent_at=now, lease_until=None, last_error=None)
        )


@retrying
def mark_retry(
    db: Database,
    row_id: int,
    worker: str,
    *,
    at: datetime,
    error: str,
    failed_attempt: bool,
    max_attempts: int,
) -> str:
    """Back to pending for ``at`` (or failed when a counted attempt was the last); the state.

    ``failed_attempt=False`` (a 429, a transport error) re-queues without using an attempt.
    """
    with db.engine.begin() as conn:
        attempts = conn.execute(sa.select(outbox.c.attempts).where(_mine(row_id, worker))).scalar()
        if attempts is None:
            return "lost"
        attempts += 1 if failed_attempt else 0
        state = "failed" if failed_attempt and attempts >= max_attempts else "pending"
        conn.execute(
            outbox.update()
            .where(_mine(row_id, worker))
            .values(
                state=state,
                attempts=attempts,
                next_attempt_at=at,
                last_error=error[:500],
                claimed_by=None,
                lease_until=None,
            )
        )
    return state


@retrying
def mark_blocked(db: Database, platform: str, chat_id: str, error: str) -> int:
    """Every undelivered row of a chat that blocked the bot -> blocked; how many."""
    with db.engine.begin() as conn:
        result = conn.execute(
            outbox.update()
            .where(
                outbox.c.platform == platform,
                outbox.c.chat_id == chat_id,
                outbox.c.state.in_(("pending", "sending")),
            )
            .values(state="blocked", last_error=error[:500], lease_until=None)
        )
    return int(result.rowcount)


@retrying
def renew(db: Database, worker: str, *, now: datetime, lease: timedelta) -> int:
    """Extend every lease ``worker`` still holds to ``now + lease`` (it is alive); how many."""
    with db.engine.begin() as conn:
        result = conn.execute(
            outbox.update()
            .where(
                outbox.c.claimed_by == worker,
                outbox.c.state.in_(("pending", "sending")),
                outbox.c.lease_until.is_not(None),
            )
            .values(lease_until=now + lease)
        )
    return int(result.rowcount)


@retrying
def release(db: Database, row_ids: list[int], worker: str, *, at: datetime | None = None) -> None:
    """Give back claimed rows not started (on shutdown, or a chat not ready yet)."""
    if not row_ids:
        return
    values: dict[str, object] = {"claimed_by": None, "lease_until": None}
    if at is not None:
        values["next_attempt_at"] = at
    with db.engine.begin() as conn:
        conn.execute(
            outbox.update()
            .where(
                outbox.c.id.in_(row_ids),
                outbox.c.claimed_by == worker,
                outbox.c.state == "pending",
            )
            .values(**values)
        )


def counts(db: Database) -> dict[str, int]:
    """Number of rows in each state."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state)
        ).all()
    return {state: int(n) for state, n in rows}


def next_due(db: Database, platforms: list[str]) -> datetime | None:
    """When the earliest pending row falls due (None when nothing is pending)."""
    with db.engine.connect() as conn:
        return conn.execute(
            sa.select(sa.func.min(outbox.c.next_attempt_at)).where(
                outbox.c.state.in_(("pending", "sending")), outbox.c.platform.in_(platforms)
            )
        ).scalar()
