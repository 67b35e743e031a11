"""Articles, per-article analysis cache and stored briefings."""

import sqlalchemy as sa

from bot.store import tables


def upgrade(conn: sa.Connection) -> None:
    for table in (tables.articles, tables.analyses, tables.briefings):
        table.create(conn, checkfirst=True)
