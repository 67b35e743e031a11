"""Digest bodies, per-chat digest state and the delivery outbox."""

import sqlalchemy as sa

from bot.store import digest_tables


def upgrade(conn: sa.Connection) -> None:
    for table in (digest_tables.digests, digest_tables.digest_state, digest_tables.outbox):
        table.create(conn, checkfirst=True)
