"""LLM call accounting (tokens per call, for stats and the daily budget); frozen DDL."""

import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    llm_calls = sa.Table(
        "llm_calls",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=False),
        sa.Column("tokens_in", sa.Integer, nullable=False),
        sa.Column("tokens_out", sa.Integer, nullable=False),
        sa.Column("retries", sa.Integer, nullable=False),
        sa.Column("dropped", sa.Integer, nullable=False),
        sa.Column("detail", sa.String(500), nullable=False),
    )
    sa.Index("ix_llm_calls_day", llm_calls.c.day)
    md.create_all(conn, checkfirst=True)
