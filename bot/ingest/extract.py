"""Turning bytes into text: charset decoding, binary sniffing and HTML article extraction.

HTML is handed to trafilatura as a string we already hold; trafilatura never fetches
anything itself. Shared by ``files`` (local .html) and ``pages``/``feeds`` (fetched pages).
"""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime

import trafilatura

from bot.domain.models import Article
from bot.ingest.errors import IngestError

_CONTROL = frozenset(set(range(32)) - {9, 10, 11, 12, 13, 27})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.I)
MIN_HTML_CHARS = 40  # less than this from a page is navigation debris, not an article
# Hostile-size guards: trafilatura is superlinear on huge pages (10 MB of one line takes
# minutes) and hashing/shingling a 10 MB text costs >100 MB, while a real article is far
# smaller than either cap. Scripts and styles are dropped before the HTML cap is applied.
MAX_HTML_CHARS = 1_500_000
MAX_TEXT_CHARS = 200_000
_NOISE = re.compile(r"<(script|style|svg|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 5 % control characters in the first 8 KB."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc == "utf-16"):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: BOM, then the declared charset, then UTF-8, cp1252, latin-1."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    tries = [c for c in (_codec(declared), "utf-8", "cp1252") if c]
    for enc in dict.fromkeys(tries):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def html_charset(data: bytes, content_type: str = "") -> str | None:
    """Charset from a Content-Type header, else from a <meta> tag in the first 4 KB."""
    match = _CT_CHARSET.search(content_type or "")
    if match:
        return match.group(1)
    meta = _META_CHARSET.search(data[:4096])
    return meta.group(1).decode("ascii", "replace") if meta else None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cap_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph, line or word end."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for mark in ("\n\n", "\n", " "):
        cut = head.rfind(mark)
        if cut >= limit // 2:
            return head[:cut].rstrip()
    return head


def cap_html(html: str, limit: int = MAX_HTML_CHARS) -> str:
    """``html`` without scripts, styles and comments, then cut to ``limit`` characters."""
    if len(html) <= limit:
        return html
    return _NOISE.sub(" ", html)[:limit]


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def article_from_html(html: str, *, url: str | None = None, path: str | None = None) -> Article:
    """Main text, title, date and site name of an HTML page; IngestError when none."""
    doc: object = None
    text: str | None = None
    html = cap_html(html)
    for recall in (False, True):
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                favor_recall=recall,
                include_comments=False,
                include_tables=True,
            )
        except Exception:  # trafilatura raises assorted errors on broken markup
            doc = None
        text = getattr(doc, "text", None) if doc is not None else None
        if text and len(text.strip()) >= MIN_HTML_CHARS:
            break
    else:
        raise IngestError("no article text found on the page")
    return Article(
        text=cap_text(normalise_newlines(text).strip()),
        title=(getattr(doc, "title", None) or "").strip(),
        url=url,
        path=path,
        published=parse_date(getattr(doc, "date", None)),
        source_name=(getattr(doc, "sitename", None) or "").strip(),
    )
