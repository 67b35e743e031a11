"""Sending Replies to Telegram: HTML chunks, inline keyboards, and the outbox's TelegramSender.

Every message goes through the bot's ``PacedLimiter`` (``bot.adapters.telegram_pace``), so
replies and digests share the token's pacer; the outbox's sends are tried once there and their
outcome comes back here as a ``SendOutcome``.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.adapters.common import SentTags
from bot.adapters.telegram_pace import PacedLimiter, SendAborted, retry_seconds
from bot.delivery import BeforeRequest, SendOutcome, once
from bot.render.telegram import render_telegram
from bot.richtext import Button, Reply
from bot.schedule.pacer import Pacer

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
GONE = ("chat not found", "bot was kicked", "user is deactivated", "group chat was deleted")


def keyboard(buttons: list[Button]) -> InlineKeyboardMarkup | None:
    """Two buttons per row; callback data is cut to Telegram's 64 bytes."""
    if not buttons:
        return None
    keys = [
        InlineKeyboardButton(
            b.label[:64], callback_data=b.data.encode()[:64].decode(errors="ignore")
        )
        for b in buttons
    ]
    return InlineKeyboardMarkup([keys[i : i + 2] for i in range(0, len(keys), 2)])


async def send_reply(
    bot: ExtBot[Any],
    chat_id: int | str,
    reply: Reply,
    tags: SentTags | None = None,
    *,
    reply_to: int | None = None,
    rate_limit_args: dict[str, object] | None = None,
) -> list[Message]:
    """Send ``reply`` as one or more HTML messages; buttons go on the last one."""
    chunks = render_telegram(reply)
    if not chunks and reply.buttons:
        chunks = ["…"]
    sent: list[Message] = []
    for index, text in enumerate(chunks):
        last = index == len(chunks) - 1
        message = await bot.send_message(
            chat_id,
            text,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=keyboard(reply.buttons) if last else None,
            reply_parameters=(
                ReplyParameters(reply_to, allow_sending_without_reply=True)
                if reply_to is not None and index == 0
                else None
            ),
            rate_limit_args=rate_limit_args,
        )
        sent.append(message)
        if tags is not None:
            await tags.remember(str(chat_id), str(message.message_id), reply.tag)
    return sent


class TelegramSender:
    """``bot.delivery.Sender`` for Telegram: one reply to one chat, with the outcome."""

    platform = "telegram"

    def __init__(self, bot: ExtBot[Any], tags: SentTags | None = None) -> None:
        limiter = getattr(bot, "rate_limiter", None)
        if not isinstance(limiter, PacedLimiter):
            raise TypeError("TelegramSender needs a bot built with the token's PacedLimiter")
        self.bot = bot
        self.tags = tags
        self.pacer: Pacer = limiter.pacer

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome:
        args: dict[str, object] = {"outbox": True, "before": once(before)}
        try:
            await send_reply(self.bot, chat_id, reply, self.tags, rate_limit_args=args)
        except SendAborted as exc:
            return SendOutcome(False, aborted=True, error=str(exc))
        except RetryAfter as exc:
            return SendOutcome(False, retry_after=retry_seconds(exc.retry_after), error=str(exc))
        except Forbidden as exc:
            return SendOutcome(False, blocked=True, error=str(exc))
        except BadRequest as exc:
            gone = any(g in exc.message.lower() for g in GONE)
            return SendOutcome(False, blocked=gone, error=str(exc))
        except NetworkError as exc:  # refused, timed out, 5xx
            return SendOutcome(False, transient=True, error=str(exc) or type(exc).__name__)
        except TelegramError as exc:
            log.warning("telegram send to %s failed: %s", chat_id, exc)
            return SendOutcome(False, error=str(exc))
        return SendOutcome(True)
