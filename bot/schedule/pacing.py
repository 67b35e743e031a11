"""Send pacing per platform: an even global rate, a minimum gap per chat, 429 back-off per chat.

Telegram allows about 30 messages per second per bot, 1 per second per chat and 20 per minute
per group. A token bucket (what PTB's ``AIORateLimiter`` does) lets a burst of 30 through at
once and then refills at 30/s, so a server enforcing "30 per *rolling* second" sees 31+ within
some one-second window and answers 429. ``EvenPacer`` instead hands out start times spaced
exactly ``1/rate`` apart (29/s by default), so no rolling second ever holds more than
``ceil(rate)`` sends. Slack's limit is about 1 message per second per channel.

``ChatGate`` paces each chat (a small burst, then 1/s; 20 per minute in groups). A 429
``retry_after`` is applied to that chat only (``ChatGate.hold``); others keep flowing. Both are
put together, one per bot token, by ``bot.schedule.pacer.Pacer``.
Everything takes an injectable monotonic ``clock`` so tests need not sleep.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass(frozen=True)
class Pacing:
    """Limits for one platform (per bot token / per workspace).

    Per chat: at most one message every ``chat_interval`` seconds with a burst of
    ``chat_burst`` (a GCRA token bucket); groups: ``group_interval`` with ``group_burst`` and
    at most ``group_per_window`` messages in any ``group_window`` seconds.
    """

    global_rate: float | None  # messages per second overall; None: no global pacing
    chat_interval: float  # seconds between two messages to one chat (after the burst)
    group_interval: float  # seconds between two messages to one group chat
    chat_burst: int = 1
    group_burst: int = 1
    group_per_window: int | None = None
    group_window: float = 60.0


# A 5 % margin on the per-chat intervals absorbs the jitter between our clock and the server's.
TELEGRAM = Pacing(
    global_rate=29.0,
    chat_interval=1.05,
    group_interval=1.05,
    chat_burst=3,
    group_per_window=20,
    group_window=61.0,
)
# Slack's 1/s per channel is checked on its side: a wider margin for the bunching of busy hosts
SLACK = Pacing(global_rate=None, chat_interval=1.25, group_interval=1.25)
DEFAULT_PACING = {"telegram": TELEGRAM, "slack": SLACK}


def is_group(platform: str, chat_id: str) -> bool:
    """Telegram group and channel ids are negative; private chats are positive."""
    return platform == "telegram" and chat_id.startswith("-")


class EvenPacer:
    """Start times spaced ``1/rate`` apart, shared by every task of the process.

    ``reserve`` books starts in order (possibly ahead of time), ``wait`` books one and sleeps
    until it. Besides the even schedule it guards against bursts after the event loop
    stalled: a late booking may catch up at most ``catch_up`` seconds, never with gaps under
    ``min_gap`` of the interval, and never more than ``ceil(rate)`` starts within any rolling
    second. ``catch_up`` (default: a quarter interval) absorbs small delays, so the average rate
    stays ``rate``, without letting a pacer that was idle start with a burst.
    """

    def __init__(
        self,
        rate: float,
        clock: Clock = time.monotonic,
        *,
        catch_up: float | None = None,
        min_gap: float = 0.75,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self.clock = clock
        self.sleep = sleep
        self.cap = max(1, math.ceil(rate))
        self.catch_up = self.interval / 4 if catch_up is None else catch_up
        self.min_gap = min_gap * self.interval
        self._next = -math.inf
        self._last = -math.inf
        self._grants: deque[float] = deque()

    def reserve(self) -> float:
        """Book the next start (even schedule, burst guards); the seconds to wait for it.

        Starts are booked in order, possibly ahead of time, so while callers queue the
        schedule is absolute (a late wake-up does not push the following starts back).
        """
        now = self.clock()
        while self._grants and now - self._grants[0] >= 1.0:
            self._grants.popleft()
        target = max(now, self._next, self._last + self.min_gap)
        if len(self._grants) >= self.cap:
            target = max(target, self._grants[-self.cap] + 1.0)
        idle = target - self._last > 2 * self.interval + self.catch_up
        base = target if idle else max(self._next, target - self.catch_up)
        self._grants.append(target)
        self._last = target
        self._next = base + self.interval
        return target - now

    async def wait(self) -> None:
        """Wait for the next start."""
        delay = self.reserve()
        if delay > 0:
            await self.sleep(delay)


class ChatGate:
    """When each chat may next receive a message: its own pace, burst, window and 429 holds.

    ``reserve`` books the chat's next slot and returns the wait, so two tasks sending to one
    chat (a long reply and a digest) queue one after the other instead of both going now.
    """

    def __init__(self, pacing: Pacing, platform: str, clock: Clock = time.monotonic) -> None:
        self.pacing = pacing
        self.platform = platform
        self.clock = clock
        self._tat: dict[str, float] = {}  # GCRA "theoretical arrival time" per chat
        self._held: dict[str, float] = {}  # 429 holds: not before this time
        self._window: dict[str, deque[float]] = {}  # recent grants of group chats

    def _limits(self, chat_id: str) -> tuple[float, int, int | None]:
        p = self.pacing
        if is_group(self.platform, chat_id):
            return p.group_interval, p.group_burst, p.group_per_window
        return p.chat_interval, p.chat_burst, None

    def _earliest(self, chat_id: str, now: float) -> float:
        interval, burst, per_window = self._limits(chat_id)
        tat = max(self._tat.get(chat_id, now), now)
        at = max(now, tat - (burst - 1) * interval, self._held.get(chat_id, now))
        window = self._window.get(chat_id)
        if per_window is not None and window:
            while window and window[0] <= at - self.pacing.group_window:
                window.popleft()
            if len(window) >= per_window:
                at = max(at, window[-per_window] + self.pacing.group_window)
        return at

    def wait_for(self, chat_id: str) -> float:
        """Seconds until ``chat_id`` may receive again (0 when it may now)."""
        now = self.clock()
        return self._earliest(chat_id, now) - now

    def reserve(self, chat_id: str) -> float:
        """Book the chat's next slot; the seconds to wait before sending in it."""
        now = self.clock()
        at = self._earliest(chat_id, now)
        interval, _burst, per_window = self._limits(chat_id)
        self._tat[chat_id] = max(self._tat.get(chat_id, at), at) + interval
        if per_window is not None:
            self._window.setdefault(chat_id, deque()).append(at)
        return at - now

    def sent(self, chat_id: str) -> None:
        """Count a message sent now without a reservation."""
        self.reserve(chat_id)

    def hold(self, chat_id: str, seconds: float) -> None:
        """The platform asked us to leave this chat alone for ``seconds``."""
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), self.clock() + seconds)

    def forget_idle(self) -> None:
        """Drop chats whose wait is over (keeps memory flat over 10,000s of chats)."""
        now = self.clock()
        horizon = now - self.pacing.group_window
        for chat_id in [c for c, t in self._tat.items() if t <= now]:
            del self._tat[chat_id]
        for chat_id in [c for c, t in self._held.items() if t <= now]:
            del self._held[chat_id]
        for chat_id in [c for c, w in self._window.items() if not w or w[-1] <= horizon]:
            del self._window[chat_id]
