"""Senders for a sender-only process (``briefbot worker``, ``briefbot digest send-now``).

Built from the settings' tokens, with no chat front-end: a PTB ``Bot`` wrapped in the
Telegram adapter's ``TelegramSender`` and a Slack ``AsyncWebClient`` in ``SlackSender``. It
lives here because chat SDKs are imported only under ``bot/adapters``.
"""

from __future__ import annotations

from typing import Any

from bot.delivery import Sender
from bot.store import Database


def build_senders(
    settings: Any, db: Database, platforms: list[str], *, rate: float | None = None
) -> dict[str, Sender]:
    """Senders for a sender-only process (``briefbot worker``), from the settings' tokens."""
    from bot.adapters.common import SentTags

    senders: dict[str, Sender] = {}
    secrets = settings.secrets
    if "telegram" in platforms and secrets.telegram_bot_token is not None:
        from bot.adapters.telegram_pace import paced_bot
        from bot.adapters.telegram_send import TelegramSender

        bot = paced_bot(
            secrets.telegram_bot_token.get_secret_value(),
            settings.telegram_base_url,
            db,
            rate=rate or settings.telegram_rate,
        )
        senders["telegram"] = TelegramSender(bot, SentTags(db, "telegram"))
    if "slack" in platforms and secrets.slack_bot_token is not None:
        from slack_sdk.web.async_client import AsyncWebClient

        from bot.adapters.slack_send import SlackSender
        from bot.schedule.pacer import pacer_for

        token = secrets.slack_bot_token.get_secret_value()
        client = AsyncWebClient(token=token, base_url=settings.slack_api_url)
        senders["slack"] = SlackSender(client, pacer_for("slack", token, db), SentTags(db, "slack"))
    return senders
