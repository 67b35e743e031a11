"""The protocols both engines (offline rules, LLM) implement: extraction and composition."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain.models import Article, Briefing, Lang, Position


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
