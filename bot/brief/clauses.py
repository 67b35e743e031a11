"""Shortening by whole clauses: a quotation keeps some of its clauses with ``[…]`` where others
were dropped, prose keeps its leading clauses; neither is ever cut inside a clause.

A clause ends at a sentence end, a comma, semicolon or colon, before a spaced dash, or around a
``[…]`` the quotation already had, outside quotation marks; "M. Trump" is not a sentence end.
"""

from __future__ import annotations

import re

from bot.brief.vocab import clause_openers

CUT = "[…]"
_OPEN = {"«": "»", "“": "”"}
_ABBREV = re.compile(
    r"(?:\b[A-ZÀ-Ý]|\bMM|\bMme|\bMr|\bMrs|\bMs|\bDr|\bSt|\bn°|\bp|\bcf|\bvs|\betc)\.$"
)
_END_PUNCT = ".!?;:,…"


_SECOND_THAT = re.compile(r"(?:et|mais|and|but)\s+(?:que\b|qu['’]|that\b)", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """``text`` split into clauses; ``"".join(clauses(text)) == text``."""
    pieces: list[str] = []
    start = 0
    closing: list[str] = []
    straight_open = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _OPEN:
            closing.append(_OPEN[c])
        elif closing and c == closing[-1]:
            closing.pop()
        elif c == '"':
            straight_open = not straight_open
        inside = bool(closing) or straight_open
        boundary = False
        if not inside and c in _END_PUNCT and i + 1 < n and text[i + 1].isspace():
            boundary = not (c == "." and _ABBREV.search(text[start : i + 1]))
        elif not inside and c.isspace() and text[i + 1 : i + 3] in ("- ", "– ", "— "):
            boundary = True
        elif not inside and c.isspace() and _SECOND_THAT.match(text, i + 1):
            boundary = True  # "a déclaré qu'il … et qu'il …": the second reported clause
        elif not inside and c.isspace() and text.startswith(CUT, i + 1):
            boundary = True  # "… dans trois ans […] des garanties …": a gap the quote had
        elif not inside and text.startswith(CUT, i - len(CUT) + 1) and text[i + 1 : i + 2] == " ":
            boundary = True
        if boundary:
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if text[start:j].strip():
                pieces.append(text[start:j])
                start = j
            i = j
            continue
        i += 1
    if start < n:
        pieces.append(text[start:])
    return pieces


def _trim(piece: str) -> str:
    return piece.strip().rstrip(",;:–—-").rstrip()


def shorten_quote(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters by dropping whole clauses, each gap marked ``[…]``.

    Clauses are taken in order while they fit; a clause that does not fit is skipped. When even
    the first clause alone is too long, the shortest clause is kept. The result is always a
    sequence of source clauses separated by spaces or by `` […] ``.
    """
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    raw = clauses(text)
    pieces = [_trim(p) for p in raw]
    usable = [k for k, p in enumerate(pieces) if p and p != CUT]
    kept: list[int] = []
    size = 0
    for k in usable:
        extra = len(pieces[k]) + (len(CUT) + 2 if kept and kept[-1] != k - 1 else 1)
        if size + extra + len(CUT) + 1 <= limit:
            kept.append(k)
            size += extra
    if not kept:
        kept = [min(usable, key=lambda k: len(pieces[k]))]
    out: list[str] = [CUT] if kept[0] != 0 else []
    for pos, k in enumerate(kept):
        if pos and kept[pos - 1] != k - 1:
            out.append(CUT)
        followed = pos + 1 < len(kept) and kept[pos + 1] == k + 1
        out.append(raw[k].strip() if followed else pieces[k])
    if kept[-1] != len(pieces) - 1:
        out.append(CUT)
    return " ".join(out)


def shorten_prose(text: str, limit: int) -> str:
    """The leading clauses of ``text`` that fit in ``limit`` characters, "" when none does.

    A text already cut by an ellipsis loses its unfinished last clause, so prose never ends in
    the middle of a clause.
    """
    text = re.sub(r"\s+", " ", text).strip()
    pieces = clauses(text)
    if pieces and pieces[-1].rstrip().endswith(("…", "...")):
        pieces = pieces[:-1]
    kept = 0
    while kept < len(pieces) and len("".join(pieces[: kept + 1]).strip()) <= limit:
        kept += 1
    # a cut after a comma must fall before a new clause, not inside a list of adjectives
    while (
        0 < kept < len(pieces)
        and pieces[kept - 1].rstrip().endswith(",")
        and not (opens_clause(pieces[kept]))
    ):
        kept -= 1
    kept_text = "".join(pieces[:kept])
    if 0 < kept < len(pieces) and kept_text.rstrip().endswith(":"):
        # "a salué « … », tout en prévenant :" with the words after the colon cut: the
        # participle that announced them goes too
        kept_text = _SAYING_BEFORE_COLON.sub("", kept_text.rstrip())
    if 0 < kept < len(pieces):
        # '… "is not at that table," although, as observers note, …': the conjunction whose
        # clause was cut goes with it
        kept_text = _DANGLING.sub("", _trim(kept_text))
    return _trim(kept_text)


_DANGLING = re.compile(
    r"[\s,;]+(?:although|though|while|whereas|but|and|or|because|since|as|mais|et|ou|car|"
    r"donc|bien\s+que|alors\s+que|tandis\s+que|même\s+si)$",
    re.IGNORECASE,
)
# "…, tout en prévenant :", "…, while warning:": a participle of saying announcing a colon
_SAYING_BEFORE_COLON = re.compile(
    r",\s*(?:(?:tout\s+)?en\s+[a-zà-ÿ]+ant|while\s+[a-z]+ing|adding|warning|saying)\s*:$",
    re.IGNORECASE,
)


def opens_clause(piece: str) -> bool:
    """Whether ``piece`` starts like a clause: a conjunction, relative, pronoun or participle."""
    first = re.match(r"\s*[«“\"]?\s*(\w+)", piece)
    if not first:
        return True
    word = first.group(1).lower()
    return word in clause_openers() or word.endswith(("ing", "ant"))
