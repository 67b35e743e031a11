"""Feed polling: every ``feed_poll_minutes``, each followed source is fetched conditionally.

Sources are the rows of ``sources``, seeded from ``config/sources.toml`` (``seed_sources``).
Each poll goes through the project's ``Fetcher`` (SSRF-safe, with its own per-host
concurrency limit) with the stored ETag / Last-Modified, so an unchanged feed costs one
``304 Not Modified``. Entries whose link is not yet stored are ingested with
``BriefBot.ingest`` and analysed once (``BriefBot.analyse`` caches per article and engine).
The validators are recorded with ``record_poll`` only after the entries were handled, so a
crash mid-poll re-reads the feed next time rather than skipping its entries.
"""

from __future__ import annotations

import logging
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from bot.ingest.errors import IngestError
from bot.ingest.feeds import parse_feed
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.tables import articles

if TYPE_CHECKING:
    from bot.ingest.fetch import Fetcher
    from bot.service import BriefBot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourcePoll:
    url: str
    status: str  # "not_modified", "polled", "error"
    new_articles: int = 0
    error: str = ""


def load_sources_file(path: Path) -> list[tuple[str, str]]:
    """(url, name) pairs listed in a sources TOML file (missing file: none)."""
    if not path.exists():
        return []
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data.get("sources", []):
        if isinstance(entry, str):
            out.append((entry, ""))
        elif isinstance(entry, dict) and entry.get("url"):
            out.append((str(entry["url"]), str(entry.get("name", ""))))
    return out


def seed_sources(db: Database, path: Path) -> int:
    """Follow every source of the file not yet followed; how many were added."""
    return sum(chat_store.add_source(db, url, name=name) for url, name in load_sources_file(path))


def _known(db: Database, links: list[str]) -> set[str]:
    if not links:
        return set()
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(articles.c.url, articles.c.canonical_url).where(
                sa.or_(articles.c.url.in_(links), articles.c.canonical_url.in_(links))
            )
        ).all()
    return {u for r in rows for u in (r.url, r.canonical_url) if u}


class FeedPoller:
    """Polls every followed source once per call to ``poll``."""

    def __init__(self, bot: BriefBot, fetcher: Fetcher | None = None, *, workers: int = 8) -> None:
        if fetcher is None:
            from bot.ingest.fetch import Fetcher

            fetcher = Fetcher(bot.settings)
        self.bot = bot
        self.fetcher = fetcher
        self.workers = workers

    def poll(self) -> list[SourcePoll]:
        seed_sources(self.bot.db, self.bot.settings.sources_file)
        sources = chat_store.list_sources(self.bot.db)
        if not sources:
            return []
        # the Fetcher caps concurrent requests per host; different hosts proceed in parallel
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="feeds") as pool:
            return list(pool.map(self.poll_source, sources))

    def poll_source(self, source: chat_store.Source) -> SourcePoll:
        try:
            result = self.fetcher.fetch(
                source.url, etag=source.etag, last_modified=source.last_modified
            )
        except Exception as exc:
            log.warning("feed %s: %s", source.url, exc)
            return SourcePoll(source.url, "error", error=str(exc))
        if result.not_modified or result.status == 304:
            chat_store.record_poll(
                self.bot.db,
                source.url,
                etag=result.etag or source.etag,
                last_modified=result.last_modified or source.last_modified,
            )
            return SourcePoll(source.url, "not_modified")
        try:  # the hardened parser: DTD/entity bombs refused, entries capped, bytes only
            feed = parse_feed(result.body, url=result.url)
        except IngestError as exc:
            log.warning("feed %s: %s", source.url, exc.reason)
            return SourcePoll(source.url, "error", error=exc.reason)
        links = list(dict.fromkeys(e.link for e in feed.entries if e.link))
        known = _known(self.bot.db, links)
        fresh = [link for link in links if link not in known]
        added = self._ingest(fresh) if fresh else 0
        chat_store.record_poll(
            self.bot.db, source.url, etag=result.etag, last_modified=result.last_modified
        )
        return SourcePoll(source.url, "polled", added)

    def _ingest(self, links: list[str]) -> int:
        """Ingest new entry links and analyse each new article once."""
        report = self.bot.ingest(links)
        added = 0
        for item in report.items:
            if item.status != "new" or item.article_id is None:
                continue
            found = self.bot.articles(ids=[item.article_id])
            for article in found:
                try:
                    self.bot.analyse(article)
                except Exception as exc:
                    log.warning("analysis of %s failed: %s", article.source, exc)
            added += 1
        return added
