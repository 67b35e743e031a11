"""Q&A benchmark: a synthetic store of 100,000 articles built from the corpus vocabulary, then
retrieval latency (p50/p95) inside the default window and end-to-end offline answer time.

    .venv/bin/python bench/qa.py [--articles 100000] [--db sqlite:///path] [--rounds 5] [--reuse]

``--reuse`` measures an existing store given with ``--db`` (built by an earlier run) instead of
building one.

Articles are spread over a year of ingest times (the window is the last ``qa_window_days``);
the three real corpus articles are stored last, so some questions have real answers. Not a
test: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.app import build_bot
from bot.domain.models import Article, Lang
from bot.qa import QuestionAnswerer
from bot.qa.index import index_pending, write_rows
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.search import candidates
from bot.qa.sentences import split_sentences
from bot.qa.text import stem_text
from bot.settings import PROJECT_DIR, Settings
from bot.store import articles as store
from bot.store.qa_tables import qa_indexed, qa_sentences
from bot.store.tables import articles
from bot.textnorm import fold

CORPUS = PROJECT_DIR.parent / "shared" / "corpus"
QUESTIONS: list[tuple[str, Lang]] = [
    ("What does Russia want?", "en"),
    ("Que demande l'Ukraine en échange d'un statut neutre ?", "fr"),
    ("What did Lavrov say Moscow would insist on?", "en"),
    ("Qu'a dit Macron sur le plan de paix ?", "fr"),
    ("What did Turkey's foreign minister welcome?", "en"),
    ("What did the Ukrainian army say about Pokrovsk?", "en"),
    ("Quel est l'impact de la guerre sur les prix du gaz ?", "fr"),
    ("What role does China play as a mediator?", "en"),
]


def vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        words += path.read_text(encoding="utf-8").split()
    return words


def synthetic(db_url: str, n: int, settings: Settings) -> None:
    """Store ``n`` articles of random corpus words and index them, in bulk."""
    rng = random.Random(7)
    words = vocabulary()
    now = datetime.now(UTC)
    from bot.store import Database

    db = Database(db_url)
    engine = db.engine
    batch = 2000
    start = time.perf_counter()
    for first in range(0, n, batch):
        rows = []
        for k in range(first, min(n, first + batch)):
            sentences = []
            for _ in range(rng.randint(5, 10)):
                body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 24)))
                sentences.append(body[0].upper() + body[1:].rstrip(".,;") + ".")
            text = " ".join(sentences)
            when = now - timedelta(days=365 * (n - k) / n)
            rows.append(
                {
                    "content_hash": hashlib.sha256(f"{k}:{text}".encode()).hexdigest(),
                    "title": f"Synthetic {k}",
                    "text": text,
                    "lang": "fr",
                    "source_name": "bench",
                    "path": f"bench://{k}",
                    "ingested_at": when,
                    "qa_pending": False,  # indexed below, in the same transaction
                }
            )
        with engine.begin() as conn:
            conn.execute(articles.insert(), rows)
            got = conn.execute(
                sa.select(articles.c.id, articles.c.text, articles.c.ingested_at)
                .where(articles.c.path.in_([r["path"] for r in rows]))
                .order_by(articles.c.id)
            ).all()
            sentence_rows = []
            indexed = []
            for r in got:
                parts = split_sentences(r.text)
                for seq, s in enumerate(parts):
                    sentence_rows.append(
                        {
                            "article_id": r.id,
                            "seq": seq,
                            "lang": "fr",
                            "text": s,
                            "stems": stem_text(s, "fr"),
                            "ingested_at": r.ingested_at,
                            "config": "french",
                            "folded": fold(s),
                        }
                    )
                indexed.append(
                    {
                        "article_id": r.id,
                        "content_hash": "",
                        "sentences": len(parts),
                        "ingested_at": r.ingested_at,
                        "indexed_at": now,
                    }
                )
            write_rows(conn, sentence_rows)
            # first sentence ids of this batch only (a correlated UPDATE over the growing table
            # made the PostgreSQL build slower with every batch)
            first_ids = dict(
                conn.execute(
                    sa.select(qa_sentences.c.article_id, sa.func.min(qa_sentences.c.id))
                    .where(qa_sentences.c.article_id.in_([r.id for r in got]))
                    .group_by(qa_sentences.c.article_id)
                ).all()
            )
            for row in indexed:
                row["first_sentence_id"] = first_ids.get(row["article_id"])
            conn.execute(qa_indexed.insert(), indexed)
        if (first // batch) % 10 == 0:
            print(f"  {first + len(rows):>7} articles stored ({time.perf_counter() - start:.0f} s)")
    with engine.begin() as conn:
        conn.execute(articles.update().values(group_id=articles.c.id))
    # the real articles, ingested now
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        store.insert_article(
            db,
            Article(
                text=text, path=str(path), content_hash=hashlib.sha256(text.encode()).hexdigest()
            ),
            canonical_url=None,
            minhash=None,
            group_id=None,
        )
    index_pending(db, now - timedelta(days=settings.qa_window_days))
    if db.dialect == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO qa_fts(qa_fts) VALUES('optimize')")
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"store built in {time.perf_counter() - start:.0f} s")
    db.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default="")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="measure the --db store as it is")
    args = parser.parse_args()
    if args.reuse and not args.db:
        parser.error("--reuse needs --db")
    tmp = Path(tempfile.mkdtemp(prefix="briefbot-bench-"))
    url = args.db or f"sqlite:///{tmp / 'bench.sqlite3'}"
    settings = Settings(data_dir=tmp, database_url=url)
    if not args.reuse:
        print(f"building {args.articles} synthetic articles in {url} …")
        synthetic(url, args.articles, settings)

    bot = build_bot(settings)
    finder = MentionFinder(bot.book)
    since = datetime.now(UTC) - timedelta(days=settings.qa_window_days)
    retrieval: list[float] = []
    for _ in range(args.rounds):
        for question, _lang in QUESTIONS:
            query = parse_question(question, finder)
            t0 = time.perf_counter()
            candidates(bot.db, query, since=since)
            retrieval.append((time.perf_counter() - t0) * 1000)
    ask = QuestionAnswerer(bot)
    for question, lang in QUESTIONS:  # warm the analysis cache of the real articles
        ask(question, lang, "bench", "warm", None)
    answers: list[float] = []
    for r in range(args.rounds):
        for question, lang in QUESTIONS:
            t0 = time.perf_counter()
            ask(question, lang, "bench", f"chat-{r}", None)
            answers.append((time.perf_counter() - t0) * 1000)
    print(
        f"retrieval ({len(retrieval)} queries, {settings.qa_window_days}-day window): "
        f"p50 {statistics.median(retrieval):.1f} ms, p95 {pct(retrieval, 0.95):.1f} ms "
        "(goal p95 < 50 ms)"
    )
    print(
        f"offline answer end to end ({len(answers)}): p50 {statistics.median(answers):.0f} ms, "
        f"p95 {pct(answers, 0.95):.0f} ms, max {max(answers):.0f} ms (goal p95 < 100 ms)"
    )


if __name__ == "__main__":
    main()
