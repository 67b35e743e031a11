"""Chats, digest subscriptions and followed sources."""

import sqlalchemy as sa

from bot.store import chat_tables


def upgrade(conn: sa.Connection) -> None:
    for table in (chat_tables.chats, chat_tables.subscriptions, chat_tables.sources):
        table.create(conn, checkfirst=True)
