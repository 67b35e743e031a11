"""Turns a Briefing into a rich-text Reply (headline, party sections, disputes, sources)."""

from __future__ import annotations

from bot.brief.sources import source_label
from bot.domain.i18n import t
from bot.domain.models import Briefing, BriefingItem
from bot.richtext import Block, BlockKind, Reply, Span


def _open_close(lang: str) -> tuple[str, str]:
    return ("« ", " »") if lang == "fr" else ("“", "”")


def item_spans(item: BriefingItem, party_name: str, lang: str) -> list[Span]:
    """One bullet: "Name (role) : prose [n]", or, for a quotation, "Name (role), on X : « … »"
    in French and "Name (role): on X, act: “…” (in French)" in English."""
    spans = [Span("• ")]
    if item.speaker:
        spans.append(Span(item.speaker, bold=True))
        if item.role:
            spans.append(Span(f" ({item.role})"))
    elif item.role:  # an unnamed official: "Polish prime minister"
        spans.append(Span(item.role[:1].upper() + item.role[1:], bold=True))
    else:
        spans.append(Span(t(lang, "brief.collective", party=party_name), bold=True))
    colon = " : " if lang == "fr" else ": "
    if item.frame and lang == "fr":
        spans.append(Span(f", {item.frame}{colon}"))
    elif item.frame:
        spans.append(Span(f"{colon}{item.frame}{colon}"))
    else:
        spans.append(Span(colon))
    if item.claim:
        spans.append(Span(item.claim))
    if item.quote:
        opening, closing = _open_close(lang)
        if item.claim:
            spans.append(Span(" "))
        spans.append(Span(f"{opening}{item.quote}{closing}", italic=True))
        if item.quote_lang != lang:
            marker = "brief.in_french" if item.quote_lang == "fr" else "brief.in_english"
            if item.reported:  # the journalist's sentence, not the speaker's words
                marker = (
                    "brief.report_in_french"
                    if item.quote_lang == "fr"
                    else "brief.report_in_english"
                )
            spans.append(Span(t(lang, marker)))
    spans.append(Span(f" [{item.source_no}]"))
    return spans


def source_span(number: int, source: str, title: str = "") -> list[Span]:
    """ "[n] Title — https://…" or "[n] Title (file.txt)"; never an absolute path."""
    label, link = source_label(source)
    spans = [Span(f"[{number}] ")]
    if title and link:
        spans += [Span(f"{title} — "), Span(label, link=link)]
    elif title:
        spans.append(Span(f"{title} ({label})"))
    else:
        spans.append(Span(label, link=link))
    return spans


def briefing_reply(briefing: Briefing) -> Reply:
    lang = briefing.lang
    reply = Reply()
    reply.add(Span(briefing.headline, bold=True), kind="heading")
    if briefing.is_empty():
        reply.add(t(lang, "brief.empty"))
        return reply
    for section in briefing.sections:
        reply.add(Span(section.party_name, bold=True), kind="heading")
        for item in section.items:
            reply.blocks.append(_block(item_spans(item, section.party_name, lang)))
    if briefing.disputes:
        reply.add(Span(t(lang, "brief.disputes"), bold=True), kind="heading")
        for dispute in briefing.disputes:
            sides = " / ".join(f"{party} — {claim} [{n}]" for party, claim, n in dispute.sides)
            colon = " : " if lang == "fr" else ": "
            reply.add(Span("• "), Span(dispute.topic, bold=True), Span(colon + sides), kind="item")
    reply.add(Span(t(lang, "brief.sources"), bold=True), kind="heading")
    titles = briefing.source_titles
    for number, source in enumerate(briefing.sources, 1):
        title = titles[number - 1] if number <= len(titles) else ""
        reply.blocks.append(_block(source_span(number, source, title), kind="source"))
    return reply


def _block(spans: list[Span], kind: BlockKind = "item") -> Block:
    return Block(spans, kind=kind)
