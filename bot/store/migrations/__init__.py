"""Numbered schema migrations, applied in order at start and recorded in ``schema_migrations``.

Each module here named ``mNNNN_<what>.py`` defines ``upgrade(conn: sa.Connection) -> None``.
A migration runs once, inside one transaction with the row that records it (PostgreSQL
starters are serialised by an advisory lock).

**Migrations are frozen DDL.** A step spells out the tables, columns and indexes as they were
when it was written, in its own ``sa.MetaData()``; it never imports the table modules
(``bot/store/*tables.py``), which describe the newest schema. So a database created at any
earlier version and upgraded ends with exactly the schema of a fresh one.

To change the schema (e.g. a new table or column):

1. change the table module (``tables.py``, ``chat_tables.py``, …) so queries see the change;
2. add ``mNNNN_<what>.py`` with the next free number: ``CREATE TABLE`` via a local
   ``sa.Table(...).create(conn, checkfirst=True)``, or ``conn.exec_driver_sql("ALTER TABLE
   … ADD COLUMN …")`` with a server default when existing rows need a value; branch on
   ``conn.dialect.name`` when SQLite and PostgreSQL differ;
3. run ``tests/test_migrations.py``: it checks that the migrated schema equals the table
   modules, and upgrades a database created at every earlier version (with a row in each
   table) on SQLite and PostgreSQL.

Why not Alembic: this runner (60 lines) already records versions, takes the advisory lock and
handles dialect-specific full-text DDL (FTS5, tsvector) that Alembic's autogenerate cannot
see; Alembic would add a dependency, an env.py and a "stamp" bridge for existing databases.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, utcnow

_NAME = re.compile(r"^m(\d{4})_\w+$")

schema_migrations = sa.Table(
    "schema_migrations",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[sa.Connection], None]


def discover() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Migration(int(match.group(1)), info.name, module.upgrade))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number: {versions}")
    return found


def apply(engine: sa.Engine, *, upto: int | None = None) -> list[str]:
    """Apply every migration not yet recorded (up to version ``upto``, tests only); return the
    names applied."""
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
    applied = []
    for migration in discover():
        if upto is not None and migration.version > upto:
            break
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # serialise concurrent starters on the same database
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(727274)"))
            done = conn.execute(
                sa.select(schema_migrations.c.version).where(
                    schema_migrations.c.version == migration.version
                )
            ).first()
            if done:
                continue
            migration.upgrade(conn)
            conn.execute(
                schema_migrations.insert().values(
                    version=migration.version, name=migration.name, applied_at=utcnow()
                )
            )
            applied.append(migration.name)
    return applied
