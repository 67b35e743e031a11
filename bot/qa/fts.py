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
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

import sqlalchemy as sa

from bot.qa import tsquery
from bot.qa.lexicon import Phrase
from bot.qa.query import Concept, Query
from bot.qa.text import tokens

RANKED = 2000  # PostgreSQL: recent matches of the broad stage ordered in the database, at most

Stage = list[list[Concept]]  # an AND of groups, each group an OR of its concepts' forms


def stages(query: Query) -> list[Stage]:
    """The stages of ``query``, strict first, without repeats (in any group order)."""
    concepts = query.concepts
    entities = [c for c in concepts if c.kind == "entity"]
    content = [c for c in concepts if c.kind == "content"]
    # all named entities when one or two are asked about, else any of them (n-1 must match)
    required = [[e] for e in entities] if len(entities) <= 2 else [entities]
    required = [g for g in required if g] + ([content] if content else [])
    out: list[Stage] = []
    for stage in ([[c] for c in concepts], required, [concepts]):
        if stage and not any(_same(stage, earlier) for earlier in out):
            out.append(stage)
    return out


def _same(a: Stage, b: Stage) -> bool:
    """The same groups, in any order (the strict and the required stage of "plan de paix"
    and "Macron" are one AND: the second finds nothing new)."""
    return len(a) == len(b) and all(a.count(group) == b.count(group) for group in a)


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


def fts5_stages(conn: sa.Connection, query: Query, floor: int) -> list[list[str]]:
    """The FTS5 queries of each stage that can match in the window, one per group (to be
    ANDed), in a fixed order: a stage written again with its groups in another order (the
    strict and the required stage of "Macron" and "plan de paix") reads the same."""
    present = present_terms(conn, {w for f in query.all_forms() for w in f}, floor)
    out = []
    for stage in stages(query):
        groups = [
            reduce_forms(f for c in group for f in c.forms if all(w in present for w in f))
            for group in stage
        ]
        if all(groups):
            out.append(sorted(fts5_query(g) for g in groups))
    return out


@lru_cache(maxsize=65536)
def _part(text: str) -> str:
    """A folded word or quoted phrase of a websearch string ("" for no word)."""
    clean = tokens(text)
    return '"' + " ".join(clean) + '"' if len(clean) > 1 else (clean[0] if clean else "")


def websearch_terms(words: Iterable[str], keep: set[str] | None = None) -> str:
    """A websearch_to_tsquery string: folded words or quoted phrases joined by "or" (only
    those in ``keep`` when given)."""
    parts = {_part(text) for text in words} - {""}
    return " or ".join(sorted(p for p in parts if keep is None or p in keep))


def pg_parts(query: Query) -> set[str]:
    """Every word or quoted phrase of the websearch strings of ``query``."""
    return {_part(w) for c in query.concepts for w in c.words} - {""}


T = TypeVar("T")


def _per_config(
    conn: sa.Connection,
    cache: dict[str, tuple[T, T]],
    keys: set[str],
    expression: str,
    convert: Callable[[Any], T],
) -> dict[str, tuple[T, T]]:
    """The French and English ``expression`` (SQL of the text ``k``) of each of ``keys``,
    converted; those not in ``cache`` in one statement, then remembered (the same question
    words come back)."""
    missing = sorted(k for k in keys if k not in cache)
    if missing:
        if len(cache) > 50_000:
            cache.clear()
        both = ", ".join(expression.format(config=c) for c in ("french", "english"))
        rows = conn.execute(
            sa.text(f"SELECT k, {both} FROM unnest(CAST(:keys AS text[])) k"), {"keys": missing}
        )
        for key, french, english in rows:
            cache[key] = (convert(french), convert(english))
    return {k: cache[k] for k in keys}


_LEXEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # part -> French, English


def _part_lexemes(
    conn: sa.Connection, parts: set[str]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The lexemes of each part in PostgreSQL's French and English configurations."""
    expression = "tsvector_to_array(to_tsvector('{config}', k))"
    return _per_config(conn, _LEXEMES, parts, expression, tuple)


_TSQUERIES: dict[str, tuple[str, str]] = {}  # websearch string -> its reduced French, English


def pg_reduced(conn: sa.Connection, groups: set[str]) -> dict[str, tuple[str, str]]:
    """The French and English tsquery of each websearch string as text, without the operands
    that match nothing more (``bot.qa.tsquery``)."""
    expression = "CAST(websearch_to_tsquery('{config}', k) AS text)"
    return _per_config(conn, _TSQUERIES, groups, expression, tsquery.reduce)


def pg_present(conn: sa.Connection, parts: set[str], floor: int) -> tuple[set[str], set[str]]:
    """The parts of ``parts`` whose lexemes (French or English) all occur in a sentence at or
    above ``floor`` (``qa_terms``, m0007), and those with any lexeme there. Only the first can
    match in the window (a part without lexemes, stop words, matches nothing); only the second
    add to ts_rank there."""
    if not parts:
        return set(), set()
    lexemes = _part_lexemes(conn, parts)
    wanted = sorted({w for configs in lexemes.values() for words in configs for w in words})
    found = {
        r[0]
        for r in conn.execute(
            sa.text(
                "SELECT lexeme FROM qa_terms WHERE lexeme = ANY(CAST(:words AS text[])) "
                "AND last_id >= :floor"
            ),
            {"words": wanted, "floor": floor},
        )
    }
    every = {p for p, configs in lexemes.items() if any(w and set(w) <= found for w in configs)}
    some = {p for p, configs in lexemes.items() if any(x in found for w in configs for x in w)}
    return every, some


def pg_stages(query: Query, keep: set[str] | None = None) -> list[list[str]]:
    """The websearch strings of each stage (one per group, to be joined with ``&&``, in a
    fixed order as in ``fts5_stages``), with only the parts in ``keep`` when given: a stage
    with a group left empty cannot match."""
    out = []
    for stage in stages(query):
        groups = [websearch_terms((w for c in group for w in c.words), keep) for group in stage]
        if all(groups):
            out.append(sorted(groups))
    return out


COLUMNS = "s.id, s.article_id, s.seq, s.lang, s.text, s.stems"


# the sentences of the articles ``:ids``: their rowid range for FTS5 (empty without any), and
# the list tested on what it returns (``+``: as a constraint, FTS5 ran the query once per
# listed rowid, 0.1-1 s for a digest of 15 articles among 100,000, 17 s for 300)
SCOPED = (
    "rowid >= coalesce((SELECT min(id) FROM qa_sentences WHERE article_id IN :ids), 1) "
    "AND rowid <= coalesce((SELECT max(id) FROM qa_sentences WHERE article_id IN :ids), 0) "
    "AND +rowid IN (SELECT id FROM qa_sentences WHERE article_id IN :ids)"
)


def _phrase_in(group: str) -> bool:
    """Whether an FTS5 OR query of ``fts5_query`` holds a phrase of several stems."""
    return any(" " in p for p in re.findall(r'"((?:[^"]|"")*)"', group))


def sqlite_sql(groups: list[str], extra: str, *, scoped: bool) -> tuple[str, dict[str, str]]:
    """One SQLite stage and its parameters: the ``:limit`` most recent sentences matching
    every FTS5 query of ``groups`` in the window (``rowid >= :floor``) or, ``scoped``, among
    the sentences of the articles ``:ids``.

    The groups are one FTS5 AND, unless one holds a phrase: inside an AND read newest
    first, FTS5 walks a phrase on to its next match below the window (the window bounds the
    whole query only), through the history of its words ("plan de paix": every sentence with
    "de"; 30-45 ms on 750,000 sentences, against 2 ms read oldest first). Each group is then
    matched alone in the window and the matches intersected (~5 ms).
    """
    where = SCOPED if scoped else "rowid >= :floor"
    if len(groups) > 1 and any(_phrase_in(g) for g in groups):
        arms = " INTERSECT ".join(
            f"SELECT rowid FROM qa_fts WHERE qa_fts MATCH :q{k} AND {where}"
            for k in range(len(groups))
        )
        ids = f"{arms} ORDER BY 1 DESC LIMIT :limit"
        values = {f"q{k}": g for k, g in enumerate(groups)}
    else:
        ids = (
            f"SELECT rowid FROM qa_fts WHERE qa_fts MATCH :q AND {where} "
            "ORDER BY rowid DESC LIMIT :limit"
        )
        values = {"q": " AND ".join(f"({g})" for g in groups)}
    sql = (
        f"SELECT {COLUMNS}, 0.0 AS r FROM qa_sentences s WHERE s.id IN ({ids}){extra} "
        "ORDER BY s.id DESC"
    )
    return sql, values


def _pg_match(groups: list[str], first: int) -> str:
    """``s`` matches every group (websearch strings bound as ``:g<first>``, ``:g<first+1>``…)."""
    names = [f":g{first + i}" for i in range(len(groups))]
    french = " && ".join(f"websearch_to_tsquery('french', {n})" for n in names)
    english = " && ".join(f"websearch_to_tsquery('english', {n})" for n in names)
    return f"((s.lang <> 'en' AND s.tsv @@ ({french})) OR (s.lang = 'en' AND s.tsv @@ ({english})))"


def _pg_reduced_match(k: int) -> str:
    """``s`` matches stage ``k``, its tsqueries bound as text (``:f<k>``, ``:e<k>``)."""
    return (
        f"((s.lang <> 'en' AND s.tsv @@ CAST(:f{k} AS tsquery)) "
        f"OR (s.lang = 'en' AND s.tsv @@ CAST(:e{k} AS tsquery)))"
    )


def _lexemes(config: str, param: str) -> str:
    """The number of distinct lexemes of the websearch string ``param`` (ts_rank's divisor)."""
    return (
        f"(SELECT count(DISTINCT m[1]) FROM regexp_matches(CAST(websearch_to_tsquery("
        f"'{config}', {param}) AS text), '''((?:[^'']|'''')*)''', 'g') m)"
    )


def pg_sql(
    stages: list[list[str]],
    extra: str,
    *,
    scoped: bool,
    ranking: tuple[str, str] | None = None,
    reduced: dict[str, tuple[str, str]] | None = None,
) -> tuple[str, dict[str, str]]:
    """The PostgreSQL statement and its group parameters: the ``:ranked`` most recent
    sentences matching the last (broadest) stage in the window (``s.id >= :floor`` and ingest
    time) or among the articles ``:ids``, then the best ``:limit`` of them by the number of
    earlier stages they also match, then ts_rank (as ``r``: stages matched + a fraction).
    With ``reduced`` (``pg_reduced`` of every group) the stages are tested with those
    tsqueries: the same rows match, each tested in about half the time.

    One statement rather than one per stage: on PostgreSQL a strict stage over the whole
    window costs as much as the broad one whatever the plan (the GIN index reads the whole
    history's postings of common words; the window's rows each test a large tsquery), while
    the recent rows of the broad stage come cheaply (common words) or from the index (rare).
    The tsquery expressions are written out where used (not in a CTE) so that the planner
    folds them into constants and estimates from the lexeme statistics which path is cheaper.
    """
    params: dict[str, str] = {}
    matches = []
    for k, stage in enumerate(stages):
        if reduced is not None:  # ``pg_reduced``: the same rows match, sooner
            params[f"f{k}"] = tsquery.conjunction(reduced[g][0] for g in stage)
            params[f"e{k}"] = tsquery.conjunction(reduced[g][1] for g in stage)
            matches.append(_pg_reduced_match(k))
            continue
        matches.append(_pg_match(stage, len(params)))
        params.update({f"g{len(params) + i}": g for i, g in enumerate(stage)})
    if ranking is None:  # the broad stage: one group, ranked with ts_rank
        params["gb"] = stages[-1][-1]
        french, english = (f"websearch_to_tsquery('{c}', :gb)" for c in ("french", "english"))
        rank = f"ts_rank(s.tsv, CASE WHEN s.lang = 'en' THEN {english} ELSE {french} END)"
    else:
        # ``ranking``: the broad stage without the parts none of whose lexemes occur in the
        # window (they add nothing to any row's ts_rank), and in full. ts_rank divides by the
        # number of distinct query lexemes: scaled back to the full query's values (the
        # smaller query is ~2x cheaper per row; same values up to float rounding)
        params["gr"], params["gf"] = ranking
        scale = {
            c: f"coalesce({_lexemes(c, ':gr')}::float8 / nullif({_lexemes(c, ':gf')}, 0), 0)"
            for c in ("french", "english")
        }
        french, english = (f"websearch_to_tsquery('{c}', :gr)" for c in ("french", "english"))
        rank = (
            f"(CASE WHEN s.lang = 'en' THEN ts_rank(s.tsv, {english}) * {scale['english']} "
            f"ELSE ts_rank(s.tsv, {french}) * {scale['french']} END)"
        )
    bonus = "".join(f" + CASE WHEN {m} THEN 1 ELSE 0 END" for m in matches[:-1])
    window = "" if scoped else " AND s.id >= :floor"
    # ts_rank once per row (OFFSET 0 keeps the planner from inlining ``rk`` twice)
    sql = (
        f"SELECT {COLUMNS}, 1{bonus} + s.rk / (1 + s.rk) AS r FROM (SELECT s.*, {rank} AS rk "
        f"FROM (SELECT {COLUMNS}, s.tsv FROM qa_sentences s WHERE {matches[-1]}{window}{extra} "
        "ORDER BY s.id DESC LIMIT :ranked) s OFFSET 0) s ORDER BY r DESC, s.id DESC LIMIT :limit"
    )
    return sql, params
