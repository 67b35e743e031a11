"""The offline engine on the shared real-article corpus (read at test time, never copied here)."""

from __future__ import annotations

import json

import pytest

from bot.domain.models import Article, Position
from bot.textnorm import is_grounded
from tests.extract_support import CORPUS, engine
from tests.scoring import score

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold.json").is_file(), reason="shared corpus not available"
)


@pytest.fixture(scope="module")
def results() -> list[tuple[str, Article, list[Position], list[dict[str, object]]]]:
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    out = []
    for name, items in gold.items():
        path = CORPUS / name
        art = Article(text=path.read_text(encoding="utf-8"), path=str(path), lang="fr")
        out.append((name, art, engine().extract(art), items))
    return out


def test_every_evidence_is_verbatim(results) -> None:  # type: ignore[no-untyped-def]
    for _, art, positions, _ in results:
        assert positions
        for p in positions:
            assert is_grounded(p.evidence, art.text), p.evidence
            assert p.evidence.strip() in art.text  # exact substring, not only after normalising
            assert p.claim and p.party_id and p.party_name
            if p.quote:
                assert all(is_grounded(part, art.text) for part in p.quote.split(" […] "))


def test_recall_speaker_and_party_on_gold(results) -> None:  # type: ignore[no-untyped-def]
    figures = score([(art.text, positions, items) for _, art, positions, items in results])
    assert figures["recall"] >= 0.9
    assert figures["speaker_acc"] >= 0.9
    assert figures["party_prec"] >= 0.95


def test_batch_and_single_extraction_agree(results) -> None:  # type: ignore[no-untyped-def]
    arts = [art for _, art, _, _ in results]
    batched = engine().extract_many(arts)
    for (_, _, single, _), many in zip(results, batched, strict=True):
        assert [p.to_json() for p in single] == [p.to_json() for p in many]
