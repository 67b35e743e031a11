"""PostgreSQL Q&A retrieval: forms that cannot match in the window are left out of the
statement (``qa_terms``, m0007) without changing the candidates or their ranks."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.domain.parties import PartyBook
from bot.qa import fts
from bot.qa.index import ensure_indexed
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.search import candidates
from bot.store import Database
from bot.store import articles as store
from tests.test_qa_unit import TEXT_A, TEXT_B, add

TEXT_EN = (
    "Russia's foreign minister Sergei Lavrov said Moscow would insist on Ukraine's neutrality. "
    "Turkey welcomed the talks in Istanbul. Kyiv demands security guarantees from the West."
)
QUESTIONS = [
    "What does Russia want?",
    "Que réclame Zelensky ?",
    "Lavrov et la neutralité ?",
    "What did Turkey's foreign minister welcome?",
    "Qui a salué le cessez-le-feu ?",
]


def unpruned(db: Database, question: str, finder: MentionFinder) -> list[tuple[int, float]]:
    """The candidates as retrieved before m0007: every form in the statement."""
    stages = fts.pg_stages(parse_question(question, finder))
    sql, values = fts.pg_sql(stages, "", scoped=False)
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text(sql), {**values, "floor": 0, "ranked": 2000, "limit": 300})
        return [(r.id, 1 + float(r.r)) for r in rows]


def test_pruned_forms_keep_candidates_and_ranks(pg_db: Database, book: PartyBook) -> None:
    add(pg_db, TEXT_A)
    add(pg_db, TEXT_B)
    add(pg_db, TEXT_EN, lang="en")
    ensure_indexed(pg_db, store.list_articles(pg_db))
    finder = MentionFinder(book)
    for question in QUESTIONS:
        query = parse_question(question, finder)
        with pg_db.engine.connect() as conn:
            present, _ = fts.pg_present(conn, fts.pg_parts(query), 0)
        assert present < fts.pg_parts(query), question  # some forms are left out
        got = [(p.sentence_id, p.rank) for p in candidates(pg_db, query, since=None)]
        want = unpruned(pg_db, question, finder)
        assert [i for i, _ in got] == [i for i, _ in want], question
        assert [r for _, r in got] == pytest.approx([r for _, r in want], rel=1e-6), question


def test_no_statement_when_no_word_is_stored(pg_db: Database, book: PartyBook) -> None:
    add(pg_db, TEXT_A)
    ensure_indexed(pg_db, store.list_articles(pg_db))
    query = parse_question("What role does China play as a mediator?", MentionFinder(book))
    with pg_db.engine.connect() as conn:
        assert fts.pg_present(conn, fts.pg_parts(query), 0) == (set(), set())
        terms = conn.execute(sa.text("SELECT lexeme, last_id FROM qa_terms")).all()
        last = conn.execute(sa.text("SELECT max(id) FROM qa_sentences")).scalar()
    assert {"lavrov", "insist"} <= {t for t, _ in terms}
    assert max(i for _, i in terms) == last
    assert candidates(pg_db, query, since=None) == []
