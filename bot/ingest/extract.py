"""Turning bytes into text: charset decoding, binary sniffing and HTML article extraction.

HTML is handed to trafilatura as a string we already hold; trafilatura never fetches
anything itself. Shared by ``files`` (local .html) and ``pages``/``feeds`` (fetched pages).
"""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime

from bot.domain.models import Article
from bot.ingest.errors import IngestError

_CONTROL = frozenset(set(range(32)) - {9, 10, 11, 12, 13, 27})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.I)
MIN_HTML_CHARS = 40  # less than this from a page is navigation debris, not an article
# Hostile-size guards: trafilatura is superlinear on huge pages (10 MB of one line takes
# minutes; libxml2's ``//p//text()`` is quadratic in paragraphs) and costs ~0.07 ms per element,
# and hashing/shingling a 10 MB text costs >100 MB, while a real article page is far under
# every cap. Scripts, styles and comments are dropped before a page over a cap is cut.
MAX_HTML_CHARS = 1_500_000
MAX_HTML_TAGS = 20_000
MAX_TEXT_CHARS = 200_000
_NOISE_OPEN = re.compile(r"<!--|<(script|style|svg|noscript)\b", re.I)
_TAG_OPEN = re.compile(r"<[a-zA-Z]")
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


def strip_noise(html: str) -> str:
    """``html`` without comments, scripts, styles, svg and noscript, in linear time.

    One left-to-right scan: each opener is searched for once and its closer once, from where
    the scan stands; an opener that is never closed drops the rest of the page (a browser
    would not show it either), so unclosed ``<!--`` or ``<script`` cannot make it quadratic.
    """
    out: list[str] = []
    pos = 0
    lower: str | None = None  # lowercased copy, made only when a closing tag is looked for
    while match := _NOISE_OPEN.search(html, pos):
        out.append(html[pos : match.start()])
        out.append(" ")
        if match.group(1) is None:
            end = html.find("-->", match.end())
            pos = len(html) if end < 0 else end + 3
            continue
        if lower is None:
            lower = html.lower()
        end = lower.find("</" + match.group(1).lower(), match.end())
        close = -1 if end < 0 else lower.find(">", end)
        pos = len(html) if close < 0 else close + 1
    out.append(html[pos:])
    return "".join(out)


def _nth_tag(html: str, n: int) -> int:
    """Where the ``n``-th opening tag (from 0) of ``html`` starts; -1 when it has fewer."""
    for i, match in enumerate(_TAG_OPEN.finditer(html)):
        if i == n:
            return match.start()
    return -1


def cap_html(html: str, limit: int = MAX_HTML_CHARS, tags: int = MAX_HTML_TAGS) -> str:
    """``html`` as is when under both caps; else without scripts, styles and comments, cut to
    ``limit`` characters and before its ``tags``-th opening tag."""
    if len(html) <= limit and _nth_tag(html, tags) < 0:
        return html
    html = strip_noise(html)[:limit]
    cut = _nth_tag(html, tags)
    return html if cut < 0 else html[:cut]


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def article_from_html(
    html: str,
    *,
    url: str | None = None,
    path: str | None = None,
    budget: float | None = None,
) -> Article:
    """Main text, title, date and site name of an HTML page; IngestError when none.

    With a ``budget`` (seconds) the extraction runs in a child process killed when the budget
    is spent (``bot.ingest.sandbox``), so no page can hold the batch; without one it runs here.
    """
    if budget is None:
        return extract_article(html, url=url, path=path)
    from bot.ingest.sandbox import extract_with_timeout

    return extract_with_timeout(cap_html(html), url=url, path=path, timeout=budget)


def extract_article(html: str, *, url: str | None = None, path: str | None = None) -> Article:
    """The in-process extraction behind ``article_from_html`` (no time bound of its own)."""
    import trafilatura  # ~0.12 s to import: only paid when a page is extracted, not for text files

    from bot.ingest import justext_linear

    justext_linear.install()

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
