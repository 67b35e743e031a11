"""Store: migrations, article dedup by hash and URL, analysis cache, briefings, chats."""

from __future__ import annotations

import sqlalchemy as sa

from bot.domain.models import Article, Position
from bot.store import Database, chats
from bot.store import articles as store
from bot.store.migrations import apply, discover


def test_migrations_are_numbered_and_recorded(any_db: Database) -> None:
    versions = [m.version for m in discover()]
    assert versions == sorted(versions) and versions[0] == 1
    with any_db.engine.connect() as conn:
        recorded = conn.execute(sa.text("SELECT version FROM schema_migrations")).scalars().all()
    assert sorted(recorded) == versions
    assert apply(any_db.engine) == []  # nothing applied twice


def test_article_dedup_by_hash_and_canonical_url(any_db: Database) -> None:
    first = store.insert_article(
        any_db,
        Article(text="un", content_hash="h1", url="https://ex.org/a"),
        canonical_url="https://ex.org/a",
        minhash=None,
        group_id=None,
    )
    assert first.status == "new" and first.group_id == first.id
    same_hash = store.insert_article(
        any_db,
        Article(text="un", content_hash="h1"),
        canonical_url=None,
        minhash=None,
        group_id=None,
    )
    same_url = store.insert_article(
        any_db,
        Article(text="deux", content_hash="h2"),
        canonical_url="https://ex.org/a",
        minhash=None,
        group_id=None,
    )
    assert same_hash.status == same_url.status == "duplicate"
    near = store.insert_article(
        any_db,
        Article(text="trois", content_hash="h3"),
        canonical_url=None,
        minhash=b"sig",
        group_id=first.id,
    )
    assert near.status == "near_duplicate" and near.group_id == first.id
    listed = store.list_articles(any_db)
    assert [a.content_hash for a in listed] == ["h1"]  # the near-duplicate collapses
    assert len(store.list_articles(any_db, one_per_group=False)) == 2
    assert store.recent_minhashes(any_db) == [(near.id, first.id, b"sig")]
    count, last = store.count_articles(any_db)
    assert count == 2 and last is not None and last.tzinfo is not None


def test_analysis_cache_round_trip(any_db: Database) -> None:
    assert store.get_analysis(any_db, "h", "offline:1") is None
    position = Position("UA", "Ukraine", "A. B.", "ministre", "claim", "evidence", "src")
    store.put_analysis(any_db, "h", "offline:1", [position])
    store.put_analysis(any_db, "h", "offline:1", [position])  # replaced, not duplicated
    cached = store.get_analysis(any_db, "h", "offline:1")
    assert cached == [position]
    assert store.get_analysis(any_db, "h", "llm:x") is None


def test_briefing_stored_once(any_db: Database) -> None:
    store.put_briefing_body(any_db, "k", lang="fr", engine="offline", body={"a": 1})
    store.put_briefing_body(any_db, "k", lang="fr", engine="offline", body={"a": 2})
    assert store.get_briefing_body(any_db, "k") == {"a": 1}


def test_chats_are_isolated_per_platform_and_id(any_db: Database) -> None:
    chats.ensure_chat(any_db, "telegram", "1", is_private=True)
    chats.ensure_chat(any_db, "slack", "1", is_private=False)
    chats.update_chat(any_db, "telegram", "1", lang="en")
    assert chats.get_chat(any_db, "telegram", "1").lang == "en"  # type: ignore[union-attr]
    assert chats.get_chat(any_db, "slack", "1").lang is None  # type: ignore[union-attr]
    chats.subscribe(any_db, "telegram", "1", "07:30", "Europe/Paris")
    chats.subscribe(any_db, "telegram", "1", "08:00", "Europe/Kyiv")
    assert chats.list_subscriptions(any_db) == [
        chats.Subscription("telegram", "1", "08:00", "Europe/Kyiv")
    ]
    assert chats.unsubscribe(any_db, "telegram", "1") is True
    assert chats.unsubscribe(any_db, "telegram", "1") is False
    assert chats.add_source(any_db, "https://ex.org/feed") is True
    assert chats.add_source(any_db, "https://ex.org/feed") is False
    assert [s.url for s in chats.list_sources(any_db)] == ["https://ex.org/feed"]
    assert chats.remove_source(any_db, "https://ex.org/feed") is True
