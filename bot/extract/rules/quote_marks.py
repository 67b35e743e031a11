"""Finds direct quotes in a sentence by typography alone: « », “ ”, „ “ and paired straight quotes.

Its one job is the spans of quoted words (cut around attribution incises, see incises.py), the
quoted text itself, and whether a sentence is nothing but a quote; it knows no verbs or speakers.
"""

from __future__ import annotations

import re

from bot.extract.rules.incises import split_at_incises

_OPENERS = re.compile('[«“„"]')
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes, marks included: « », “ ”, and paired straight quotes."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _OPENERS.search(text, pos)) is not None:
        close = _OPEN_CLOSE.get(m.group(0), '"')
        j = text.find(close, m.end())
        if j < 0:
            spans.append((m.start(), len(text)))
            break
        spans.append((m.start(), j + 1))
        pos = j + 1
    return split_at_incises(text, spans)


def quote_text(text: str) -> str:
    """The quoted words of ``text``, joined, without the marks."""
    # '"… an intermission," he said': the comma before the closing mark is the sentence's
    parts = [
        text[s + 1 : e - 1 if text[e - 1] in '»”"“' else e].strip().rstrip(",;:").rstrip()
        for s, e in quote_spans(text)
    ]
    return " […] ".join(p for p in parts if p)


def is_quote_only(text: str) -> bool:
    """True when a sentence is essentially a direct quote with nothing around it."""
    stripped = text.strip()
    if not stripped or stripped[0] not in '«“"„':
        return False
    inside = sum(e - s for s, e in quote_spans(stripped))
    return inside >= 0.8 * len(stripped)


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies strictly within one of ``spans``."""
    return any(s < pos < e for s, e in spans)


def outside_quotes(text: str) -> str:
    """``text`` with every quotation blanked out (same length, so offsets still hold)."""
    for start, end in reversed(quote_spans(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def inside_quotes(text: str, pos: int) -> bool:
    """Whether offset ``pos`` of ``text`` lies between quotation marks."""
    return inside(pos, quote_spans(text))


# a headline's quotation in single curly quotes ("X: ‘Putin Is Negotiating …’"), not an
# apostrophe's ’ inside a word
_SINGLE_QUOTED = re.compile(r"(?<![\w])‘[^‘’]+(?:’\w+[^‘’]*)*’(?![\w])")


def inside_headline_quotes(text: str, pos: int) -> bool:
    """Whether offset ``pos`` of ``text`` lies inside a quotation, single curly quotes
    included (as headlines set them)."""
    return inside_quotes(text, pos) or any(
        m.start() < pos < m.end() for m in _SINGLE_QUOTED.finditer(text)
    )
