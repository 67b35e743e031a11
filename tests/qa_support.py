"""Helpers for the Q&A tests: a bot over the shared corpus (through the real ingest pipeline,
with a direct store insert for any file the pipeline could not read)."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from bot.app import build_bot
from bot.models import Article
from bot.service import BriefBot
from bot.settings import Settings
from bot.store import articles as store
from tests.conftest import CORPUS


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_bot(settings: Settings) -> tuple[BriefBot, dict[int, str]]:
    """A bot with the corpus stored; article id -> file name."""
    bot = build_bot(settings)
    files = corpus_files()
    # the Q&A needs only the store: files the ingest pipeline cannot read are stored directly
    with contextlib.suppress(Exception):
        bot.ingest([str(f) for f in files])
    names: dict[int, str] = {}
    for article in store.list_articles(bot.db, one_per_group=False):
        for f in files:
            if article.path and Path(article.path).name == f.name:
                names[article.id or 0] = f.name
    for f in files:
        if f.name in names.values():
            continue
        text = f.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        added = store.insert_article(
            bot.db,
            Article(text=text, path=str(f), lang="fr", content_hash=digest),
            canonical_url=None,
            minhash=None,
            group_id=None,
        )
        names[added.id] = f.name
    return bot, names
