"""What a reader sees of a source and of the briefing's period: a clean article title, a link or
a file name (never an absolute path), and the dates the articles cover."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePath

from bot.brief.vocab import month
from bot.domain.models import Article, Lang, Position

_CRUMBS = re.compile(r"\s+(?:[>»›|/•·]|::|-{1,2}|–|—)\s+")
_DEBRIS = re.compile(r"^[\W\d_]*$")
_TITLE_MAX = 140


_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_DATE_LINE = re.compile(
    rf"^(?:\w+\s+){{0,3}}\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}\b.{{0,20}}$"
    rf"|^(?:\w+\s+){{0,2}}(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b.{{0,20}}$",
    re.IGNORECASE,
)


# a page's publication line or byline: "Publié le 11/02/2028 à 07:58, mis à jour …", "Updated
# 9:14 AM", "Par Le Quotidien", "By Jane Doe"
_PUBLISHED = re.compile(r"(?:publié|mis\s+à\s+jour|published|updated|par|by)\b", re.IGNORECASE)


def clean_title(title: str) -> str:
    """A page title without debris: markup leftovers, navigation crumbs, site suffixes."""
    title = " ".join((title or "").split())
    title = re.sub(r"^[^\w«“‘\"'(]+|[^\w»”’\"'.!?)]+$", "", title)  # not a closing quote
    parts = [p for p in _crumbs(title) if not _DEBRIS.match(p)]
    if not parts:
        return ""
    best = max(parts, key=lambda p: len(p.split()))  # the headline, not "Accueil" or the site
    if len(best.split()) < 3 or len(best) > _TITLE_MAX:
        return ""
    return best


def _crumbs(title: str) -> list[str]:
    """The title split at navigation separators; a » that closes a « is no separator
    ("adopte le « prêt de réparation » malgré …")."""
    parts, start = [], 0
    for m in _CRUMBS.finditer(title):
        before = title[start : m.start()]
        if "»" in m.group(0) and before.count("«") > before.count("»"):
            continue
        parts.append(before)
        start = m.end()
    return [*parts, title[start:]]


def article_title(article: Article) -> str:
    """The article's clean title, else its first short line that reads as a headline."""
    title = clean_title(article.title)
    if title:
        return title
    for line in article.text.splitlines()[:8]:
        line = clean_title(line)
        if _DATE_LINE.search(line) or _PUBLISHED.match(line):
            continue  # "Jeudi 4 décembre 2026", "Published 3 April 2026", "Par X": not the title
        if line and not line.endswith((".", ":", ",")) and len(line.split()) <= 20:
            return line
    return ""


def source_label(source: str) -> tuple[str, str | None]:
    """(text, link) of a source: URLs link to themselves, local files show their file name."""
    if source.startswith(("http://", "https://")):
        return source, source
    if source.startswith("article:"):
        return source, None
    return PurePath(source).name or source, None


def position_day(p: Position) -> date | None:
    when = p.published or p.ingested
    return when.date() if isinstance(when, datetime) else None


def period(days: list[date], lang: Lang) -> str:
    """'4-5 March 2022', '28 février - 2 mars 2022', or one day, as the headline writes it."""
    first, last = min(days), max(days)

    def day(d: date, with_month: bool = True, with_year: bool = True) -> str:
        out = str(d.day) if not with_month else f"{d.day} {month(d.month, lang)}"
        return f"{out} {d.year}" if with_year else out

    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{day(last)}"
    if first.year == last.year:
        return f"{day(first, with_year=False)} - {day(last)}"
    return f"{day(first)} - {day(last)}"
