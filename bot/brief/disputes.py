"""Disputed claims: two different parties stating opposed things on one issue, each with its own
statement. A pair counts only when one side asks (demands, proposes, claims) and the other
refuses (rejects, denies, criticises), one of them addresses the other's party, and both are
mainly about the same specific issue. No dispute
is better than a false one."""

from __future__ import annotations

from bot.brief.items import Candidate
from bot.textnorm import ground_key

BROAD = {"talks", "military"}  # issues too wide for two statements on them to be opposed


def _opposed(ask: Candidate, refuse: Candidate) -> str | None:
    """The shared issue when ``refuse`` opposes ``ask``, else None."""
    a, r = ask.p, refuse.p
    if a.party_id == r.party_id or ask.act is None or refuse.act is None:
        return None
    if ask.act.side != "ask" or refuse.act.side != "refuse":
        return None
    if refuse.target != a.party_id and ask.target != r.party_id:
        return None  # neither addresses the other: two statements, not a dispute
    if ask.topic is None or ask.topic != refuse.topic or ask.topic in BROAD:
        return None  # both must be mainly about the same, specific issue
    if ground_key(a.quote or ask.claim) == ground_key(r.quote or refuse.claim):
        return None
    return ask.topic


def find_disputes(
    candidates: list[Candidate], limit: int = 2
) -> list[tuple[str, Candidate, Candidate]]:
    """(issue, asking side, refusing side), best-ranked pairs first, each party pair once."""
    pairs: list[tuple[float, str, Candidate, Candidate]] = []
    for ask in candidates:
        for refuse in candidates:
            issue = _opposed(ask, refuse)
            if issue is not None:
                pairs.append((ask.rank + refuse.rank, issue, ask, refuse))
    pairs.sort(key=lambda x: -x[0])
    out: list[tuple[str, Candidate, Candidate]] = []
    seen: set[frozenset[str]] = set()
    for _, issue, ask, refuse in pairs:
        key = frozenset((ask.p.party_id, refuse.p.party_id))
        if key in seen:
            continue
        seen.add(key)
        out.append((issue, ask, refuse))
        if len(out) == limit:
            break
    return out
