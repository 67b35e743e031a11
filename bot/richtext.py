"""Our own rich-text reply model: what the command core returns and every renderer reads.

It carries meaning (bold, link, quote, button), never platform markup, so escaping is the
renderers' job and article text can never smuggle markup through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["text", "heading", "item", "quote", "source"]


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Block:
    """One paragraph; renderers may split a reply only between blocks."""

    spans: list[Span]
    kind: BlockKind = "text"

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass
class Reply:
    blocks: list[Block] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    tag: str | None = None  # e.g. "digest:<key>", so a reply to it can be recognised
    ephemeral: bool = False  # for the asker only (help, status, errors, refusals) where possible

    def add(self, *spans: Span | str, kind: BlockKind = "text") -> Reply:
        self.blocks.append(Block([s if isinstance(s, Span) else Span(s) for s in spans], kind=kind))
        return self

    @property
    def plain(self) -> str:
        return "\n\n".join(b.plain for b in self.blocks)


def text_reply(*paragraphs: str, ephemeral: bool = False) -> Reply:
    reply = Reply(ephemeral=ephemeral)
    for p in paragraphs:
        reply.add(p)
    return reply
