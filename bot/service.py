"""The platform-neutral core operations: ingest, analyse (cached), positions, briefings, status.

Engines are tried in order (LLM first when configured, the offline engine last); a failure of
one falls back to the next for that piece of work only. Each article is analysed once per
engine version, and each briefing is composed once per language and set of articles.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot import metrics
from bot.brief.sources import article_title
from bot.domain.engine import Composer, Extractor
from bot.domain.errors import EngineUnavailable
from bot.domain.models import OTHER_PARTY, Article, Briefing, Lang, Position, briefing_from_json
from bot.domain.models import briefing_to_json as _to_json
from bot.domain.parties import PartyBook
from bot.ingest.pipeline import IngestItem, IngestReport, ingest
from bot.settings import Settings
from bot.store import Database
from bot.store import articles as store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Status:
    articles: int
    last_ingest: datetime | None
    engine: str


class BriefBot:
    """Everything the CLI, the chat front-ends and the scheduler ask of the bot."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        book: PartyBook,
        extractors: Sequence[Extractor],
        composers: Sequence[Composer],
    ) -> None:
        if not extractors or not composers:
            raise ValueError("at least one extractor and one composer are needed")
        self.settings = settings
        self.db = db
        self.book = book
        self.extractors = list(extractors)
        self.composers = list(composers)

    # ingest -----------------------------------------------------------------
    def ingest(
        self, inputs: list[str], on_progress: Callable[[IngestItem], None] | None = None
    ) -> IngestReport:
        report = ingest(inputs, self.db, self.settings, on_progress=on_progress)
        metrics.ingested(*(item.status for item in report.items))
        # Index the new articles for questions now rather than on the first question after
        # the ingest (which then paid for it). Best effort: the articles are stored, and the
        # Q&A still indexes whatever is missing when asked (bot.qa.retrieve).
        if report.articles:
            from bot.qa import index as qa_index  # not at import: the Q&A package loads a stemmer

            try:
                qa_index.ensure_indexed(self.db, self.articles(ids=report.articles))
            except Exception:
                log.warning("indexing new articles for questions failed", exc_info=True)
        return report

    # analysis ---------------------------------------------------------------
    def analyse(self, article: Article) -> list[Position]:
        """The article's positions from the first engine that can give them (cached)."""
        return self._analyse(article)[0]

    def _analyse(self, article: Article) -> tuple[list[Position], bool]:
        """(positions, True when they come from a fallback engine, not the first one)."""
        for n, extractor in enumerate(self.extractors):
            cached = store.get_analysis(self.db, article.content_hash, extractor.key)
            if cached is not None:
                return self._stamp(cached, article), n > 0
            try:
                positions = extractor.extract(article)
            except EngineUnavailable as exc:
                # the LLM client logs one warning per outage; one per article would flood
                log.info("%s failed on %s, falling back: %s", extractor.key, article.source, exc)
                metrics.fallback("extract")
                continue
            store.put_analysis(self.db, article.content_hash, extractor.key, positions)
            return self._stamp(positions, article), n > 0
        raise RuntimeError("no engine could analyse the article")

    @staticmethod
    def _stamp(positions: list[Position], article: Article) -> list[Position]:
        title = article_title(article)
        for p in positions:
            p.article_id = article.id
            p.source = article.source
            p.published = p.published or article.published
            p.title = title
            p.ingested = article.ingested
        return positions

    def articles(
        self, *, ids: list[int] | None = None, since: datetime | None = None
    ) -> list[Article]:
        return store.list_articles(self.db, ids=ids, since=since)

    def positions(
        self,
        articles: list[Article],
        *,
        party: str | None = None,
        all_speakers: bool = False,
    ) -> list[Position]:
        return self._positions(articles, party=party, all_speakers=all_speakers)[0]

    def _positions(
        self, articles: list[Article], *, party: str | None = None, all_speakers: bool = False
    ) -> tuple[list[Position], bool]:
        """(positions, True when some article fell back to a later engine)."""
        out: list[Position] = []
        fell_back = False
        # the first engine's cached analyses in one read; the others as ``analyse`` finds them
        first = self.extractors[0].key if self.extractors else ""
        cached = store.get_analyses(self.db, (a.content_hash for a in articles), first)
        for article in articles:
            stored = cached.get(article.content_hash)
            if stored is not None:
                found = self._stamp([Position.from_json(p) for p in stored], article)
                fallback = False
            else:
                found, fallback = self._analyse(article)
            fell_back = fell_back or fallback
            for p in found:
                if p.party_id == OTHER_PARTY and not all_speakers:
                    continue
                if party and p.party_id != party:
                    continue
                out.append(p)
        return out, fell_back

    # briefings --------------------------------------------------------------
    def briefing(
        self, articles: list[Article], lang: Lang, *, max_chars: int | None = None
    ) -> Briefing:
        """The briefing of ``articles`` in ``lang``, composed once and then read from the store.

        A briefing built while the first extractor failed for some articles is stored with its
        ``fallback`` flag and rebuilt when asked again after ``llm_breaker_cooldown`` seconds (the
        model may be back: ``analyse`` tries it again for those articles).
        """
        digest = hashlib.sha256(
            "\n".join(sorted(a.content_hash for a in articles)).encode()
        ).hexdigest()[:24]
        analysis = "+".join(e.key for e in self.extractors)
        positions: list[Position] | None = None  # read only when a briefing must be composed
        fell_back = False
        for composer in self.composers:
            key = f"{lang}:{composer.key}:{analysis}:{max_chars or 0}:{digest}"
            stored = store.get_briefing(self.db, key)
            if stored is not None and not (stored.fallback and self._rebuild_due(stored)):
                return briefing_from_json(stored.body)
            if positions is None:
                positions, fell_back = self._positions(articles)
            try:
                briefing = composer.compose(positions, lang, max_chars=max_chars)
            except EngineUnavailable as exc:
                log.info("%s could not write the briefing, falling back: %s", composer.key, exc)
                metrics.fallback("brief")
                continue
            store.put_briefing_body(
                self.db,
                key,
                lang=lang,
                engine=composer.key,
                body=_to_json(briefing),
                fallback=fell_back,
            )
            return briefing
        raise RuntimeError("no engine could write the briefing")

    def _rebuild_due(self, stored: store.StoredBriefing) -> bool:
        """A fallback briefing is rebuilt at most once per breaker cool-down."""
        age = (datetime.now(UTC) - stored.created_at).total_seconds()
        return age >= self.settings.llm_breaker_cooldown

    # status -----------------------------------------------------------------
    def status(self) -> Status:
        count, last = store.count_articles(self.db)
        return Status(count, last, self.extractors[0].key)
