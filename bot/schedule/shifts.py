"""Position shifts: a party saying something on a topic that reverses what it said before.

Two positions make a shift when they are by the same party (never OTHER), share a topic tag
and carry different stances: ``reject`` (negation, refusal: "n'acceptera jamais", "rejects"),
``accept`` ("prêt à", "agrees to", "supports") or ``conditional`` ("à condition que",
"only if"). Negation wins over acceptance words ("we will never accept" is a rejection).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from bot.domain.i18n import topic_name
from bot.domain.models import OTHER_PARTY, Lang, Position
from bot.richtext import Span

Stance = Literal["reject", "accept", "conditional"]

_REJECT = re.compile(
    r"\b(refus\w*|rejet\w*|rejett\w*|inacceptable|jamais|exclu\w*|hors de question|"
    r"pas question|s'oppos\w*|oppos\w*|non négociable|ne\s+\S+\s+(pas|plus|jamais)|"
    r"n'\S+\s+(pas|plus|jamais)|reject\w*|refus\w*|never|unacceptable|oppos\w*|"
    r"out of the question|will not|won't|cannot|can't|not|no longer|deny|denie\w*)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\b(à condition|sous condition\w*|pourvu que|si et seulement si|sous réserve|"
    r"only if|provided that|on condition|conditional|subject to)\b",
    re.IGNORECASE,
)
_ACCEPT = re.compile(
    r"\b(accept\w*|prêts?|prêtes?|dispos[ée]\w*|favorable\w*|soutien\w*|soutient|soutenir|"
    r"approuv\w*|d'accord|ouvert\w*|envisag\w*|consent\w*|agree\w*|ready|willing|support\w*|"
    r"welcome\w*|open to|endorse\w*|back(s|ed|ing)?)\b",
    re.IGNORECASE,
)


def stance(text: str) -> Stance | None:
    if _REJECT.search(text):
        return "reject"
    if _ACCEPT.search(text):
        return "conditional" if _CONDITIONAL.search(text) else "accept"
    return None


def _text(p: Position) -> str:
    return " ".join(x for x in (p.claim, p.quote or p.evidence) if x)


@dataclass(frozen=True)
class Shift:
    party_id: str
    party_name: str
    topic: str
    before: Position
    after: Position


def _when(p: Position) -> datetime:
    return p.published or datetime.min.replace(tzinfo=UTC)


def find_shifts(new: list[Position], earlier: list[Position]) -> list[Shift]:
    """The latest earlier/new stance change per (party, topic), new positions only."""
    history: dict[tuple[str, str], list[tuple[Position, Stance]]] = {}
    for p in sorted(earlier, key=_when):
        s = stance(_text(p))
        if p.party_id == OTHER_PARTY or s is None:
            continue
        for topic in p.topics:
            history.setdefault((p.party_id, topic), []).append((p, s))
    found: dict[tuple[str, str], Shift] = {}
    for p in sorted(new, key=_when):
        s = stance(_text(p))
        if p.party_id == OTHER_PARTY or s is None:
            continue
        for topic in p.topics:
            past = [q for q, qs in history.get((p.party_id, topic), []) if qs != s]
            past = [
                q
                for q in past
                if p.published is None or q.published is None or q.published <= p.published
            ]
            if past:
                found[(p.party_id, topic)] = Shift(p.party_id, p.party_name, topic, past[-1], p)
    return list(found.values())


def _date(p: Position, lang: Lang) -> str:
    if p.published is None:
        return "date inconnue" if lang == "fr" else "undated"
    return p.published.strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")


def _said(p: Position) -> str:
    text = p.quote or p.claim or p.evidence
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159].rsplit(" ", 1)[0] + "…"


def shift_heading(lang: Lang) -> str:
    return "Évolutions" if lang == "fr" else "Shifts"


def shift_spans(shift: Shift, lang: Lang) -> list[Span]:
    """``• Russia — territory: shift. 2026-03-02: “…” → 2026-03-20: “…”``"""
    word = "évolution" if lang == "fr" else "shift"
    colon = " : " if lang == "fr" else ": "
    o, c = ("« ", " »") if lang == "fr" else ("“", "”")
    before, after = shift.before, shift.after
    return [
        Span("• "),
        Span(shift.party_name, bold=True),
        Span(f" — {topic_name(shift.topic, lang)}{colon}"),
        Span(word, bold=True),
        Span(f". {_date(before, lang)}{colon}"),
        Span(f"{o}{_said(before)}{c}", italic=True),
        Span(f" → {_date(after, lang)}{colon}"),
        Span(f"{o}{_said(after)}{c}", italic=True),
    ]
