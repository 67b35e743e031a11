"""Articles still to index for questions (``articles.qa_pending``, m0010): a stored article is
pending until its sentences are indexed, only group leaders of the window count, an article
indexed by a writer that left it pending is cleared without being indexed twice, and SQLite
reads the pending ones from their partial index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.qa.index import index_pending, pending_ids
from bot.store import Database
from bot.store.qa_tables import qa_indexed, qa_sentences
from bot.store.tables import articles
from tests.test_qa_unit import TEXT_A, TEXT_B, add

TEXT_C = "Kiev a demandé une réunion du Conseil de sécurité. Moscou a refusé."


def _flags(db: Database) -> dict[int, bool]:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.qa_pending)).all()
    return {r.id: bool(r.qa_pending) for r in rows}


def test_stored_articles_are_pending_until_indexed(any_db: Database) -> None:
    since = datetime.now(UTC) - timedelta(days=30)
    old = add(any_db, TEXT_B, when=datetime.now(UTC) - timedelta(days=40))
    new = add(any_db, TEXT_A)
    assert pending_ids(any_db, since) == [new.id]  # the old one is outside the window
    assert pending_ids(any_db, None) == sorted([old.id, new.id])
    assert index_pending(any_db, since) == 3
    assert pending_ids(any_db, since) == []
    assert _flags(any_db) == {old.id: True, new.id: False}
    assert index_pending(any_db, since) == 0


def test_only_group_leaders_are_pending(any_db: Database) -> None:
    since = datetime.now(UTC) - timedelta(days=30)
    leader = add(any_db, TEXT_A)
    copy = add(any_db, TEXT_C)
    with any_db.engine.begin() as conn:  # a near-duplicate of the first
        conn.execute(articles.update().where(articles.c.id == copy.id).values(group_id=leader.id))
    assert pending_ids(any_db, since) == [leader.id]


def test_indexed_but_left_pending_is_cleared_not_indexed_again(any_db: Database) -> None:
    since = datetime.now(UTC) - timedelta(days=30)
    a = add(any_db, TEXT_A)
    with any_db.engine.begin() as conn:  # another writer indexed it without the flag
        conn.execute(
            qa_indexed.insert().values(
                article_id=a.id,
                content_hash=a.content_hash,
                sentences=0,
                ingested_at=datetime.now(UTC),
                indexed_at=datetime.now(UTC),
            )
        )
    assert pending_ids(any_db, since) == [a.id]
    assert index_pending(any_db, since) == 0
    assert pending_ids(any_db, since) == []
    with any_db.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(qa_sentences)).scalar() == 0


def test_sqlite_reads_pending_articles_from_their_index(sqlite_db: Database) -> None:
    add(sqlite_db, TEXT_A)
    captured: list[str] = []

    def before(conn: object, cursor: object, statement: str, *_: object) -> None:
        if statement.startswith("SELECT id FROM articles"):
            captured.append(statement)

    sa.event.listen(sqlite_db.engine, "before_cursor_execute", before)
    pending_ids(sqlite_db, datetime.now(UTC) - timedelta(days=30))
    sa.event.remove(sqlite_db.engine, "before_cursor_execute", before)
    assert captured
    with sqlite_db.engine.connect() as conn:
        since = (datetime.now(UTC) - timedelta(days=30)).isoformat()
        plan = " ".join(
            str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {captured[0]}", (since,))
        )
    assert "ix_articles_qa_pending" in plan, plan
