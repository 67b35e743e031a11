"""What every adapter shares: required secrets and the memory of tagged sent messages."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from bot.settings import Settings
from bot.store import Database
from bot.store import messages as sent_store


class MissingSecret(RuntimeError):
    """A token the chosen platform needs is not set; ``name`` is the environment variable."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not set: export it in the environment to run this bot")
        self.name = name


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


class RecentIds:
    """The last ``size`` ids seen, so a redelivered update or event is processed once."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: object) -> bool:
        name = str(key)
        if name in self._ids:
            return False
        self._ids[name] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True
