"""The one place that wires settings, store, party book, engines and services together."""

from __future__ import annotations

import logging

from bot.analysis.compose import OfflineComposer
from bot.analysis.engine import Composer, Extractor
from bot.analysis.offline import OfflineEngine
from bot.analysis.parties import PartyBook
from bot.service import BriefBot
from bot.settings import Settings
from bot.store import Database

log = logging.getLogger(__name__)


def build_bot(settings: Settings | None = None, *, db: Database | None = None) -> BriefBot:
    settings = settings or Settings()
    db = db or Database(settings.db_url)
    book = PartyBook.load(settings.parties_file)
    offline = OfflineEngine(book)
    extractors: list[Extractor] = [offline]
    composers: list[Composer] = [
        OfflineComposer(book, items_per_party=settings.brief_items_per_party)
    ]
    if settings.engine == "llm":
        if settings.llm_enabled:
            from bot.analysis.llm import build_llm_engines

            llm_extractor, llm_composer = build_llm_engines(settings, db, book)
            extractors.insert(0, llm_extractor)
            composers.insert(0, llm_composer)
        else:
            log.warning(
                "engine 'llm' asked for but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set: "
                "using the offline engine"
            )
    return BriefBot(settings, db, book, extractors, composers)
