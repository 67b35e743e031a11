"""Tables of the daily digests: stored digest bodies, per-chat digest state and the outbox.

* ``digests``: one rendered digest (a ``Reply`` as JSON) per content key, i.e. per language
  and set of articles; every chat whose digest has the same content reads the same row.
* ``digest_state``: per chat, when its last digest was decided and the newest article id it
  included ("new since the last digest" = articles with a larger id).
* ``outbox``: one row per (chat, digest) to deliver; ``UNIQUE(platform, chat_id, digest_key)``
  makes a digest impossible to enqueue twice for a chat. States: pending -> sending -> sent,
  or failed (attempts exhausted) / blocked (the chat blocked the bot).
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

OUTBOX_STATES = ("pending", "sending", "sent", "failed", "blocked")

digests = sa.Table(
    "digests",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(200), nullable=False, unique=True),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

digest_state = sa.Table(
    "digest_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("last_digest_at", UTCDateTime, nullable=True),
    sa.Column("last_article_id", sa.Integer, nullable=False, default=0),
    sa.Column("last_digest_key", sa.String(200), nullable=True),
    sa.UniqueConstraint("platform", "chat_id", name="uq_digest_state_platform_chat"),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("digest_key", sa.String(200), nullable=False),
    sa.Column("content_key", sa.String(200), nullable=False),
    sa.Column("state", sa.String(16), nullable=False, default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", UTCDateTime, nullable=False),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("claimed_by", sa.String(128), nullable=True),
    sa.Column("lease_until", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("sent_at", UTCDateTime, nullable=True),
    sa.UniqueConstraint("platform", "chat_id", "digest_key", name="uq_outbox_chat_digest"),
    sa.CheckConstraint(
        "state IN ('pending', 'sending', 'sent', 'failed', 'blocked')", name="ck_outbox_state"
    ),
)
sa.Index("ix_outbox_due", outbox.c.state, outbox.c.next_attempt_at)
