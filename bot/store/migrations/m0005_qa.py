"""Question answering: indexed sentences with full-text search, and per-chat follow-up state."""

import sqlalchemy as sa

from bot.store import qa_tables


def upgrade(conn: sa.Connection) -> None:
    for table in (qa_tables.qa_sentences, qa_tables.qa_indexed, qa_tables.qa_followups):
        table.create(conn, checkfirst=True)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS qa_fts USING fts5("
            "stems, content='qa_sentences', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE qa_sentences ADD COLUMN IF NOT EXISTS tsv tsvector")
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_qa_sentences_tsv ON qa_sentences USING gin (tsv)"
        )
