"""What the composer leaves out of a briefing, whatever the extractor gave it: narration,
headings, figures reported by the journalist, and statements whose speaker is ambiguous (the
same words under several names or parties)."""

from __future__ import annotations

import re
from collections import defaultdict

from bot.brief.vocab import act_of
from bot.domain.models import Position
from bot.textnorm import ground_key

_SUBORDINATE_START = re.compile(
    r"^(?:lorsqu|quand\b|depuis qu|alors qu|tandis qu|pendant qu|après qu|avant qu|bien qu|"
    r"puisqu|when\b|while\b|since\b|as\b|after\b|before\b|although\b|whereas\b)",
    re.IGNORECASE,
)
# a meeting announced, the whole of what was said: the calendar, not a stand
_MEETING_NOTICE = re.compile(
    r"\b(?:annoncé|announced)\s+(?:la\s+tenue\s+d['’]une?|the\s+holding\s+of\s+an?|an?)\s+"
    r"(?:\w+\s+){0,2}(?:réunion|rencontre|sommet|conférence|meeting|summit|conference)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"(?:\d|\b(?:dizaines?|centaines?|milliers?|millions?|dozens?|hundreds?|thousands?|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|seven|eight|nine|ten)\b)"
    r"[^.]{0,80}?\b(?:tués?|tuées?|morts?|blessés?|blessées?|victimes?|disparus?|déplacés?|"
    r"réfugiés?|killed|dead|wounded|injured|casualties|victims|missing|displaced|refugees|"
    # strikes counted: "84 drones et quatre missiles", "dozens of shells"
    r"drones?|missiles?|roquettes?|obus|bombes?|frappes?|rockets?|shells?|strikes?|bombs?)\b",
    re.IGNORECASE,
)
_TURN_LABEL = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’\- ]{1,30}:\s*")  # a transcript's "STARMER: "
_POINTS_BACK = re.compile(
    r"\b(?:that|this|it|so|cela|ça|ceci|le|la)\s*[.!]?$|^(?:yes|no|oui|non|exactly|exactement)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_ONLY = re.compile(r"\b(?:selon|d'après|according to)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")


def is_statement(p: Position) -> bool:
    """False for what is not a stated position: background, headings, reported figures, and
    a few words that only point back ("I agree with that.")."""
    claim = _TURN_LABEL.sub("", (p.claim or "").strip(' «»"“”'))
    if len(claim.split()) <= 6 and _POINTS_BACK.search(claim):
        return False
    evidence = p.evidence.strip()
    if not claim or not evidence:
        return False
    if p.title and ground_key(p.title) in ground_key(evidence):
        return False  # the article's headline, not a statement in its body
    if _SUBORDINATE_START.match(claim):
        return False  # "Lorsque la Russie a annexé…": background, not a statement
    if _MEETING_NOTICE.search(_outside_quotes(claim)):
        return False  # "L'OTAN a annoncé la tenue d'une réunion … le 24 mars": a schedule
    act = act_of(_outside_quotes(evidence))
    has_quote = bool(p.quote and p.quote.strip())
    if act is None and not has_quote:
        return False
    only_attribution = act is not None and act.key == "says" and _only_attribution(evidence)
    if only_attribution and not _SENTENCE_END.search(evidence) and len(evidence) < 160:
        return False  # a sub-heading: "Pas d'avancée dans les négociations, selon X"
    # a toll or count the article reports is not a position
    return not (_FIGURE.search(_outside_quotes(claim)) and (only_attribution or not has_quote))


def _only_attribution(evidence: str) -> bool:
    text = _outside_quotes(evidence)
    if not _ATTRIBUTION_ONLY.search(text):
        return False
    return act_of(_ATTRIBUTION_ONLY.sub(" ", text)) is None


def _outside_quotes(text: str) -> str:
    return re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", text)


def drop_ambiguous(positions: list[Position], speaker_key: dict[int, str]) -> list[Position]:
    """Positions whose shown words also stand under another speaker or party are all left out.

    ``speaker_key`` maps ``id(position)`` to its canonical speaker key.
    """
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    keys: dict[int, list[str]] = {}
    for p in positions:
        texts = {ground_key(p.claim)} | ({ground_key(p.quote)} if p.quote else set())
        keys[id(p)] = [k for k in texts if len(k) > 12]
        for k in keys[id(p)]:
            owners[k].add((p.party_id, speaker_key[id(p)]))
    return [p for p in positions if all(len(owners[k]) == 1 for k in keys[id(p)])]
