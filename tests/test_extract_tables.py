"""Extraction by phenomenon, read from data tables (tests/extract/<phenomenon>.toml): each case
is a text, the party expected, and optionally the speaker (a surname is enough), words of the
claim or of the evidence, a speaker it must not be (``not_speaker``), the speaker's role as
shown (``role``) or a role it must not be shown with (``not_role``), words no claim may hold
(``absent_claim``), the language, or
``absent = true`` when that party must not get a position."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from bot.textnorm import fold
from tests.extract_support import extract

TABLES = Path(__file__).resolve().parent / "extract"


def _cases() -> list[Any]:
    out = []
    for table in sorted(TABLES.glob("*.toml")):
        for i, case in enumerate(tomllib.loads(table.read_text(encoding="utf-8"))["case"]):
            out.append(pytest.param(case, id=f"{table.stem}-{i}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_phenomenon(case: dict[str, Any]) -> None:
    positions = extract(case["text"], case.get("lang", "fr"))
    mine = [p for p in positions if p.party_id == case["party"]]
    if "evidence" in case:
        mine = [p for p in mine if fold(case["evidence"]) in fold(p.evidence)]
    if case.get("absent"):
        assert not mine, [(p.speaker, p.claim) for p in mine]
        return
    assert mine, [(p.party_id, p.speaker, p.evidence) for p in positions]
    if "speaker" in case:
        assert any(fold(case["speaker"]) in fold(p.speaker) for p in mine), [
            p.speaker for p in mine
        ]
    if "not_speaker" in case:
        assert all(fold(case["not_speaker"]) not in fold(p.speaker) for p in mine), [
            p.speaker for p in mine
        ]
    if "role" in case:
        assert any(p.speaker_role == case["role"] for p in mine), [p.speaker_role for p in mine]
    if "not_role" in case:
        assert all(p.speaker_role != case["not_role"] for p in mine), [p.speaker_role for p in mine]
    if "absent_claim" in case:
        assert all(fold(case["absent_claim"]) not in fold(p.claim) for p in mine), [
            p.claim for p in mine
        ]
    if "claim" in case:
        assert any(fold(case["claim"]) in fold(p.claim) for p in mine), [p.claim for p in mine]
