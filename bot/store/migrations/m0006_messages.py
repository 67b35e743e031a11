"""Sent chat messages and their reply tags, so a reply to a digest is seen as a follow-up."""

import sqlalchemy as sa

from bot.store import messages


def upgrade(conn: sa.Connection) -> None:
    messages.sent_messages.create(conn, checkfirst=True)
