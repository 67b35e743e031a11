"""`briefbot positions --explain FILE`: each sentence of one article with what each stage of
the offline engine decided (person mentions, cues, speakers, the speaker kept after quotes are
handed on), then the positions it emitted."""

from __future__ import annotations

from bot.domain.models import Article
from bot.extract.rules.offline import OfflineEngine


def explain(engine: OfflineEngine, article: Article) -> str:
    """A readable trace of the engine on ``article``."""
    engine.trace = []
    try:
        positions = engine.extract(article)
        trace = engine.trace
    finally:
        engine.trace = None
    lines: list[str] = []
    for i, rec in enumerate(trace, 1):
        lines.append(f"[{i}] {rec['sentence']}")
        if rec["skipped"]:
            lines.append(f"    skipped: {rec['skipped']}")
        for label in ("mentions", "cues", "speakers", "final"):
            if rec.get(label):
                lines.append(f"    {label}: " + "; ".join(rec[label]))
    lines.append("")
    lines.append(f"positions ({len(positions)}):")
    for p in positions:
        lines.append(f"  {p.party_id} {p.speaker or '-'} [{p.kind}] {p.claim}")
    return "\n".join(lines) + "\n"
