"""Digest bodies, per-chat digest state and the delivery outbox; frozen DDL."""

import sqlalchemy as sa

TS = sa.DateTime(timezone=True)


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "digests",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("article_ids", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    sa.Table(
        "digest_state",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("last_digest_at", TS, nullable=True),
        sa.Column("last_article_id", sa.Integer, nullable=False),
        sa.Column("last_digest_key", sa.String(200), nullable=True),
        sa.UniqueConstraint("platform", "chat_id", name="uq_digest_state_platform_chat"),
    )
    outbox = sa.Table(
        "outbox",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("digest_key", sa.String(200), nullable=False),
        sa.Column("content_key", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("claimed_by", sa.String(128), nullable=True),
        sa.Column("lease_until", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("sent_at", TS, nullable=True),
        sa.UniqueConstraint("platform", "chat_id", "digest_key", name="uq_outbox_chat_digest"),
        sa.CheckConstraint(
            "state IN ('pending', 'sending', 'sent', 'failed', 'blocked')", name="ck_outbox_state"
        ),
    )
    sa.Index("ix_outbox_due", outbox.c.state, outbox.c.next_attempt_at)
    md.create_all(conn, checkfirst=True)
