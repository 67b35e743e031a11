"""Send pacing per platform: an even global rate, a minimum gap per chat, 429 back-off per chat.

Telegram allows about 30 messages per second per bot, 1 per second per chat and 20 per minute
per group. A token bucket (what PTB's ``AIORateLimiter`` does) lets a burst of 30 through at
once and then refills at 30/s, so a server enforcing "30 per *rolling* second" sees 31+ within
some one-second window and answers 429. ``EvenPacer`` instead hands out start times spaced
exactly ``1/rate`` apart (28.5/s by default), so no rolling second ever holds more than
``ceil(rate)`` sends. Slack's limit is about 1 message per second per channel.

A 429 ``retry_after`` is applied to that chat only (``ChatGate.hold``); others keep flowing.
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
    """Limits for one platform (per bot token / per workspace)."""

    global_rate: float | None  # messages per second overall; None: no global pacing
    chat_interval: float  # seconds between two messages to one chat
    group_interval: float  # seconds between two messages to one group chat


TELEGRAM = Pacing(global_rate=28.5, chat_interval=1.0, group_interval=3.0)  # 20/min per group
SLACK = Pacing(global_rate=None, chat_interval=1.0, group_interval=1.0)
DEFAULT_PACING = {"telegram": TELEGRAM, "slack": SLACK}


def is_group(platform: str, chat_id: str) -> bool:
    """Telegram group and channel ids are negative; private chats are positive."""
    return platform == "telegram" and chat_id.startswith("-")


class EvenPacer:
    """Start times spaced ``1/rate`` apart, shared by every task of the process.

    ``wait`` grants one start at a time. Besides the even schedule it guards against bursts
    after the event loop stalled: a late schedule may catch up at most ``catch_up`` seconds,
    never with gaps under ``min_gap`` of the interval, and never more than ``ceil(rate)``
    grants within any rolling second. ``catch_up`` (default: a quarter interval) absorbs the
    sleep overshoot of each wait, so the average rate stays ``rate``, without letting a pacer
    that was idle start with a burst.
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
        self._lock: asyncio.Lock | None = None

    def reserve(self) -> float:
        """Reserve the next slot of the even schedule; the seconds to wait before using it."""
        now = self.clock()
        slot = max(now, self._next)
        self._next = slot + self.interval
        return slot - now

    def _earliest(self, now: float) -> float:
        while self._grants and now - self._grants[0] >= 1.0:
            self._grants.popleft()
        target = max(self._next, self._last + self.min_gap)
        if len(self._grants) >= self.cap:
            target = max(target, self._grants[0] + 1.0)
        return target

    async def wait(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            while (delay := self._earliest(self.clock()) - self.clock()) > 0:
                await self.sleep(delay)
            now = self.clock()
            idle = now - self._last > 2 * self.interval + self.catch_up
            base = now if idle else max(self._next, now - self.catch_up)
            self._grants.append(now)
            self._last = now
            self._next = base + self.interval


class ChatGate:
    """When each chat may next receive a message (its own pace and any 429 hold)."""

    def __init__(self, pacing: Pacing, platform: str, clock: Clock = time.monotonic) -> None:
        self.pacing = pacing
        self.platform = platform
        self.clock = clock
        self._ready_at: dict[str, float] = {}

    def wait_for(self, chat_id: str) -> float:
        """Seconds until ``chat_id`` may receive again (0 when it may now)."""
        return max(0.0, self._ready_at.get(chat_id, 0.0) - self.clock())

    def sent(self, chat_id: str) -> None:
        gap = (
            self.pacing.group_interval
            if is_group(self.platform, chat_id)
            else self.pacing.chat_interval
        )
        self._ready_at[chat_id] = max(self._ready_at.get(chat_id, 0.0), self.clock() + gap)

    def hold(self, chat_id: str, seconds: float) -> None:
        """The platform asked us to leave this chat alone for ``seconds``."""
        self._ready_at[chat_id] = max(self._ready_at.get(chat_id, 0.0), self.clock() + seconds)

    def forget_idle(self) -> None:
        """Drop chats whose wait is over (keeps memory flat over 10,000s of chats)."""
        now = self.clock()
        for chat_id in [c for c, t in self._ready_at.items() if t <= now]:
            del self._ready_at[chat_id]
