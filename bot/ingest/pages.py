"""A web page URL as an Article: fetched by our Fetcher, main text extracted by trafilatura."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.domain.models import Article
from bot.ingest.errors import IngestError
from bot.ingest.extract import article_from_html, decode_bytes, html_charset, looks_binary
from bot.ingest.fetch import Fetcher, FetchResult

_NOT_HTML = ("image/", "audio/", "video/", "application/pdf", "application/zip", "font/")


def article_from_response(result: FetchResult) -> Article:
    """The article in an already fetched page; IngestError when there is none."""
    ctype = result.content_type.lower()
    if ctype.startswith(_NOT_HTML) or looks_binary(result.body):
        raise IngestError(f"not a web page ({ctype.split(';')[0] or 'binary content'})")
    html = decode_bytes(result.body, html_charset(result.body, result.content_type))
    if not html.strip():
        raise IngestError("empty page")
    article = article_from_html(html, url=result.url)
    article.url = result.url
    if not article.source_name:
        article.source_name = (urlsplit(result.url).hostname or "").removeprefix("www.")
    return article


def load_page(url: str, fetcher: Fetcher) -> Article:
    """Fetch ``url`` and extract its main text (url = the final URL after redirects)."""
    return article_from_response(fetcher.fetch(url))
