"""Sentence index for question answering: splits stored articles into sentences and indexes them.

``index_article`` is idempotent (an article is indexed once, recorded in ``qa_indexed``, and a
concurrent indexer of the same article is harmless); ``ensure_indexed`` indexes a list of
articles and ``index_pending`` every stored article of a window not yet indexed.

SQLite keeps the stemmed text in the FTS5 table ``qa_fts`` (external content); PostgreSQL keeps
``to_tsvector('french'|'english', folded text)`` in ``qa_sentences.tsv`` (GIN index).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.domain.models import Article
from bot.qa.sentences import split_sentences
from bot.qa.text import stem_text
from bot.store import Database
from bot.store.meta import UTCDateTime, utcnow
from bot.store.qa_tables import qa_indexed, qa_sentences
from bot.store.tables import QA_PENDING, articles
from bot.textnorm import fold

log = logging.getLogger(__name__)

PG_INSERT = sa.text(
    "INSERT INTO qa_sentences (article_id, seq, lang, text, stems, ingested_at, tsv) "
    "VALUES (:article_id, :seq, :lang, :text, :stems, :ingested_at, "
    "to_tsvector(CAST(:config AS regconfig), :folded))"
)


# the lexemes of new sentences in qa_terms (m0007), in lexeme order (concurrent writers lock
# the same rows in the same order)
PG_TERMS = sa.text(
    "INSERT INTO qa_terms (lexeme, last_id) SELECT u.lexeme, max(s.id) "
    "FROM qa_sentences s, unnest(s.tsv) u WHERE s.article_id IN :ids "
    "GROUP BY u.lexeme ORDER BY u.lexeme "
    "ON CONFLICT (lexeme) DO UPDATE SET last_id = GREATEST(qa_terms.last_id, EXCLUDED.last_id)"
).bindparams(sa.bindparam("ids", expanding=True))


def ts_config(lang: str) -> str:
    """The PostgreSQL text-search configuration for an article language."""
    return "english" if lang == "en" else "french"


def article_sentences(article: Article) -> list[str]:
    """The sentences indexed for ``article``: its title (unless the text repeats it), its text."""
    sentences = split_sentences(article.text)
    title = (article.title or "").strip()
    if title and fold(title)[:60] not in fold(article.text[:1000]):
        sentences.insert(0, title)
    return sentences


def sentence_rows(
    article_id: int, lang: str, ingested_at: datetime, sentences: list[str]
) -> list[dict[str, Any]]:
    lang = "en" if lang == "en" else "fr"
    return [
        {
            "article_id": article_id,
            "seq": seq,
            "lang": lang,
            "text": text,
            "stems": stem_text(text, lang),
            "ingested_at": ingested_at,
            "config": ts_config(lang),
            "folded": fold(text),
        }
        for seq, text in enumerate(sentences)
    ]


def write_rows(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Insert sentence rows and their full-text entries (one dialect-specific statement each)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(PG_INSERT, rows)
        conn.execute(PG_TERMS, {"ids": sorted({r["article_id"] for r in rows})})
        return
    plain = [{k: v for k, v in r.items() if k not in ("config", "folded")} for r in rows]
    conn.execute(qa_sentences.insert(), plain)
    if conn.dialect.name == "sqlite":
        ids = sorted({r["article_id"] for r in rows})
        conn.execute(
            sa.text(
                "INSERT INTO qa_fts(rowid, stems) SELECT id, stems FROM qa_sentences "
                "WHERE article_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": ids},
        )


def is_indexed(db: Database, article_id: int) -> bool:
    with db.engine.connect() as conn:
        found = conn.execute(
            sa.select(qa_indexed.c.article_id).where(qa_indexed.c.article_id == article_id)
        ).first()
    return found is not None


def _done(conn: sa.Connection, article_id: int) -> None:
    """The article is no longer pending (``articles.qa_pending``, m0010)."""
    conn.execute(
        articles.update()
        .where(articles.c.id == article_id, articles.c.qa_pending)
        .values(qa_pending=False)
    )


def index_article(db: Database, article: Article) -> int:
    """Index ``article``'s sentences once; return how many were added (0 if already indexed)."""
    if article.id is None:
        raise ValueError("only stored articles can be indexed")
    if is_indexed(db, article.id):
        with db.engine.begin() as conn:  # indexed by a writer that left it pending
            _done(conn, article.id)
        return 0
    with db.engine.connect() as conn:
        ingested_at = conn.execute(
            sa.select(articles.c.ingested_at).where(articles.c.id == article.id)
        ).scalar()
    rows = sentence_rows(
        article.id, article.lang, ingested_at or utcnow(), article_sentences(article)
    )
    try:
        with db.engine.begin() as conn:
            conn.execute(
                qa_indexed.insert().values(
                    article_id=article.id,
                    content_hash=article.content_hash,
                    sentences=len(rows),
                    ingested_at=ingested_at or utcnow(),
                    indexed_at=utcnow(),
                )
            )
            write_rows(conn, rows)
            first = conn.execute(
                sa.select(sa.func.min(qa_sentences.c.id)).where(
                    qa_sentences.c.article_id == article.id
                )
            ).scalar()
            conn.execute(
                qa_indexed.update()
                .where(qa_indexed.c.article_id == article.id)
                .values(first_sentence_id=first)
            )
            _done(conn, article.id)
    except sa.exc.IntegrityError:
        log.debug("article %s was indexed concurrently", article.id)
        return 0
    return len(rows)


def ensure_indexed(db: Database, items: Iterable[Article]) -> int:
    """Index every article of ``items`` not indexed yet; return the number of new sentences."""
    return sum(index_article(db, a) for a in items if a.id is not None)


def pending_ids(db: Database, since: datetime | None, *, after_id: int = 0) -> list[int]:
    """Ids of stored articles (one per near-duplicate group) ingested since ``since`` and not
    indexed yet, in order: those still ``qa_pending``, read from their partial index (m0010;
    the statement repeats its condition so that both databases use it)."""
    sql = f"SELECT id FROM articles WHERE {QA_PENDING}"
    values: dict[str, object] = {}
    if after_id:
        sql += " AND id > :after"
        values["after"] = after_id
    if since is not None:
        sql += " AND ingested_at >= :since"
        values["since"] = since
    stmt = (
        sa.text(sql).bindparams(sa.bindparam("since", type_=UTCDateTime()))
        if since
        else sa.text(sql)
    )
    with db.engine.connect() as conn:
        return sorted(conn.execute(stmt, values).scalars())


def index_pending(db: Database, since: datetime | None, *, batch: int = 200) -> int:
    """Index every article of the window that is not indexed yet."""
    from bot.store import articles as store

    ids = pending_ids(db, since)
    added = 0
    for start in range(0, len(ids), batch):
        chunk = store.list_articles(db, ids=ids[start : start + batch], one_per_group=False)
        added += ensure_indexed(db, chunk)
    return added
