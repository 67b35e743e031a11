"""A circuit breaker for the model endpoint: after K consecutive failed calls, or as soon as the
failed calls in a row have together taken ``time_limit`` seconds (the client's ``llm_timeout``:
a server that never answers is skipped after one timeout, and no failure streak costs more than
twice the limit), the model is skipped for a cool-down (callers fall back to the offline engine
at once), then one probe call decides whether it is back. It also owns the "one warning per
outage" rule.

One breaker per (endpoint, model) per process, shared by every LLMClient built on them (the
extractor, the composer and the Q&A engine).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CircuitBreaker:
    """Closed -> open after ``failures`` consecutive failures -> half-open after ``cooldown``
    seconds (one probe call) -> closed on success, open again on failure."""

    def __init__(
        self,
        failures: int,
        cooldown: float,
        clock: Callable[[], float] = time.monotonic,
        *,
        time_limit: float | None = None,
    ) -> None:
        self.failures = max(1, failures)
        self.cooldown = max(0.0, cooldown)
        self.clock = clock
        self.time_limit = time_limit
        self.consecutive = 0
        self.streak_seconds = 0.0  # time taken by the current run of failed calls
        self.opened_at: float | None = None
        self.probing = False
        self.warned = False  # a warning was logged for the current outage
        self._lock = threading.Lock()

    def allow(self) -> bool:
        """May a call be made now? (In half-open state only one caller gets True.)"""
        with self._lock:
            if self.opened_at is None:
                return True
            if self.probing or self.clock() - self.opened_at < self.cooldown:
                return False
            self.probing = True
            return True

    def is_open(self) -> bool:
        with self._lock:
            return self.opened_at is not None

    def success(self) -> bool:
        """Record a good call; True when it ends an outage."""
        with self._lock:
            ended = self.consecutive > 0 or self.opened_at is not None
            self.consecutive, self.opened_at, self.probing, self.warned = 0, None, False, False
            self.streak_seconds = 0.0
            return ended

    def failure(self, seconds: float = 0.0) -> bool:
        """Record a failed call that took ``seconds``; True when it opens the circuit."""
        with self._lock:
            self.consecutive += 1
            self.streak_seconds += seconds
            was_open = self.opened_at is not None
            too_long = self.time_limit is not None and self.streak_seconds >= self.time_limit
            if self.probing or self.consecutive >= self.failures or too_long:
                self.opened_at = self.clock()
            self.probing = False
            return not was_open and self.opened_at is not None

    def first_warning(self) -> bool:
        """True once per outage: the caller logs its one warning then."""
        with self._lock:
            if self.warned:
                return False
            self.warned = True
            return True

    def seconds_left(self) -> float:
        with self._lock:
            if self.opened_at is None:
                return 0.0
            return max(0.0, self.cooldown - (self.clock() - self.opened_at))


_breakers: dict[tuple[str, str], CircuitBreaker] = {}
_registry_lock = threading.Lock()


def breaker_for(
    endpoint: str, model: str, failures: int, cooldown: float, time_limit: float | None = None
) -> CircuitBreaker:
    """The process-wide breaker of ``model`` at ``endpoint`` (created on first use)."""
    with _registry_lock:
        breaker = _breakers.get((endpoint, model))
        if breaker is None:
            breaker = CircuitBreaker(failures, cooldown, time_limit=time_limit)
            _breakers[(endpoint, model)] = breaker
        return breaker


def forget_breakers() -> None:
    """Drop every breaker of this process (a new endpoint on a reused address starts closed)."""
    with _registry_lock:
        _breakers.clear()
