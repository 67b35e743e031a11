"""What the outbox needs from a chat platform: send one reply to one chat, and say how it went.

Adapters implement ``Sender`` by translating their SDK's answers (rate limits, blocked bots,
transport errors) into a ``SendOutcome``; the outbox decides what to do with it. Each sender
paces its requests with its token's ``Pacer`` (``bot.schedule.pacer``) and calls ``before``
after the pacing wait, right before its first request (the outbox marks the row ``sending``
there); when ``before`` answers False nothing is sent and the outcome is ``aborted``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.richtext import Reply

if TYPE_CHECKING:
    from bot.schedule.pacer import Pacer

BeforeRequest = Callable[[], Awaitable[bool]]


@dataclass(frozen=True)
class SendOutcome:
    ok: bool
    retry_after: float | None = None  # the platform asked us to wait this long for this chat
    blocked: bool = False  # the chat blocked or removed the bot: stop sending to it
    error: str = ""
    transient: bool = False  # refused, timed out, 5xx: the platform is away, not the message bad
    aborted: bool = False  # ``before`` said no: nothing was sent


class Sender(Protocol):
    platform: str
    pacer: Pacer

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome: ...


def once(before: BeforeRequest | None) -> BeforeRequest | None:
    """``before`` called for the first request only (a reply may take several messages)."""
    if before is None:
        return None
    state: dict[str, bool] = {}

    async def first() -> bool:
        if "answer" not in state:
            state["answer"] = await before()
        return state["answer"]

    return first
