"""The LLM extractor (map: one call per article, grounded positions) and the engines' factory.

Every evidence and quote the model returns is checked against the article; an ungrounded item
is dropped, logged and counted, and what is stored is the article's own verbatim span.
Any failure raises EngineUnavailable so the service falls back to the offline engine.
"""

from __future__ import annotations

import logging

from bot.domain.models import OTHER_PARTY, TOPICS, Article, Lang, Position
from bot.domain.parties import PartyBook
from bot.llm import accounting
from bot.llm.client import LLMClient
from bot.llm.grounding import safe_text, verbatim_span
from bot.llm.prompts import escape_data, load_prompt
from bot.llm.schemas import ExtractedPosition, Extraction
from bot.textnorm import strip_invisible

log = logging.getLogger(__name__)
MAX_ARTICLE_CHARS = 30_000  # bounds the tokens of one extraction call


def party_list(book: PartyBook) -> str:
    lines = []
    for party in book.parties:
        names = [party.name_fr] + ([party.name_en] if party.name_en != party.name_fr else [])
        lines.append(f"- {party.id}: {' / '.join(names)}")
    lines.append(f"- {OTHER_PARTY}: any speaker for no listed party")
    return "\n".join(lines)


class LLMExtractor:
    """Positions of one article from one structured model call."""

    def __init__(self, llm: LLMClient, book: PartyBook) -> None:
        self.llm = llm
        self.book = book
        self.prompt = load_prompt("extract")
        self.key = f"llm:{llm.model}:{self.prompt.version}"
        self.dropped_total = 0

    def messages(self, article: Article) -> list[dict[str, str]]:
        title = escape_data(escape_data(strip_invisible(article.title), "title"), "article")
        return self.prompt.render(
            parties=party_list(self.book),
            topics=", ".join(TOPICS),
            title=title,
            article=escape_data(strip_invisible(article.text)[:MAX_ARTICLE_CHARS], "article"),
        ).messages()

    def extract(self, article: Article) -> list[Position]:
        result = self.llm.structured("extract", self.messages(article), Extraction)
        positions: list[Position] = []
        dropped = 0
        for n, item in enumerate(result.value.positions):
            position = self._position(item, article, n)
            if position is None:
                dropped += 1
                continue
            positions.append(position)
        if dropped:
            self.dropped_total += dropped
            accounting.note_dropped(self.llm.db, result.call_id, dropped)
            log.warning(
                "dropped %d ungrounded position(s) from the model's extraction of %s",
                dropped,
                article.source,
            )
        return positions

    def party_id(self, raw: str) -> str:
        """A PartyBook id; anything the book does not know becomes OTHER."""
        if raw.strip().upper() == OTHER_PARTY:
            return OTHER_PARTY
        party = self.book.get(raw.strip())
        return party.id if party else OTHER_PARTY

    def _position(self, item: ExtractedPosition, article: Article, n: int) -> Position | None:
        evidence = verbatim_span(item.evidence, article.text)
        if evidence is None:
            log.info("ungrounded evidence dropped: %.80r", item.evidence)
            return None
        quote: str | None = None
        if item.quote.strip():
            quote = verbatim_span(item.quote.strip(' «»"“”'), article.text)
            if quote is None:
                log.info("ungrounded quote dropped: %.80r", item.quote)
                return None
        party_id = self.party_id(item.party_id)
        lang: Lang = "en" if article.lang == "en" else "fr"
        claim = safe_text(item.claim, evidence) or evidence
        return Position(
            party_id=party_id,
            party_name=self.book.name(party_id, lang),
            speaker=safe_text(item.speaker, evidence),
            speaker_role=safe_text(item.role, evidence),
            claim=claim,
            evidence=evidence,
            source=article.source,
            kind="quote" if quote else "reported",
            quote=quote,
            topics=[t for t in dict.fromkeys(item.topics) if t in TOPICS],
            published=article.published,
            article_hash=article.content_hash,
            article_id=article.id,
            lang=lang,
            score=(2.0 if quote else 1.0) - n * 0.01,
        )
