"""PostgreSQL tsqueries made cheaper (bot.qa.tsquery): repeated pieces and phrases holding
another piece are dropped, and the reduced query matches exactly the tsvectors the full one
matches (checked on the real server over random sentences and queries)."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from bot.qa import tsquery
from bot.store import Database


def test_repeats_and_longer_phrases_are_dropped() -> None:
    full = "'arme' <-> 'russ' | 'russ' | 'kremlin' | 'vladim' <-> 'poutin' | 'russ' | 'poutin'"
    assert tsquery.reduce(full) == "'russ' | 'kremlin' | 'poutin'"
    # a phrase inside a longer one at the same distances
    full = "'ministr' <2> 'affair' <-> 'etranger' | 'affair' <-> 'etranger' | 'salu' | 'salu'"
    assert tsquery.reduce(full) == "'affair' <-> 'etranger' | 'salu'"


def test_phrases_at_other_distances_are_kept() -> None:
    full = "'chef' <3> 'diplomat' | 'chef' <-> 'diplomat' | 'plan' <2> 'paix'"
    assert tsquery.reduce(full) == full
    assert tsquery.reduce("'a' <-> 'b' <-> 'c' | 'a' <2> 'c'") == "'a' <2> 'c'"


def test_other_pieces_are_kept_as_written() -> None:
    bracketed = "'a' <-> ( 'b' <2> 'c' ) | 'b' | !'d' | 'e':* | 'e'"
    assert tsquery.reduce(bracketed) == bracketed
    quoted = "'l''otan' | 'it''s' <-> 'a' | 'l''otan'"
    assert tsquery.reduce(quoted) == "'l''otan' | 'it''s' <-> 'a'"
    for odd in ("", "'a' | ", "'a | 'b'", "( 'a' | 'b'"):
        assert tsquery.reduce(odd) == odd  # not read as expected: unchanged


def test_conjunction_leaves_out_empty_queries() -> None:
    assert tsquery.conjunction(["'a' | 'b'", "", "'c'"]) == "( 'a' | 'b' ) & ( 'c' )"
    assert tsquery.conjunction(["", "'c' | 'd'"]) == "'c' | 'd'"
    assert tsquery.conjunction(["", " "]) == ""


WORDS = ["russ", "poutin", "vladim", "kremlin", "de", "plan", "paix", "chef", "diplomat", "x"]


def _random_query(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(1, 7)):
        n = rng.choice([1, 1, 2, 2, 3])
        lexemes = [f"'{rng.choice(WORDS)}'" for _ in range(n)]
        piece = lexemes[0]
        for lexeme in lexemes[1:]:
            piece += f" {rng.choice(['<->', '<->', '<2>', '<3>'])} {lexeme}"
        pieces.append(piece)
        if rng.random() < 0.3:  # a repeat, or a phrase holding a piece written before
            pieces.append(rng.choice(pieces) + (f" <-> '{rng.choice(WORDS)}'" * rng.randint(0, 1)))
    return " | ".join(pieces)


@pytest.mark.postgres
def test_reduced_queries_match_the_same_sentences(pg_db: Database) -> None:
    rng = random.Random(13)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) for _ in range(400)]
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE s (id int, tsv tsvector)")
        conn.execute(
            sa.text("INSERT INTO s VALUES (:id, to_tsvector('simple', :t))"),
            [{"id": k, "t": t} for k, t in enumerate(sentences)],
        )
        dropped = 0
        for _ in range(300):
            full = _random_query(rng)
            reduced = tsquery.reduce(full)
            dropped += full.count("'") - reduced.count("'")
            differ = conn.execute(
                sa.text(
                    "SELECT count(*) FROM s WHERE "
                    "(tsv @@ CAST(:full AS tsquery)) <> (tsv @@ CAST(:reduced AS tsquery))"
                ),
                {"full": full, "reduced": reduced},
            ).scalar()
            assert differ == 0, (full, reduced)
    assert dropped > 300  # the queries had pieces to drop
