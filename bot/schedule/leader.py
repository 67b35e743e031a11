"""Leader election: exactly one process runs the scheduler.

On PostgreSQL the leader holds a session-level advisory lock (``pg_try_advisory_lock``) on a
dedicated connection kept open for as long as it leads. When that process dies, PostgreSQL
closes its session and frees the lock; the other processes poll ``try_acquire`` and one of them
takes over. A leader whose connection breaks has lost the lock and must stop scheduling.

On SQLite there is no such lock: the bot runs as a single process, which always leads.
"""

from __future__ import annotations

import contextlib
import logging

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from bot.store import Database

log = logging.getLogger(__name__)

LEADER_LOCK_KEY = 0x62726966  # "brif"; any bigint the project does not use elsewhere


class LeaderLock:
    """The scheduler lock; ``try_acquire`` is cheap and safe to call repeatedly."""

    def __init__(self, db: Database, key: int = LEADER_LOCK_KEY, name: str = "scheduler") -> None:
        self.db = db
        self.key = key
        self.name = name
        self._engine: sa.Engine | None = None
        self._conn: sa.Connection | None = None

    @property
    def exclusive(self) -> bool:
        """True when the lock really excludes other processes (PostgreSQL)."""
        return self.db.dialect == "postgresql"

    @property
    def held(self) -> bool:
        return self._conn is not None or (not self.exclusive and self._engine is not None)

    def try_acquire(self) -> bool:
        if not self.exclusive:
            self._engine = self.db.engine  # SQLite: single process, always the leader
            return True
        if self._conn is not None:
            return self.still_held()
        if self._engine is None:
            # a connection of its own, never returned to a pool while leading
            self._engine = sa.create_engine(self.db.engine.url, poolclass=NullPool)
        conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = bool(
                conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar()
            )
        except Exception:
            conn.close()
            raise
        if got:
            self._conn = conn
            log.info("this process holds the %s lock", self.name)
        else:
            conn.close()
        return got

    def still_held(self) -> bool:
        """Check the leader's connection is alive (its lock is then still ours)."""
        if not self.exclusive:
            return True
        if self._conn is None:
            return False
        try:
            self._conn.execute(sa.text("SELECT 1"))
            return True
        except Exception:
            log.warning("lost the %s lock's connection; stepping down", self.name)
            self._drop()
            return False

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            self._drop()
        if self._engine is not None and self.exclusive:
            self._engine.dispose()
        self._engine = None

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None
