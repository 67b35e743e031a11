"""Helpers for the Q&A tests: a bot over the shared corpus, stored through the real ingest
pipeline (an ingest error fails the test)."""

from __future__ import annotations

from pathlib import Path

from bot.app import build_bot
from bot.service import BriefBot
from bot.settings import Settings
from bot.store import articles as store
from tests.conftest import CORPUS


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_bot(settings: Settings) -> tuple[BriefBot, dict[int, str]]:
    """A bot with the corpus ingested; article id -> file name."""
    bot = build_bot(settings)
    files = corpus_files()
    report = bot.ingest([str(f) for f in files])
    errors = [f"{i.input}: {i.reason}" for i in report.items if i.status == "error"]
    assert not errors, errors
    names: dict[int, str] = {}
    for article in store.list_articles(bot.db, one_per_group=False):
        for f in files:
            if article.path and Path(article.path).name == f.name:
                names[article.id or 0] = f.name
    assert sorted(names.values()) == [f.name for f in files]
    return bot, names
