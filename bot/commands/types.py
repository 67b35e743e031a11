"""The platform-neutral shapes the command core speaks: an incoming message and its hooks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.domain.models import Lang
from bot.richtext import Reply
from bot.store.chats import Subscription

# (question, lang, platform, chat_id, about_tag) -> the answer; about_tag is the Reply.tag of
# the bot message the question replies to, if any.
Asker = Callable[[str, Lang, str, str, str | None], Reply]

# Called after /subscribe (with the new row) or /unsubscribe (with None) so the scheduler can
# (re)schedule the chat's digest. May be a plain function or a coroutine function.
SubscriptionHook = Callable[[str, str, Subscription | None], Awaitable[None] | None]


@dataclass(frozen=True)
class Capabilities:
    """What a platform can show, declared by its adapter; the core reads these, never names.

    ``page_chars`` is the budget of one page of /positions (0: no paging, everything at once);
    ``help_notes`` are i18n keys /help adds in shared chats (how to ask there).
    """

    buttons: bool = False  # buttons a user can press under a message (Reply.buttons)
    ephemeral: bool = False  # replies only the asker sees
    threads: bool = False  # answers and follow-ups live in threads
    message_chars: int = 0  # the longest message, in characters (0: no limit)
    page_chars: int = 0
    help_notes: tuple[str, ...] = ("help.questions_replies",)
    digests: bool = True  # a chat here can get the daily digest (/subscribe)
    owner: bool = False  # whoever types owns the bot (a terminal): admin commands allowed


PLAIN = Capabilities()  # a platform no adapter declared: no buttons, no limits
TERMINAL = Capabilities(digests=False, owner=True)  # nothing is delivered to a terminal


@dataclass(frozen=True)
class IncomingMessage:
    """One thing a user did in a chat, as every adapter translates it."""

    platform: str  # "telegram", "slack", "console"
    chat_id: str
    user_id: str
    text: str  # the message, with any mention of the bot already removed
    reply_to_tag: str | None = None  # Reply.tag of the bot message this one replies to
    is_private: bool = False
    mentions_bot: bool = False  # the bot was mentioned, or the message replies to the bot
    callback_data: str | None = None  # an inline button press (Telegram)

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.chat_id)
