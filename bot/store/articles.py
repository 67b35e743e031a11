"""Queries on articles, the per-article analysis cache and stored briefings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa

from bot.domain.models import Article, Position
from bot.store.db import Database
from bot.store.meta import utcnow
from bot.store.retry import retrying
from bot.store.tables import analyses, articles, briefings

AddStatus = Literal["new", "duplicate", "near_duplicate"]


@dataclass(frozen=True)
class AddResult:
    id: int
    status: AddStatus
    group_id: int


def _row_to_article(row: sa.Row[Any]) -> Article:
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        path=row.path,
        lang=row.lang,
        published=row.published,
        source_name=row.source_name,
        content_hash=row.content_hash,
        group_id=row.group_id,
        ingested=row.ingested_at,
    )


def find_existing(db: Database, content_hash: str, canonical_url: str | None) -> int | None:
    cond = articles.c.content_hash == content_hash
    if canonical_url:
        cond = sa.or_(cond, articles.c.canonical_url == canonical_url)
    with db.engine.connect() as conn:
        return conn.execute(sa.select(articles.c.id).where(cond).limit(1)).scalar()


@retrying
def insert_article(
    db: Database,
    article: Article,
    *,
    canonical_url: str | None,
    minhash: bytes | None,
    group_id: int | None,
) -> AddResult:
    """Store ``article`` unless its hash or canonical URL is known; near-dups join a group."""
    existing = find_existing(db, article.content_hash, canonical_url)
    if existing is not None:
        return AddResult(existing, "duplicate", existing)
    with db.engine.begin() as conn:
        try:
            new_id = conn.execute(
                articles.insert()
                .values(
                    content_hash=article.content_hash,
                    canonical_url=canonical_url,
                    url=article.url,
                    path=article.path,
                    title=article.title,
                    text=article.text,
                    lang=article.lang,
                    source_name=article.source_name,
                    published=article.published,
                    ingested_at=utcnow(),
                    group_id=group_id,
                    minhash=minhash,
                )
                .returning(articles.c.id)
            ).scalar_one()
        except sa.exc.IntegrityError:
            conn.rollback()
            again = find_existing(db, article.content_hash, canonical_url)
            if again is None:
                raise
            return AddResult(again, "duplicate", again)
        if group_id is None:
            conn.execute(articles.update().where(articles.c.id == new_id).values(group_id=new_id))
    article.id = new_id
    article.group_id = group_id or new_id
    status: AddStatus = "near_duplicate" if group_id is not None else "new"
    return AddResult(new_id, status, article.group_id)


def recent_minhashes(db: Database, limit: int = 5000) -> list[tuple[int, int, bytes]]:
    """(id, group id, signature) of the newest articles, for near-duplicate lookup."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(articles.c.id, articles.c.group_id, articles.c.minhash)
            .where(articles.c.minhash.is_not(None))
            .order_by(articles.c.id.desc())
            .limit(limit)
        ).all()
    return [(r.id, r.group_id or r.id, r.minhash) for r in rows]


def get_article(db: Database, article_id: int) -> Article | None:
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    return _row_to_article(row) if row else None


def list_articles(
    db: Database,
    *,
    since: datetime | None = None,
    ids: Iterable[int] | None = None,
    one_per_group: bool = True,
    limit: int | None = None,
) -> list[Article]:
    """Stored articles, oldest first; near-duplicates collapse to the first of their group."""
    query = sa.select(articles).order_by(articles.c.id)
    if since is not None:
        query = query.where(articles.c.ingested_at >= since)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    if one_per_group:
        query = query.where(
            sa.or_(articles.c.group_id.is_(None), articles.c.group_id == articles.c.id)
        )
    if limit is not None:
        query = query.limit(limit)
    with db.engine.connect() as conn:
        return [_row_to_article(r) for r in conn.execute(query)]


def count_articles(db: Database) -> tuple[int, datetime | None]:
    """(number of stored articles, time of the newest ingest)."""
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(sa.func.count(articles.c.id), sa.func.max(articles.c.ingested_at))
        ).one()
    last = row[1]
    if isinstance(last, datetime) and last.tzinfo is None:
        from datetime import UTC

        last = last.replace(tzinfo=UTC)
    return int(row[0]), last


def get_analysis(db: Database, content_hash: str, engine_key: str) -> list[Position] | None:
    with db.engine.connect() as conn:
        data = conn.execute(
            sa.select(analyses.c.positions).where(
                analyses.c.content_hash == content_hash, analyses.c.engine_key == engine_key
            )
        ).scalar()
    if data is None:
        return None
    return [Position.from_json(p) for p in data]


ANALYSES_PER_QUERY = 500  # content hashes per statement (bound parameters stay few)


def get_analyses(
    db: Database, content_hashes: Iterable[str], engine_key: str
) -> dict[str, list[dict[str, Any]]]:
    """The cached positions (as stored, JSON) of each of ``content_hashes`` that ``engine_key``
    analysed, in one statement per ``ANALYSES_PER_QUERY`` hashes: a question reads those of
    a few dozen articles, and one statement each cost more than the reading."""
    wanted = sorted(set(content_hashes))
    found: dict[str, list[dict[str, Any]]] = {}
    if not wanted:
        return found
    with db.engine.connect() as conn:
        for start in range(0, len(wanted), ANALYSES_PER_QUERY):
            rows = conn.execute(
                sa.select(analyses.c.content_hash, analyses.c.positions).where(
                    analyses.c.content_hash.in_(wanted[start : start + ANALYSES_PER_QUERY]),
                    analyses.c.engine_key == engine_key,
                )
            )
            found.update((r.content_hash, r.positions) for r in rows)
    return found


@retrying
def put_analysis(
    db: Database, content_hash: str, engine_key: str, positions: list[Position]
) -> None:
    payload = [p.to_json() for p in positions]
    with db.engine.begin() as conn:
        conn.execute(
            analyses.delete().where(
                analyses.c.content_hash == content_hash, analyses.c.engine_key == engine_key
            )
        )
        conn.execute(
            analyses.insert().values(
                content_hash=content_hash,
                engine_key=engine_key,
                positions=payload,
                created_at=utcnow(),
            )
        )


def get_briefing_body(db: Database, key: str) -> dict[str, Any] | None:
    stored = get_briefing(db, key)
    return stored.body if stored else None


@dataclass(frozen=True)
class StoredBriefing:
    body: dict[str, Any]
    fallback: bool  # built with offline positions while the model was failing
    created_at: datetime


def get_briefing(db: Database, key: str) -> StoredBriefing | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(briefings.c.body, briefings.c.fallback, briefings.c.created_at).where(
                briefings.c.key == key
            )
        ).first()
    return StoredBriefing(row[0], bool(row[1]), row[2]) if row else None


@retrying
def put_briefing_body(
    db: Database,
    key: str,
    *,
    lang: str,
    engine: str,
    body: dict[str, Any],
    period: tuple[datetime | None, datetime | None] = (None, None),
    fallback: bool = False,
) -> None:
    """Store a composed briefing once; a concurrent writer of the same key wins harmlessly.
    A stored ``fallback`` briefing is replaced (it is being rebuilt)."""
    with db.engine.begin() as conn:
        exists = conn.execute(
            sa.select(briefings.c.id, briefings.c.fallback).where(briefings.c.key == key)
        ).first()
        if exists and exists[1]:
            conn.execute(briefings.delete().where(briefings.c.id == exists[0]))
        elif exists:
            return
        try:
            conn.execute(
                briefings.insert().values(
                    key=key,
                    lang=lang,
                    engine=engine,
                    body=body,
                    period_start=period[0],
                    period_end=period[1],
                    created_at=utcnow(),
                    fallback=fallback,
                )
            )
        except sa.exc.IntegrityError:
            conn.rollback()
