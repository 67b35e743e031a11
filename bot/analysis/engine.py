"""The one protocol both analysis engines (offline rules, LLM) implement."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.models import Article, Briefing, Lang, Position


class Extractor(Protocol):
    """Turns one article into positions. ``key`` names the engine and its version for caching."""

    @property
    def key(self) -> str: ...

    def extract(self, article: Article) -> list[Position]: ...


class Composer(Protocol):
    """Writes a briefing in ``lang`` from stored positions (never from whole articles)."""

    @property
    def key(self) -> str: ...

    def compose(
        self,
        positions: list[Position],
        lang: Lang,
        *,
        since: datetime | None = None,
        max_chars: int | None = None,
    ) -> Briefing: ...


class EngineUnavailable(Exception):
    """An engine could not do this piece of work (timeout, outage, budget, bad output).

    The caller falls back to the next engine; ``reason`` goes to the log.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
