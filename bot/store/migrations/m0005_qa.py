"""Question answering: indexed sentences with full-text search, and per-chat follow-up state;
frozen DDL (see m0001)."""

import sqlalchemy as sa

TS = sa.DateTime(timezone=True)


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "qa_sentences",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, nullable=False, index=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("stems", sa.Text, nullable=False),
        sa.Column("ingested_at", TS, nullable=False, index=True),
        sa.UniqueConstraint("article_id", "seq", name="uq_qa_sentences_article_seq"),
    )
    indexed = sa.Table(
        "qa_indexed",
        md,
        sa.Column("article_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("sentences", sa.Integer, nullable=False),
        sa.Column("first_sentence_id", sa.Integer, nullable=True),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("indexed_at", TS, nullable=False),
    )
    sa.Index("ix_qa_indexed_window", indexed.c.ingested_at, indexed.c.first_sentence_id)
    sa.Table(
        "qa_followups",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("answer_id", sa.String(32), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "chat_id", name="uq_qa_followups_platform_chat"),
    )
    md.create_all(conn, checkfirst=True)
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
