"""Full-text stages for candidate retrieval, each of bounded cost on a large store.

A question expands to many alternative forms ("Russia" alone has ~60: aliases, people, French
and English stems), some very common. Ranking every match of the window was the cost: on
SQLite, bm25 also reads the whole-history doclist of every phrase on each query (its IDF),
~15 ms for the Russia forms alone on 750k sentences, and then scores each match. So:

* forms that contain another form of the same group ("vladimir poutin" next to "poutin")
  match nothing more, and on SQLite forms with a word absent from the window's index match
  nothing: both are dropped before querying (the same sentences match);
* retrieval runs in stages, from the sentences most likely to answer to the least: ``strict``
  (a form of every concept), ``required`` (what an answering sentence must name: the named
  entities, some content word; see ``search.is_supporting``), ``broad`` (any form). A later
  stage only fills up what the earlier ones left, and the Python scoring ranks the pool;
* within a stage the database returns the most recent matches of the window (highest
  sentence ids, a rowid range for FTS5), at most the number still wanted: no ranking of every
  match on SQLite; on PostgreSQL ts_rank orders at most ``RANKED`` recent matches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa

from bot.qa.lexicon import Phrase
from bot.qa.query import Concept, Query
from bot.qa.text import tokens

RANKED = 2000  # PostgreSQL: recent matches of the broad stage ordered in the database, at most

Stage = list[list[Concept]]  # an AND of groups, each group an OR of its concepts' forms


def stages(query: Query) -> list[Stage]:
    """The stages of ``query``, strict first, without repeats."""
    concepts = query.concepts
    entities = [c for c in concepts if c.kind == "entity"]
    content = [c for c in concepts if c.kind == "content"]
    # all named entities when one or two are asked about, else any of them (n-1 must match)
    required = [[e] for e in entities] if len(entities) <= 2 else [entities]
    required = [g for g in required if g] + ([content] if content else [])
    out: list[Stage] = []
    for stage in ([[c] for c in concepts], required, [concepts]):
        if stage and stage not in out:
            out.append(stage)
    return out


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


def fts5_stages(conn: sa.Connection, query: Query, floor: int) -> list[str]:
    """The FTS5 query of each stage that can match in the window."""
    present = present_terms(conn, {w for f in query.all_forms() for w in f}, floor)
    out = []
    for stage in stages(query):
        groups = [
            reduce_forms(f for c in group for f in c.forms if all(w in present for w in f))
            for group in stage
        ]
        if all(groups):
            out.append(" AND ".join(f"({fts5_query(g)})" for g in groups))
    return out


def websearch_terms(words: Iterable[str]) -> str:
    """A websearch_to_tsquery string: folded words or quoted phrases joined by "or"."""
    parts = []
    for text in sorted(set(words)):
        clean = tokens(text)
        if not clean:
            continue
        parts.append('"' + " ".join(clean) + '"' if len(clean) > 1 else clean[0])
    return " or ".join(parts)


def pg_stages(query: Query) -> list[list[str]]:
    """The websearch strings of each stage (one per group, to be joined with ``&&``)."""
    out = []
    for stage in stages(query):
        groups = [websearch_terms(w for c in group for w in c.words) for group in stage]
        if all(groups):
            out.append(groups)
    return out


COLUMNS = "s.id, s.article_id, s.seq, s.lang, s.text, s.stems"


def sqlite_sql(extra: str, *, scoped: bool) -> str:
    """One SQLite stage: the ``:limit`` most recent FTS5 matches of ``:q`` in the window
    (``rowid >= :floor``) or, ``scoped``, among the sentences of the articles ``:ids``."""
    where = (
        "rowid IN (SELECT id FROM qa_sentences WHERE article_id IN :ids)"
        if scoped
        else "rowid >= :floor"
    )
    return (
        f"SELECT {COLUMNS}, 0.0 AS r FROM qa_sentences s WHERE s.id IN (SELECT rowid FROM qa_fts "
        f"WHERE qa_fts MATCH :q AND {where} ORDER BY rowid DESC LIMIT :limit){extra} "
        "ORDER BY s.id DESC"
    )


def _pg_match(groups: list[str], first: int) -> str:
    """``s`` matches every group (websearch strings bound as ``:g<first>``, ``:g<first+1>``…)."""
    names = [f":g{first + i}" for i in range(len(groups))]
    french = " && ".join(f"websearch_to_tsquery('french', {n})" for n in names)
    english = " && ".join(f"websearch_to_tsquery('english', {n})" for n in names)
    return f"((s.lang <> 'en' AND s.tsv @@ ({french})) OR (s.lang = 'en' AND s.tsv @@ ({english})))"


def pg_sql(stages: list[list[str]], extra: str, *, scoped: bool) -> tuple[str, dict[str, str]]:
    """The PostgreSQL statement and its group parameters: the ``:ranked`` most recent
    sentences matching the last (broadest) stage in the window (``s.id >= :floor`` and ingest
    time) or among the articles ``:ids``, then the best ``:limit`` of them by the number of
    earlier stages they also match, then ts_rank (as ``r``: stages matched + a fraction).

    One statement rather than one per stage: on PostgreSQL a strict stage over the whole
    window costs as much as the broad one whatever the plan (the GIN index reads the whole
    history's postings of common words; the window's rows each test a large tsquery), while
    the recent rows of the broad stage come cheaply (common words) or from the index (rare).
    The tsquery expressions are written out where used (not in a CTE) so that the planner
    folds them into constants and estimates from the lexeme statistics which path is cheaper.
    """
    params: dict[str, str] = {}
    matches = []
    for stage in stages:
        matches.append(_pg_match(stage, len(params)))
        params.update({f"g{len(params) + i}": g for i, g in enumerate(stage)})
    last = f":g{len(params) - 1}"  # the broad stage: one group, ranked with ts_rank
    french, english = (f"websearch_to_tsquery('{c}', {last})" for c in ("french", "english"))
    bonus = "".join(f" + CASE WHEN {m} THEN 1 ELSE 0 END" for m in matches[:-1])
    rank = f"ts_rank(s.tsv, CASE WHEN s.lang = 'en' THEN {english} ELSE {french} END)"
    window = "" if scoped else " AND s.id >= :floor"
    # ts_rank once per row (OFFSET 0 keeps the planner from inlining ``rk`` twice)
    sql = (
        f"SELECT {COLUMNS}, 1{bonus} + s.rk / (1 + s.rk) AS r FROM (SELECT s.*, {rank} AS rk "
        f"FROM (SELECT {COLUMNS}, s.tsv FROM qa_sentences s WHERE {matches[-1]}{window}{extra} "
        "ORDER BY s.id DESC LIMIT :ranked) s OFFSET 0) s ORDER BY r DESC, s.id DESC LIMIT :limit"
    )
    return sql, params
