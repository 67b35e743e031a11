"""A fake Telegram Bot API server (aiohttp on 127.0.0.1, ephemeral port) for end-to-end tests.

It speaks the Bot API JSON for getMe, getUpdates (long poll on updates queued by the test),
sendMessage (validating HTML like Telegram does), editMessageText, answerCallbackQuery,
setMyCommands and deleteWebhook; answers 429 with ``parameters.retry_after`` on demand or when
the configurable rate limits are exceeded; and keeps readable counters so a fan-out benchmark
can reuse it::

    fake = FakeTelegram(limits=RateLimits(overall_per_sec=30))
    base_url = await fake.start()          # "http://127.0.0.1:PORT/bot"
    fake.push_text(chat_id=1, text="/brief")
    ...
    fake.stats.sent, fake.stats.rejected, fake.stats.per_chat[chat_id]
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

from tests.fakes.waiting import wait_until

ALLOWED_TAGS = {"b", "i", "a", "code", "pre", "blockquote"}
ENTITIES = {"lt", "gt", "amp", "quot"}
JSON_FIELDS = {
    "reply_markup",
    "link_preview_options",
    "reply_parameters",
    "commands",
    "entities",
    "allowed_updates",
    "scope",
}
TEXT_LIMIT = 4096
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


@dataclass
class RateLimits:
    """Telegram's documented limits; ``None`` switches a limit off.

    Overall: at most ``overall_per_sec`` messages in any rolling second. Private chats: a token
    bucket of ``private_burst`` messages refilled at ``per_chat_per_sec``. Groups: at most
    ``per_chat_per_sec`` in any rolling second and ``group_per_min`` in any rolling minute.
    """

    overall_per_sec: int | None = 30
    per_chat_per_sec: int | None = 1
    group_per_min: int | None = 20
    private_burst: int = 3


@dataclass
class Stats:
    sent: int = 0  # messages accepted by sendMessage
    rejected: int = 0  # 429 answers
    errors: int = 0  # 400/403 answers
    per_chat: Counter[int] = field(default_factory=Counter)  # accepted messages per chat
    calls: Counter[str] = field(default_factory=Counter)  # requests per method


class HTMLCheck(HTMLParser):
    """Telegram-like strictness: known tags only, balanced, every & and < escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.error: str | None = None

    def fail(self, why: str) -> None:
        self.error = self.error or why

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.fail(f'unsupported start tag "{tag}"')
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if not href.startswith(("http://", "https://", "tg://")):
                self.fail("bad href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.fail(f'unexpected end tag "{tag}"')
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or "&" in data:
            self.fail("unescaped character")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self.fail(f'unsupported entity "{name}"')
        self.text.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}.get(name, "?"))

    def handle_charref(self, name: str) -> None:
        self.text.append("?")

    def unknown_decl(self, data: str) -> None:
        self.fail("unsupported declaration")

    def handle_comment(self, data: str) -> None:
        self.fail("unsupported comment")


def check_html(text: str) -> tuple[str | None, str]:
    """(error or None, visible text)."""
    checker = HTMLCheck()
    checker.feed(text)
    checker.close()
    if checker.rawdata:  # an unterminated '<' or '&' left in the buffer
        checker.fail("unclosed tag or entity")
    if checker.stack and not checker.error:
        checker.fail(f'unclosed start tag "{checker.stack[-1]}"')
    return checker.error, "".join(checker.text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeTelegram:
    """One fake bot: its token, its identity, the updates queued for it and what it sent."""

    def __init__(
        self,
        *,
        token: str = "123456:TEST-token",
        bot_id: int = 4242,
        username: str = "BriefTestBot",
        limits: RateLimits | None = None,
        record_messages: bool = True,
    ) -> None:
        self.token = token
        self.bot_user = {"id": bot_id, "is_bot": True, "first_name": "Brief", "username": username}
        self.limits = limits
        self.record_messages = record_messages
        self.stats = Stats()
        self.sent: list[dict[str, Any]] = []  # every accepted sendMessage, in order
        self.edited: list[dict[str, Any]] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, str]]] = {}  # language_code ('' default)
        self.blocked_chats: set[int] = set()  # sendMessage answers 403 for these
        self.chat_types: dict[int, str] = {}
        self._fail_next: dict[str, deque[float]] = {}
        self._updates: list[dict[str, Any]] = []
        self._next_update = 1
        self._next_message = 1000
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._new_update = asyncio.Event()
        self._sent_event = asyncio.Event()
        self._all: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = {}
        self._buckets: dict[int, tuple[float, float]] = {}  # private chat: (tokens, at)
        self.down = False  # True: every request is refused with 502 Bad Gateway (an outage)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # server -----------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        app.router.add_get("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        self._new_update.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # what tests queue ---------------------------------------------------------
    def fail_next(self, method: str, retry_after: float = 1, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with 429 and this retry_after."""
        self._fail_next.setdefault(method, deque()).extend([retry_after] * times)

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": self._next_update, **update}
        self._next_update += 1
        self._updates.append(update)
        self._new_update.set()
        return update

    def user(self, user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}

    def chat(self, chat_id: int, chat_type: str | None = None) -> dict[str, Any]:
        chat_type = (
            chat_type
            or self.chat_types.get(chat_id)
            or ("private" if chat_id > 0 else "supergroup")
        )
        self.chat_types[chat_id] = chat_type
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{chat_id}"
        else:
            chat["title"] = f"Group {chat_id}"
        return chat

    def push_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a user's text message; command and @mention entities are computed."""
        message = {
            "message_id": self._message_id(),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(user_id or abs(chat_id)),
            "text": text,
        }
        entities = self._entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return self.push_update({"message": message})

    def push_callback(self, message: dict[str, Any], data: str, user_id: int) -> dict[str, Any]:
        """Queue a press on an inline button of ``message`` (one the bot sent)."""
        query = {
            "id": f"cb{self._next_update}",
            "from": self.user(user_id),
            "message": message,
            "chat_instance": "ci",
            "data": data,
        }
        return self.push_update({"callback_query": query})

    async def wait_sent(self, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        """Wait until at least ``count`` messages were sent in all; return them all."""
        deadline = time.monotonic() + timeout
        while len(self.sent) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{len(self.sent)} messages sent, {count} expected")
            self._sent_event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._sent_event.wait(), left)
        return self.sent

    async def wait_for(self, check: Any, timeout: float = 30.0) -> None:
        """Wait until ``check()`` is true (re-checked after every call the bot makes)."""
        await wait_until(check, self._sent_event, timeout)

    def messages_to(self, chat_id: int) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["chat"]["id"] == chat_id]

    # internals --------------------------------------------------------------
    def _message_id(self) -> int:
        self._next_message += 1
        return self._next_message

    def _entities(self, text: str) -> list[dict[str, Any]]:
        entities: list[dict[str, Any]] = []
        if text.startswith("/"):
            word = text.split()[0]
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(word)})
        start = 0
        while (at := text.find("@", start)) != -1:
            end = at + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            if end - at > 1 and not (entities and at < entities[0]["length"]):
                entities.append(
                    {
                        "type": "mention",
                        "offset": utf16_len(text[:at]),
                        "length": utf16_len(text[at:end]),
                    }
                )
            start = end
        return entities

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return dict(data) if isinstance(data, dict) else {}
        form = dict(await request.post()) if request.can_read_body else {}
        params: dict[str, Any] = dict(request.query)
        for key, value in form.items():
            if isinstance(value, str) and key in JSON_FIELDS:
                params[key] = json.loads(value)
            else:
                params[key] = value
        return params

    @staticmethod
    def _answer(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    def _error(self, status: int, description: str, **extra: Any) -> web.Response:
        if status == 429:
            self.stats.rejected += 1
        else:
            self.stats.errors += 1
        body = {"ok": False, "error_code": status, "description": description, **extra}
        return web.json_response(body, status=status)

    def _too_many(self, retry_after: float) -> web.Response:
        wait = max(1, math.ceil(retry_after))
        return self._error(
            429,
            f"Too Many Requests: retry after {wait}",
            parameters={"retry_after": wait},
        )

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(401, "Unauthorized")
        method = request.match_info["method"]
        if self.down:
            self.stats.calls["refused"] += 1
            return web.Response(status=502, text="Bad Gateway")
        self.stats.calls[method] += 1
        params = await self._params(request)
        failing = self._fail_next.get(method)
        if failing:
            return self._too_many(failing.popleft())
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            return self._error(404, "Not Found: method not found")
        response: web.Response = await handler(params)
        return response

    async def _m_getme(self, params: dict[str, Any]) -> web.Response:
        return self._answer(self.bot_user)

    async def _m_deletewebhook(self, params: dict[str, Any]) -> web.Response:
        return self._answer(True)

    async def _m_setwebhook(self, params: dict[str, Any]) -> web.Response:
        return self._answer(True)

    async def _m_setmycommands(self, params: dict[str, Any]) -> web.Response:
        commands = list(params.get("commands", []))
        if len(commands) > 100:
            return self._error(400, "Bad Request: too many commands")
        for command in commands:
            name, text = str(command.get("command", "")), str(command.get("description", ""))
            if not COMMAND_NAME.fullmatch(name):
                return self._error(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(text) <= 256:
                return self._error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[str(params.get("language_code") or "")] = list(params.get("commands", []))
        return self._answer(True)

    async def _m_sendchataction(self, params: dict[str, Any]) -> web.Response:
        self.chat_actions.append((int(params.get("chat_id") or 0), str(params.get("action"))))
        return self._answer(True)

    async def _m_answercallbackquery(self, params: dict[str, Any]) -> web.Response:
        if len(str(params.get("text") or "")) > 200:
            return self._error(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_answers.append(params)
        self._sent_event.set()
        return self._answer(True)

    async def _m_getupdates(self, params: dict[str, Any]) -> web.Response:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = min(float(params.get("timeout") or 0), 5.0)
        if not self._updates and timeout > 0:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        limit = int(params.get("limit") or 100)
        return self._answer(self._updates[:limit])

    def _rate_check(self, chat_id: int) -> float | None:
        """Seconds to wait when sending to ``chat_id`` now would exceed a limit, else None."""
        limits, now = self.limits, time.monotonic()
        if limits is None:
            return None
        if limits.overall_per_sec is not None:
            while self._all and now - self._all[0] >= 1.0:
                self._all.popleft()
            if len(self._all) >= limits.overall_per_sec:
                return 1.0 - (now - self._all[0])
        window = self._per_chat.setdefault(chat_id, deque())
        while window and now - window[0] >= 60.0:
            window.popleft()
        group = self.chat_types.get(chat_id, "private" if chat_id > 0 else "group") != "private"
        if group and limits.group_per_min is not None and len(window) >= limits.group_per_min:
            return 60.0 - (now - window[0])
        if limits.per_chat_per_sec is None:
            return None
        if not group:
            tokens = self._tokens(chat_id, now)
            if tokens < 1.0:
                return (1.0 - tokens) / limits.per_chat_per_sec
            return None
        recent = sum(1 for t in window if now - t < 1.0)
        if recent >= limits.per_chat_per_sec:
            return 1.0 - (now - window[-1])
        return None

    def _tokens(self, chat_id: int, now: float) -> float:
        """The private chat's bucket now (full when unknown)."""
        assert self.limits is not None and self.limits.per_chat_per_sec is not None
        cap = float(self.limits.private_burst)
        tokens, at = self._buckets.get(chat_id, (cap, now))
        return min(cap, tokens + (now - at) * self.limits.per_chat_per_sec)

    def _record_send(self, chat_id: int) -> None:
        now = time.monotonic()
        self._all.append(now)
        self._per_chat.setdefault(chat_id, deque()).append(now)
        if self.limits is not None and self.limits.per_chat_per_sec is not None:
            self._buckets[chat_id] = (self._tokens(chat_id, now) - 1.0, now)

    def _check_text(self, params: dict[str, Any]) -> tuple[str | None, str]:
        text = str(params.get("text") or "")
        for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                data = str(button.get("callback_data", ""))
                if not 1 <= len(data.encode()) <= 64 or not button.get("text"):
                    return "Bad Request: BUTTON_DATA_INVALID", ""
        if params.get("parse_mode") == "HTML":
            error, visible = check_html(text)
            if error:
                return f"Bad Request: can't parse entities: {error}", ""
        else:
            visible = text
        if not visible.strip():
            return "Bad Request: message text is empty", ""
        if utf16_len(visible) > TEXT_LIMIT:
            return "Bad Request: message is too long", ""
        return None, text

    async def _m_sendmessage(self, params: dict[str, Any]) -> web.Response:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, ValueError):
            return self._error(400, "Bad Request: chat not found")
        if chat_id in self.blocked_chats:
            return self._error(403, "Forbidden: bot was blocked by the user")
        wait = self._rate_check(chat_id)
        if wait is not None:
            return self._too_many(wait)
        error, text = self._check_text(params)
        if error:
            return self._error(400, error)
        self._record_send(chat_id)
        self.stats.sent += 1
        self.stats.per_chat[chat_id] += 1
        message: dict[str, Any] = {
            "message_id": self._message_id(),
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": self.bot_user,
            "text": text,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        if self.record_messages:
            record = {**message, "params": params}
            self.sent.append(record)
            self._messages[(chat_id, message["message_id"])] = message
            self._sent_event.set()
        return self._answer(message)

    async def _m_editmessagetext(self, params: dict[str, Any]) -> web.Response:
        key = (int(params.get("chat_id") or 0), int(params.get("message_id") or 0))
        message = self._messages.get(key)
        if message is None:
            return self._error(400, "Bad Request: message to edit not found")
        error, text = self._check_text(params)
        if error:
            return self._error(400, error)
        message = {**message, "text": text, "edit_date": int(time.time())}
        self._messages[key] = message
        self.edited.append({**message, "params": params})
        self._sent_event.set()
        return self._answer(message)
