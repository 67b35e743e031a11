"""Positions as chat Replies: one party at a time, in pages that each fit one message.

A page is a heading and as many bullets as fit ``budget`` characters; the reader moves between
pages with buttons where the platform has them (``pos:<party>:<page>``), else with
``/positions <party> <page>``. In a chat whose language is not the article's, the role comes
from the gazetteer when the person is listed there, and the bullet says it is quoted as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from bot.domain.i18n import t
from bot.domain.models import Lang, Position
from bot.domain.parties import PartyBook
from bot.render.positions import group_by_party
from bot.richtext import Block, Button, Reply, Span
from bot.textnorm import collapse_space

BULLET_SEPARATOR = 1  # the newline between two items


def source_label(source: str) -> tuple[str, str | None]:
    """(text, link) for a source: a URL is a link; a local file shows its name, not its path."""
    if source.startswith(("http://", "https://")):
        return source, source
    return PurePath(source).name or source, None


def gazetteer_role(p: Position, book: PartyBook, lang: Lang) -> str | None:
    """The role of a listed person in ``lang`` (config/parties.toml), else None."""
    if not p.speaker:
        return None
    speaker = p.speaker.lower()
    for person in book.people:
        names = (person.name, *person.aliases)
        if person.party_id == p.party_id and any(n.lower() == speaker for n in names):
            role = person.role_en if lang == "en" else person.role_fr
            return role or None
    return None


def _who(p: Position, book: PartyBook, lang: Lang) -> str:
    who = p.speaker or book.name(p.party_id, lang)
    role = p.speaker_role
    if p.lang != lang:
        role = gazetteer_role(p, book, lang) or role
    return f"{who} ({role})" if role else who


def foreign_marker(p: Position, lang: Lang) -> str:
    """ " (in French)" when the claim and quote are in another language than the chat's."""
    if p.lang == lang:
        return ""
    return t(lang, "brief.in_french" if p.lang == "fr" else "brief.in_english")


def position_block(p: Position, book: PartyBook, lang: Lang) -> Block:
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    spans = [Span("• "), Span(_who(p, book, lang), bold=True)]
    spans.append(Span(" : " if lang == "fr" else ": "))
    claim = collapse_space(p.claim)
    spans.append(Span(claim))
    evidence = collapse_space(p.evidence)
    if evidence and evidence != claim:
        spans.append(Span(f" {opening}{evidence}{closing}", italic=True))
    if marker := foreign_marker(p, lang):
        spans.append(Span(marker))
    text, link = source_label(p.source)
    spans += [Span(" — "), Span(text, link=link)]
    return Block(spans, kind="item")


@dataclass
class PartyPages:
    """One party's positions cut into pages of bullets."""

    party_id: str
    pages: list[list[Block]]
    total: int  # positions

    def page(self, number: int) -> list[Block]:
        return self.pages[min(max(number, 1), len(self.pages)) - 1]


def paginate(blocks: list[Block], budget: int) -> list[list[Block]]:
    """Consecutive bullets grouped so each page's text stays within ``budget`` (0: one page).

    A bullet longer than the budget alone gets a page of its own (the renderer splits it).
    """
    if budget <= 0 or not blocks:
        return [blocks]
    pages: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        size = len(block.plain) + BULLET_SEPARATOR
        if pages[-1] and used + size > budget:
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += size
    return pages


def party_pages(
    positions: list[Position], party_id: str, book: PartyBook, lang: Lang, budget: int
) -> PartyPages:
    items = [p for p in positions if p.party_id == party_id]
    blocks = [position_block(p, book, lang) for p in items]
    heading_room = 120  # the heading and the language note
    return PartyPages(party_id, paginate(blocks, max(budget - heading_room, 0)), len(items))


def page_reply(pages: PartyPages, number: int, book: PartyBook, lang: Lang) -> Reply:
    """Page ``number`` (from 1) of a party: heading with the page count, then its bullets."""
    count = len(pages.pages)
    number = min(max(number, 1), count)
    name = book.name(pages.party_id, lang)
    title = t(lang, "positions.heading", party=name, id=pages.party_id, n=pages.total)
    if count > 1:
        title += t(lang, "positions.page", page=number, pages=count)
    reply = Reply().add(Span(title, bold=True), kind="heading")
    reply.blocks.extend(pages.page(number))
    return reply


def page_buttons(pages: PartyPages, number: int, lang: Lang) -> list[Button]:
    """‹ previous, next ›, and back to the choice of party."""
    buttons: list[Button] = []
    count = len(pages.pages)
    if number > 1:
        buttons.append(Button(f"‹ {number - 1}/{count}", f"pos:{pages.party_id}:{number - 1}"))
    if number < count:
        buttons.append(Button(f"{number + 1}/{count} ›", f"pos:{pages.party_id}:{number + 1}"))
    buttons.append(Button(t(lang, "positions.parties"), "pos:*"))
    return buttons


def party_counts(positions: list[Position], book: PartyBook) -> list[tuple[str, int]]:
    return [(pid, len(items)) for pid, items in group_by_party(positions, book)]


def party_chooser(positions: list[Position], book: PartyBook, lang: Lang) -> Reply:
    """One button per party present, with its number of positions."""
    reply = Reply().add(t(lang, "positions.choose"))
    for pid, count in party_counts(positions, book):
        reply.buttons.append(Button(f"{book.name(pid, lang)} ({count})", f"pos:{pid}:1"))
    return reply


def party_list(positions: list[Position], book: PartyBook, lang: Lang) -> Reply:
    """Without buttons: the parties present, with counts, and how to open one."""
    reply = Reply().add(Span(t(lang, "positions.choose"), bold=True), kind="heading")
    for pid, count in party_counts(positions, book):
        reply.add(f"• {book.name(pid, lang)} ({pid}) — {count}", kind="item")
    reply.add(t(lang, "positions.how_to_open"))
    return reply


def positions_reply(positions: list[Position], book: PartyBook, lang: Lang) -> Reply:
    """Every party's positions in one Reply, for a terminal (no length limit)."""
    reply = Reply()
    for pid, items in group_by_party(positions, book):
        title = t(lang, "positions.heading", party=book.name(pid, lang), id=pid, n=len(items))
        reply.add(Span(title, bold=True), kind="heading")
        reply.blocks.extend(position_block(p, book, lang) for p in items)
    return reply
