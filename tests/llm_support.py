"""Shared helpers for the LLM tests: a small party book, a sample article, client factory."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from bot.domain.models import Article, Party
from bot.domain.parties import PartyBook
from bot.llm.client import LLMClient
from bot.settings import Settings
from bot.store import Database
from tests.fakes.openai_server import FakeOpenAI

BOOK = PartyBook(
    [
        Party("UA", "Ukraine", "Ukraine", aliases=("Kiev",)),
        Party("RU", "Russie", "Russia", aliases=("Kremlin",)),
    ]
)

TEXT = (
    "Genève, 3 mars. Le porte-parole du Kremlin, Dmitri Peskov, a déclaré : "
    "« Nous n’accepterons  jamais un cessez-le-feu sans garanties. »\n"
    "Le président ukrainien Volodymyr Zelensky a répondu que Kiev refusait toute "
    "concession territoriale.\n"
    "Un analyste indépendant, Jean Martin, estime que les pourparlers vont durer."
)


def article(text: str = TEXT, *, title: str = "Pourparlers à Genève", n: int = 1) -> Article:
    return Article(
        text=text,
        title=title,
        url=f"https://news.example/{n}",
        lang="fr",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        id=n,
    )


def peskov(**over: Any) -> dict[str, Any]:
    item = {
        "party_id": "RU",
        "speaker": "Dmitri Peskov",
        "role": "porte-parole du Kremlin",
        "claim": "La Russie refuse un cessez-le-feu sans garanties.",
        # the model normalised the apostrophe and the double space: still grounded
        "evidence": "Nous n'accepterons jamais un cessez-le-feu sans garanties.",
        "quote": "Nous n'accepterons jamais un cessez-le-feu sans garanties.",
        "topics": ["ceasefire", "security_guarantees", "not_a_topic"],
    }
    item.update(over)
    return item


def zelensky(**over: Any) -> dict[str, Any]:
    item = {
        "party_id": "UA",
        "speaker": "Volodymyr Zelensky",
        "role": "président ukrainien",
        "claim": "L'Ukraine refuse toute concession territoriale.",
        "evidence": "Kiev refusait toute concession territoriale",
        "quote": "",
        "topics": ["territory"],
    }
    item.update(over)
    return item


def llm_settings(server: FakeOpenAI, tmp_path: Path, **over: Any) -> Settings:
    values: dict[str, Any] = {
        "engine": "llm",
        "openai_base_url": server.base_url,
        "llm_timeout": 2.0,
        "llm_max_retries": 1,
        "data_dir": tmp_path / "data",
    }
    values.update(over)
    return Settings(**values)


def make_llm(
    server: FakeOpenAI, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **over: Any
) -> LLMClient:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-fake-key")
    return LLMClient(llm_settings(server, tmp_path, **over), db)
