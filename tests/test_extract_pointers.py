"""A sentence that only points back at the words before it ("C'est ce qu'a confié X") gives no
claim of its own: the words before are credited on their own."""

from __future__ import annotations

from bot.domain.models import Article
from tests.extract_support import engine


def test_a_pointer_back_is_no_claim() -> None:
    text = (
        "« Personne n'aime cette solution, mais c'est la seule qui sauve la face. » "
        "C'est ce qu'a confié au Figaro un haut responsable américain, qui a requis l'anonymat."
    )
    positions = engine().extract(Article(text=text, path="pointer.txt", lang="fr"))
    us = [p for p in positions if p.party_id == "US"]
    assert us and all("Personne n'aime cette solution" in p.claim for p in us), [
        p.claim for p in us
    ]
