"""Positions as chat Replies: one party at a time, in pages that each fit one message.

A page is a heading and as many bullets as fit ``budget`` characters; the reader moves between
pages with buttons where the platform has them (``pos:<party>:<page>``), else with
``/positions <party> <page>``. Speakers are named as in the briefing (a listed person's
name and role in the chat's language); in a chat whose language is not the article's, the
bullet says it is quoted as written. The claim is shown in bold inside the article's sentence
when the sentence says it word for word, not written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from bot.brief.people import People
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


def _who(p: Position, people: People, lang: Lang) -> str:
    """The speaker as the briefing names them: a listed person's name and role in ``lang``;
    another speaker's role as written, or restated in ``lang`` when written in another."""
    who = people.name(p, lang) if p.speaker else people.book.name(p.party_id, lang)
    if people.person(p) is not None:
        role = people.role(p, lang)
    elif p.lang != lang:
        role = people.clean_role(p.speaker_role, p.lang, p.party_id, lang)
    else:
        role = collapse_space(p.speaker_role)
    return f"{who} ({role})" if role else who


def foreign_marker(p: Position, lang: Lang) -> str:
    """ " (in French)" when the claim and quote are in another language than the chat's."""
    if p.lang == lang:
        return ""
    return t(lang, "brief.in_french" if p.lang == "fr" else "brief.in_english")


def _statement(claim: str, evidence: str, lang: Lang) -> list[Span]:
    """The article's sentence, quoted, with the claim in bold where the sentence says it word
    for word (so it is not written twice); else the claim, then the sentence in italics."""
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    if not evidence or evidence == claim:
        return [Span(claim)]
    at = evidence.lower().find(claim.lower()) if claim else -1
    if at < 0:
        return [Span(claim), Span(f" {opening}{evidence}{closing}", italic=True)]
    end = at + len(claim)  # one level of markup: Slack does not nest or join marks reliably
    parts = [
        Span(opening + evidence[:at]),
        Span(evidence[at:end], bold=True),
        Span(evidence[end:] + closing),
    ]
    return [span for span in parts if span.text]


def position_block(p: Position, people: People, lang: Lang) -> Block:
    spans = [Span("• "), Span(_who(p, people, lang), bold=True)]
    spans.append(Span(" : " if lang == "fr" else ": "))
    spans += _statement(collapse_space(p.claim), collapse_space(p.evidence), lang)
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
    people = People(book)
    blocks = [position_block(p, people, lang) for p in items]
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
    reply, people = Reply(), People(book)
    for pid, items in group_by_party(positions, book):
        title = t(lang, "positions.heading", party=book.name(pid, lang), id=pid, n=len(items))
        reply.add(Span(title, bold=True), kind="heading")
        reply.blocks.extend(position_block(p, people, lang) for p in items)
    return reply
