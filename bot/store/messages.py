"""The bot's sent messages that carry a Reply.tag, keyed by (platform, chat id, message id).

Adapters record the tag of each message they send and look it up when a user replies to one,
so the command core can treat the reply as a follow-up about that digest or answer.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.store.db import Database
from bot.store.meta import UTCDateTime, metadata, utcnow

sent_messages = sa.Table(
    "sent_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("message_id", sa.String(64), nullable=False),
    sa.Column("tag", sa.Text, nullable=False),
    sa.Column("sent_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("platform", "chat_id", "message_id", name="uq_sent_messages_key"),
)


def remember(db: Database, platform: str, chat_id: str, message_id: str, tag: str) -> None:
    where = (
        sent_messages.c.platform == platform,
        sent_messages.c.chat_id == chat_id,
        sent_messages.c.message_id == message_id,
    )
    with db.engine.begin() as conn:
        conn.execute(sent_messages.delete().where(*where))
        conn.execute(
            sent_messages.insert().values(
                platform=platform, chat_id=chat_id, message_id=message_id, tag=tag, sent_at=utcnow()
            )
        )


def tag_of(db: Database, platform: str, chat_id: str, message_id: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(
            sa.select(sent_messages.c.tag).where(
                sent_messages.c.platform == platform,
                sent_messages.c.chat_id == chat_id,
                sent_messages.c.message_id == message_id,
            )
        ).scalar()


def forget_older_than(db: Database, days: int) -> int:
    with db.engine.begin() as conn:
        result = conn.execute(
            sent_messages.delete().where(sent_messages.c.sent_at < utcnow() - timedelta(days=days))
        )
    return int(result.rowcount or 0)
