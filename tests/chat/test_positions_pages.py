"""/positions in chat: one party at a time, pages that fit one message, the reader's language."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from bot.adapters.slack import CAPABILITIES as SLACK
from bot.adapters.telegram import CAPABILITIES as TELEGRAM
from bot.app import build_bot
from bot.commands import CommandCore
from bot.commands.types import Capabilities
from bot.render.chat_positions import paginate, source_label
from bot.render.slack import render_slack
from bot.render.telegram import render_telegram
from bot.richtext import Block, Span
from bot.service import BriefBot
from tests.chat.conftest import ARTICLES, chat_settings, ingest_articles, msg, write_articles
from tests.chat.test_telegram_e2e import long_articles


@pytest.fixture
def many(tmp_path: Path) -> Iterator[BriefBot]:
    bot = build_bot(chat_settings(tmp_path))
    ingest_articles(bot, write_articles(tmp_path / "a", {**ARTICLES, **long_articles(30)}))
    yield bot
    bot.db.close()


def bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("• ")]


async def test_pages_of_one_party_fit_one_message_and_cover_it_once(many: BriefBot) -> None:
    core = CommandCore(many)
    core.declare("telegram", TELEGRAM)
    core.declare("slack", SLACK)
    expected = len(many.positions(many.articles(), party="RU"))
    for platform, caps in (("telegram", TELEGRAM), ("slack", SLACK)):
        seen: list[str] = []
        data: str | None = "pos:RU:1"
        pages = 0
        while data:
            [page] = await core.handle(msg("", platform=platform, callback=data))
            pages += 1
            assert "Russie (RU)" in page.plain and f"page {pages}/" in page.plain
            assert len(page.plain) <= caps.page_chars
            if platform == "telegram":
                assert len(render_telegram(page)) == 1
            else:
                [message] = render_slack(page)
                assert len(message["blocks"]) <= 50
            seen += bullets(page.plain)
            data = next((b.data for b in page.buttons if "›" in b.label), None)
        assert pages >= 2 and len(seen) == expected and len(set(seen)) == len(seen)


async def test_without_buttons_pages_are_reached_by_number(many: BriefBot) -> None:
    core = CommandCore(many)
    core.declare("telegram", Capabilities(page_chars=2000))  # a chat without buttons
    [listing] = await core.handle(msg("/positions", platform="telegram"))
    assert "Russie (RU)" in listing.plain and "/positions russie" in listing.plain
    count = len(many.positions(many.articles(), party="RU"))
    assert f"• Russie (RU) — {count}" in listing.plain and "rejette" not in listing.plain
    assert len(listing.plain) < 400  # a list of parties, not a wall of positions
    [first] = await core.handle(msg("/positions russie", platform="telegram"))
    assert "/positions ru 2" in first.plain
    [second] = await core.handle(msg("/positions RU 2", platform="telegram"))
    assert "page 2/" in second.plain and bullets(second.plain) != bullets(first.plain)
    # the terminal has no limit: every party at once
    [everything] = await core.handle(msg("/positions", platform="console", chat_id="local"))
    assert "Russie (RU)" in everything.plain and "Ukraine (UA)" in everything.plain


async def test_english_chat_says_what_is_french(briefbot: BriefBot) -> None:
    core = CommandCore(briefbot)
    await core.handle(msg("/lang en"))
    [ru] = await core.handle(msg("/positions russia"))
    french = [b for b in bullets(ru.plain) if "rejette" in b]
    english = [b for b in bullets(ru.plain) if "rejects any deal" in b]
    assert french and all("(in French)" in b for b in french)
    # named as in the English briefing: the gazetteer's English name and role
    assert all("Dmitry Peskov (Kremlin spokesman)" in b for b in french)
    assert english and not any("(in French)" in b for b in english)
    [fr_chat] = await core.handle(msg("/positions russie", chat_id="2"))
    assert "(en anglais)" in fr_chat.plain and "(in French)" not in fr_chat.plain


async def test_a_claim_said_word_for_word_is_shown_once_in_bold(briefbot: BriefBot) -> None:
    core = CommandCore(briefbot)
    core.declare("telegram", TELEGRAM)
    [page] = await core.handle(msg("/positions russie"))
    [html] = render_telegram(page)
    shown = 0
    for p in briefbot.positions(briefbot.articles(), party="RU"):
        claim, evidence = " ".join(p.claim.split()), " ".join(p.evidence.split())
        at = evidence.lower().find(claim.lower())
        if claim and claim != evidence and at >= 0:
            said = evidence[at : at + len(claim)]  # as the article writes it
            assert page.plain.lower().count(claim.lower()) == 1  # not repeated before it
            assert f"<b>{escape(said, quote=False)}</b>" in html
            shown += 1
    assert shown >= 1


def test_paginate_and_source_label() -> None:
    blocks = [Block([Span("x" * 40)], kind="item") for _ in range(10)]
    pages = paginate(blocks, 100)
    assert [len(p) for p in pages] == [2, 2, 2, 2, 2]
    assert paginate(blocks, 0) == [blocks]
    assert paginate([Block([Span("y" * 500)])], 100)[0][0].plain == "y" * 500
    assert source_label("/home/me/articles/kyiv_en.txt") == ("kyiv_en.txt", None)
    assert source_label("https://x.example/a") == ("https://x.example/a", "https://x.example/a")
