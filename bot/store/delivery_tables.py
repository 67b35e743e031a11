"""Tables of the sending side: the shared send pace of each bot token and the update ids seen.

``send_pace`` holds, per bot token (a hash, never the token), the next free start time of the
token's even schedule, in the database server's clock, so every process sending with the token
takes its turn from one schedule. ``seen_updates`` remembers Telegram update ids and Slack event
ids already handled, so a redelivery after a restart is dropped (rows expire after a while).
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

send_pace = sa.Table(
    "send_pace",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("next_at", sa.Float, nullable=False),
)

seen_updates = sa.Table(
    "seen_updates",
    metadata,
    sa.Column("platform", sa.String(32), primary_key=True),
    sa.Column("update_id", sa.String(128), primary_key=True),
    sa.Column("seen_at", UTCDateTime, nullable=False, index=True),
)
