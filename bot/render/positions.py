"""Listings of positions: the JSON contract, Markdown and plain text, grouped by party."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from bot.brief.sources import source_label
from bot.domain.models import OTHER_PARTY, Lang, Position
from bot.domain.parties import PartyBook


def group_by_party(positions: list[Position], book: PartyBook) -> list[tuple[str, list[Position]]]:
    """Parties in config order (OTHER last), positions in article order."""
    groups: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        groups[p.party_id].append(p)
    order = {p.id: i for i, p in enumerate(book.parties)}
    ids = sorted(groups, key=lambda pid: (pid == OTHER_PARTY, order.get(pid, 999), pid))
    return [(pid, groups[pid]) for pid in ids]


def positions_json(positions: list[Position], book: PartyBook) -> dict[str, Any]:
    """The contract read by ../shared/eval/score_positions.py, with extra fields."""
    parties = []
    for pid, items in group_by_party(positions, book):
        lang: Lang = "fr" if (items and items[0].lang == "fr") else "en"
        parties.append(
            {
                "id": pid,
                "name": book.name(pid, lang),
                "positions": [
                    {
                        "speaker": p.speaker,
                        "role": p.speaker_role,
                        "claim": p.claim,
                        "evidence": p.evidence,
                        "quote": p.quote,
                        "kind": p.kind,
                        "topics": p.topics,
                        "source": p.source,
                        "published": p.published.isoformat() if p.published else None,
                    }
                    for p in items
                ],
            }
        )
    return {"parties": parties}


def _who(p: Position, book: PartyBook, lang: Lang) -> str:
    who = p.speaker or book.name(p.party_id, lang)
    return f"{who} ({p.speaker_role})" if p.speaker_role else who


def _source(p: Position) -> str:
    """The article as a reader can follow it: its title, then its link or file name."""
    label = source_label(p.source)[0]
    return f"{p.title} — {label}" if p.title else label


def positions_markdown(positions: list[Position], book: PartyBook, lang: Lang) -> str:
    lines: list[str] = []
    for pid, items in group_by_party(positions, book):
        lines.append(f"## {book.name(pid, lang)} ({pid})\n")
        for p in items:
            evidence = p.evidence.replace("\n", " ")
            lines.append(f"- **{_who(p, book, lang)}**: {p.claim}")
            lines.append(f"  > {evidence}")
            lines.append(f"  — {_source(p)}\n")
    return "\n".join(lines) + ("\n" if lines else "")


def _as_quoted(evidence: str) -> str:
    """Evidence between « », unless it is itself one quotation already."""
    closer = {"«": "»", "“": "”", '"': '"'}.get(evidence[:1])
    body = evidence.rstrip(" .")
    if closer and body.endswith(closer) and evidence[:1] not in body[1:-1]:
        return evidence
    return f"« {evidence} »"


def positions_text(positions: list[Position], book: PartyBook, lang: Lang) -> str:
    if not positions:
        return "No position found." if lang == "en" else "Aucune position trouvée."
    lines: list[str] = []
    for pid, items in group_by_party(positions, book):
        lines.append(f"{book.name(pid, lang)} [{pid}] — {len(items)}")
        for p in items:
            lines.append(f"  • {_who(p, book, lang)}: {p.claim}")
            lines.append(f"    {_as_quoted(' '.join(p.evidence.split()))}")
            topics = f" [{', '.join(p.topics)}]" if p.topics else ""
            lines.append(f"    {_source(p)}{topics}")
        lines.append("")
    return "\n".join(lines)
