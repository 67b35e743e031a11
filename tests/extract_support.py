"""Helpers for the offline-extraction tests: one engine per test session, positions by text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.extract.rules.offline import OfflineEngine
from bot.textnorm import fold

PROJECT = Path(__file__).resolve().parent.parent
PARTIES = PROJECT / "bot" / "config" / "parties.toml"
CORPUS = PROJECT.parent / "shared" / "corpus"


@lru_cache(maxsize=1)
def engine() -> OfflineEngine:
    return OfflineEngine(PartyBook.load(PARTIES))


def extract(text: str, lang: str = "fr") -> list[Position]:
    return engine().extract(Article(text=text, lang=lang, path="test.txt", content_hash="h"))


def about(positions: list[Position], words: str) -> list[Position]:
    """Positions whose evidence holds ``words``."""
    return [p for p in positions if fold(words) in fold(p.evidence)]


def one(positions: list[Position], words: str) -> Position:
    found = about(positions, words)
    assert len(found) == 1, f"expected one position about {words!r}, got {found}"
    return found[0]
