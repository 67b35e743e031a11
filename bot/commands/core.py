"""The command core: decides what to answer to an IncomingMessage, for every platform.

Adapters translate platform updates into ``IncomingMessage`` and render the ``Reply`` list
this returns; nothing here knows any chat SDK. Database and analysis work runs in a worker
thread so the adapters' event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.commands import admin, reading, registry
from bot.commands.types import PLAIN, Asker, Capabilities, IncomingMessage, SubscriptionHook
from bot.domain.i18n import t
from bot.domain.models import Lang
from bot.richtext import Reply, text_reply
from bot.store import chats as chat_store

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

Handler = Callable[["Call"], list[Reply]]

# commands.toml names a handler; these are the functions behind the names.
HANDLERS: dict[str, Handler] = {
    "help": reading.help_cmd,
    "brief": reading.brief_cmd,
    "positions": reading.positions_cmd,
    "status": reading.status_cmd,
    "ask": reading.ask_cmd,
    "lang": admin.lang_cmd,
    "subscribe": admin.subscribe_cmd,
    "unsubscribe": admin.unsubscribe_cmd,
    "sources": admin.sources_cmd,
    "addsource": admin.addsource_cmd,
    "removesource": admin.removesource_cmd,
}


class Call:
    """One command being answered: the message, its argument, the chat's language."""

    def __init__(self, core: CommandCore, msg: IncomingMessage, name: str, arg: str) -> None:
        self.core = core
        self.msg = msg
        self.name = name
        self.arg = arg
        self.lang: Lang = "fr"
        self.subscription_changes: list[tuple[str, str, chat_store.Subscription | None]] = []

    @property
    def bot(self) -> BriefBot:
        return self.core.bot

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def notice(self, key: str, **values: object) -> Reply:
        """A short message for the asker only (usage, refusal, error)."""
        return text_reply(self.t(key, **values), ephemeral=True)

    @property
    def caps(self) -> Capabilities:
        return self.core.capabilities_of(self.msg.platform)

    def is_admin(self) -> bool:
        return self.core.is_admin(self.msg.platform, self.msg.user_id)


def parse_command(text: str) -> tuple[str, str] | None:
    """('brief', 'en') for '/brief@BriefBot en'; None when ``text`` is not a command."""
    text = text.strip()
    if not text.startswith("/") or len(text) < 2:
        return None
    head, _, arg = text.partition(" ")
    name = head[1:].split("@", 1)[0].lower()
    if not name or not all(c.isalnum() or c == "_" for c in name):
        return None
    return name, arg.strip()


class CommandCore:
    """Answers commands, button presses and questions; one instance serves every platform."""

    def __init__(
        self,
        bot: BriefBot,
        *,
        asker: Asker | None = None,
        on_subscription_change: SubscriptionHook | None = None,
        admins: dict[str, set[str]] | None = None,
    ) -> None:
        self.bot = bot
        self.asker = asker
        self.subscription_hooks: list[SubscriptionHook] = []
        if on_subscription_change is not None:
            self.subscription_hooks.append(on_subscription_change)
        settings = bot.settings
        self.admins = admins or {
            "telegram": {str(a) for a in settings.telegram_admins},
            "slack": {str(a) for a in settings.slack_admins},
        }
        self.capabilities: dict[str, Capabilities] = {}
        missing = {c.handler for c in registry.commands()} - set(HANDLERS)
        if missing:
            raise ValueError(f"commands.toml names unknown handlers: {sorted(missing)}")

    def declare(self, platform: str, capabilities: Capabilities) -> None:
        """Called by each adapter: what its platform can show."""
        self.capabilities[platform] = capabilities

    def capabilities_of(self, platform: str) -> Capabilities:
        return self.capabilities.get(platform, PLAIN)

    def is_admin(self, platform: str, user_id: str) -> bool:
        if self.capabilities_of(platform).owner:
            return True
        return str(user_id) in self.admins.get(platform, set())

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """The replies to send for ``msg`` (possibly none), in order."""
        call = await asyncio.to_thread(self._prepare, msg)
        if call is None:
            return []
        replies = await asyncio.to_thread(self._run, call)
        for platform, chat_id, sub in call.subscription_changes:
            for hook in self.subscription_hooks:
                try:
                    result = hook(platform, chat_id, sub)
                    if inspect.isawaitable(result):
                        await result
                except Exception:
                    log.exception("subscription hook failed for %s:%s", platform, chat_id)
        return replies

    def handle_sync(self, msg: IncomingMessage) -> list[Reply]:
        """``handle`` for callers without an event loop (subscription hooks must be sync)."""
        call = self._prepare(msg)
        if call is None:
            return []
        replies = self._run(call)
        for platform, chat_id, sub in call.subscription_changes:
            for hook in self.subscription_hooks:
                hook(platform, chat_id, sub)
        return replies

    def chat_lang(self, platform: str, chat_id: str) -> Lang:
        record = chat_store.get_chat(self.bot.db, platform, chat_id)
        lang = record.lang if record and record.lang else self.bot.settings.lang
        return "en" if lang == "en" else "fr"

    # internals --------------------------------------------------------------
    def _prepare(self, msg: IncomingMessage) -> Call | None:
        """Route ``msg`` to a command name and argument, or None when it is not for us."""
        if msg.callback_data is not None:
            name, arg = "_button", msg.callback_data
        elif (parsed := parse_command(msg.text)) is not None:
            name, arg = parsed
        elif not msg.text.strip():
            return None
        elif msg.is_private or msg.mentions_bot or msg.reply_to_tag is not None:
            name, arg = "ask", msg.text.strip()
        else:
            return None  # group chatter not addressed to the bot
        record = chat_store.ensure_chat(
            self.bot.db, msg.platform, msg.chat_id, is_private=msg.is_private
        )
        call = Call(self, msg, name, arg)
        call.lang = "en" if (record.lang or self.bot.settings.lang) == "en" else "fr"
        return call

    def _run(self, call: Call) -> list[Reply]:
        try:
            if call.name == "_button":
                return reading.button(call)
            command = registry.lookup(call.name, call.msg.platform)
            if command is None:
                return [call.notice("cmd.unknown", name=call.name)]
            if command.admin and not call.is_admin():
                return [call.notice("admin.refused", name=command.name)]
            replies = HANDLERS[command.handler](call)
            if command.private:
                for reply in replies:
                    reply.ephemeral = True
            return replies
        except Exception:
            log.exception("command /%s failed in %s:%s", call.name, *call.msg.key)
            return [call.notice("cmd.failed")]
