"""One answer's view of the store: the time its window is counted from, and the retrieval
statements it has run, so that one asked again while answering is not run twice.

"Qu'a dit Macron sur le plan de paix ?" reads the articles about the plan that name him, then
the sentences naming him on the plan: on PostgreSQL the same statement over the ~62,000
sentences of the window, twice (~35 ms each on 100,000 articles). Within ``one_answer()`` the
window starts at the same time for every step and a statement run with the same parameters
gives the rows it gave the first time; outside it nothing is remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass
class _Answer:
    started: datetime
    rows: dict[Hashable, list[Any]] = field(default_factory=dict)


_CURRENT: ContextVar[_Answer | None] = ContextVar("qa_answer", default=None)


@contextmanager
def one_answer() -> Iterator[None]:
    """Steps run inside share the answer's start time and its statements' rows."""
    token = _CURRENT.set(_Answer(datetime.now(UTC)))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def now() -> datetime:
    """The answer's start time (the current time outside an answer)."""
    current = _CURRENT.get()
    return current.started if current is not None else datetime.now(UTC)


def rows(key: Hashable, run: Callable[[], list[Any]]) -> list[Any]:
    """``run()``, or within an answer the rows it gave the first time for ``key``."""
    current = _CURRENT.get()
    if current is None:
        return run()
    if key not in current.rows:
        current.rows[key] = run()
    return current.rows[key]
