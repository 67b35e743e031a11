"""A real PTB Application against the fake Bot API on 127.0.0.1: commands, groups, buttons."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.telegram import TelegramBot
from bot.app import build_bot
from bot.commands import CommandCore
from bot.domain.models import Lang
from bot.richtext import Reply, text_reply
from bot.service import BriefBot
from tests.chat.conftest import chat_settings, ingest_articles, write_articles
from tests.fakes.telegram_api import FakeTelegram, check_html


async def wait_until(lookup: Any, timeout: float = 10.0) -> None:
    """Poll an async lookup until it returns something."""
    deadline = asyncio.get_running_loop().time() + timeout
    while await lookup() is None:
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.02)


class Env:
    def __init__(self, fake: FakeTelegram, tg: TelegramBot, asked: list[tuple[Any, ...]]) -> None:
        self.fake, self.tg, self.asked = fake, tg, asked

    async def say(
        self, chat_id: int, text: str, expect: int = 1, **kw: Any
    ) -> list[dict[str, Any]]:
        before = len(self.fake.sent)
        self.fake.push_text(chat_id, text, **kw)
        sent = await self.fake.wait_sent(before + expect)
        return sent[before:]


WORDS = [
    "corridor",
    "maritime",
    "ports",
    "Odessa",
    "Mykolaïv",
    "garanties",
    "sanctions",
    "avoirs",
    "gelés",
    "observateurs",
    "frontière",
    "retrait",
    "troupes",
    "prisonniers",
    "échanges",
    "céréales",
    "énergie",
    "centrales",
    "barrages",
    "inspections",
    "navires",
    "calendrier",
    "sommet",
    "Genève",
    "Istanbul",
    "médiation",
    "trêve",
    "hivernale",
]


def long_articles(count: int) -> dict[str, str]:
    """Articles different enough not to be grouped as near-duplicates, whose quotations share
    no run of seven words (a briefing never shows the same words twice)."""
    articles = {}
    for i in range(count):
        w = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(8)]
        articles[f"long_{i}_fr.txt"] = (
            f"Négociations : {w[0]} et {w[1]}, épisode {i}\n\n"
            f"Le porte-parole du Kremlin, Dmitri Peskov, a déclaré que la Russie « rejette "
            f"toute idée de {w[0]} {w[2]} ({i}) tant que {w[3]} et {w[4]} ({i}) restent sur la "
            f"table à {w[5]} ({i}) ».\n\n"
            f"Le président ukrainien Volodymyr Zelensky a affirmé que « l'Ukraine veut {w[6]} "
            f"({i}) avant {w[7]}, puis {w[1]} ({i}) sous contrôle de {w[2]} et {w[5]} ({i}) ».\n"
        )
    return articles


@pytest.fixture
async def env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> AsyncIterator[Env]:
    fake = FakeTelegram()
    base_url = await fake.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    long = getattr(request, "param", False)
    settings = chat_settings(
        tmp_path,
        telegram_base_url=base_url,
        **({"brief_max_chars": 100_000, "brief_items_per_party": 40} if long else {}),
    )
    briefbot: BriefBot = build_bot(settings)
    articles = long_articles(30) if long else None
    ingest_articles(briefbot, write_articles(tmp_path / "a", *([articles] if articles else [])))
    asked: list[tuple[Any, ...]] = []

    def asker(q: str, lang: Lang, platform: str, chat_id: str, tag: str | None) -> Reply:
        asked.append((q, lang, platform, chat_id, tag))
        return text_reply(f"Réponse <{q}> & co")

    tg = TelegramBot(settings, CommandCore(briefbot, asker=asker))
    await tg.start(poll_timeout=1)
    yield Env(fake, tg, asked)
    await tg.stop()
    await fake.stop()
    briefbot.db.close()


def assert_valid(message: dict[str, Any]) -> None:
    params = message["params"]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    assert check_html(message["text"])[0] is None


async def test_commands_menu_help_status_and_lang(env: Env) -> None:
    assert {"fr", "en", ""} <= set(env.fake.commands)
    assert any(c["command"] == "brief" for c in env.fake.commands["en"])
    [help_msg] = await env.say(1, "/start")
    assert_valid(help_msg)
    assert "/subscribe" in help_msg["text"] and "<b>" in help_msg["text"]
    [status] = await env.say(1, "/status")
    assert "Articles stockés : 2" in status["text"]
    await env.say(1, "/lang en")
    [status] = await env.say(1, "/status")
    assert "Articles stored: 2" in status["text"]
    [sub] = await env.say(1, "/subscribe 25:99")
    assert "Invalid time" in sub["text"]
    [refused] = await env.say(1, "/addsource https://x.example/rss")
    assert "administrators" in refused["text"]
    [added] = await env.say(7, "/addsource https://x.example/rss?a=1&b=2")
    assert_valid(added)
    [listing] = await env.say(7, "/sources")
    assert "https://x.example/rss?a=1&amp;b=2" in listing["text"]
    [unknown] = await env.say(1, "/nope")
    assert "/help" in unknown["text"]


async def test_brief_escapes_html_and_reply_is_a_followup(env: Env) -> None:
    [digest] = await env.say(1, "/brief")
    assert_valid(digest)
    assert "&lt;sur le terrain&gt; &amp; ailleurs" in digest["text"]
    reply_to = {k: v for k, v in digest.items() if k != "params"}
    # the bot stores the digest's tag just after sending it; a reply races that only in tests
    await wait_until(lambda: env.tg.sender.tags.lookup("1", str(digest["message_id"])))
    [answer] = await env.say(1, "Et Kiev ?", reply_to=reply_to)
    assert_valid(answer)
    assert answer["text"] == "Réponse &lt;Et Kiev ?&gt; &amp; co"
    assert env.asked[-1] == ("Et Kiev ?", "fr", "telegram", "1", "digest:1,2")
    assert (1, "typing") in env.fake.chat_actions  # progress shown while the core works


async def test_group_answers_only_mentions_and_replies(env: Env) -> None:
    env.fake.push_text(-100, "just chatting", user_id=5)
    env.fake.push_text(-100, "/brief@SomeOtherBot", user_id=5)
    [answer] = await env.say(-100, "@BriefTestBot que dit Moscou ?", user_id=5)
    assert env.asked == [("que dit Moscou ?", "fr", "telegram", "-100", None)]
    assert answer["params"]["reply_parameters"]["message_id"] == answer["message_id"] - 1
    [help_msg] = await env.say(-100, "/help@BriefTestBot", user_id=5)
    assert "mentionnez-moi" in help_msg["text"]
    assert len(env.fake.messages_to(-100)) == 2


async def test_positions_buttons_and_callback(env: Env) -> None:
    [chooser] = await env.say(1, "/positions")
    keyboard = chooser["reply_markup"]["inline_keyboard"]
    data = [b["callback_data"] for row in keyboard for b in row]
    assert "pos:RU:1" in data and "pos:UA:1" in data
    before = len(env.fake.sent)
    message = {k: v for k, v in chooser.items() if k != "params"}
    env.fake.push_callback(message, "pos:RU:1", user_id=1)
    await env.fake.wait_for(lambda: len(env.fake.edited) == 1)
    [ru] = env.fake.edited  # the chooser became Russia's page: no new message in the chat
    assert_valid(ru)
    assert "Russie (RU)" in ru["text"] and "Ukraine (UA)" not in ru["text"]
    assert ru["message_id"] == chooser["message_id"] and len(env.fake.sent) == before
    back = [
        b["callback_data"] for row in ru["params"]["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert back == ["pos:*"]
    assert env.fake.callback_answers and env.fake.callback_answers[0]["callback_query_id"]
    env.fake.push_callback(message, "pos:XX:1", user_id=1)  # a party no longer configured
    await env.fake.wait_for(lambda: len(env.fake.callback_answers) == 2)
    assert "relancez" in env.fake.callback_answers[1]["text"]
    [one] = await env.say(1, "/positions ukraine")
    assert "Ukraine (UA)" in one["text"] and "reply_markup" in one  # "back to parties"
    env.fake.fail_next("answerCallbackQuery")  # the press cannot be answered: the page still comes
    env.fake.push_callback(message, "pos:UA:1", user_id=1)
    await env.fake.wait_for(lambda: len(env.fake.edited) == 2)
    assert "Ukraine (UA)" in env.fake.edited[1]["text"]


@pytest.mark.parametrize("env", [True], indirect=True)
async def test_long_briefing_is_split_into_several_valid_messages(env: Env) -> None:
    before = len(env.fake.sent)
    env.fake.push_text(1, "/brief")
    count = before + 2
    while not any("<b>Sources</b>" in m["text"] for m in await env.fake.wait_sent(count, 30)):
        count += 1
    with contextlib.suppress(TimeoutError):  # the list of sources may run on in another part
        while True:
            count += 1
            await env.fake.wait_sent(count, timeout=3)
    parts = env.fake.sent[before:]
    assert len(parts) >= 2
    for part in parts:
        assert_valid(part)
        error, visible = check_html(part["text"])
        assert error is None and len(visible) <= 4096
    assert any("Sources" in part["text"] for part in parts)
