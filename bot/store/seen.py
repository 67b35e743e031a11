"""Update and event ids already handled, kept in the database so a restart does not forget them.

``first_time`` inserts the id and answers whether it was new (the primary key decides, so two
processes receiving the same redelivery agree). Rows older than ``keep`` are deleted now and
then: Telegram redelivers unconfirmed updates for at most 24 hours and Slack retries an event
for minutes, so two days bounds the table without forgetting anything that can come back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.store.db import Database
from bot.store.delivery_tables import seen_updates
from bot.store.meta import utcnow
from bot.store.retry import retrying

KEEP = timedelta(hours=48)


@retrying
def first_time(db: Database, platform: str, update_id: str, *, now: datetime | None = None) -> bool:
    """Record ``update_id``; True when it was not seen before."""
    try:
        with db.engine.begin() as conn:
            conn.execute(
                seen_updates.insert().values(
                    platform=platform, update_id=update_id[:128], seen_at=now or utcnow()
                )
            )
    except sa.exc.IntegrityError:
        return False
    return True


@retrying
def forget_older(db: Database, keep: timedelta = KEEP, *, now: datetime | None = None) -> int:
    """Delete ids seen more than ``keep`` ago; how many."""
    with db.engine.begin() as conn:
        result = conn.execute(
            seen_updates.delete().where(seen_updates.c.seen_at < (now or utcnow()) - keep)
        )
    return int(result.rowcount or 0)
