"""Access: admin-only commands per platform, the Telegram webhook secret (end to end against the
fake Bot API), update_id replays, and Slack signatures that leave no trace."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.adapters.telegram import SECRET_HEADER, TelegramBot
from bot.app import build_bot
from bot.commands import CommandCore
from bot.service import BriefBot
from tests.chat.conftest import chat_settings, msg
from tests.fakes.slack_api import sign
from tests.fakes.telegram_api import FakeTelegram

HOOK_SECRET = "hook-secret-XYZ123"
ADMIN_ONLY = ["/addsource https://feeds.example/rss", "/removesource https://feeds.example/rss"]


@pytest.fixture
def plain_bot(tmp_path: Path) -> Iterator[BriefBot]:
    bot = build_bot(chat_settings(tmp_path))
    yield bot
    bot.db.close()


@pytest.mark.parametrize(
    ("platform", "admin", "other"), [("telegram", "7", "8"), ("slack", "UADMIN", "UOTHER")]
)
@pytest.mark.parametrize("line", ADMIN_ONLY)
async def test_admin_only_commands_refuse_others(
    plain_bot: BriefBot, platform: str, admin: str, other: str, line: str
) -> None:
    core = CommandCore(plain_bot)
    [refused] = await core.handle(msg(line, platform=platform, user_id=other))
    assert "admin" in refused.plain.lower()
    from bot.store import chats as chat_store

    assert chat_store.list_sources(plain_bot.db) == [] or line.startswith("/removesource")
    # the same user id on the other platform is not an admin either
    cross = "slack" if platform == "telegram" else "telegram"
    [refused] = await core.handle(msg(line, platform=cross, user_id=admin))
    assert "admin" in refused.plain.lower()
    [done] = await core.handle(msg(line, platform=platform, user_id=admin))
    assert "admin" not in done.plain.lower()


class Hook:
    def __init__(self, fake: FakeTelegram, tg: TelegramBot) -> None:
        self.fake, self.tg = fake, tg
        self.url = f"http://127.0.0.1:{tg.webhook_port}/hook"

    async def post(self, update: dict[str, Any], secret: str | None) -> int:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=json.dumps(update), headers=headers) as resp,
        ):
            return resp.status


def _update(fake: FakeTelegram, update_id: int, text: str, chat_id: int = 1) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 500 + update_id,
            "date": int(time.time()),
            "chat": fake.chat(chat_id),
            "from": fake.user(chat_id),
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
        },
    }


@pytest.fixture
async def hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Hook]:
    fake = FakeTelegram()
    base_url = await fake.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", HOOK_SECRET)
    settings = chat_settings(
        tmp_path,
        telegram_base_url=base_url,
        telegram_webhook_url="https://bot.example/hook",
        telegram_webhook_port=0,
    )
    briefbot = build_bot(settings)
    tg = TelegramBot(settings, CommandCore(briefbot))
    await tg.start()
    yield Hook(fake, tg)
    await tg.stop()
    await fake.stop()
    briefbot.db.close()


async def test_webhook_without_the_right_secret_is_refused_and_does_nothing(hook: Hook) -> None:
    assert hook.fake.stats.calls["setWebhook"] == 1
    for secret in (None, "", "wrong", HOOK_SECRET + "x", HOOK_SECRET[:-1]):
        assert await hook.post(_update(hook.fake, 10, "/status"), secret) in (401, 403)
    await asyncio.sleep(0.3)
    assert hook.fake.sent == []
    # the right secret: processed
    assert await hook.post(_update(hook.fake, 11, "/status"), HOOK_SECRET) == 200
    [status] = await hook.fake.wait_sent(1)
    assert "Articles" in status["text"]


async def test_webhook_replayed_update_id_is_processed_once(hook: Hook) -> None:
    update = _update(hook.fake, 20, "/help")
    for _ in range(3):
        assert await hook.post(update, HOOK_SECRET) == 200
    assert await hook.post(_update(hook.fake, 21, "/status"), HOOK_SECRET) == 200
    await hook.fake.wait_sent(2)
    await asyncio.sleep(0.3)
    assert len(hook.fake.sent) == 2  # one /help answer, one /status answer


async def test_webhook_garbage_body_is_rejected(hook: Hook) -> None:
    async with aiohttp.ClientSession() as session:
        headers = {SECRET_HEADER: HOOK_SECRET, "Content-Type": "application/json"}
        async with session.post(hook.url, data=b"{not json", headers=headers) as resp:
            assert resp.status == 400
    assert hook.fake.sent == []


async def test_slack_bad_or_stale_signatures_reach_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.chat.test_slack_e2e import SECRET, _make

    fake, slack, asked, briefbot = await _make(tmp_path, monkeypatch, "http")
    url = f"http://127.0.0.1:{slack.port}/slack/events"
    event = {
        "type": "event_callback",
        "team_id": "T1",
        "event_id": "EvBad",
        "event": {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.1", "text": "hi"},
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
    }
    body = json.dumps(event)
    cases = [
        {},  # unsigned
        sign("another-secret", body),
        sign(SECRET, body + " "),  # signed, then tampered
        sign(SECRET, body, int(time.time()) - 6 * 60),  # stale
        sign(SECRET, body, int(time.time()) + 6 * 60),  # from the future
    ]
    try:
        async with aiohttp.ClientSession() as session:
            for headers in cases:
                headers = {**headers, "Content-Type": "application/json"}
                async with session.post(url, data=body, headers=headers) as resp:
                    assert resp.status == 401
            await asyncio.sleep(0.3)
            assert fake.posted == [] and asked == []
            # a correctly signed copy of the same event id is still processed (once)
            for _ in range(2):
                good = {**sign(SECRET, body), "Content-Type": "application/json"}
                async with session.post(url, data=body, headers=good) as resp:
                    assert resp.status == 200
        await fake.wait_for(lambda: len(fake.posted) >= 1)
        await asyncio.sleep(0.3)
        assert len(asked) == 1 and len(fake.posted) == 1
    finally:
        await slack.stop()
        await fake.stop()
        briefbot.db.close()
