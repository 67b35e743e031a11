"""Plain-text rendering of a Reply, for the console and for measuring lengths."""

from __future__ import annotations

from bot.richtext import Block, Reply


def render_block(block: Block) -> str:
    return "".join(span.text for span in block.spans)


def render_text(reply: Reply) -> str:
    """Blocks separated by blank lines, except consecutive items and sources stay together."""
    out: list[str] = []
    previous: Block | None = None
    for block in reply.blocks:
        tight = (
            previous is not None
            and block.kind in ("item", "source")
            and (previous.kind in ("item", "source", "heading"))
        )
        if out:
            out.append("\n" if tight else "\n\n")
        out.append(render_block(block))
        previous = block
    if reply.buttons:
        out.append("\n\n" + "  ".join(f"[{b.label}]" for b in reply.buttons))
    return "".join(out)
