"""Numbered schema migrations, applied in order at start and recorded in ``schema_migrations``.

Each module here named ``mNNNN_<what>.py`` defines ``upgrade(conn: sa.Connection) -> None``.
A migration runs once, inside one transaction with the row that records it.
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


def apply(engine: sa.Engine) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
    applied = []
    for migration in discover():
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
