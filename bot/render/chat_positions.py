"""Positions as a rich-text Reply for chats: grouped by party, with evidence and source link."""

from __future__ import annotations

from bot.domain.i18n import t
from bot.domain.models import Lang, Position
from bot.domain.parties import PartyBook
from bot.render.positions import group_by_party
from bot.richtext import Block, Button, Reply, Span
from bot.textnorm import collapse_space


def _who(p: Position, book: PartyBook, lang: Lang) -> str:
    who = p.speaker or book.name(p.party_id, lang)
    return f"{who} ({p.speaker_role})" if p.speaker_role else who


def position_spans(p: Position, book: PartyBook, lang: Lang) -> list[Span]:
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    spans = [
        Span("• "),
        Span(_who(p, book, lang), bold=True),
        Span(" : " if lang == "fr" else ": "),
    ]
    spans.append(Span(collapse_space(p.claim)))
    evidence = collapse_space(p.evidence)
    if evidence and evidence != collapse_space(p.claim):
        spans.append(Span(f" {opening}{evidence}{closing}", italic=True))
    link = p.source if p.source.startswith(("http://", "https://")) else None
    spans += [Span(" — "), Span(p.source, link=link)]
    return spans


def positions_reply(positions: list[Position], book: PartyBook, lang: Lang) -> Reply:
    reply = Reply()
    for pid, items in group_by_party(positions, book):
        reply.add(Span(f"{book.name(pid, lang)} ({pid}) — {len(items)}", bold=True), kind="heading")
        for p in items:
            reply.blocks.append(Block(position_spans(p, book, lang), kind="item"))
    return reply


def party_chooser(positions: list[Position], book: PartyBook, lang: Lang) -> Reply:
    """One button per party present, plus one for all of them."""
    reply = Reply().add(t(lang, "positions.choose"))
    for pid, items in group_by_party(positions, book):
        reply.buttons.append(Button(f"{book.name(pid, lang)} ({len(items)})", f"pos:{pid}"))
    reply.buttons.append(Button(t(lang, "positions.all"), "pos:*"))
    return reply
