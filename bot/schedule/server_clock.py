"""Maps times on the database server's clock onto this process's monotonic clock.

A query that reads the server's clock is one sample: the server read it at some moment between
the query leaving (``start``) and its answer being read (``end``), so ``server - local`` lies
in ``[server_now - end, server_now - start]``. Taking the middle of one such range is off by up
to half the round trip, and the round trip is long exactly when the process is busy (a thread
waiting for the GIL after the answer came back, a garbage collection): tens of milliseconds,
always in the same direction. Two processes sharing one even schedule then map slots 1/rate
apart to moments closer than that. So, as NTP does, the offset is the intersection of the
ranges of the recent samples that agree with the newest one; a range that does not overlap the
newest (a clock stepped) and samples older than ``horizon`` are dropped.
"""

from __future__ import annotations

from collections import deque


class ServerClock:
    """The offset between the server's clock and the local monotonic one, from timed queries."""

    def __init__(self, horizon: float = 5.0) -> None:
        self.horizon = horizon
        self._ranges: deque[tuple[float, float, float]] = deque()  # (end, low, high)
        self.low = self.high = 0.0

    def sample(self, server_now: float, start: float, end: float) -> None:
        """A query left at ``start`` and was answered by ``end`` (local monotonic); the server's
        clock read ``server_now`` while it ran."""
        low, high = server_now - end, server_now - start
        while self._ranges and end - self._ranges[0][0] > self.horizon:
            self._ranges.popleft()
        kept: deque[tuple[float, float, float]] = deque([(end, low, high)])
        for older in reversed(self._ranges):
            new_low, new_high = max(low, older[1]), min(high, older[2])
            if new_low > new_high:
                break  # it disagrees with what is newer: it and everything before it go
            low, high = new_low, new_high
            kept.appendleft(older)
        self._ranges = kept
        self.low, self.high = low, high

    @property
    def offset(self) -> float:
        """Server time minus local monotonic time, as well as the samples tell it."""
        return (self.low + self.high) / 2

    @property
    def error(self) -> float:
        """How far ``offset`` can be from the truth (half the agreed range)."""
        return (self.high - self.low) / 2

    def to_local(self, server_time: float) -> float:
        """``server_time`` on the local monotonic clock."""
        return server_time - self.offset
