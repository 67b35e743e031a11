"""Sent chat messages and their reply tags, so a reply to a digest is seen as a follow-up;
frozen DDL (see m0001)."""

import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "sent_messages",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("tag", sa.Text, nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("platform", "chat_id", "message_id", name="uq_sent_messages_key"),
    )
    md.create_all(conn, checkfirst=True)
