"""Core tables: articles, cached analyses and composed briefings."""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("canonical_url", sa.String(2048), nullable=True, unique=True),
    sa.Column("url", sa.String(2048), nullable=True),
    sa.Column("path", sa.String(2048), nullable=True),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("source_name", sa.String(256), nullable=False, default=""),
    sa.Column("published", UTCDateTime, nullable=True),
    sa.Column("ingested_at", UTCDateTime, nullable=False),
    sa.Column("group_id", sa.Integer, nullable=True, index=True),
    sa.Column("minhash", sa.LargeBinary, nullable=True),
    # not indexed for questions yet (bot.qa.index clears it)
    sa.Column("qa_pending", sa.Boolean, nullable=False, default=True, server_default=sa.true()),
)
# m0010: the group leaders still to index for questions, by ingest time (usually none); the
# window's articles with their id, group and publication time, from the index alone
QA_PENDING = "qa_pending AND (group_id IS NULL OR group_id = id)"
sa.Index(
    "ix_articles_qa_pending",
    articles.c.ingested_at,
    sqlite_where=sa.text(QA_PENDING),
    postgresql_where=sa.text(QA_PENDING),
)
sa.Index(
    "ix_articles_window",
    articles.c.ingested_at,
    articles.c.id,
    articles.c.group_id,
    articles.c.published,
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("engine_key", sa.String(200), nullable=False),
    sa.Column("positions", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("content_hash", "engine_key", name="uq_analyses_hash_engine"),
)

briefings = sa.Table(
    "briefings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(300), nullable=False, unique=True),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("engine", sa.String(200), nullable=False),
    sa.Column("period_start", UTCDateTime, nullable=True),
    sa.Column("period_end", UTCDateTime, nullable=True),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # built with offline positions because the model failed: rebuilt when it answers again
    sa.Column("fallback", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
)
