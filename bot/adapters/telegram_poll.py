"""Long polling by one process per bot token.

Telegram hands a token's updates to one ``getUpdates`` caller at a time and answers any second
one with 409 Conflict. On PostgreSQL each ``briefbot run telegram`` process therefore polls only
while it holds an advisory lock named after the token (``bot.schedule.leader.LeaderLock`` with
a key of its own); the others stay quiet -- they still answer through webhooks when configured,
and send -- and try the lock every ``retry`` seconds, so one of them takes over within that
time when the poller dies. On SQLite the one process always polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable

from bot.schedule.leader import LeaderLock
from bot.store import Database

log = logging.getLogger(__name__)


def poll_lock_key(token: str) -> int:
    """A bigint advisory-lock key for this token's polling (does not reveal the token)."""
    digest = hashlib.sha256(b"briefbot-poll:" + token.encode()).digest()
    return int.from_bytes(digest[:7], "big")


class PollingTurn:
    """Runs ``start_polling`` while this process holds the token's polling lock."""

    def __init__(
        self,
        db: Database,
        token: str,
        start_polling: Callable[[], Awaitable[None]],
        stop_polling: Callable[[], Awaitable[None]],
        *,
        retry: float = 5.0,
    ) -> None:
        self.lock = LeaderLock(db, poll_lock_key(token), name="Telegram polling")
        self.start_polling = start_polling
        self.stop_polling = stop_polling
        self.retry = retry
        self.polling = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Poll now if the lock is free, else keep trying in the background."""
        if not await self._try():
            log.info("another process polls this Telegram bot: this one stays quiet")
            self._task = asyncio.create_task(self._wait_turn(), name="telegram-poll-turn")

    async def _try(self) -> bool:
        if not await asyncio.to_thread(self.lock.try_acquire):
            return False
        await self.start_polling()
        self.polling = True
        return True

    async def _wait_turn(self) -> None:
        while True:
            await asyncio.sleep(self.retry)
            try:
                if await self._try():
                    log.info("this process now polls the Telegram bot")
                    return
            except Exception as exc:  # the database is away: try again later
                log.warning("polling lock: %s", exc)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.polling:
            await self.stop_polling()
            self.polling = False
        await asyncio.to_thread(self.lock.release)
