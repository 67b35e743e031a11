"""Plain-text rendering of a Reply, for the console and for measuring lengths."""

from __future__ import annotations

from bot.render.split import join_blocks
from bot.richtext import Block, Reply


def render_block(block: Block) -> str:
    return "".join(span.text for span in block.spans)


def render_text(reply: Reply) -> str:
    """Blocks separated by blank lines, except consecutive items and sources stay together."""
    out = join_blocks(reply.blocks, render_block)
    if reply.buttons:
        out += "\n\n" + "  ".join(f"[{b.label}]" for b in reply.buttons)
    return out
