"""Ingest a batch of inputs (paths, page URLs, feed URLs) into the article store.

Every input yields one or more ``IngestItem``; bad input never raises, it becomes an item with
status ``"error"`` and a short reason, and the rest of the batch goes on. A URL is fetched
once and sniffed (Content-Type / root element): RSS, Atom or RDF is a feed, anything else a
page. Each article gets its language, content hash, canonical URL and MinHash, joins a
near-duplicate group through ``NearDupIndex`` and is stored with ``insert_article``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from bot.domain.models import Article
from bot.ingest.dedupe import NearDupIndex, canonical_url, content_hash, minhash
from bot.ingest.errors import IngestError
from bot.ingest.extract import cap_text
from bot.ingest.feeds import MAX_ENTRIES, feed_articles, looks_like_feed
from bot.ingest.fetch import Fetcher
from bot.ingest.files import list_files, load_file
from bot.ingest.lang import detect_lang
from bot.ingest.pages import article_from_response
from bot.settings import Settings
from bot.store.articles import insert_article
from bot.store.db import Database

log = logging.getLogger(__name__)

ItemStatus = Literal["new", "duplicate", "near_duplicate", "error"]
Loaded = tuple[str, Article | IngestError]


@dataclass
class IngestItem:
    input: str
    status: ItemStatus
    article_id: int | None = None
    title: str = ""
    reason: str = ""


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)

    @property
    def ok_count(self) -> int:
        return sum(1 for i in self.items if i.status != "error")

    @property
    def error_count(self) -> int:
        return sum(1 for i in self.items if i.status == "error")

    @property
    def articles(self) -> list[int]:
        """Ids of new or already known articles, in input order, without repeats."""
        ids = (i.article_id for i in self.items if i.status != "error")
        return list(dict.fromkeys(i for i in ids if i is not None))


def is_url(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() in ("http", "https")


def load_path(value: str) -> Iterator[Loaded]:
    """(file, article or error) for a file or every supported file under a folder."""
    path = Path(value).expanduser()
    if not path.exists():
        yield value, IngestError("no such file or folder")
        return
    files = list_files(path)
    if not files:
        yield value, IngestError("no .txt, .md or .html files in the folder")
        return
    for one in files:
        try:
            yield str(one), load_file(one)
        except IngestError as exc:
            yield str(one), exc


def load_url(
    url: str, fetcher: Fetcher, *, max_entries: int = MAX_ENTRIES, fetch_pages: bool = True
) -> Iterator[Loaded]:
    """(source, article or error) for a page URL, or for every entry of a feed URL."""
    try:
        result = fetcher.fetch(url.strip())
        if looks_like_feed(result.content_type, result.body):
            _feed, outcomes = feed_articles(
                result, fetcher, max_entries=max_entries, fetch_pages=fetch_pages
            )
            if not outcomes:
                yield url, IngestError("feed has no entries")
            yield from outcomes
            return
        article = article_from_response(result)
    except IngestError as exc:
        yield url, exc
        return
    yield url, article


def load_input(value: str, fetcher: Fetcher, *, max_entries: int = MAX_ENTRIES) -> Iterator[Loaded]:
    """Articles (or errors) for one input of any kind; never raises for bad input."""
    if is_url(value):
        return load_url(value, fetcher, max_entries=max_entries)
    if "://" in value:
        return iter([(value, IngestError("only http and https URLs are supported"))])
    return load_path(value)


def store_article(db: Database, article: Article, index: NearDupIndex, source: str) -> IngestItem:
    """Fill in language, hash, canonical URL and signature, then store ``article``."""
    if not article.text.strip():
        return IngestItem(source, "error", reason="empty article")
    article.text = cap_text(article.text)  # a hostile 10 MB text stays cheap to process
    article.lang = detect_lang(article.text)
    article.content_hash = content_hash(article.text)
    canon = canonical_url(article.url) if article.url else None
    sig = minhash(article.text)
    group = index.find(sig)
    added = insert_article(db, article, canonical_url=canon, minhash=sig, group_id=group)
    if added.status != "duplicate":
        index.add(added.id, added.group_id, sig)
    return IngestItem(source, added.status, added.id, article.title)


def ingest(
    inputs: list[str],
    db: Database,
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    on_progress: Callable[[IngestItem], None] | None = None,
    max_entries: int = MAX_ENTRIES,
) -> IngestReport:
    """Load, deduplicate and store every input; one report item per article or error."""
    fetcher = fetcher or Fetcher(settings)
    index = NearDupIndex.from_db(db)
    report = IngestReport()

    def emit(item: IngestItem) -> None:
        report.items.append(item)
        if on_progress is not None:
            try:
                on_progress(item)
            except Exception:
                log.exception("progress callback failed")

    for value in inputs:
        try:
            for source, outcome in load_input(value, fetcher, max_entries=max_entries):
                if isinstance(outcome, IngestError):
                    emit(IngestItem(source, "error", reason=f"{outcome.reason}: {source}"))
                    continue
                try:
                    emit(store_article(db, outcome, index, source))
                except Exception as exc:  # a store failure must not stop the batch
                    log.exception("storing %s failed", source)
                    emit(IngestItem(source, "error", reason=f"cannot store ({type(exc).__name__})"))
        except Exception as exc:  # a bug must not stop the batch
            log.exception("ingest failed for %s", value)
            emit(IngestItem(value, "error", reason=f"unexpected error ({type(exc).__name__})"))
    return report
