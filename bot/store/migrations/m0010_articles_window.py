"""Articles of a question's window read from indexes only.

* ``articles.qa_pending``: true until the article's sentences are indexed for questions
  (``bot.qa.index`` clears it with the ``qa_indexed`` row), with a partial index over the
  pending group leaders by ingest time. Each question asks which articles of its window are
  not indexed yet: an anti-join of the window's articles with ``qa_indexed`` read ~8,000
  rows of each table per question on 100,000 articles (PostgreSQL 15-30 ms, SQLite 6-12 ms);
  the partial index holds only the articles still to index (usually none).
* ``ix_articles_window`` replaces ``ix_articles_ingested_at``: with the id, group and
  publication time, SQLite counts a refusal's articles and their dates from the index alone
  (13 -> 4 ms on 100,000 articles).
"""

import sqlalchemy as sa

PENDING = "qa_pending AND (group_id IS NULL OR group_id = id)"


def upgrade(conn: sa.Connection) -> None:
    columns = {c["name"] for c in sa.inspect(conn).get_columns("articles")}
    if "qa_pending" not in columns:
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN qa_pending BOOLEAN NOT NULL DEFAULT TRUE"
        )
        conn.exec_driver_sql(
            "UPDATE articles SET qa_pending = FALSE WHERE id IN (SELECT article_id FROM qa_indexed)"
        )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_articles_qa_pending ON articles (ingested_at) "
        f"WHERE {PENDING}"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_articles_window "
        "ON articles (ingested_at, id, group_id, published)"
    )
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_ingested_at")
