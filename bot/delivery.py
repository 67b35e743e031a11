"""What the outbox needs from a chat platform: send one reply to one chat, and say how it went.

Adapters implement ``Sender`` by translating their SDK's answers (rate limits, blocked bots)
into a ``SendOutcome``; the outbox decides what to do with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.richtext import Reply


@dataclass(frozen=True)
class SendOutcome:
    ok: bool
    retry_after: float | None = None  # the platform asked us to wait this long for this chat
    blocked: bool = False  # the chat blocked or removed the bot: stop sending to it
    error: str = ""


class Sender(Protocol):
    platform: str

    async def send(self, chat_id: str, reply: Reply) -> SendOutcome: ...
