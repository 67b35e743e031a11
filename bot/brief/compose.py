"""The offline briefing composer: chooses each party's top positions, finds disputes,
numbers the sources and keeps the whole within a character budget.

Every quote it shows is a contiguous, verbatim piece of an article's evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime

from bot.domain.i18n import role_label, t, topic_name
from bot.domain.models import (
    OTHER_PARTY,
    Briefing,
    BriefingItem,
    Dispute,
    Lang,
    PartySection,
    Position,
)
from bot.domain.parties import PartyBook
from bot.extract.rules.roles import head_office
from bot.textnorm import collapse_space, ground_key

_REJECTION = re.compile(
    r"\b(inacceptable|refus|rejet|rejett|rejeté|dément|démenti|nie |conteste|contest|"
    r"contredi|exclu|jamais|opposé|s'oppose|unacceptable|reject|refuse|deny|denie|"
    r"denied|never|oppose|dispute)",
    re.IGNORECASE,
)
QUOTE_MAX = 180
CLAIM_MAX = 170


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = collapse_space(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def balance_quotes(text: str) -> str:
    """Close a quotation left open by shortening: « … → « … »."""
    if text.count("«") > text.count("»"):
        text += " »"
    if text.count("“") > text.count("”"):
        text += "”"
    if text.count('"') % 2:
        text += '"'
    return text


def _quote_of(position: Position) -> str:
    text = position.quote if position.quote else position.evidence
    return shorten(text.strip(' «»"“”'), QUOTE_MAX)


def dedupe(positions: list[Position]) -> list[Position]:
    """Best first, one position per party and quotation (or evidence)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for p in sorted(positions, key=lambda p: -p.score):
        key = (p.party_id, ground_key(p.quote or p.evidence))
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def briefing_date(lang: Lang) -> str:
    """Today's date as a briefing headline writes it."""
    return datetime.now(UTC).strftime("%d/%m/%Y" if lang == "fr" else "%d %b %Y")


def rendered_length(briefing: Briefing) -> int:
    """Characters of the briefing as sent (the plain-text rendering), for the length budget."""
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    return len(render_text(briefing_reply(briefing)))


class OfflineComposer:
    """Builds a Briefing from positions without any model."""

    key = "offline-compose:1"

    def __init__(self, book: PartyBook, *, items_per_party: int = 3) -> None:
        self.book = book
        self.items_per_party = items_per_party

    def _role(self, position: Position, lang: Lang) -> str:
        """The speaker's role in ``lang``: as written, from the gazetteer, or restated."""
        if position.lang == lang:
            return position.speaker_role
        for person in self.book.people:
            if position.speaker and person.surname.lower() in position.speaker.lower():
                return person.role_en if lang == "en" else person.role_fr
        office = head_office(position.speaker_role) if position.speaker_role else None
        if office is None:
            return ""
        return role_label(office, self.book.name(position.party_id, lang), lang)

    def _item(self, p: Position, lang: Lang, source_no: int) -> BriefingItem:
        same_lang = p.lang == lang
        claim = balance_quotes(shorten(p.claim, CLAIM_MAX)) if same_lang else ""
        quote = _quote_of(p)
        if claim and ground_key(quote) in ground_key(claim):
            quote = ""  # the claim already is the verbatim sentence: do not repeat it
        return BriefingItem(
            speaker=p.speaker,
            role=self._role(p, lang),
            claim=claim,
            quote=quote if quote or not claim else "",
            quote_lang=p.lang,
            source_no=source_no,
        )

    def compose(
        self,
        positions: list[Position],
        lang: Lang,
        *,
        since: datetime | None = None,
        max_chars: int | None = None,
    ) -> Briefing:
        kept = [p for p in dedupe(positions) if p.party_id != OTHER_PARTY]
        by_party: dict[str, list[Position]] = defaultdict(list)
        for p in kept:
            by_party[p.party_id].append(p)
        order = sorted(by_party, key=lambda pid: (-sum(p.score for p in by_party[pid]), pid))
        chosen = {pid: by_party[pid][: self.items_per_party] for pid in order}
        briefing = self._assemble(chosen, order, lang)
        return self._fit(briefing, chosen, order, lang, max_chars) if max_chars else briefing

    def _assemble(
        self,
        chosen: dict[str, list[Position]],
        order: list[str],
        lang: Lang,
        max_disputes: int = 2,
    ) -> Briefing:
        sources = _Sources()
        sections = [
            PartySection(
                pid,
                self.book.name(pid, lang),
                [self._item(p, lang, sources.number(p)) for p in chosen[pid]],
            )
            for pid in order
            if chosen[pid]
        ]
        all_chosen = [p for pid in order for p in chosen[pid]]
        disputes = self._disputes(all_chosen, lang, sources)[:max_disputes]
        topics: dict[str, int] = defaultdict(int)
        for p in all_chosen:
            for topic in p.topics:
                topics[topic] += 1
        top = sorted(topics, key=lambda k: -topics[k])[:3]
        headline = t(lang, "brief.title", date=briefing_date(lang))
        if top:
            headline += " — " + ", ".join(topic_name(x, lang) for x in top)
        return Briefing(
            lang=lang,
            headline=headline,
            sections=sections,
            disputes=disputes,
            sources=sources.urls,
            created=datetime.now(UTC),
            engine="offline",
        )

    def _disputes(self, positions: list[Position], lang: Lang, sources: _Sources) -> list[Dispute]:
        by_topic: dict[str, dict[str, Position]] = defaultdict(dict)
        for p in positions:
            for topic in p.topics:
                best = by_topic[topic].get(p.party_id)
                if best is None or p.score > best.score:
                    by_topic[topic][p.party_id] = p
        disputes = []
        for topic, sides in by_topic.items():
            if len(sides) < 2 or topic == "talks":
                continue
            if not any(_REJECTION.search(p.evidence) for p in sides.values()):
                continue
            disputes.append(
                Dispute(
                    topic_name(topic, lang),
                    [
                        (self.book.name(pid, lang), shorten(_quote_of(p), 110), sources.number(p))
                        for pid, p in sides.items()
                    ],
                )
            )
        return disputes

    def _fit(
        self,
        briefing: Briefing,
        chosen: dict[str, list[Position]],
        order: list[str],
        lang: Lang,
        max_chars: int,
    ) -> Briefing:
        """Drop the least important items, then disputes, then parties, until it fits."""
        max_disputes = len(briefing.disputes)
        while rendered_length(briefing) > max_chars:
            present = [pid for pid in order if chosen[pid]]
            longest = max(present, key=lambda pid: len(chosen[pid]))
            if len(chosen[longest]) > 1:
                chosen[longest] = chosen[longest][:-1]
            elif max_disputes:
                max_disputes -= 1
            elif len(present) > 1:
                chosen[present[-1]] = []
            else:
                break
            briefing = self._assemble(chosen, order, lang, max_disputes)
        return briefing


class _Sources:
    """Numbers sources in order of first use."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def number(self, position: Position) -> int:
        if position.source not in self.urls:
            self.urls.append(position.source)
        return self.urls.index(position.source) + 1
