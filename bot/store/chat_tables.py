"""Tables keyed by chat: chat settings, digest subscriptions, and the followed sources."""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

chats = sa.Table(
    "chats",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("lang", sa.String(8), nullable=True),
    sa.Column("is_private", sa.Boolean, nullable=False, default=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("quiet", sa.Boolean, nullable=False, default=False),
    sa.Column("last_brief_at", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("platform", "chat_id", name="uq_chats_platform_chat"),
)

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("time_local", sa.String(5), nullable=False),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("platform", "chat_id", name="uq_subscriptions_platform_chat"),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.String(2048), nullable=False, unique=True),
    sa.Column("name", sa.String(256), nullable=False, default=""),
    sa.Column("added_by", sa.String(256), nullable=False, default="config"),
    sa.Column("added_at", UTCDateTime, nullable=False),
    sa.Column("etag", sa.String(512), nullable=True),
    sa.Column("last_modified", sa.String(128), nullable=True),
    sa.Column("last_polled_at", UTCDateTime, nullable=True),
)
