"""Splits a Reply's blocks into chunks that each fit a platform's length limit.

Chunks break between blocks (paragraphs) when they can; a single block that is too long on
its own is cut at a sentence end, else between words, else anywhere. Pieces partition the
text exactly, so nothing is lost and nothing is repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.richtext import Block, Span

Measure = Callable[[list[Block]], int]
_SENTENCE_END = re.compile(r"[.!?…»”\"]\s+")
_SPACE = re.compile(r"\s+")


def slice_block(block: Block, start: int, end: int) -> Block:
    """The characters ``start:end`` of ``block``'s plain text, keeping each span's style."""
    spans: list[Span] = []
    offset = 0
    for span in block.spans:
        lo, hi = max(start, offset), min(end, offset + len(span.text))
        if lo < hi:
            text = span.text[lo - offset : hi - offset]
            spans.append(Span(text, bold=span.bold, italic=span.italic, link=span.link))
        offset += len(span.text)
    return Block(spans, kind=block.kind)


def _best_cut(text: str, fit: int) -> int:
    """Where to end the first piece of ``text`` when at most ``fit`` characters fit."""
    window = text[:fit]
    sentence = [m.end() for m in _SENTENCE_END.finditer(window)]
    if sentence and sentence[-1] >= fit // 2:
        return sentence[-1]
    spaces = [m.end() for m in _SPACE.finditer(window)]
    if spaces and spaces[-1] >= fit // 4 and spaces[-1] > 0:
        return spaces[-1]
    return fit


def split_block(block: Block, limit: int, measure: Measure) -> list[Block]:
    """``block`` cut into pieces each measuring at most ``limit``."""
    pieces: list[Block] = []
    rest = block
    while rest.plain and measure([rest]) > limit:
        text = rest.plain
        lo, hi = 1, len(text)  # binary search: the longest prefix that fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if measure([slice_block(rest, 0, mid)]) <= limit:
                lo = mid
            else:
                hi = mid - 1
        cut = max(1, _best_cut(text, lo))
        pieces.append(slice_block(rest, 0, cut))
        rest = slice_block(rest, cut, len(text))
    if rest.plain or not pieces:
        pieces.append(rest)
    return pieces


def split_blocks(blocks: list[Block], limit: int, measure: Measure) -> list[list[Block]]:
    """``blocks`` grouped into chunks whose rendering (``measure``) is at most ``limit``."""
    chunks: list[list[Block]] = []
    current: list[Block] = []
    for block in blocks:
        if measure([*current, block]) <= limit:
            current.append(block)
            continue
        if current:
            chunks.append(current)
            current = []
        if measure([block]) <= limit:
            current = [block]
            continue
        pieces = split_block(block, limit, measure)
        chunks.extend([p] for p in pieces[:-1])
        current = [pieces[-1]]
    if current:
        chunks.append(current)
    return chunks


def separator(previous: Block | None, block: Block) -> str:
    """The text between two blocks: items and sources stay on consecutive lines."""
    if previous is None:
        return ""
    tight = block.kind in ("item", "source") and previous.kind in ("item", "source", "heading")
    return "\n" if tight else "\n\n"


def join_blocks(blocks: list[Block], render: Callable[[Block], str]) -> str:
    """Every block rendered with ``render``, joined by the separators above."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        parts.append(separator(previous, block))
        parts.append(render(block))
        previous = block
    return "".join(parts)
