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


_SINGLE_OPEN = re.compile(r"(?<![\w’‘])‘(?=\S)")
_DOUBLE_MARKS = re.compile('[«»“”„"]')


def single_quotes_as_double(text: str) -> str:
    """``text`` with its quotations in single curly quotes (‘…’, as some British outlets set
    every quotation) set in “…”, one character for one; an apostrophe’s ’ inside or at the end
    of a word ("Europe’s", "the Americans’ plan") is left. Only for a text with no double
    quotation mark of its own, whose single quotes are then its quotation marks."""
    if "‘" not in text or _DOUBLE_MARKS.search(text):
        return text
    chars = list(text)
    for m in _SINGLE_OPEN.finditer(text):
        if chars[m.start()] != "‘":
            continue
        end = text.find("\n\n", m.end())
        stop = min(x for x in (text.find("‘", m.end()), end, len(text)) if x >= 0)
        closers = [
            j
            for j in range(m.end(), stop)
            if text[j] == "’" and not (j + 1 < len(text) and text[j + 1].isalnum())
        ]
        # "the Americans’ plan": a plural's apostrophe before a word, when a later mark closes
        closers = [
            j
            for k, j in enumerate(closers)
            if k == len(closers) - 1 or not (text[j - 1] in "sz" and text[j + 1 : j + 2] == " ")
        ]
        if closers:
            chars[m.start()], chars[closers[0]] = "“", "”"
    return "".join(chars)
