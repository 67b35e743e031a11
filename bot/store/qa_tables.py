"""Tables of the question-answering feature: indexed sentences, which articles are indexed,
and each chat's last question (for follow-ups).

The full-text part is dialect-specific and created by migration m0005: on SQLite an FTS5
table ``qa_fts`` over ``qa_sentences.stems``; on PostgreSQL a ``tsv`` column with a GIN index.
"""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.meta import UTCDateTime, metadata

qa_sentences = sa.Table(
    "qa_sentences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, nullable=False, index=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("stems", sa.Text, nullable=False),
    sa.Column("ingested_at", UTCDateTime, nullable=False, index=True),
    sa.UniqueConstraint("article_id", "seq", name="uq_qa_sentences_article_seq"),
)

qa_indexed = sa.Table(
    "qa_indexed",
    metadata,
    sa.Column("article_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("sentences", sa.Integer, nullable=False),
    sa.Column("first_sentence_id", sa.Integer, nullable=True),
    sa.Column("ingested_at", UTCDateTime, nullable=False),
    sa.Column("indexed_at", UTCDateTime, nullable=False),
)
sa.Index("ix_qa_indexed_window", qa_indexed.c.ingested_at, qa_indexed.c.first_sentence_id)

qa_followups = sa.Table(
    "qa_followups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("answer_id", sa.String(32), nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("state", sa.JSON, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("platform", "chat_id", name="uq_qa_followups_platform_chat"),
)
