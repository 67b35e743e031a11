"""Telegram HTML for a Reply: every text escaped, markup only from our Span flags.

Each returned message fits Telegram's 4,096-character limit (counted in UTF-16 units on the
text after entity parsing, as Telegram does).
"""

from __future__ import annotations

import html

from bot.render.split import join_blocks, split_blocks
from bot.richtext import Block, Reply, Span

TELEGRAM_LIMIT = 4096


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) link with no white space or control characters."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    return url


def span_html(span: Span) -> str:
    out = html.escape(span.text, quote=False)
    if not out:
        return ""
    if span.italic:
        out = f"<i>{out}</i>"
    if span.bold:
        out = f"<b>{out}</b>"
    link = safe_link(span.link)
    if link:
        out = f'<a href="{html.escape(link, quote=True)}">{out}</a>'
    return out


def block_html(block: Block) -> str:
    body = "".join(span_html(s) for s in block.spans)
    return f"<blockquote>{body}</blockquote>" if block.kind == "quote" and body else body


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def visible_length(blocks: list[Block]) -> int:
    """The length Telegram counts: the plain text with the separators between blocks."""
    return utf16_len(join_blocks(blocks, lambda block: block.plain))


def chunk_html(blocks: list[Block]) -> str:
    return join_blocks(blocks, block_html)


def render_telegram(reply: Reply, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The HTML messages for ``reply``, in order (at least one when it has any text)."""
    blocks = [b for b in reply.blocks if b.plain.strip()]
    chunks = split_blocks(blocks, limit, visible_length)
    return [html_text for c in chunks if (html_text := chunk_html(c)).strip()]
