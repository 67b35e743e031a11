"""Slack front-end (slack-bolt AsyncApp): commands, mentions and DMs -> IncomingMessage.

Socket Mode by default (SLACK_APP_TOKEN); HTTP mode verifies Slack's signature and refuses
stale timestamps (Bolt's request verification); it listens on ``slack_host`` (loopback by
default). Slash commands are acknowledged at once and answered after; mentions are answered in
the question's thread, and any message in a thread the bot answered in is a follow-up; buttons
(the /positions party chooser and pages) are Block Kit actions; a retried event (same
event_id) is handled once. Where each answer goes is bot.adapters.slack_answer's job.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.common import Refused, SeenIds, SentTags, require_secret
from bot.adapters.slack_answer import SlackAnswers, followup_tag
from bot.adapters.slack_send import SlackSender, error_code
from bot.commands import CommandCore, IncomingMessage
from bot.commands.types import Capabilities
from bot.render.slack import ACTION_PREFIX
from bot.schedule.pacer import pacer_for
from bot.settings import Settings

log = logging.getLogger(__name__)
PLATFORM = "slack"
UMBRELLA = {"/briefbot", "/brief-bot"}  # "/briefbot brief en" == "/brief en"
_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
CAPABILITIES = Capabilities(
    buttons=True,  # Block Kit buttons, handled as actions
    ephemeral=True,  # chat.postEphemeral, response_type "ephemeral"
    threads=True,
    message_chars=40_000,
    page_chars=3000,  # one page of /positions: one readable message, one section's worth
    help_notes=("help.questions_threads", "help.slash_umbrella"),
)


def clean_text(text: str, bot_user_id: str | None) -> str:
    """The user's text without the bot's mention, with Slack's escapes undone."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = re.sub(r"<(https?://[^|>]+)(?:\|[^>]*)?>", r"\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


class SlackBot:
    """One Slack app, started in the caller's event loop (Socket Mode or HTTP)."""

    def __init__(self, settings: Settings, core: CommandCore, *, host: str | None = None) -> None:
        self.settings = settings
        self.core = core
        core.declare(PLATFORM, CAPABILITIES)
        self.mode = settings.slack_mode
        self.host = host or settings.slack_host
        token = require_secret(settings, "SLACK_BOT_TOKEN")
        self.app_token = (
            require_secret(settings, "SLACK_APP_TOKEN") if self.mode == "socket" else ""
        )
        secret = require_secret(settings, "SLACK_SIGNING_SECRET") if self.mode == "http" else None
        self.client = AsyncWebClient(token=token, base_url=settings.slack_api_url)
        self.app = AsyncApp(
            client=self.client,
            signing_secret=secret or "socket-mode",
            request_verification_enabled=self.mode == "http",
        )
        self.tags = SentTags(core.bot.db, PLATFORM)
        self.pacer = pacer_for(PLATFORM, token, core.bot.db)  # shared with the digests
        self.sender = SlackSender(self.client, self.pacer, self.tags)
        self.answers = SlackAnswers(self.client, self.tags, self.pacer)
        self.seen = SeenIds(core.bot.db, PLATFORM)  # in the database: survives restarts
        self.app.middleware(self._dedupe)
        self.app.command(re.compile(r"^/.+"))(self._on_command)
        self.app.event("app_mention")(self._on_mention)
        self.app.event("message")(self._on_message)
        self.app.action(re.compile(f"^{re.escape(ACTION_PREFIX)}"))(self._on_action)
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.port = 0

    # listeners --------------------------------------------------------------
    async def _dedupe(self, body: dict[str, Any], next: Any) -> BoltResponse | None:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not await self.seen.first_time(str(event_id)):
            return BoltResponse(status=200, body="")
        await next()
        return None

    async def _on_command(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()  # within Slack's 3 seconds; the work comes after
        command, text = str(body.get("command", "")), str(body.get("text", "")).strip()
        line = ("/" + text if text else "/help") if command in UMBRELLA else f"{command} {text}"
        channel = str(body.get("channel_id", ""))
        incoming = IncomingMessage(
            platform=PLATFORM,
            chat_id=channel,
            user_id=str(body.get("user_id", "")),
            text=line.strip(),
            is_private=channel.startswith("D") or body.get("channel_name") == "directmessage",
            mentions_bot=True,
        )
        for reply in await self.core.handle(incoming):
            await self.answers.to_command(channel, reply, respond)

    async def _on_action(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        """A button press (Block Kit ``block_actions``): its value is the button's data."""
        await ack()
        actions = body.get("actions") or [{}]
        container = body.get("container") or {}
        channel = str((body.get("channel") or {}).get("id") or container.get("channel_id", ""))
        incoming = IncomingMessage(
            platform=PLATFORM,
            chat_id=channel,
            user_id=str((body.get("user") or {}).get("id", "")),
            text="",
            is_private=channel.startswith("D"),
            callback_data=str(actions[0].get("value", "")),
        )
        replies = await self.core.handle(incoming)
        thread = container.get("thread_ts")
        for reply in replies:
            await self.answers.to_action(
                channel, reply, respond, thread_ts=thread, single=len(replies) == 1
            )

    async def _on_mention(self, event: dict[str, Any], context: Any) -> None:
        channel = str(event.get("channel", ""))
        thread = event.get("thread_ts")
        tag = await self.tags.lookup(channel, str(thread)) if thread else None
        await self._answer(
            event, context, tag=followup_tag(tag), thread=str(thread or event.get("ts", ""))
        )

    async def _on_message(self, event: dict[str, Any], context: Any) -> None:
        if event.get("subtype") or event.get("bot_id"):
            return
        channel = str(event.get("channel", ""))
        bot_user = context.get("bot_user_id")
        thread = event.get("thread_ts")
        tag = await self.tags.lookup(channel, str(thread)) if thread else None
        if event.get("channel_type") == "im":  # every DM is a question; in a thread, about it
            await self._answer(event, context, tag=followup_tag(tag), private=True, thread=thread)
            return
        if bot_user and f"<@{bot_user}" in str(event.get("text", "")):
            return  # the app_mention event answers it
        if tag is not None:  # a message in a thread the bot answered in: a follow-up
            await self._answer(event, context, tag=followup_tag(tag), thread=str(thread))

    async def _answer(
        self,
        event: dict[str, Any],
        context: Any,
        *,
        tag: str | None = None,
        thread: str | None = None,
        private: bool = False,
    ) -> None:
        channel = str(event.get("channel", ""))
        incoming = IncomingMessage(
            platform=PLATFORM,
            chat_id=channel,
            user_id=str(event.get("user", "")),
            text=clean_text(str(event.get("text", "")), context.get("bot_user_id")),
            reply_to_tag=tag,
            is_private=private,
            mentions_bot=True,
        )
        for reply in await self.core.handle(incoming):
            await self.answers.to_event(event, reply, private=private, thread_ts=thread)

    # lifecycle ----------------------------------------------------------------
    async def start(self) -> None:
        if self.mode == "socket":
            await self._check_app_token()
            self._socket = AsyncSocketModeHandler(self.app, self.app_token)
            await self._socket.connect_async()
            return
        server = web.Application()
        server.router.add_post("/slack/events", self._http)
        server.router.add_post("/slack/commands", self._http)
        server.router.add_post("/slack/actions", self._http)
        self._runner = web.AppRunner(server, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.settings.slack_port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def _check_app_token(self) -> None:
        """Ask Slack once whether it takes the app token: a refusal ends the run with one line
        instead of Socket Mode retrying it forever."""
        probe = AsyncWebClient(base_url=self.settings.slack_api_url)
        try:
            await probe.apps_connections_open(app_token=self.app_token)
        except SlackApiError as exc:
            error = error_code(exc)
            if error in ("invalid_auth", "not_authed", "account_inactive", "token_revoked"):
                raise Refused(f"Slack refused SLACK_APP_TOKEN ({error})") from None
            raise

    async def _http(self, request: web.Request) -> web.Response:
        bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
        if self._runner is not None:
            await self._runner.cleanup()
