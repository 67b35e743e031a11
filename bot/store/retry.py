"""Bounded retries for database writes hit by a busy/locked database or a dropped connection.

``retrying`` wraps a function that opens its own transaction (``db.engine.begin()``); when it
fails with an ``OperationalError`` (SQLite "database is locked/busy", PostgreSQL "server closed
the connection", "terminating connection due to administrator command") or any ``DBAPIError``
whose connection was invalidated, the whole transaction is run again after a short back-off,
at most ``attempts`` times. Integrity and programming errors are never retried. The wrapped
functions are written so that a repeat is harmless (they look before they insert, or update
to a fixed state).
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import sqlalchemy as sa

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")
ATTEMPTS = 5
BASE_DELAY = 0.1
MAX_DELAY = 2.0


def is_transient(exc: BaseException) -> bool:
    """True for a locked/busy database or a lost connection (worth running again)."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, sa.exc.OperationalError)


def retrying(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run again (at most ``ATTEMPTS`` times, with back-off) after a transient error."""

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        attempt = 1
        while True:
            try:
                return func(*args, **kwargs)
            except sa.exc.DBAPIError as exc:
                if attempt >= ATTEMPTS or not is_transient(exc):
                    raise
                delay = min(MAX_DELAY, BASE_DELAY * 2 ** (attempt - 1))
                delay *= 0.5 + random.random() / 2
                log.warning(
                    "%s: transient database error (%s), attempt %d of %d, retrying in %.2f s",
                    func.__name__,
                    type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__,
                    attempt,
                    ATTEMPTS,
                    delay,
                )
                time.sleep(delay)
                attempt += 1

    return run
