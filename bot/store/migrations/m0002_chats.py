"""Chats, digest subscriptions and followed sources (frozen DDL, see m0001)."""

import sqlalchemy as sa

TS = sa.DateTime(timezone=True)


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "chats",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("lang", sa.String(8), nullable=True),
        sa.Column("is_private", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("quiet", sa.Boolean, nullable=False),
        sa.Column("last_brief_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "chat_id", name="uq_chats_platform_chat"),
    )
    sa.Table(
        "subscriptions",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("time_local", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "chat_id", name="uq_subscriptions_platform_chat"),
    )
    sa.Table(
        "sources",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("added_by", sa.String(256), nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.Column("etag", sa.String(512), nullable=True),
        sa.Column("last_modified", sa.String(128), nullable=True),
        sa.Column("last_polled_at", TS, nullable=True),
    )
    md.create_all(conn, checkfirst=True)
