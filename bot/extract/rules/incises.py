"""Incises inside a direct quote: « A, a déclaré le ministre, Jean Dupont. B » or
« A, a-t-il assuré, B ». French copy often leaves the marks open around the attribution; the
quote is then two quotes with the incise between them (quotes.py reads the incise as a cue).
"""

from __future__ import annotations

import re

from bot.extract.rules.lexicon import FR_INVERTED, FR_VERB
from bot.extract.rules.roles import has_office

_MAX_WORDS = 14
# an incise ends at a full stop, or at a comma followed by a lower-case word (the quote resumes)
_END = re.compile(r"(?<!\bM)(?<!\bMme)(?<!\bMM)\.(?=\s)|,(?=\s*[a-zà-ÿ])")
_NP_AFTER = re.compile(r"^\s*(?:le|la|les|l['’]|un|une|M\.|Mme|[A-ZÀ-Ý])")


def split_at_incises(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each quote span cut around the attribution incises it holds."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cur = s
        for comma, stop in _incises(text, s, e):
            out.append((cur, comma))
            cur = stop  # the span restarts on the punctuation ending the incise
        out.append((cur, e))
    return out


def _incises(text: str, s: int, e: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    pos = s + 1
    while True:
        comma = text.find(",", pos, e)
        if comma < 0:
            return found
        pos = comma + 1
        rest = text[comma + 1 : e]
        m = FR_INVERTED.match(rest.lstrip()) or FR_VERB.match(rest.lstrip())
        if m is None:
            continue
        lead = len(rest) - len(rest.lstrip())
        after = rest[lead + m.end() :]
        if m.re is FR_VERB and not (_NP_AFTER.match(after) and _names_someone(after)):
            continue  # « …, a dit la vérité » is quoted speech, not an incise
        end = _END.search(text, comma + 1 + lead + m.end(), e)
        if end is None:
            continue
        incise = text[comma + 1 : end.start()]
        if len(incise.split()) > _MAX_WORDS or not text[end.end() : e].strip(' »”"'):
            continue  # nothing quoted after it: an ordinary closing incise, not a split quote
        found.append((comma, end.start()))
        pos = end.end()


def _names_someone(np: str) -> bool:
    head = _END.split(np, maxsplit=1)[0]
    return has_office(head) or bool(re.search(r"\b[A-ZÀ-Ý][a-zà-ÿ]", head))
