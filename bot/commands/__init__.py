"""The platform-neutral command core every chat adapter (Telegram, Slack, console) drives."""

from bot.commands.core import CommandCore, parse_command
from bot.commands.tags import digest_articles, digest_tag
from bot.commands.types import Asker, IncomingMessage, SubscriptionHook

__all__ = [
    "Asker",
    "CommandCore",
    "IncomingMessage",
    "SubscriptionHook",
    "digest_articles",
    "digest_tag",
    "parse_command",
]
