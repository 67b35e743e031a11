"""Full-text query text and SQL for candidate retrieval, kept cheap on large stores.

A question expands to many alternative forms ("Russia" alone has ~60: aliases, people, French
and English stems), some of them very common. Three things keep the database's work bounded:

* forms that contain another form of the same set ("vladimir poutin" next to "poutin") match
  nothing more, and on SQLite forms with a word absent from the window's index match nothing:
  both are dropped before querying (exact, the same sentences match);
* retrieval runs in stages, strict first (every concept of the question: an AND of each
  concept's alternatives), then broad (any form) only to fill up what the strict stage left;
* each stage ranks (bm25 / ts_rank) at most ``RANKED`` matching sentences, the most recent of
  the window (highest sentence ids), instead of every match: ranking is the costly part and
  grows with how common the words are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa

from bot.qa.lexicon import Phrase
from bot.qa.text import tokens

RANKED = 2000  # matching sentences ranked per stage at most (the most recent ones)


def _within(longer: Phrase, shorter: Phrase) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def reduce_forms(forms: Iterable[Phrase]) -> set[Phrase]:
    """``forms`` without those containing another of them: a sentence matching "vladimir
    poutin" matches "poutin", so the OR of the remaining forms matches the same sentences."""
    unique = {f for f in forms if f}
    return {f for f in unique if not any(_within(f, g) for g in unique)}


def present_terms(conn: sa.Connection, terms: set[str], floor: int) -> set[str]:
    """The terms of ``terms`` that occur in SQLite's FTS index at or above sentence ``floor``
    (one statement; each check stops at the first hit)."""
    if not terms:
        return set()
    rows = conn.exec_driver_sql(
        "SELECT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM qa_fts "
        "WHERE qa_fts MATCH '\"' || replace(j.value, '\"', '\"\"') || '\"' AND rowid >= ?)",
        (json.dumps(sorted(terms)), floor),
    )
    return {r[0] for r in rows}


def _fts_string(phrase: Phrase) -> str:
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def fts5_query(forms: Iterable[Phrase]) -> str:
    """An FTS5 OR query over stem phrases."""
    return " OR ".join(sorted(_fts_string(f) for f in forms if f))


def fts5_all(groups: list[set[Phrase]]) -> str:
    """An FTS5 query matching sentences with a form of every group."""
    return " AND ".join(f"({fts5_query(g)})" for g in groups)


def websearch_terms(words: Iterable[str]) -> str:
    """A websearch_to_tsquery string: folded words or quoted phrases joined by "or"."""
    parts = []
    for text in sorted(set(words)):
        clean = tokens(text)
        if not clean:
            continue
        parts.append('"' + " ".join(clean) + '"' if len(clean) > 1 else clean[0])
    return " or ".join(parts)


COLUMNS = "s.id, s.article_id, s.seq, s.lang, s.text, s.stems"


def sqlite_sql(extra: str, *, scoped: bool) -> str:
    """One SQLite stage: the FTS5 matches of ``:q`` in the window (``rowid >= :floor``), the
    ``:ranked`` most recent of them scored with bm25, the best ``:limit`` returned. With
    ``scoped`` the matches are restricted to the sentences of the articles ``:ids`` instead."""
    where = (
        "rowid IN (SELECT id FROM qa_sentences WHERE article_id IN :ids)"
        if scoped
        else ("rowid >= :floor")
    )
    return (
        f"SELECT {COLUMNS}, -m.b AS r FROM (SELECT rowid AS id, bm25(qa_fts) AS b FROM qa_fts "
        f"WHERE qa_fts MATCH :q AND {where} ORDER BY rowid DESC LIMIT :ranked) m "
        f"JOIN qa_sentences s ON s.id = m.id WHERE 1 = 1{extra} ORDER BY m.b LIMIT :limit"
    )


def pg_tsqueries(groups: list[str]) -> tuple[str, str]:
    """The French and English tsquery expressions: the AND (``&&``) of the group parameters
    ``:g0``, ``:g1``… each parsed by websearch_to_tsquery."""
    french = " && ".join(f"websearch_to_tsquery('french', :g{i})" for i in range(len(groups)))
    english = " && ".join(f"websearch_to_tsquery('english', :g{i})" for i in range(len(groups)))
    return french, english


def pg_sql(groups: list[str], extra: str, *, scoped: bool) -> str:
    """One PostgreSQL stage: sentences whose ``tsv`` matches every group (GIN index), in the
    window (``s.id >= :floor`` and ingest time) or the articles ``:ids``, the ``:ranked`` most
    recent of them ranked with ts_rank, the best ``:limit`` returned."""
    french, english = pg_tsqueries(groups)
    window = "" if scoped else " AND s.id >= :floor"
    return (
        f"WITH q AS (SELECT {french} AS qf, {english} AS qe), m AS ("
        f"SELECT {COLUMNS}, s.tsv FROM qa_sentences s, q "
        "WHERE ((s.lang <> 'en' AND s.tsv @@ q.qf) OR (s.lang = 'en' AND s.tsv @@ q.qe))"
        f"{window}{extra} ORDER BY s.id DESC LIMIT :ranked) "
        "SELECT m.id, m.article_id, m.seq, m.lang, m.text, m.stems, "
        "ts_rank(m.tsv, CASE WHEN m.lang = 'en' THEN q.qe ELSE q.qf END) AS r FROM m, q "
        "ORDER BY r DESC, m.id DESC LIMIT :limit"
    )
