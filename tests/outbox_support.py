"""Helpers for the schedule/outbox tests and the fan-out benchmark.

* ``PtbTelegramSender``: the Telegram adapter's ``TelegramSender`` over the real PTB bot
  (``base_url`` pointing at the fake Telegram server) with a fresh pacer.
* ``make_bot``: a ``BriefBot`` with a tiny line-based extractor and composer, so digest tests
  do not depend on the NLP engine. An article line ``RU|territory|Moscow rejects the plan``
  is one position of party RU on topic territory.
* ``run_server_thread``: a ``FakeTelegram`` served from a background thread, for tests that
  send from a child process.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from bot.adapters.telegram_pace import paced_bot
from bot.adapters.telegram_send import TelegramSender
from bot.domain.models import Article, Briefing, BriefingItem, Lang, PartySection, Position
from bot.domain.parties import PartyBook
from bot.richtext import Reply
from bot.schedule.pacer import new_pacer
from bot.settings import Settings
from bot.store import Database
from bot.store import articles as article_store
from bot.store.meta import utcnow
from tests.fakes.telegram_api import FakeTelegram, RateLimits

if TYPE_CHECKING:
    from bot.service import BriefBot

TOKEN = "123456:TEST-token"


class PtbTelegramSender(TelegramSender):
    """The Telegram adapter's sender over the real PTB bot, with a pacer of its own."""

    def __init__(
        self, base_url: str, *, pool: int = 16, db: Database | None = None, rate: float = 29.0
    ) -> None:
        pacer = new_pacer("telegram", TOKEN, db, rate=rate)
        super().__init__(paced_bot(TOKEN, base_url, db, pool=pool, pacer=pacer))

    async def close(self) -> None:
        await self.bot.shutdown()


@dataclass
class LineExtractor:
    key: str = "lines-v1"

    def extract(self, article: Article) -> list[Position]:
        out = []
        for line in article.text.splitlines():
            if line.count("|") != 2:
                continue
            party, topic, claim = (x.strip() for x in line.split("|"))
            out.append(
                Position(
                    party,
                    party,
                    "",
                    "",
                    claim,
                    claim,
                    article.source,
                    topics=[topic],
                    lang=article.lang,
                )
            )
        return out


@dataclass
class ListComposer:
    key: str = "list-v1"
    calls: int = 0

    def compose(
        self,
        positions: list[Position],
        lang: Lang,
        *,
        since: datetime | None = None,
        max_chars: int | None = None,
    ) -> Briefing:
        self.calls += 1
        sections: dict[str, PartySection] = {}
        sources: list[str] = []
        for p in positions:
            if p.source not in sources:
                sources.append(p.source)
            sec = sections.setdefault(p.party_id, PartySection(p.party_id, p.party_name, []))
            sec.items.append(BriefingItem("", "", p.claim, "", lang, sources.index(p.source) + 1))
        headline = "Briefing" if lang == "en" else "Briefing du jour"
        return Briefing(lang, headline, list(sections.values()), [], sources)


def make_bot(db: Database, settings: Settings) -> BriefBot:
    from bot.service import BriefBot

    return BriefBot(settings, db, cast(PartyBook, None), [LineExtractor()], [ListComposer()])


def add_article(
    db: Database, text: str, *, published: datetime | None = None, url: str | None = None
) -> int:
    import hashlib

    digest = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        text=text,
        title=text[:20],
        url=url or f"https://news.example/{digest[:8]}",
        published=published or utcnow(),
        content_hash=digest,
        lang="en",
    )
    return article_store.insert_article(
        db, article, canonical_url=None, minhash=None, group_id=None
    ).id


@contextmanager
def run_server_thread(fake: FakeTelegram) -> Iterator[tuple[str, asyncio.AbstractEventLoop]]:
    """Serve ``fake`` from a background event loop; yields (base_url, loop)."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    box: dict[str, Any] = {}

    def main() -> None:
        asyncio.set_event_loop(loop)
        box["url"] = loop.run_until_complete(fake.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield box["url"], loop
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


__all__ = ["TOKEN", "FakeTelegram", "PtbTelegramSender", "RateLimits", "add_article", "make_bot"]


def queue_digests(
    db: Database, chat_ids: list[int], *, key: str = "d1", text: str = "Digest"
) -> None:
    """One stored digest and one pending outbox row per chat (as the digest job would)."""
    from bot.schedule.content import store_digest
    from bot.schedule.outbox import enqueue

    reply = Reply().add(text)
    now = utcnow()
    with db.engine.begin() as conn:
        store_digest(conn, "content-1", lang="en", reply=reply, article_ids=[])
        for chat in chat_ids:
            enqueue(
                conn,
                platform="telegram",
                chat_id=str(chat),
                digest_key=key,
                content_key="content-1",
                now=now,
            )
