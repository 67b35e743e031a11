"""The shared scorer's figures (``../shared/eval/score_positions.py``) computed in-process on
extracted positions: its own normalisation when the file is present, else the same few lines
reimplemented."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Callable

from bot.domain.models import Position
from tests.extract_support import PROJECT

SCORER = PROJECT.parent / "shared" / "eval" / "score_positions.py"


def normalise(text: str) -> str:
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u202f", " ")):
        text = text.replace(a, b)
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", normalise(text))
    return "".join(c for c in text if not unicodedata.combining(c))


def _scorer_functions() -> tuple[Callable[[str], str], Callable[[str], str]]:
    if SCORER.is_file():
        spec = importlib.util.spec_from_file_location("score_positions", SCORER)
        if spec and spec.loader:
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod.norm, mod.fold
    return normalise, _fold


def score(runs: list[tuple[str, list[Position], list[dict[str, object]]]]) -> dict[str, float]:
    """The scorer's figures: recall, speaker_acc, party_prec, precision, ungrounded, positions."""
    norm, fold = _scorer_functions()
    core = found = named = named_ok = keyed = keyed_ok = ungrounded = emitted = 0
    said = said_ok = 0
    for text, positions, items in runs:
        article = norm(text)
        emitted += len(positions)
        for p in positions:
            ev = norm(p.evidence)
            ungrounded += not ev or ev not in article
            parties = {g["party"] for g in items if norm(str(g["key"])) in ev}
            if parties:
                keyed += 1
                keyed_ok += p.party_id in parties
            # precision: the statement (claim or quote) under its party and person
            own = norm(" ".join((p.claim or "", p.quote or ""))) or ev
            mine = [g for g in items if norm(str(g["key"])) in own]
            if mine:
                said += 1
                said_ok += any(
                    g["party"] == p.party_id
                    and (not g["speaker"] or fold(str(g["speaker"])) in fold(p.speaker))
                    for g in mine
                )
        for g in items:
            if not g["core"]:
                continue
            core += 1
            key = norm(str(g["key"]))
            hits = [p for p in positions if p.party_id == g["party"] and key in norm(p.evidence)]
            found += bool(hits)
            if g["speaker"] and hits:
                named += 1
                named_ok += any(fold(str(g["speaker"])) in fold(h.speaker) for h in hits)
    return {
        "recall": found / core if core else 0.0,
        "speaker_acc": named_ok / named if named else 0.0,
        "party_prec": keyed_ok / keyed if keyed else 0.0,
        "precision": said_ok / said if said else 0.0,
        "ungrounded": ungrounded,
        "positions": emitted,
    }
