"""LLM call accounting (tokens per call, for stats and the daily budget)."""

import sqlalchemy as sa

from bot.store import llm_tables


def upgrade(conn: sa.Connection) -> None:
    llm_tables.llm_calls.create(conn, checkfirst=True)
