"""A PostgreSQL tsquery, as text, made cheaper to test without changing which tsvectors match.

A question's broad stage ORs every form of every concept: ``websearch_to_tsquery`` of it
repeats operands (``'russ' | 'russ'``) and keeps phrases holding another operand
(``'vladim' <-> 'poutin'`` next to ``'poutin'``). PostgreSQL tests each operand of each
window sentence in turn (on 62,000 sentences each operand costs ~3 ms), so the repeats and the
phrases that match nothing more are dropped:

* the text is split at its top-level ``|`` (the loosest operator: each piece is a query of
  its own, the OR of the pieces is the whole);
* a piece written again is dropped;
* a phrase piece (``'a' <-> 'b' <2> 'c'``: each lexeme a set distance after the one before)
  is dropped when another phrase or lexeme piece occurs in it at the same relative positions:
  every tsvector matching the longer one matches the shorter.

Anything else (weights, prefixes, negations, brackets) is kept as written; text that does not
read as expected is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Chain = tuple[tuple[str, int], ...]  # (lexeme as written, position from the first)

_LEXEME = r"'(?:[^'\\]|''|\\.)*'"
_CHAIN = re.compile(rf"{_LEXEME}(?:\s*<(?:-|\d+)>\s*{_LEXEME})*")
_PART = re.compile(rf"({_LEXEME})|<(-|\d+)>")


def split_or(text: str) -> list[str] | None:
    """The pieces of ``text`` joined by top-level ``|``, or None when its quotes or brackets
    do not close."""
    pieces: list[str] = []
    depth, start, k = 0, 0, 0
    while k < len(text):
        c = text[k]
        if c == "'":  # a quoted lexeme: '' is a quote inside it, \ escapes the next character
            k += 1
            while k < len(text):
                if text[k] == "\\":
                    k += 2
                    continue
                if text[k] == "'":
                    if text[k + 1 : k + 2] != "'":
                        break
                    k += 1
                k += 1
            if k >= len(text):
                return None
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            pieces.append(text[start:k].strip())
            start = k + 1
        k += 1
    if depth:
        return None
    pieces.append(text[start:].strip())
    return pieces


def chain(piece: str) -> Chain | None:
    """The lexemes of a lexeme or phrase piece with their positions, else None."""
    if not _CHAIN.fullmatch(piece):
        return None
    out: list[tuple[str, int]] = []
    at = 0
    for lexeme, distance in _PART.findall(piece):
        if lexeme:
            out.append((lexeme, at))
        else:
            at += 1 if distance == "-" else int(distance)
    return tuple(out)


def _inside(short: Chain, long: Chain) -> bool:
    """Whether ``short`` occurs in ``long`` at the same relative positions."""
    if len(short) >= len(long):
        return False
    held = set(long)
    first, at = short[0]
    return any(
        all((lexeme, pos - at + start) in held for lexeme, pos in short)
        for lexeme0, start in long
        if lexeme0 == first
    )


def reduce(text: str) -> str:
    """``text`` without repeated pieces and phrases that hold another piece (same matches)."""
    pieces = split_or(text)
    if pieces is None or not all(pieces):
        return text
    unique = list(dict.fromkeys(pieces))
    chains = [(piece, chain(piece)) for piece in unique]
    simple = [c for _, c in chains if c]
    kept = [
        piece
        for piece, c in chains
        if c is None or not any(_inside(other, c) for other in simple if other != c)
    ]
    return " | ".join(kept)


def conjunction(texts: Iterable[str]) -> str:
    """The AND of tsquery texts as ``&&`` makes it: an empty one is left out."""
    parts = [f"( {t} )" for t in texts if t.strip()]
    return parts[0][2:-2] if len(parts) == 1 else " & ".join(parts)
