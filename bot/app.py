"""The one place that wires settings, store, party book, engines and services together."""

from __future__ import annotations

import logging

from bot.brief.compose import OfflineComposer
from bot.domain.engine import Composer, Extractor
from bot.domain.models import Briefing
from bot.domain.parties import PartyBook
from bot.extract.rules.offline import OfflineEngine
from bot.service import BriefBot
from bot.settings import Settings
from bot.store import Database

log = logging.getLogger(__name__)


def briefing_length(briefing: Briefing) -> int:
    """Characters of a briefing as sent or printed (its plain-text rendering and the final
    line break): the composers' budget."""
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    return len(render_text(briefing_reply(briefing))) + 1


def build_bot(settings: Settings | None = None, *, db: Database | None = None) -> BriefBot:
    settings = settings or Settings()
    db = db or Database(settings.db_url)
    book = PartyBook.load(settings.parties_file)
    offline = OfflineEngine(book)
    extractors: list[Extractor] = [offline]
    composers: list[Composer] = [
        OfflineComposer(
            book, items_per_party=settings.brief_items_per_party, measure=briefing_length
        )
    ]
    if settings.engine == "llm":
        if settings.llm_enabled:
            from bot.brief.llm_compose import LLMComposer
            from bot.extract.llm import LLMExtractor
            from bot.llm.client import LLMClient

            llm = LLMClient(settings, db)  # one client: extraction and briefings share its budget
            extractors.insert(0, LLMExtractor(llm, book))
            composers.insert(0, LLMComposer(llm, book, measure=briefing_length))
        else:
            log.warning(
                "engine 'llm' asked for but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set: "
                "using the offline engine"
            )
    return BriefBot(settings, db, book, extractors, composers)
