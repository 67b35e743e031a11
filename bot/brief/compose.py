"""The offline briefing composer: keeps the statements worth reading, writes one bullet per
statement, covers as many parties as the budget allows (one bullet each first), pairs true
disputes, numbers the sources and dates the briefing by its articles.

Every text between quote marks is verbatim article text, shortened only by dropping whole
clauses (marked ``[…]``). The length of a digest is measured by a function the caller passes
in (the plain-text renderer in practice), so the composer does not import any renderer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.brief.clauses import shorten_prose, shorten_quote
from bot.brief.disputes import find_disputes
from bot.brief.filters import drop_ambiguous, is_statement
from bot.brief.items import Candidate, ItemWriter, has_inner_repeat, item_text, runs
from bot.brief.people import People
from bot.brief.sources import period, position_day
from bot.domain.i18n import t, topic_name
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
from bot.domain.versioning import files_hash
from bot.textnorm import ground_key

Measure = Callable[[Briefing], int]
FULL_LIMIT = 240  # characters of words per bullet in a full briefing
# In a digest, each bullet tries these text lengths in turn until it fits the budget; when not
# every party fits, the next, shorter set is tried.
DIGEST_LIMITS = ((150, 90), (110, 80), (90, 70))
DISPUTE_LIMIT = 110
CLAIM_MAX = 170  # kept for the LLM composer's claims


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


def briefing_date(lang: Lang, positions: list[Position] | None = None) -> str:
    """The period the articles cover (published, else ingested), else today."""
    days = [d for d in (position_day(p) for p in positions or []) if d is not None]
    return period(days or [datetime.now(UTC).date()], lang)


def usable(positions: list[Position], people: People, *, strict: bool = True) -> list[Position]:
    """The statements a briefing may show: tracked parties, clear speakers and, when ``strict``
    (rule-engine positions, whose evidence is the whole sentence), real statements only."""
    people.learn_spellings(positions)
    kept = [p for p in positions if p.party_id != OTHER_PARTY and (not strict or is_statement(p))]
    return dedupe(drop_ambiguous(kept, {id(p): people.key(p) for p in kept}))


@dataclass
class _Pick:
    party_id: str
    cand: Candidate
    item: BriefingItem


class OfflineComposer:
    """Builds a Briefing from positions without any model."""

    # a hash of the composer's code and word lists: stored briefings are rebuilt after a change
    key = f"offline-compose:{files_hash(Path(__file__).resolve().parent)}"

    def __init__(
        self, book: PartyBook, *, items_per_party: int = 3, measure: Measure | None = None
    ) -> None:
        self.book = book
        self.items_per_party = items_per_party
        self.measure = measure
        self._upper = 0  # an upper bound of the length of the briefing being selected

    def compose(
        self,
        positions: list[Position],
        lang: Lang,
        *,
        since: datetime | None = None,
        max_chars: int | None = None,
    ) -> Briefing:
        if max_chars and self.measure is None:
            raise ValueError("a length budget needs the measure function")
        people = People(self.book)
        writer = ItemWriter(people)
        cands = [writer.candidate(p) for p in usable(positions, people)]
        by_party: dict[str, list[Candidate]] = defaultdict(list)
        for c in sorted(cands, key=lambda c: -c.rank):
            by_party[c.p.party_id].append(c)
        order = sorted(by_party, key=lambda pid: (-by_party[pid][0].rank, pid))
        headline = self._headline(positions, lang)
        picks: list[_Pick] = []
        for limits in DIGEST_LIMITS if max_chars else ((FULL_LIMIT,),):
            queues = {pid: list(cs) for pid, cs in by_party.items()}
            trial = self._select(queues, order, writer, lang, limits, max_chars, headline)
            if _coverage(trial) > _coverage(picks):
                picks = trial
            if len({p.party_id for p in picks}) == len(order):
                break  # every party that spoke is in
        disputes: list[tuple[str, Candidate, Candidate]] = []
        for dispute in find_disputes(cands):
            if not all(self._side_text(c, lang) for c in dispute[1:]):
                continue  # a side with nothing short enough to show
            more = [*disputes, dispute]
            if not max_chars or self._length(picks, more, lang, headline) <= max_chars:
                disputes = more
        return self._assemble(picks, disputes, lang, headline)

    def _select(
        self,
        queues: dict[str, list[Candidate]],
        order: list[str],
        writer: ItemWriter,
        lang: Lang,
        limits: tuple[int, ...],
        max_chars: int | None,
        headline: str,
    ) -> list[_Pick]:
        """One bullet per party first (best party first), then a second one for the parties
        with most to say, and so on, while the budget allows."""
        picks: list[_Pick] = []
        used: set[tuple[str, ...]] = set()
        self._upper = self.measure(self._assemble([], [], lang, headline)) if self.measure else 0
        for rnd in range(self.items_per_party):
            turn = order if rnd == 0 else sorted(order, key=lambda pid: -len(queues[pid]))
            for pid in turn:
                queue = queues[pid]
                while queue:
                    pick = self._try(
                        queue.pop(0), writer, lang, limits, picks, used, max_chars, headline
                    )
                    if pick is not None:
                        picks.append(pick)
                        used |= runs(item_text(pick.item))
                        break
        return picks

    def _try(
        self,
        cand: Candidate,
        writer: ItemWriter,
        lang: Lang,
        limits: tuple[int, ...],
        picks: list[_Pick],
        used: set[tuple[str, ...]],
        max_chars: int | None,
        headline: str,
    ) -> _Pick | None:
        for limit in limits:
            item = writer.item(cand, lang, limit)
            if item is None:
                return None
            text = item_text(item)
            if runs(text) & used or has_inner_repeat(text):
                return None  # the same words are already in the briefing
            pick = _Pick(cand.p.party_id, cand, item)
            if not max_chars:
                return pick
            # an upper bound of what the bullet adds (its line, a new heading and source line)
            bound = 2 * (len(text) + len(item.speaker) + len(item.role)) + 400
            if self._upper + bound <= max_chars:
                self._upper += bound  # surely fits: no need to render the whole briefing
                return pick
            length = self._length([*picks, pick], [], lang, headline)
            if length <= max_chars:
                self._upper = length
                return pick
        return None

    def _length(
        self,
        picks: list[_Pick],
        disputes: list[tuple[str, Candidate, Candidate]],
        lang: Lang,
        headline: str,
    ) -> int:
        assert self.measure is not None
        return self.measure(self._assemble(picks, disputes, lang, headline))

    def _headline(self, positions: list[Position], lang: Lang) -> str:
        return t(lang, "brief.title", date=briefing_date(lang, positions))

    def _assemble(
        self,
        picks: list[_Pick],
        disputes: list[tuple[str, Candidate, Candidate]],
        lang: Lang,
        headline: str,
    ) -> Briefing:
        sources = _Sources()
        grouped: dict[str, list[_Pick]] = {}
        for pick in picks:
            grouped.setdefault(pick.party_id, []).append(pick)
        sections = []
        for pid, group in grouped.items():
            items = []
            for pick in group:
                pick.item.source_no = sources.number(pick.cand.p)
                items.append(pick.item)
            sections.append(PartySection(pid, self.book.name(pid, lang), items))
        topics: dict[str, int] = defaultdict(int)
        for pick in picks:
            for topic in pick.cand.p.topics:
                topics[topic] += 1
        top = sorted(topics, key=lambda k: -topics[k])[:3]
        if top:
            headline += " — " + ", ".join(topic_name(x, lang) for x in top)
        return Briefing(
            lang=lang,
            headline=headline,
            sections=sections,
            disputes=[self._dispute(d, lang, sources) for d in disputes],
            sources=sources.urls,
            created=datetime.now(UTC),
            engine="offline",
            source_titles=sources.titles,
        )

    def _dispute(
        self, dispute: tuple[str, Candidate, Candidate], lang: Lang, sources: _Sources
    ) -> Dispute:
        issue, ask, refuse = dispute
        out = [
            (self.book.name(c.p.party_id, lang), self._side_text(c, lang), sources.number(c.p))
            for c in (ask, refuse)
        ]
        return Dispute(topic_name(issue, lang), out)

    @staticmethod
    def _side_text(c: Candidate, lang: Lang) -> str:
        """A side's own words: prose in the reader's language, else a verbatim quotation."""
        p = c.p
        if p.lang == lang and c.claim:
            prose = shorten_prose(c.claim[:1].upper() + c.claim[1:], DISPUTE_LIMIT)
            if prose:
                return prose
        text = shorten_quote(p.quote or c.claim, DISPUTE_LIMIT)
        if len(text.split()) < 3:
            return ""
        opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
        return f"{opening}{text}{closing}"


def _coverage(picks: list[_Pick]) -> tuple[int, int]:
    return len({p.party_id for p in picks}), len(picks)


class _Sources:
    """Numbers sources in order of first use, with their titles."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.titles: list[str] = []

    def number(self, position: Position) -> int:
        if position.source not in self.urls:
            self.urls.append(position.source)
            self.titles.append(position.title)
        return self.urls.index(position.source) + 1
