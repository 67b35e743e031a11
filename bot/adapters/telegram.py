"""Telegram front-end (python-telegram-bot 22): Update -> IncomingMessage, Replies -> HTML.

``build_application`` wires PTB with our base URL and the token's pacer (every message,
reply or digest, waits for its turn there: ``bot.adapters.telegram_pace``); ``TelegramBot`` starts it
with long polling (default) or a webhook whose secret token is checked on every request.
Handlers only translate; the command core decides.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web
from telegram import Bot, BotCommand, CallbackQuery, Message, MessageEntity, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.adapters.common import Refused, SeenIds, SentTags, require_secret
from bot.adapters.telegram_pace import PacedLimiter
from bot.adapters.telegram_poll import PollingTurn
from bot.adapters.telegram_send import NO_PREVIEW, TelegramSender, keyboard, send_reply
from bot.commands import CommandCore, IncomingMessage, registry
from bot.commands.types import Capabilities
from bot.domain.models import Lang
from bot.render.telegram import render_telegram
from bot.richtext import Reply
from bot.schedule.pacer import pacer_for
from bot.settings import Settings

log = logging.getLogger(__name__)
PLATFORM = "telegram"
CAPABILITIES = Capabilities(
    buttons=True,  # inline keyboards
    ephemeral=False,  # a bot cannot send a message only one member of a group sees
    threads=False,  # answers reply to the question; a reply to the bot is a follow-up
    message_chars=4096,
    page_chars=3500,  # one page of /positions, well within one message
    help_notes=("help.questions_replies",),
)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@contextlib.asynccontextmanager
async def typing_while(bot: Bot, chat_id: int, *, enabled: bool) -> AsyncIterator[None]:
    """Show "typing…" in the chat (renewed every 4 s, as Telegram drops it after 5) while the
    core works on a message addressed to the bot, so slow answers show progress."""

    async def keep_typing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(4)

    task = asyncio.create_task(keep_typing()) if enabled else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


class TelegramHandlers:
    """Thin typed handlers: translate, call the core, send what it returns."""

    def __init__(self, core: CommandCore, tags: SentTags) -> None:
        self.core = core
        self.tags = tags
        self.seen = SeenIds(core.bot.db, PLATFORM)

    async def dedupe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs first for every update: a redelivered update_id is dropped.

        Telegram redelivers a webhook update it got no 2xx for, and long polling hands out
        again the updates fetched but not yet confirmed when the process died; the ids are
        kept in the database, so a restart does not forget them.
        """
        if not await self.seen.first_time(update.update_id):
            log.info("update %s already handled: ignored", update.update_id)
            raise ApplicationHandlerStop

    def _addressed(self, message: Message, username: str, bot_id: int) -> tuple[str, bool]:
        """The text without mentions of the bot, and whether the bot was mentioned."""
        text, mentioned = message.text or "", False
        entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
        for entity, value in entities.items():
            is_us = (
                entity.type == MessageEntity.MENTION and value.lower() == f"@{username.lower()}"
            ) or (
                entity.type == MessageEntity.TEXT_MENTION
                and entity.user
                and entity.user.id == bot_id
            )
            if is_us:
                mentioned = True
                text = text.replace(value, " ", 1)
        return " ".join(text.split()), mentioned

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None or not message.text or message.from_user is None:
            return
        bot = context.bot
        first = message.text.split(maxsplit=1)[0] if message.text.strip() else ""
        target = first.split("@", 1)[1] if first.startswith("/") and "@" in first else None
        if target is not None and target.lower() != bot.username.lower():
            return  # a command for another bot in the group
        text, mentioned = self._addressed(message, bot.username, bot.id)
        if first.startswith("/"):
            text = message.text.strip()
        chat_id = str(message.chat.id)
        reply_tag = None
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            mentioned = True
            reply_tag = await self.tags.lookup(chat_id, str(replied.message_id))
        incoming = IncomingMessage(
            platform=PLATFORM,
            chat_id=chat_id,
            user_id=str(message.from_user.id),
            text=text,
            reply_to_tag=reply_tag,
            is_private=message.chat.type == ChatType.PRIVATE,
            mentions_bot=mentioned,
        )
        addressed = incoming.is_private or mentioned or first.startswith("/")
        async with typing_while(bot, message.chat.id, enabled=addressed):
            replies = await self.core.handle(incoming)
        reply_to = None if incoming.is_private else message.message_id
        for reply in replies:
            await send_reply(bot, message.chat.id, reply, self.tags, reply_to=reply_to)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        if query.message is None or query.data is None:
            await self._acknowledge(query)
            return
        chat = query.message.chat
        incoming = IncomingMessage(
            platform=PLATFORM,
            chat_id=str(chat.id),
            user_id=str(query.from_user.id),
            text="",
            is_private=chat.type == ChatType.PRIVATE,
            callback_data=query.data,
        )
        replies = await self.core.handle(incoming)
        if len(replies) == 1 and replies[0].ephemeral and not replies[0].buttons:
            await self._acknowledge(query, replies[0].plain[:200], show_alert=True)  # presser only
            return
        await self._acknowledge(query)
        if len(replies) == 1 and await self._edit(query.message, replies[0]):
            return  # the chooser or page became the party's page: nothing new in the chat
        for reply in replies:
            await send_reply(context.bot, chat.id, reply, self.tags)

    @staticmethod
    async def _acknowledge(query: CallbackQuery, text: str | None = None, **options: Any) -> None:
        """Answer the press (ends the button's spinner); unpaced and not retried, so a 429 or
        a network error here is logged and the page is still shown."""
        try:
            await query.answer(text, **options)
        except TelegramError as exc:
            log.info("answering a button press failed (%s): showing the page anyway", exc)

    @staticmethod
    async def _edit(message: Any, reply: Reply) -> bool:
        """Show ``reply`` in place of ``message`` (a page of positions); False if it cannot."""
        chunks = render_telegram(reply)
        if len(chunks) != 1 or not isinstance(message, Message):
            return False
        try:
            await message.edit_text(
                chunks[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=keyboard(reply.buttons),
            )
        except TelegramError as exc:
            log.info("editing message %s failed (%s): sending instead", message.message_id, exc)
            return False
        return True

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram update failed: %s", context.error, exc_info=context.error)


def build_application(
    settings: Settings, core: CommandCore, *, token: str | None = None
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The PTB Application: our base URL, the token's pacer and the handlers."""
    token = token or require_secret(settings, "TELEGRAM_BOT_TOKEN")
    rate = settings.telegram_rate
    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_base_url)
        .rate_limiter(PacedLimiter(pacer_for(PLATFORM, token, core.bot.db, rate=rate)))
        .concurrent_updates(16)
        .build()
    )
    handlers = TelegramHandlers(core, SentTags(core.bot.db, PLATFORM))
    app.bot_data["handlers"] = handlers
    app.add_handler(TypeHandler(Update, handlers.dedupe), group=-1)
    app.add_handler(CallbackQueryHandler(handlers.on_callback))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, handlers.on_message))
    app.add_error_handler(handlers.on_error)
    return app


def menu(lang: str) -> list[BotCommand]:
    """The command menu (setMyCommands) in ``lang``, from the command registry."""
    code: Lang = "en" if lang == "en" else "fr"
    return [BotCommand(name, text) for name, text in registry.menu(PLATFORM, code)]


class TelegramBot:
    """Starts and stops one Telegram bot inside the caller's event loop."""

    def __init__(self, settings: Settings, core: CommandCore, *, token: str | None = None) -> None:
        self.settings = settings
        core.declare(PLATFORM, CAPABILITIES)
        self.app = build_application(settings, core, token=token)
        self.webhook_url = settings.telegram_webhook_url
        self.secret = (
            require_secret(settings, "TELEGRAM_WEBHOOK_SECRET") if self.webhook_url else ""
        )
        self.sender = TelegramSender(self.app.bot, SentTags(core.bot.db, PLATFORM))
        self._site_runner: web.AppRunner | None = None
        self.webhook_port = 0
        self.db = core.bot.db
        self._polling: PollingTurn | None = None

    async def start(self, *, poll_timeout: int = 10) -> None:
        try:
            await self.app.initialize()
        except InvalidToken:  # its message quotes the token: never show it
            raise Refused("Telegram rejected TELEGRAM_BOT_TOKEN (Unauthorized)") from None
        for lang in ("fr", "en"):
            await self.app.bot.set_my_commands(menu(lang), language_code=lang)
        await self.app.bot.set_my_commands(menu(self.settings.lang))
        await self.app.start()
        allowed = ["message", "callback_query"]
        if self.webhook_url:
            await self._start_webhook()
            await self.app.bot.set_webhook(
                self.webhook_url, secret_token=self.secret, allowed_updates=allowed
            )
        else:  # one process per token polls (telegram_poll.PollingTurn)
            updater = self.app.updater
            assert updater is not None

            async def start_polling() -> None:
                await updater.start_polling(timeout=poll_timeout, allowed_updates=allowed)

            self._polling = PollingTurn(self.db, self.app.bot.token, start_polling, updater.stop)
            await self._polling.start()

    async def _start_webhook(self) -> None:
        server = web.Application()
        server.router.add_post("/{tail:.*}", self._webhook)
        self._site_runner = web.AppRunner(server, access_log=None)
        await self._site_runner.setup()
        site = web.TCPSite(self._site_runner, "0.0.0.0", self.settings.telegram_webhook_port)
        await site.start()
        self.webhook_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def _webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), self.app.bot)
        except Exception:
            return web.Response(status=400)
        await self.app.update_queue.put(update)
        return web.Response(status=200)

    async def stop(self) -> None:
        if self._polling is not None:
            await self._polling.stop()
            self._polling = None
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        if self._site_runner is not None:
            await self._site_runner.cleanup()
