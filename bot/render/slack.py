"""Slack mrkdwn and Block Kit for a Reply: text escaped per Slack rules, markup only from flags.

Only ``&``, ``<`` and ``>`` are control characters in mrkdwn; escaping them means article text
can never produce a mention (``<!channel>``, ``<@U…>``, ``<#C…>``) or a link. Each message has
at most 50 section blocks of at most 3,000 characters.
"""

from __future__ import annotations

from typing import Any

from bot.render.split import join_blocks, split_blocks
from bot.render.telegram import safe_link
from bot.richtext import Block, Reply, Span

SECTION_LIMIT = 3000
BLOCKS_PER_MESSAGE = 50
FALLBACK_LIMIT = 3000

SlackMessage = dict[str, Any]  # {"text": fallback, "blocks": [...]}


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text: str, mark: str) -> str:
    """``*text*`` with the surrounding spaces kept outside, as Slack needs."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def span_mrkdwn(span: Span) -> str:
    out = escape(span.text)
    if span.italic:
        out = _wrap(out, "_")
    if span.bold:
        out = _wrap(out, "*")
    link = safe_link(span.link)
    if link and out.strip():
        url = escape(link).replace("|", "%7C")
        out = f"<{url}|{out}>"
    return out


def block_mrkdwn(block: Block) -> str:
    body = "".join(span_mrkdwn(s) for s in block.spans)
    return f"&gt; {body}" if block.kind == "quote" else body


def chunk_mrkdwn(blocks: list[Block]) -> str:
    return join_blocks(blocks, block_mrkdwn)


def _measure(blocks: list[Block]) -> int:
    return len(chunk_mrkdwn(blocks))


def fallback_text(blocks: list[Block]) -> str:
    """The notification text: escaped plain text, cut to a reasonable length."""
    plain = "\n".join(b.plain for b in blocks)
    if len(plain) > FALLBACK_LIMIT:
        plain = plain[: FALLBACK_LIMIT - 1] + "…"
    return escape(plain)


def render_slack(reply: Reply) -> list[SlackMessage]:
    """The chat.postMessage payloads (``text`` and ``blocks``) for ``reply``, in order."""
    blocks = [b for b in reply.blocks if b.plain.strip()]
    sections = split_blocks(blocks, SECTION_LIMIT, _measure)
    messages: list[SlackMessage] = []
    for start in range(0, len(sections), BLOCKS_PER_MESSAGE):
        group = sections[start : start + BLOCKS_PER_MESSAGE]
        messages.append(
            {
                "text": fallback_text([b for section in group for b in section]),
                "blocks": [
                    {"type": "section", "text": {"type": "mrkdwn", "text": chunk_mrkdwn(s)}}
                    for s in group
                ],
            }
        )
    return messages
