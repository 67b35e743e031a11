"""The LLM accounting table: one row per model call (tokens, purpose, outcome)."""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

llm_calls = sa.Table(
    "llm_calls",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("day", sa.String(10), nullable=False),  # UTC date, YYYY-MM-DD
    sa.Column("model", sa.String(200), nullable=False),
    sa.Column("purpose", sa.String(32), nullable=False),  # extract | brief | answer
    sa.Column("outcome", sa.String(64), nullable=False),  # ok | invalid | error:<kind>
    sa.Column("tokens_in", sa.Integer, nullable=False, default=0),
    sa.Column("tokens_out", sa.Integer, nullable=False, default=0),
    sa.Column("retries", sa.Integer, nullable=False, default=0),
    sa.Column("dropped", sa.Integer, nullable=False, default=0),  # ungrounded items dropped
    sa.Column("detail", sa.String(500), nullable=False, default=""),
)
sa.Index("ix_llm_calls_day", llm_calls.c.day)
