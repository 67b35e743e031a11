"""PTB's rate-limiter hook filled with our per-token ``Pacer`` (instead of ``AIORateLimiter``).

Every request of the bot goes through ``process_request``; the ones that post a message to a
chat wait for the chat's and the token's turn first. Then:

* interactive sends (replies to commands and buttons) are retried here, through the pacer: a
  429 holds that chat for ``retry_after`` and sends again; a transport error (refused, timeout,
  5xx) sends again after a short back-off. Bounded, then the error goes up.
* outbox sends (``rate_limit_args={"outbox": True, ...}``) are tried once: a 429 or an error
  reaches the outbox, which decides. Their ``before`` hook (mark the row ``sending``) runs after
  the wait, right before the request; when it answers False the request is not made.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.schedule.pacer import Pacer, pacer_for
from bot.store import Database

log = logging.getLogger(__name__)
_Answer = bool | dict[str, Any] | list[dict[str, Any]]
UNPACED = {"sendChatAction", "answerCallbackQuery", "sendInvoice"}
MAX_TRIES = 6
MAX_HOLD = 120.0  # a reply that would wait longer than this for a 429 is given up


class SendAborted(Exception):
    """The outbox took the row back (lease lost, or stopping) before the request was made."""


def paced(endpoint: str) -> bool:
    """True for requests that post or change a message in a chat."""
    return endpoint not in UNPACED and endpoint.startswith(
        ("send", "edit", "copyMessage", "forwardMessage")
    )


def retry_seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def transient(exc: Exception) -> bool:
    """Connection refused, timeouts and 5xx: worth trying again later."""
    return isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)


class PacedLimiter(BaseRateLimiter[dict[str, Any]]):
    """Sends through the token's ``Pacer``; see the module docstring."""

    def __init__(self, pacer: Pacer) -> None:
        self.pacer = pacer

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat = data.get("chat_id")
        if chat is None or not paced(endpoint):
            return await callback(*args, **kwargs)
        options = rate_limit_args or {}
        outbox = bool(options.get("outbox"))
        before = options.get("before")
        tries = 0
        while True:
            tries += 1
            if not await self.pacer.acquire(str(chat), before if tries == 1 else None):
                raise SendAborted(f"send to {chat} given back before the request")
            try:
                return await self._answered(callback(*args, **kwargs))
            except RetryAfter as exc:
                wait = retry_seconds(exc.retry_after)
                self.pacer.hold(str(chat), wait)
                if outbox or tries >= MAX_TRIES or wait > MAX_HOLD:
                    raise
                log.info("429 for chat %s: sending again in %.0f s", chat, wait)
            except NetworkError as exc:
                if outbox or not transient(exc) or tries >= MAX_TRIES:
                    raise
                delay = min(30.0, 2.0 ** (tries - 1))
                log.info("send to %s failed (%s): again in %.0f s", chat, exc, delay)
                await asyncio.sleep(delay)

    async def _answered(self, request: Awaitable[_Answer]) -> _Answer:
        """The request's answer; when the platform answered (a transport error is no answer),
        the pacer learns how long it took (``Pacer.answered``)."""
        started = self.pacer.clock()
        try:
            answer = await request
        except TelegramError as exc:
            if not transient(exc):
                await self.pacer.answered(started)
            raise
        await self.pacer.answered(started)
        return answer


def paced_bot(
    token: str,
    base_url: str,
    db: Database | None,
    *,
    rate: float | None = None,
    pool: int = 16,
    pacer: Pacer | None = None,
) -> ExtBot[Any]:
    """A bot for sending only (``briefbot worker``, tests), paced by the token's pacer."""
    return ExtBot(
        token,
        base_url=base_url,
        request=HTTPXRequest(connection_pool_size=pool, read_timeout=15, connect_timeout=5),
        rate_limiter=PacedLimiter(pacer or pacer_for("telegram", token, db, rate=rate)),
    )
