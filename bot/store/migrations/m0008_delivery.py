"""The shared send pace per bot token and the memory of handled update / event ids."""

import sqlalchemy as sa

from bot.store import delivery_tables


def upgrade(conn: sa.Connection) -> None:
    delivery_tables.send_pace.create(conn, checkfirst=True)
    delivery_tables.seen_updates.create(conn, checkfirst=True)
