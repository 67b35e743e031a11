"""RSS/Atom/RDF feeds: bytes from our Fetcher, parsed by feedparser, entries as articles.

feedparser only ever sees a ``BytesIO`` of bytes we fetched (given a str or bytes it would
open a URL or a *file path* itself). Before parsing, XML that declares a DTD or entities is
refused (billion laughs, quadratic blowup, external ``file://``/``http://`` entities): a
pre-scan outside CDATA sections and comments (NUL bytes dropped so UTF-16/32 cannot hide a
declaration), then defusedxml with DTDs, entities and external references forbidden. When
that strict parse succeeds and the feed has more than ``max_entries`` items, the extra items
are dropped from the tree before feedparser sees it, so a 50,000-entry feed stays fast.
Each entry's link is fetched with the Fetcher (SSRF rules apply) and extracted; when that
fails the entry's content/summary is used instead.
"""

from __future__ import annotations

import io
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET
import feedparser
import lxml.html

from bot.domain.models import Article
from bot.ingest.errors import IngestError
from bot.ingest.extract import normalise_newlines
from bot.ingest.fetch import Fetcher, FetchResult
from bot.ingest.pages import article_from_response

MAX_ENTRIES = 200
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.I)
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.S)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_PROLOG_SKIP = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->)", re.S)


@dataclass
class FeedEntry:
    link: str | None
    title: str
    summary: str
    published: datetime | None


@dataclass
class Feed:
    title: str
    entries: list[FeedEntry]


def check_xml_safe(body: bytes) -> None:
    """Refuse XML that declares a DTD or entities (IngestError), before any parser runs."""
    probe = body.replace(b"\x00", b"")
    probe = _COMMENT.sub(b"", _CDATA.sub(b"", probe))
    if _DECL.search(probe):
        raise IngestError("feed declares a DTD or entities (refused)")


def root_name(body: bytes) -> str:
    """Local name of the root element, from the first bytes (after BOM, PIs, comments)."""
    head = body[:4096].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff")
    pos = 0
    while match := _PROLOG_SKIP.match(head, pos):
        pos = match.end()
    root = _ROOT.search(head, pos)
    return root.group(1).decode("ascii", "replace").split(":")[-1].lower() if root else ""


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """True for RSS/Atom/RDF, by Content-Type or by root element."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in FEED_TYPES:
        return True
    return root_name(body) in ("rss", "feed", "rdf")


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _trim(body: bytes, max_entries: int) -> bytes:
    """Drop entries beyond ``max_entries`` (document order) when the XML is well-formed."""
    try:
        root = DET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise IngestError("feed declares a DTD or entities (refused)") from None
    except ET.ParseError:
        return body  # not well-formed: feedparser's lenient parser may still cope
    parents = [c for c in root if _local(c.tag) == "channel"] + [root]
    changed = False
    for parent in parents:
        items = [c for c in parent if _local(c.tag) in ("item", "entry")]
        for extra in items[max_entries:]:
            parent.remove(extra)
            changed = True
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) if changed else body


def html_to_text(value: str) -> str:
    if "<" not in value:
        return value.strip()
    try:
        return str(lxml.html.fromstring(value).text_content()).strip()
    except Exception:  # lxml rejects empty or odd fragments
        return re.sub(r"<[^>]+>", " ", value).strip()


def _when(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6]).replace(tzinfo=UTC) if parsed else None


def parse_feed(body: bytes, *, url: str | None = None, max_entries: int = MAX_ENTRIES) -> Feed:
    """Parse feed bytes (never a URL) into at most ``max_entries`` entries, newest first."""
    check_xml_safe(body)
    body = _trim(body, max_entries)
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise IngestError("feed does not parse")
    entries = list(parsed.entries)
    if entries and all(_when(e) for e in entries):
        entries.sort(key=lambda e: _when(e) or datetime.min.replace(tzinfo=UTC), reverse=True)
    out = []
    for entry in entries[:max_entries]:
        content = entry.get("content") or []
        raw = (content[0].get("value") if content else None) or entry.get("summary") or ""
        out.append(
            FeedEntry(
                link=entry.get("link") or None,
                title=html_to_text(entry.get("title") or ""),
                summary=normalise_newlines(html_to_text(raw)),
                published=_when(entry),
            )
        )
    out = [e for e in out if e.link or e.title or e.summary]  # drop empty shells
    if parsed.get("bozo") and not out:
        raise IngestError("feed does not parse")
    return Feed(title=html_to_text(parsed.feed.get("title") or ""), entries=out)


def entry_article(entry: FeedEntry, feed: Feed, fetcher: Fetcher | None) -> Article:
    """The entry's page, extracted; its content/summary when the page cannot be used."""
    problem = "entry has no link"
    if entry.link and fetcher is not None:
        try:
            article = article_from_response(fetcher.fetch(entry.link))
            article.title = article.title or entry.title
            article.published = article.published or entry.published
            article.source_name = article.source_name or feed.title
            return article
        except IngestError as exc:
            problem = exc.reason
    if not entry.summary.strip():
        raise IngestError(f"entry page failed ({problem}) and the entry has no summary")
    return Article(
        text=entry.summary,
        title=entry.title,
        url=entry.link,
        published=entry.published,
        source_name=feed.title,
    )


EntryOutcome = tuple[str, Article | IngestError]


def feed_articles(
    result: FetchResult,
    fetcher: Fetcher,
    *,
    max_entries: int = MAX_ENTRIES,
    workers: int = 4,
    budget_s: float = 120.0,
    fetch_pages: bool = True,
) -> tuple[Feed, list[EntryOutcome]]:
    """(feed, [(entry link or label, article or error)]) for an already fetched feed.

    Entry pages are fetched in a small thread pool; once ``budget_s`` has passed the
    remaining entries use their summaries without fetching.
    """
    feed = parse_feed(result.body, url=result.url, max_entries=max_entries)
    stop = time.monotonic() + budget_s

    def one(entry: FeedEntry) -> Article | IngestError:
        use = fetcher if fetch_pages and time.monotonic() < stop else None
        try:
            return entry_article(entry, feed, use)
        except IngestError as exc:
            return exc

    work: Callable[[FeedEntry], Article | IngestError] = one
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        outcomes = list(pool.map(work, feed.entries))
    labels = [e.link or f"{result.url} entry {i + 1}" for i, e in enumerate(feed.entries)]
    return feed, list(zip(labels, outcomes, strict=True))


def load_feed(url: str, fetcher: Fetcher, **kwargs: Any) -> tuple[Feed, list[EntryOutcome]]:
    return feed_articles(fetcher.fetch(url), fetcher, **kwargs)
