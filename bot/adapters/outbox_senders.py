"""Senders for a sender-only process (``briefbot worker``, ``briefbot digest send-now``).

Built from the settings' tokens, with no chat front-end: a PTB ``Bot`` wrapped in the
Telegram adapter's ``TelegramSender`` and a Slack ``AsyncWebClient`` in ``SlackSender``. It
lives here because chat SDKs are imported only under ``bot/adapters``.
"""

from __future__ import annotations

from typing import Any

from bot.delivery import Sender
from bot.store import Database


def build_senders(settings: Any, db: Database, platforms: list[str]) -> dict[str, Sender]:
    """Senders for a sender-only process (``briefbot worker``), from the settings' tokens."""
    from bot.adapters.common import SentTags

    senders: dict[str, Sender] = {}
    secrets = settings.secrets
    if "telegram" in platforms and secrets.telegram_bot_token is not None:
        from telegram import Bot
        from telegram.request import HTTPXRequest

        from bot.adapters.telegram_send import TelegramSender

        bot = Bot(
            secrets.telegram_bot_token.get_secret_value(),
            base_url=settings.telegram_base_url,
            request=HTTPXRequest(connection_pool_size=16),
        )
        senders["telegram"] = TelegramSender(bot, SentTags(db, "telegram"))
    if "slack" in platforms and secrets.slack_bot_token is not None:
        from slack_sdk.web.async_client import AsyncWebClient

        from bot.adapters.slack_send import SlackSender

        client = AsyncWebClient(
            token=secrets.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
        )
        senders["slack"] = SlackSender(client, SentTags(db, "slack"))
    return senders
