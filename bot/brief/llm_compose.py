"""The LLM composer (reduce): one call per (language, set of articles), written from stored
positions and their evidence, parsed into a Briefing whose every quote is verbatim evidence.

Sources are numbered by us; the model cites positions by id and never chooses a number or a
link. Claims and headline are plain data with links and mentions removed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.brief.clauses import shorten_prose
from bot.brief.compose import CLAIM_MAX, Measure, briefing_date, usable
from bot.brief.people import People
from bot.domain.i18n import t
from bot.domain.models import (
    Briefing,
    BriefingItem,
    Dispute,
    Lang,
    PartySection,
    Position,
)
from bot.domain.parties import PartyBook
from bot.llm import accounting
from bot.llm.client import LLMClient
from bot.llm.grounding import find_span, safe_text
from bot.llm.prompts import escape_data, load_prompt
from bot.llm.quoted import QuoteCheck
from bot.llm.schemas import BriefItemOut, BriefOut

log = logging.getLogger(__name__)
MAX_POSITIONS = 60  # bounds the tokens of one briefing call
DEFAULT_CHARS = 1500
HEADLINE_MAX = 120


@dataclass
class _Item:
    item: BriefingItem
    source: str
    title: str = ""


@dataclass
class _Draft:
    """A briefing before source numbering, so that trimming can renumber."""

    lang: Lang
    headline: str
    sections: list[tuple[str, str, list[_Item]]] = field(default_factory=list)
    disputes: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)

    def build(self, engine: str) -> Briefing:
        sources: list[str] = []
        titles: list[str] = []

        def number(source: str, title: str = "") -> int:
            if source not in sources:
                sources.append(source)
                titles.append(title)
            return sources.index(source) + 1

        sections = []
        for pid, name, items in self.sections:
            if not items:
                continue
            built = []
            for it in items:
                it.item.source_no = number(it.source, it.title)
                built.append(it.item)
            sections.append(PartySection(pid, name, built))
        disputes = [
            Dispute(topic, [(party, claim, number(src)) for party, claim, src in sides])
            for topic, sides in self.disputes
        ]
        return Briefing(
            lang=self.lang,
            headline=self.headline,
            sections=sections,
            disputes=disputes,
            sources=sources,
            created=datetime.now(UTC),
            engine=engine,
            source_titles=titles,
        )


class LLMComposer:
    """A Briefing in ``lang`` from positions, by one structured model call."""

    def __init__(self, llm: LLMClient, book: PartyBook, *, measure: Measure | None = None) -> None:
        self.llm = llm
        self.book = book
        self.measure = measure
        self.prompts = {lang: load_prompt("brief", lang) for lang in ("fr", "en")}
        versions = "/".join(self.prompts[lang].version for lang in ("fr", "en"))
        self.key = f"llm-brief:{llm.model}:{versions}"
        self.dropped_total = 0

    def messages(self, chosen: list[Position], lang: Lang, max_chars: int) -> list[dict[str, str]]:
        sources: list[str] = []
        lines = []
        for n, p in enumerate(chosen, 1):
            if p.source not in sources:
                sources.append(p.source)
            data = {
                "id": n,
                "party_id": p.party_id,
                "party": self.book.name(p.party_id, lang),
                "speaker": p.speaker,
                "role": p.speaker_role,
                "claim": p.claim,
                "evidence": p.evidence,
                "quote": p.quote or "",
                "lang": p.lang,
                "topics": p.topics,
                "source": sources.index(p.source) + 1,
            }
            lines.append(json.dumps(data, ensure_ascii=False))
        block = escape_data("\n".join(lines), "positions")
        return self.prompts[lang].render(max_chars=str(max_chars), positions=block).messages()

    def compose(
        self,
        positions: list[Position],
        lang: Lang,
        *,
        since: datetime | None = None,
        max_chars: int | None = None,
    ) -> Briefing:
        chosen = usable(positions, People(self.book), strict=False)[:MAX_POSITIONS]
        default_headline = t(lang, "brief.title", date=briefing_date(lang, positions))
        if not chosen:
            return _Draft(lang, default_headline).build(self.key)
        result = self.llm.structured(
            "brief", self.messages(chosen, lang, max_chars or DEFAULT_CHARS), BriefOut
        )
        draft, dropped = self._draft(result.value, chosen, lang, default_headline)
        if dropped:
            self.dropped_total += dropped
            accounting.note_dropped(self.llm.db, result.call_id, dropped)
            log.warning("dropped %d ungrounded item(s) from the model's briefing", dropped)
        if max_chars and self.measure is not None:
            return _fit(draft, max_chars, self.key, self.measure)
        return draft.build(self.key)

    def _draft(
        self, out: BriefOut, chosen: list[Position], lang: Lang, default_headline: str
    ) -> tuple[_Draft, int]:
        check = QuoteCheck([t for p in chosen for t in (p.evidence, p.quote or "")])
        headline = check(safe_text(out.headline))
        draft = _Draft(lang, shorten_prose(headline, HEADLINE_MAX) or default_headline)
        dropped = 0
        by_party: dict[str, list[_Item]] = {}
        for section in out.sections:
            for raw in section.items:
                position = _position(chosen, raw.position_id)
                if position is None:
                    dropped += 1
                    continue
                item, quote_dropped = self._item(raw, position, lang, check)
                dropped += quote_dropped
                if item is not None:
                    by_party.setdefault(position.party_id, []).append(
                        _Item(item, position.source, position.title)
                    )
        for pid, items in by_party.items():
            draft.sections.append((pid, self.book.name(pid, lang), items))
        for dispute in out.disputes[:2]:
            sides = []
            for side in dispute.sides:
                position = _position(chosen, side.position_id)
                if position is None:
                    continue
                side_claim = check(safe_text(side.claim, position.evidence))
                claim = shorten_prose(side_claim or position.claim, 110)
                sides.append((self.book.name(position.party_id, lang), claim, position.source))
            if len({s[0] for s in sides}) >= 2:
                draft.disputes.append((check(safe_text(dispute.topic)), sides))
        return draft, dropped + check.dropped

    def _item(
        self, raw: BriefItemOut, p: Position, lang: Lang, check: QuoteCheck
    ) -> tuple[BriefingItem | None, int]:
        """The item, and 1 when its quote was not grounded in the position and was dropped."""
        quote, dropped = "", 0
        if raw.quote.strip():
            found = find_span(raw.quote.strip(' «»"“”'), [p.evidence, p.quote or ""])
            if found is None:
                log.info("ungrounded briefing quote dropped: %.80r", raw.quote)
                dropped = 1
            else:
                quote = found[1]
        claim = shorten_prose(check(safe_text(raw.claim, p.evidence)), CLAIM_MAX)
        translation = shorten_prose(
            check(safe_text(raw.translation, p.evidence), translation=True), CLAIM_MAX
        )
        if quote and translation and p.lang != lang:
            claim = f"{claim} [{translation}]".strip()
        if not claim and not quote:
            return None, dropped
        item = BriefingItem(
            speaker=check(safe_text(raw.speaker, p.evidence)) or p.speaker,
            role=check(safe_text(raw.role, p.evidence)),
            claim=claim,
            quote=quote,
            quote_lang=p.lang,
            source_no=0,
        )
        return item, dropped


def _position(chosen: list[Position], position_id: int) -> Position | None:
    return chosen[position_id - 1] if 1 <= position_id <= len(chosen) else None


def _fit(draft: _Draft, max_chars: int, engine: str, measure: Measure) -> Briefing:
    """Drop the last items of the longest sections, then disputes, then sections, until it fits."""
    briefing = draft.build(engine)
    while measure(briefing) > max_chars:
        present = [s for s in draft.sections if s[2]]
        longest = max(present, key=lambda s: len(s[2]), default=None)
        if longest is not None and len(longest[2]) > 1:
            longest[2].pop()
        elif draft.disputes:
            draft.disputes.pop()
        elif len(present) > 1:
            present[-1][2].clear()
        else:
            break
        briefing = draft.build(engine)
    return briefing
