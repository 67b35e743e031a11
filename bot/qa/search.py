"""Full-text retrieval of stored sentences for a question, then scoring by concept coverage.

The database narrows the store to a few hundred candidates (SQLite FTS5 with bm25 over stems,
PostgreSQL ``websearch_to_tsquery`` over ``to_tsvector('french'|'english')``), restricted to
a window of ingest time (sentence ids from the window's first one) or to given articles, in
stages of bounded cost (bot.qa.fts); the same Python scoring then ranks them on both
databases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import sqlalchemy as sa

from bot.qa import fts, memo
from bot.qa.lexicon import Phrase, contains
from bot.qa.query import Concept, Query
from bot.store import Database
from bot.store.meta import UTCDateTime
from bot.store.qa_tables import qa_indexed, qa_sentences

CANDIDATES = 300


@dataclass
class Passage:
    """One stored sentence, with what scoring found in it."""

    sentence_id: int
    article_id: int
    seq: int
    lang: str
    text: str
    stems: list[str]
    rank: float = 0.0
    score: float = 0.0
    coverage: float = 0.0
    alone: float = -1.0  # the sentence's own coverage when its article's was added (-1: not)
    entities: float = 0.0
    matched: set[str] = field(default_factory=set)
    party_id: str | None = None  # the party whose position this sentence states
    speaker: str = ""
    speaker_role: str = ""

    @cached_property
    def stem_set(self) -> frozenset[str]:
        """The distinct stems: a form can only match when its first stem is among them."""
        return frozenset(self.stems)

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence_id": self.sentence_id,
            "article_id": self.article_id,
            "seq": self.seq,
            "party_id": self.party_id,
            "speaker": self.speaker,
        }


def _row(r: Any, rank: float) -> Passage:
    return Passage(r.id, r.article_id, r.seq, r.lang, r.text, r.stems.split(), rank=rank)


def window_floor(conn: sa.Connection, since: datetime | None) -> int:
    """The smallest sentence id of an article ingested since ``since`` (0 without a window,
    -1 when the window is empty)."""
    if since is None:
        return 0
    low = conn.execute(
        sa.select(sa.func.min(qa_indexed.c.first_sentence_id)).where(
            qa_indexed.c.ingested_at >= since
        )
    ).scalar()
    return int(low) if low is not None else -1


def candidates(
    db: Database,
    query: Query,
    *,
    since: datetime | None,
    article_ids: list[int] | None = None,
    limit: int = CANDIDATES,
) -> list[Passage]:
    """Sentences matching ``query`` in the window (or among ``article_ids``), most likely to
    answer first (the stages of bot.qa.fts: on SQLite one statement per stage, each filling up
    to ``limit``; on PostgreSQL one statement). ``rank`` is higher for earlier stages."""
    if not query.all_forms() or article_ids == []:
        return []
    scoped = article_ids is not None
    params: dict[str, Any] = {"ranked": max(fts.RANKED, limit), "limit": limit}
    extra = ""
    if since is not None and not scoped:
        # PostgreSQL: the window is ``s.id >= :floor`` already (ingest time only drops the rare
        # article indexed late); as a plain column test the planner would take the two as
        # independent and expect ~1/12 of the matches, then scan the whole window by ingest
        # time (60-120 ms) instead of stopping at the ``:ranked`` most recent. An expression
        # (no statistics) keeps the same rows at a neutral estimate.
        column = "s.ingested_at + interval '0 s'" if db.dialect == "postgresql" else "s.ingested_at"
        extra += f" AND {column} >= :since"
        params["since"] = since
    if scoped:
        params["ids"] = list(article_ids or [])
    found: dict[int, Passage] = {}
    with db.engine.connect() as conn:
        params["floor"] = 0 if scoped else window_floor(conn, since)
        if params["floor"] < 0:
            return []
        if db.dialect == "postgresql":
            extra += " AND s.article_id IN :ids" if scoped else ""
            # forms that cannot match in the window are left out of the statement (smaller
            # tsqueries, better estimates, no statement at all when nothing can match); ts_rank
            # keeps its values (bot.qa.fts.pg_sql)
            present, ranked = fts.pg_present(conn, fts.pg_parts(query), params["floor"])
            pg_stages = fts.pg_stages(query, present)
            stages = []
            if pg_stages:  # ``ranked`` holds ``present``: the broad stage is there
                ranking = (fts.pg_stages(query, ranked)[-1][-1], fts.pg_stages(query)[-1][-1])
                reduced = fts.pg_reduced(conn, {g for stage in pg_stages for g in stage})
                statement = fts.pg_sql(
                    pg_stages, extra, scoped=scoped, ranking=ranking, reduced=reduced
                )
                stages = [statement]
        else:
            groups = fts.fts5_stages(conn, query, params["floor"])
            # a stage equal to an earlier one finds nothing new: not run, ranks unchanged
            stages = [
                fts.sqlite_sql(g, extra, scoped=scoped) if g not in groups[:k] else ("", {})
                for k, g in enumerate(groups)
            ]
        for k, (sql, values) in enumerate(stages):
            if not sql:
                continue
            stmt = sa.text(sql)
            if "since" in params:
                stmt = stmt.bindparams(sa.bindparam("since", type_=UTCDateTime()))
            if scoped:
                stmt = stmt.bindparams(sa.bindparam("ids", expanding=True))
            bound = {**params, **values}
            if db.dialect == "postgresql":
                # its rows are ordered by rank and id, then cut at ``:limit``: the first
                # ``limit`` of CANDIDATES are the same, and another caller's fewer or more
                # candidates reuse them within the answer (bot.qa.memo)
                bound["limit"] = max(limit, CANDIDATES)
            rows = memo.rows(("candidates", sql, _frozen(bound)), _runner(conn, stmt, bound))
            priority = len(stages) - k  # PostgreSQL: one statement ranking the stages itself
            for r in rows:
                if len(found) >= limit:
                    break
                found.setdefault(r.id, _row(r, priority + float(r.r or 0.0)))
            if len(found) >= limit:
                break
    return list(found.values())


def _frozen(values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))


def _runner(
    conn: sa.Connection, stmt: sa.TextClause, values: dict[str, Any]
) -> Callable[[], list[Any]]:
    return lambda: list(conn.execute(stmt, values).all())


def sentences_of(db: Database, article_ids: list[int]) -> list[Passage]:
    """Every indexed sentence of the given articles, in order."""
    if not article_ids:
        return []
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(qa_sentences)
            .where(qa_sentences.c.article_id.in_(article_ids))
            .order_by(qa_sentences.c.article_id, qa_sentences.c.seq)
        ).all()
    return [_row(r, 0.0) for r in rows]


def matches(concept: Concept, passage: Passage) -> bool:
    # a party's statement stands for its party, not for every person of it ("Medinski" is
    # not in what Lavrov said)
    if passage.party_id and passage.party_id in concept.parties and not concept.people:
        return True
    if passage.speaker and passage.speaker in concept.people:
        return True
    present = passage.stem_set
    if any(form[0] in present and contains(passage.stems, form) for form in concept.forms):
        return True
    return bool(concept.cased) and _names_cased(concept.cased, passage.text)


def _names_cased(names: frozenset[str], text: str) -> bool:
    """Whether ``text`` holds one of a party's short names in capitals as written ("EU
    sanctions", "the UK"), not inside a longer word or an all-capitals run ("EU" in a
    heading "EU-US" counts, "EUROPE" does not)."""
    return any(re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", text) for n in names if n in text)


FormIndex = dict[str, list[Phrase]]  # a concept's forms by their first stem


def form_index(concept: Concept) -> FormIndex:
    by_first: FormIndex = {}
    for form in concept.forms:
        if form:
            by_first.setdefault(form[0], []).append(form)
    return by_first


def _matches_indexed(concept: Concept, by_first: FormIndex, passage: Passage) -> bool:
    """``matches``, looking only at the forms whose first stem the sentence has."""
    if passage.party_id and passage.party_id in concept.parties:
        return True
    if passage.speaker and passage.speaker in concept.people:
        return True
    present = passage.stem_set
    if len(by_first) < len(present):
        firsts = [s for s in by_first if s in present]
    else:
        firsts = [s for s in present if s in by_first]
    if any(contains(passage.stems, form) for first in firsts for form in by_first[first]):
        return True
    return bool(concept.cased) and _names_cased(concept.cased, passage.text)


def score_all(query: Query, passages: Iterable[Passage]) -> None:
    """``score`` of each of ``passages`` for ``query`` (its concepts' forms indexed once)."""
    indexes = [form_index(c) for c in query.concepts]
    for passage in passages:
        score(query, passage, indexes)


def score(query: Query, passage: Passage, indexes: list[FormIndex] | None = None) -> Passage:
    """Fill ``coverage`` (content weight matched), ``entities`` (entity weight matched) and
    ``score`` of ``passage`` for ``query`` (``indexes``: ``form_index`` of its concepts)."""
    content = entity = soft = 0.0
    content_total = entity_total = 0.0
    passage.matched = set()
    for k, concept in enumerate(query.concepts):
        if indexes is None:
            hit = matches(concept, passage)
        else:
            hit = _matches_indexed(concept, indexes[k], passage)
        if hit:
            passage.matched.add(concept.label)
        if concept.kind == "content":
            content_total += concept.weight
            content += concept.weight if hit else 0.0
        elif concept.kind == "entity":
            entity_total += concept.weight
            entity += concept.weight if hit else 0.0
        elif hit:
            soft += concept.weight
    passage.coverage = content / content_total if content_total else 1.0
    passage.entities = entity / entity_total if entity_total else 1.0
    # the party asked about, not one the question names as what is said or done
    asked = passage.party_id is not None and any(
        passage.party_id in c.parties for c in query.concepts if c.kind == "entity"
    )
    bonus = (0.1 if soft else 0.0) + (0.15 if asked else 0.0)
    if soft and soft_near(query, passage):
        bonus += 0.3  # "Kiev réclame", "Moscou insisterait": the entity is the one asking
    brevity = min(len(passage.stems), 80) / 800  # long sentences carry more context
    passage.score = 0.6 * passage.coverage + 0.4 * passage.entities + bonus + brevity
    return passage


def _positions(stems: list[str], forms: set[Phrase]) -> list[int]:
    """Where a form of ``forms`` starts in ``stems``."""
    by_first: dict[str, list[Phrase]] = {}
    for form in forms:
        by_first.setdefault(form[0], []).append(form)
    return [
        i
        for i, s in enumerate(stems)
        if any(tuple(stems[i : i + len(f)]) == f for f in by_first.get(s, ()))
    ]


def soft_near(query: Query, passage: Passage, span: int = 3) -> bool:
    """A soft word ("want", "réclame") within ``span`` words of a named entity."""
    entity_at = [i for c in query.entities for i in _positions(passage.stems, c.forms)]
    if not entity_at:
        return False
    soft_at = [
        i for c in query.concepts if c.kind == "soft" for i in _positions(passage.stems, c.forms)
    ]
    return any(abs(a - b) <= span for a in entity_at for b in soft_at)


def entities_needed(query: Query) -> float:
    """The share of named entities a sentence must name: all of one or two, n-1 of more."""
    n = len(query.entities)
    if n <= 2:
        return 1.0
    return (n - 1) / n - 1e-9


def is_supporting(query: Query, passage: Passage, *, min_coverage: float = 0.5) -> bool:
    return passage.coverage >= min_coverage and passage.entities >= entities_needed(query)


def passages_by_id(db: Database, sentence_ids: list[int]) -> list[Passage]:
    if not sentence_ids:
        return []
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(qa_sentences).where(qa_sentences.c.id.in_(sentence_ids))
        ).all()
    return [_row(r, 0.0) for r in rows]
