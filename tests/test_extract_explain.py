"""`positions --explain`: every sentence with what each stage decided, then the positions."""

from __future__ import annotations

from bot.domain.models import Article
from bot.extract.rules.explain import explain
from tests.extract_support import engine


def test_explain_lists_each_sentence_with_its_stages() -> None:
    text = (
        "Par Julie Martin\n\n"
        "« Nous ne céderons rien », a déclaré le ministre ukrainien des Affaires étrangères, "
        "Andrii Sybiha. Le temps était gris."
    )
    out = explain(engine(), Article(text=text, lang="fr", path="t.txt", content_hash="x"))
    assert "[1] Par Julie Martin\n    skipped: byline" in out
    assert "cues: post: a déclaré" in out and "speakers: UA Andrii Sybiha" in out
    assert "[3] Le temps était gris." in out
    assert out.rstrip().endswith("UA Andrii Sybiha [quote] Nous ne céderons rien")
    assert engine().trace is None  # tracing stops after the article
