"""What every adapter shares: required secrets, the memory of tagged sent messages and of the
update / event ids already handled."""

from __future__ import annotations

import asyncio

from bot.settings import Settings
from bot.store import Database
from bot.store import messages as sent_store
from bot.store import seen as seen_store


class MissingSecret(RuntimeError):
    """A token the chosen platform needs is not set; ``name`` is the environment variable."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not set: export it in the environment to run this bot")
        self.name = name


class Refused(RuntimeError):
    """The platform refused our credentials: trying again will not help."""


def require_secret(settings: Settings, name: str) -> str:
    """The value of secret ``name`` (e.g. TELEGRAM_BOT_TOKEN), or MissingSecret."""
    value = getattr(settings.secrets, name.lower(), None)
    text = value.get_secret_value() if value is not None else ""
    if not text.strip():
        raise MissingSecret(name)
    return text.strip()


class SentTags:
    """Remembers the Reply.tag of each message the bot sent, per (platform, chat, message)."""

    def __init__(self, db: Database | None, platform: str) -> None:
        self.db = db
        self.platform = platform

    async def remember(self, chat_id: str, message_id: str, tag: str | None) -> None:
        if self.db is None or not tag:
            return
        await asyncio.to_thread(
            sent_store.remember, self.db, self.platform, chat_id, message_id, tag
        )

    async def lookup(self, chat_id: str, message_id: str) -> str | None:
        if self.db is None:
            return None
        return await asyncio.to_thread(
            sent_store.tag_of, self.db, self.platform, chat_id, message_id
        )


class SeenIds:
    """Update / event ids already handled, remembered in the database (``bot.store.seen``), so
    a redelivery is dropped even after a restart or by another process. Old ids are pruned
    every ``prune_every`` new ones."""

    def __init__(self, db: Database, platform: str, *, prune_every: int = 500) -> None:
        self.db = db
        self.platform = platform
        self.prune_every = prune_every
        self._new = 0

    async def first_time(self, key: object) -> bool:
        new = await asyncio.to_thread(seen_store.first_time, self.db, self.platform, str(key))
        if new:
            self._new += 1
            if self._new % self.prune_every == 0:
                await asyncio.to_thread(seen_store.forget_older, self.db)
        return new
