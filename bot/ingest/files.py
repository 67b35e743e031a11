"""Local files and folders as articles: .txt, .md, .html, .htm.

Folders are walked recursively in sorted order (hidden entries skipped). Text files keep their
text exactly as written, with only line endings normalised, because positions quote it
verbatim; their title is the first non-empty line when it is short. HTML files go through
trafilatura on the string read here. Binary, empty and unreadable files raise ``IngestError``.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.models import Article
from bot.ingest.errors import IngestError
from bot.ingest.extract import (
    article_from_html,
    decode_bytes,
    html_charset,
    looks_binary,
    normalise_newlines,
)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_FILE_BYTES = 20_000_000
MAX_TITLE_CHARS = 200


def list_files(path: Path) -> list[Path]:
    """``path`` itself, or the supported files under the folder ``path``, sorted."""
    if not path.is_dir():
        return [path]
    found = []
    for child in sorted(path.rglob("*")):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if child.is_file() and child.suffix.lower() in SUFFIXES:
            found.append(child)
    return found


def _title_from_text(text: str, markdown: bool) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if markdown:
            line = line.lstrip("#").strip()
        return line if len(line) <= MAX_TITLE_CHARS else ""
    return ""


def read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise IngestError("no such file")
        if not path.is_file():
            raise IngestError("not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise IngestError(f"file larger than {MAX_FILE_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except PermissionError:
        raise IngestError("permission denied") from None
    except OSError as exc:
        raise IngestError(f"cannot read file ({exc.strerror or type(exc).__name__})") from None


def load_file(path: str | Path) -> Article:
    """One local file as an Article; IngestError with a short reason when it cannot be."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    data = read_bytes(path)
    if suffix not in SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(none)'}")
    if looks_binary(data):
        raise IngestError("binary file")
    if suffix in HTML_SUFFIXES:
        html = decode_bytes(data, html_charset(data))
        if not html.strip():
            raise IngestError("empty article")
        article = article_from_html(html, path=str(path.resolve()))
    else:
        text = normalise_newlines(decode_bytes(data))
        if not text.strip():
            raise IngestError("empty article")
        article = Article(
            text=text, title=_title_from_text(text, suffix == ".md"), path=str(path.resolve())
        )
    if not article.text.strip():
        raise IngestError("empty article")
    return article
