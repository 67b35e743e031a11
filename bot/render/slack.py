"""Slack mrkdwn and Block Kit for a Reply: text escaped per Slack rules, markup only from flags.

Only ``&``, ``<`` and ``>`` are control characters in mrkdwn; escaping them means article text
can never produce a mention (``<!channel>``, ``<@U…>``, ``<#C…>``) or a link. Each message has
at most 50 blocks, section texts of at most 3,000 characters; buttons become ``actions`` blocks
(at most 25 buttons each, labels cut to 75 characters, ``action_id`` ``briefbot:<n>`` and the
button's data as ``value``).
"""

from __future__ import annotations

from typing import Any

from bot.render.split import join_blocks, split_blocks
from bot.render.telegram import safe_link
from bot.richtext import Block, Button, Reply, Span

SECTION_LIMIT = 3000
BLOCKS_PER_MESSAGE = 50
FALLBACK_LIMIT = 3000
BUTTONS_PER_ACTIONS = 25
BUTTON_LABEL = 75
ACTION_PREFIX = "briefbot:"

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


def actions_blocks(buttons: list[Button]) -> list[dict[str, Any]]:
    """Block Kit ``actions`` blocks for ``buttons``, 25 to a block."""
    blocks = []
    for start in range(0, len(buttons), BUTTONS_PER_ACTIONS):
        elements = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": b.label[:BUTTON_LABEL], "emoji": False},
                "action_id": f"{ACTION_PREFIX}{start + i}",
                "value": b.data[:2000],
            }
            for i, b in enumerate(buttons[start : start + BUTTONS_PER_ACTIONS])
        ]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


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
    actions = actions_blocks(reply.buttons)
    if actions:
        if messages and len(messages[-1]["blocks"]) + len(actions) <= BLOCKS_PER_MESSAGE:
            messages[-1]["blocks"].extend(actions)
        else:
            labels = escape(" · ".join(b.label for b in reply.buttons))[:FALLBACK_LIMIT]
            messages.append({"text": labels, "blocks": actions})
    return messages
