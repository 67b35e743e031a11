"""A fake Slack Web API (aiohttp on 127.0.0.1, ephemeral port) with a Socket Mode WebSocket.

Methods: auth.test, chat.postMessage, chat.postEphemeral, apps.connections.open (returns the
URL of this server's WebSocket), plus ``/response/<id>`` for slash commands' response_url.
``chat.postMessage`` keeps Slack's pace: at most ``per_channel_per_sec`` messages per channel
in any rolling second, else HTTP 429 ``ratelimited`` with a ``Retry-After`` header (counted
in ``limited``). ``down = True`` answers every API call with 503 (an outage).
Tests push Socket Mode envelopes with ``socket_send`` and wait for their acks.

Messages are checked against Slack's published limits, as Slack refuses them: at most 50
blocks; section text at most 3,000 characters; ``text`` at most 40,000; actions blocks of at
most 25 elements with button labels of at most 75 characters, values of at most 2,000 and
``action_id`` unique within the message (``invalid_blocks``, ``msg_too_long``).
chat.postEphemeral needs a ``user``. ``rejected`` counts the refusals. ``restricted`` channels
refuse the bot's public messages (``restricted_action``, as a channel where only admins may
post); ``absent_users`` cannot be shown an ephemeral message (``user_not_in_channel``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import math
import time
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.waiting import wait_until

BOT_USER = "UBOT"
MAX_BLOCKS = 50
SECTION_TEXT = 3000
MESSAGE_TEXT = 40_000
ACTION_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000


def check_message(params: dict[str, Any]) -> str | None:
    """Slack's error code for a message breaking a published limit, else None."""
    blocks = params.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    text = str(params.get("text") or "")
    if len(text) > MESSAGE_TEXT:
        return "msg_too_long"
    if not text and not blocks:
        return "no_text"
    if len(blocks) > MAX_BLOCKS:
        return "invalid_blocks"
    action_ids: set[str] = set()
    for block in blocks:
        kind = block.get("type")
        if kind == "section":
            body = (block.get("text") or {}).get("text", "")
            if not body or len(body) > SECTION_TEXT:
                return "invalid_blocks"
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= ACTION_ELEMENTS:
                return "invalid_blocks"
            for element in elements:
                label = (element.get("text") or {}).get("text", "")
                action_id = str(element.get("action_id", ""))
                if not label or len(label) > BUTTON_TEXT or action_id in action_ids:
                    return "invalid_blocks"
                if len(str(element.get("value", ""))) > BUTTON_VALUE or len(action_id) > 255:
                    return "invalid_blocks"
                action_ids.add(action_id)
        else:
            return "invalid_blocks"
    return None


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature headers for ``body``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def section_texts(body: dict[str, Any]) -> list[str]:
    blocks = body.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return [b["text"]["text"] for b in blocks if b.get("type") == "section"]


class FakeSlack:
    def __init__(
        self,
        *,
        token: str = "xoxb-test",
        app_token: str = "xapp-test",
        per_channel_per_sec: float | None = 1,
    ) -> None:
        self.token = token
        # Slack's chat.postMessage limit, "1 per second per channel" (None: not enforced);
        # over it the answer is HTTP 429 ratelimited with Retry-After, counted in ``limited``.
        self.per_channel_per_sec = per_channel_per_sec
        self.limited = 0  # 429 answers
        self.down = False
        self._recent: dict[str, list[float]] = {}
        self.app_token = app_token
        self.posted: list[dict[str, Any]] = []
        self.ephemeral: list[dict[str, Any]] = []
        self.responses: list[dict[str, Any]] = []  # bodies posted to response_url
        self.response_failures = 0  # the next response_url posts answered 503 (an outage)
        self.not_in_channel: set[str] = set()
        self.restricted: set[str] = set()
        self.absent_users: set[str] = set()
        self.rejected: list[tuple[str, str]] = []  # (method, error) of refused messages
        self.acks: dict[str, dict[str, Any]] = {}
        self._ts = 1_700_000_000.0
        self._changed = asyncio.Event()
        self._ws: web.WebSocketResponse | None = None
        self._ws_ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{id}", self._response_url)
        app.router.add_get("/ws", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.api_url

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, n: int = 1) -> str:
        return f"http://127.0.0.1:{self.port}/response/{n}"

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def wait_for(self, check: Any, timeout: float = 30.0) -> None:
        """Wait until ``check()`` is true."""
        await wait_until(check, self._changed, timeout)

    def _notify(self) -> None:
        self._changed.set()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        return dict(await request.post()) if request.can_read_body else {}

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if self.down:
            return web.Response(status=503, text="Service Unavailable")
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        if method == "apps.connections.open":
            if auth != f"Bearer {self.app_token}":
                return web.json_response({"ok": False, "error": "invalid_auth"})
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/ws"})
        if auth != f"Bearer {self.token}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "auth.test":
            return web.json_response(
                {
                    "ok": True,
                    "user_id": BOT_USER,
                    "bot_id": "BBOT",
                    "team_id": "T1",
                    "user": "briefbot",
                }
            )
        if method in ("chat.postMessage", "chat.postEphemeral"):
            channel = str(params.get("channel", ""))
            if channel in self.not_in_channel:
                return web.json_response({"ok": False, "error": "not_in_channel"})
            if method == "chat.postMessage" and (wait := self._rate_check(channel)) is not None:
                self.limited += 1
                self._notify()
                return web.json_response(
                    {"ok": False, "error": "ratelimited"},
                    status=429,
                    headers={"Retry-After": str(max(1, math.ceil(wait)))},
                )
            error = check_message(params)
            if method == "chat.postEphemeral":
                user = params.get("user")
                if not user or user in self.absent_users:
                    error = "user_not_in_channel"
            elif channel in self.restricted:
                error = "restricted_action"
            if error:
                self.rejected.append((method, error))
                self._notify()
                return web.json_response({"ok": False, "error": error})
            self._ts += 1
            ts = f"{self._ts:.6f}"
            record = {**params, "ts": ts}
            (self.posted if method == "chat.postMessage" else self.ephemeral).append(record)
            self._notify()
            return web.json_response({"ok": True, "channel": channel, "ts": ts, "message": record})
        return web.json_response({"ok": False, "error": "unknown_method"}, status=404)

    def _rate_check(self, channel: str) -> float | None:
        """Seconds to wait when one more message to ``channel`` now is over the limit."""
        if self.per_channel_per_sec is None:
            return None
        now = time.monotonic()
        recent = [t for t in self._recent.get(channel, []) if now - t < 1.0]
        if len(recent) >= self.per_channel_per_sec:
            self._recent[channel] = recent
            return 1.0 - (now - recent[0])
        self._recent[channel] = [*recent, now]
        return None

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.response_failures > 0:
            self.response_failures -= 1
            return web.Response(status=503, text="service unavailable")
        error = check_message(body)
        if error:
            self.rejected.append(("response_url", error))
            self._notify()
            return web.Response(status=400, text=error)
        self.responses.append(body)
        self._notify()
        return web.Response(text="ok")

    def public_texts(self) -> list[str]:
        """The text of every section posted for everyone (messages and in_channel responses)."""
        bodies = [
            *self.posted,
            *(r for r in self.responses if r.get("response_type") != "ephemeral"),
        ]
        return [t for body in bodies for t in section_texts(body)]

    def private_texts(self) -> list[str]:
        """The section texts only the asker saw (ephemeral messages and responses)."""
        bodies = [
            *self.ephemeral,
            *(r for r in self.responses if r.get("response_type") == "ephemeral"),
        ]
        return [t for body in bodies for t in section_texts(body)]

    # Socket Mode ------------------------------------------------------------
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        self._ws_ready.set()
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
                    self._notify()
        return ws

    async def socket_send(self, envelope: dict[str, Any]) -> None:
        await asyncio.wait_for(self._ws_ready.wait(), 10)
        assert self._ws is not None
        await self._ws.send_str(json.dumps(envelope))
