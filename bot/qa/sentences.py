"""Sentence splitting for question answering: the passages that get indexed and quoted."""

from __future__ import annotations

import re

from bot.textnorm import collapse_space, fold

# a sentence ends at . ! ? … (optionally followed by a closing quote) before an opening
# quote, a capital letter or a digit
_BOUNDARY = re.compile(r"(?<=[.!?…])((?:\s?[»\"”])?)\s+(?=[«\"“(\[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "st",
    "ste",
    "mr",
    "mrs",
    "ms",
    "gen",
    "gén",
    "col",
    "lt",
    "sgt",
    "no",
    "vol",
    "etc",
    "u.s",
    "u.k",
    "u.n",
    "j.d",
    # abbreviated months ("as early as Dec. 10", "le 3 déc. 2026")
    "jan",
    "janv",
    "feb",
    "fév",
    "févr",
    "apr",
    "avr",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "déc",
}
MIN_SENTENCE_CHARS = 12
# a quotation of several sentences stays one passage with its attribution ("We are not in a
# hurry. Time is on our side," X said) up to this length
MAX_QUOTED_CHARS = 400


def _open_quote(segment: str) -> bool:
    """Whether ``segment`` leaves a quotation open (a straight quote, « or “ not closed)."""
    return (
        segment.count('"') % 2 == 1
        or segment.count("«") > segment.count("»")
        or segment.count("“") > segment.count("”")
    )


def _ends_with_abbreviation(segment: str) -> bool:
    match = re.search(r"(\S+)\.\s*$", segment)
    if not match:
        return False
    word = fold(match.group(1)).lstrip('(«"“')
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (paragraph breaks are always boundaries), white space collapsed."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\r?\n", text):
        paragraph = collapse_space(paragraph)
        if not paragraph:
            continue
        pieces: list[str] = []
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            end = match.start() + len(match.group(1))
            pieces.append(paragraph[start:end])
            start = match.end()
        pieces.append(paragraph[start:])
        merged: list[str] = []
        for piece in pieces:
            if merged and (
                _ends_with_abbreviation(merged[-1])
                or (_open_quote(merged[-1]) and len(merged[-1]) + len(piece) < MAX_QUOTED_CHARS)
            ):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        out.extend(p.strip() for p in merged if len(p.strip()) >= MIN_SENTENCE_CHARS)
    return out
