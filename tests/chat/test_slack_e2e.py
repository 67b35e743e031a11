"""A real Bolt AsyncApp against the fake Slack API: signed HTTP requests and Socket Mode."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.adapters.slack import SlackBot
from bot.app import build_bot
from bot.commands import CommandCore
from bot.domain.models import Lang
from bot.richtext import Reply, text_reply
from tests.chat.conftest import chat_settings, ingest_articles, write_articles
from tests.chat.test_telegram_e2e import long_articles
from tests.fakes.slack_api import FakeSlack, section_texts, sign

SECRET = "s3cret-signing"


class Env:
    def __init__(self, fake: FakeSlack, slack: SlackBot, asked: list[tuple[Any, ...]]) -> None:
        self.fake, self.slack, self.asked = fake, slack, asked
        self.url = f"http://127.0.0.1:{slack.port}/slack/events"

    async def post(self, body: str, content_type: str, **headers: str) -> aiohttp.ClientResponse:
        signed = {**sign(SECRET, body), "Content-Type": content_type, **headers}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body.encode(), headers=signed) as resp,
        ):
            await resp.read()
            return resp

    async def command(self, command: str, text: str, channel: str = "C1", user: str = "U1") -> int:
        body = urlencode(
            {
                "command": command,
                "text": text,
                "channel_id": channel,
                "channel_name": "general",
                "user_id": user,
                "team_id": "T1",
                "response_url": self.fake.response_url(),
                "trigger_id": "t1",
            }
        )
        resp = await self.post(body, "application/x-www-form-urlencoded")
        return resp.status  # acknowledged first (the answer comes after, by response_url)

    async def event(self, event: dict[str, Any], event_id: str, **headers: str) -> int:
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": "T1",
                "api_app_id": "A1",
                "event_id": event_id,
                "event_time": int(time.time()),
                "event": event,
                "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
            }
        )
        return (await self.post(body, "application/json", **headers)).status

    def texts(self) -> list[str]:
        return [text for p in self.fake.posted for text in section_texts(p)]


def _blocks(posted: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = posted.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def _asker(asked: list[tuple[Any, ...]]) -> Any:
    def asker(q: str, lang: Lang, platform: str, chat_id: str, tag: str | None) -> Reply:
        asked.append((q, lang, platform, chat_id, tag))
        return text_reply(f"answer <!channel> & {q}")

    return asker


async def _make(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    articles: dict[str, str] | None = None,
) -> tuple[Any, ...]:
    fake = FakeSlack()
    await fake.start()
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.token)
    monkeypatch.setenv("SLACK_APP_TOKEN", fake.app_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    settings = chat_settings(tmp_path, slack_api_url=fake.api_url, slack_mode=mode, slack_port=0)
    briefbot = build_bot(settings)
    ingest_articles(briefbot, write_articles(tmp_path / "a", *([articles] if articles else [])))
    asked: list[tuple[Any, ...]] = []
    slack = SlackBot(settings, CommandCore(briefbot, asker=_asker(asked)), host="127.0.0.1")
    await slack.start()
    return fake, slack, asked, briefbot


@pytest.fixture
async def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Env]:
    fake, slack, asked, briefbot = await _make(tmp_path, monkeypatch, "http")
    yield Env(fake, slack, asked)
    await slack.stop()
    await fake.stop()
    briefbot.db.close()


async def test_slash_commands_answered_after_ack(env: Env) -> None:
    assert await env.command("/brief", "en") == 200
    await env.fake.wait_for(lambda: len(env.fake.posted) == 1)
    digest = env.fake.posted[0]
    assert digest["channel"] == "C1" and digest["unfurl_links"] is False
    assert "Briefing," in env.texts()[0]
    assert await env.command("/briefbot", "positions RU") == 200
    await env.fake.wait_for(lambda: len(env.fake.posted) == 2)
    assert "*Russie (RU)" in env.texts()[-1]
    # refusals, usage errors, help and status: only the asker sees them
    await env.command("/addsource", "https://x.example/rss", user="U1")
    await env.command("/subscribe", "07:00 Mars/Olympus")
    await env.command("/subscribe", "demain")
    await env.command("/status", "", channel="C2")
    await env.fake.wait_for(lambda: len(env.fake.responses) == 4)
    assert [r["response_type"] for r in env.fake.responses] == ["ephemeral"] * 4
    # the four commands are handled concurrently: their answers may arrive in any order
    private = env.fake.private_texts()

    def answer(words: str) -> str:
        found = [text for text in private if words in text]
        assert len(found) == 1, (words, private)
        return found[0]

    assert "/addsource" in answer("administrateurs")
    answer("Fuseau horaire inconnu")
    assert "demain" in answer("Heure invalide")
    status = answer("Articles stockés : 2")
    assert "règles hors ligne (version " in status and "offline:" not in status
    assert len(env.fake.posted) == 2  # nothing of that in the channel
    env.fake.not_in_channel.add("C2")
    await env.command("/brief", "", channel="C2")  # a public answer the bot may not post
    await env.fake.wait_for(lambda: len(env.fake.responses) == 5)
    assert env.fake.responses[4]["response_type"] == "in_channel"
    assert env.fake.rejected == []


async def test_a_failed_response_url_post_is_tried_again(env: Env) -> None:
    env.fake.response_failures = 2  # Slack answers 503 twice, then takes it
    await env.command("/help", "")
    await env.fake.wait_for(lambda: len(env.fake.responses) == 1, timeout=10)
    assert env.fake.responses[0]["response_type"] == "ephemeral"
    assert env.fake.response_failures == 0


async def test_help_uses_slack_words(env: Env) -> None:
    await env.command("/help", "")
    await env.fake.wait_for(lambda: len(env.fake.responses) == 1)
    text = "\n".join(env.fake.private_texts())
    assert env.fake.responses[0]["response_type"] == "ephemeral"
    assert "fil" in text and "/briefbot brief en" in text and "canal" in text
    for telegram_word in ("groupe", "répondez à l'un de mes messages", "bouton", "menu"):
        assert telegram_word not in text
    assert "/addsource" not in text  # admin commands are listed for admins only
    first = len(env.fake.private_texts())
    await env.command("/help", "", user="UADMIN")
    await env.fake.wait_for(lambda: len(env.fake.responses) == 2)
    assert "/addsource" in "".join(env.fake.private_texts()[first:])


async def test_mention_answered_in_thread_and_thread_reply_is_followup(env: Env) -> None:
    event = {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "100.1"}
    assert await env.event({**event, "text": "<@UBOT> que dit <Kiev> ?"}, "Ev1") == 200
    await env.fake.wait_for(lambda: len(env.fake.posted) == 1)
    answer = env.fake.posted[0]
    assert answer["thread_ts"] == "100.1"
    assert env.asked == [("que dit <Kiev> ?", "fr", "slack", "C1", None)]
    text = env.texts()[0]
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp;" in text
    # a message in the thread of the bot's answer to a mention, without mentioning it
    await wait_remembered(env, "C1", "100.1")
    channel_msg = {"type": "message", "channel_type": "channel", "user": "U2", "channel": "C1"}
    await env.event(
        {**channel_msg, "ts": "101.1", "thread_ts": "100.1", "text": "et Moscou ?"}, "EvT"
    )
    await env.fake.wait_for(lambda: len(env.fake.posted) == 2)
    assert env.asked[-1] == ("et Moscou ?", "fr", "slack", "C1", None)
    assert env.fake.posted[1]["thread_ts"] == "100.1"
    await env.command("/brief", "")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 3)
    digest_ts = env.fake.posted[2]["ts"]
    await wait_remembered(env, "C1", str(digest_ts))
    reply = {**channel_msg, "ts": "200.1", "thread_ts": digest_ts, "text": "pourquoi ?"}
    await env.event(reply, "Ev2")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 4)
    assert env.asked[-1] == ("pourquoi ?", "fr", "slack", "C1", "digest:1,2")
    assert env.fake.posted[3]["thread_ts"] == digest_ts
    # the thread of a slash command's answer with no tag of its own
    await env.command("/positions", "ukraine")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 5)
    positions_ts = str(env.fake.posted[4]["ts"])
    await wait_remembered(env, "C1", positions_ts)
    await env.event(
        {**channel_msg, "ts": "250.1", "thread_ts": positions_ts, "text": "et ?"}, "Ev5"
    )
    await env.fake.wait_for(lambda: len(env.fake.posted) == 6)
    assert env.asked[-1] == ("et ?", "fr", "slack", "C1", None)
    await env.event({**channel_msg, "ts": "300.1", "text": "hello all"}, "Ev3")
    await env.event({**channel_msg, "ts": "301.1", "thread_ts": "299.0", "text": "x"}, "Ev6")
    dm = {"type": "message", "channel_type": "im", "user": "U3", "channel": "D1", "ts": "1.0"}
    await env.event({**dm, "text": "une question"}, "Ev4")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 7)
    assert env.asked[-1] == ("une question", "fr", "slack", "D1", None)
    assert "hello all" not in [a[0] for a in env.asked] and "x" not in [a[0] for a in env.asked]
    # an error in a channel mention goes to the asker only
    await env.event({**event, "ts": "400.1", "text": "<@UBOT> /nope"}, "Ev7")
    await env.fake.wait_for(lambda: len(env.fake.ephemeral) == 1)
    assert env.fake.ephemeral[0]["user"] == "U1" and env.fake.ephemeral[0]["thread_ts"] == "400.1"


async def test_event_answers_fall_back_like_slash_commands(env: Env) -> None:
    env.fake.restricted.add("C7")  # the bot may not post in C7: the asker still gets the answer
    event = {"type": "app_mention", "user": "U1", "channel": "C7", "ts": "700.1"}
    await env.event({**event, "text": "<@UBOT> et Kiev ?"}, "EvR1")
    await env.fake.wait_for(lambda: len(env.fake.ephemeral) == 1)
    shown = env.fake.ephemeral[0]
    assert shown["user"] == "U1" and shown["thread_ts"] == "700.1"
    assert "et Kiev ?" in section_texts(shown)[0]
    assert env.fake.posted == [] and env.fake.rejected == [
        ("chat.postMessage", "restricted_action")
    ]
    env.fake.absent_users.add("U9")  # a notice U9 cannot be shown privately: in the thread
    mention = {**event, "user": "U9", "channel": "C1", "ts": "701.1", "text": "<@UBOT> /nope"}
    await env.event(mention, "EvR2")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 1)
    assert env.fake.posted[0]["thread_ts"] == "701.1" and "/nope" in env.texts()[0]


async def test_a_dm_in_the_thread_of_a_briefing_asks_about_it(env: Env) -> None:
    await env.command("/brief", "", channel="D1")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 1)
    digest_ts = str(env.fake.posted[0]["ts"])
    await wait_remembered(env, "D1", digest_ts)
    dm = {"type": "message", "channel_type": "im", "user": "U3", "channel": "D1"}
    await env.event({**dm, "ts": "800.1", "thread_ts": digest_ts, "text": "pourquoi ?"}, "EvD1")
    await env.fake.wait_for(lambda: len(env.fake.posted) == 2)
    assert env.asked == [("pourquoi ?", "fr", "slack", "D1", "digest:1,2")]
    assert env.fake.posted[1]["thread_ts"] == digest_ts


async def wait_remembered(env: Env, channel: str, ts: str) -> None:
    """The bot stores a thread just after posting in it; a reply races that only in tests."""
    deadline = asyncio.get_running_loop().time() + 10
    while await env.slack.tags.lookup(channel, ts) is None:
        assert asyncio.get_running_loop().time() < deadline, "thread never remembered"
        await asyncio.sleep(0.02)


async def press(env: Env, message: dict[str, Any], value: str, n: int) -> None:
    """Click the button whose value is ``value`` on ``message`` (a signed block_actions)."""
    blocks = _blocks(message)
    [button] = [
        e for b in blocks if b["type"] == "actions" for e in b["elements"] if e["value"] == value
    ]
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "user": {"id": "U1"},
        "channel": {"id": "C1"},
        "container": {"type": "message", "message_ts": message.get("ts", "1"), "channel_id": "C1"},
        "actions": [{**button, "block_id": "b1", "action_ts": "1.2"}],
        "response_url": env.fake.response_url(n),
        "trigger_id": "t2",
    }
    body = urlencode({"payload": json.dumps(payload)})
    assert (await env.post(body, "application/x-www-form-urlencoded")).status == 200


@pytest.mark.parametrize("articles", [30])
async def test_positions_chooser_and_pages_within_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: int
) -> None:
    fake, slack, asked, briefbot = await _make(
        tmp_path, monkeypatch, "http", long_articles(articles)
    )
    env = Env(fake, slack, asked)
    try:
        await env.command("/positions", "")
        await fake.wait_for(lambda: len(fake.posted) == 1)
        chooser = fake.posted[0]
        values = [
            e["value"] for b in _blocks(chooser) if b["type"] == "actions" for e in b["elements"]
        ]
        assert "pos:RU:1" in values and "pos:UA:1" in values
        await press(env, chooser, "pos:RU:1", 1)
        await fake.wait_for(lambda: len(fake.responses) == 1)
        page = fake.responses[0]
        assert page["replace_original"] is True  # the chooser became Russia's first page
        total = len(briefbot.positions(briefbot.articles(), party="RU"))
        seen = 0
        pages = 0
        while True:
            pages += 1
            texts = [t for t in section_texts(page)]
            assert "Russie (RU)" in texts[0] and "Ukraine (UA)" not in "".join(texts)
            assert sum(len(t) for t in texts) <= 3200  # one readable message
            seen += sum(t.count("\n• ") + t.startswith("• ") for t in texts)
            nexts = [
                e["value"]
                for b in _blocks(page)
                if b["type"] == "actions"
                for e in b["elements"]
                if "›" in e["text"]["text"]
            ]
            if not nexts:
                break
            await press(env, page, nexts[0], pages + 1)
            await fake.wait_for(lambda n=pages: len(fake.responses) == n + 1)
            page = fake.responses[-1]
        assert pages >= 2 and seen == total
        assert fake.rejected == []
    finally:
        await slack.stop()
        await fake.stop()
        briefbot.db.close()


async def test_retried_event_is_handled_once(env: Env) -> None:
    event = {
        "type": "app_mention",
        "user": "U1",
        "channel": "C1",
        "ts": "5.5",
        "text": "<@UBOT> hi",
    }
    assert await env.event(event, "EvDup") == 200
    assert await env.event(event, "EvDup", **{"X-Slack-Retry-Num": "1"}) == 200
    await env.fake.wait_for(lambda: len(env.fake.posted) >= 1)
    await env.command("/status", "")  # processed after the retry: a sequence point
    await env.fake.wait_for(lambda: len(env.fake.responses) >= 1)
    assert len(env.asked) == 1


async def test_http_mode_listens_on_slack_host_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    assert chat_settings(tmp_path).slack_host == "127.0.0.1"  # loopback unless told otherwise
    settings = chat_settings(tmp_path, slack_mode="http", slack_port=0, slack_host="127.0.0.2")
    briefbot = build_bot(settings)
    slack = SlackBot(settings, CommandCore(briefbot))
    await slack.start()
    try:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.2:{slack.port}/slack/events"
            async with session.post(url, data="x") as resp:
                assert resp.status == 401  # reached, and refused: not signed
            with pytest.raises(aiohttp.ClientConnectionError):
                await session.post(f"http://127.0.0.1:{slack.port}/slack/events", data="x")
    finally:
        await slack.stop()
        briefbot.db.close()


async def test_bad_signature_and_stale_timestamp_refused(env: Env) -> None:
    body = urlencode({"command": "/status", "text": "", "channel_id": "C1", "user_id": "U1"})
    headers = {**sign(SECRET, body), "Content-Type": "application/x-www-form-urlencoded"}
    headers["X-Slack-Signature"] = "v0=" + "0" * 64
    stale = {**sign(SECRET, body, int(time.time()) - 600)}
    stale["Content-Type"] = "application/x-www-form-urlencoded"
    async with aiohttp.ClientSession() as session:
        async with session.post(env.url, data=body, headers=headers) as resp:
            assert resp.status == 401
        async with session.post(env.url, data=body, headers=stale) as resp:
            assert resp.status == 401
    assert env.fake.posted == []


async def test_socket_mode_command_and_mention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, slack, asked, briefbot = await _make(tmp_path, monkeypatch, "socket")
    try:
        await fake.socket_send(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": {
                    "command": "/status",
                    "text": "",
                    "channel_id": "C1",
                    "user_id": "U1",
                    "team_id": "T1",
                    "response_url": fake.response_url(),
                },
            }
        )
        await fake.wait_for(lambda: "env-1" in fake.acks and len(fake.responses) == 1)
        assert fake.responses[0]["response_type"] == "ephemeral"
        assert "Articles stockés : 2" in json.dumps(fake.responses[0], ensure_ascii=False)
        event = {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "9.9"}
        await fake.socket_send(
            {
                "envelope_id": "env-2",
                "type": "events_api",
                "payload": {
                    "type": "event_callback",
                    "team_id": "T1",
                    "event_id": "EvS1",
                    "event": {**event, "text": "<@UBOT> et Moscou ?"},
                    "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
                },
            }
        )
        await fake.wait_for(lambda: "env-2" in fake.acks and len(fake.posted) == 1)
        assert fake.posted[0]["thread_ts"] == "9.9"
        assert asked == [("et Moscou ?", "fr", "slack", "C1", None)]
        await fake.socket_send(
            {
                "envelope_id": "env-3",
                "type": "slash_commands",
                "payload": {"command": "/positions", "text": "", "channel_id": "C1",
                            "user_id": "U1", "team_id": "T1", "response_url": fake.response_url(2)},
            }
        )  # fmt: skip
        await fake.wait_for(lambda: len(fake.posted) == 2)
        [button] = [e for b in _blocks(fake.posted[1]) if b["type"] == "actions"
                    for e in b["elements"] if e["value"] == "pos:UA:1"]  # fmt: skip
        payload = {
            "type": "block_actions",
            "user": {"id": "U1"},
            "team": {"id": "T1"},
            "channel": {"id": "C1"},
            "container": {"type": "message", "message_ts": fake.posted[1]["ts"]},
            "actions": [{**button, "block_id": "b", "action_ts": "1"}],
            "response_url": fake.response_url(3),
            "trigger_id": "t",
        }
        await fake.socket_send({"envelope_id": "env-4", "type": "interactive", "payload": payload})
        await fake.wait_for(lambda: "env-4" in fake.acks and len(fake.responses) == 2)
        assert fake.responses[1]["replace_original"] is True
        assert "Ukraine (UA)" in section_texts(fake.responses[1])[0]
    finally:
        await slack.stop()
        await fake.stop()
        briefbot.db.close()
