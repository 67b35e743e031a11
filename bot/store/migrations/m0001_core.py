"""Articles, per-article analysis cache and stored briefings.

Frozen DDL: the tables as they were when this step was written. Never import the table modules
here (they describe the newest schema); a later change is a new migration.
"""

import sqlalchemy as sa

TS = sa.DateTime(timezone=True)


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    articles = sa.Table(
        "articles",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("canonical_url", sa.String(2048), nullable=True, unique=True),
        sa.Column("url", sa.String(2048), nullable=True),
        sa.Column("path", sa.String(2048), nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("source_name", sa.String(256), nullable=False),
        sa.Column("published", TS, nullable=True),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=True, index=True),
        sa.Column("minhash", sa.LargeBinary, nullable=True),
    )
    sa.Index("ix_articles_ingested_at", articles.c.ingested_at)
    sa.Table(
        "analyses",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("engine_key", sa.String(200), nullable=False),
        sa.Column("positions", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("content_hash", "engine_key", name="uq_analyses_hash_engine"),
    )
    sa.Table(
        "briefings",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("engine", sa.String(200), nullable=False),
        sa.Column("period_start", TS, nullable=True),
        sa.Column("period_end", TS, nullable=True),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    md.create_all(conn, checkfirst=True)
