"""Queries on chats (language, last briefing), subscriptions and followed sources.

Everything is keyed by (platform, chat id) so that no chat ever sees another's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store.chat_tables import chats, sources, subscriptions
from bot.store.db import Database
from bot.store.meta import utcnow


@dataclass(frozen=True)
class ChatRecord:
    platform: str
    chat_id: str
    lang: str | None
    is_private: bool
    active: bool
    quiet: bool
    last_brief_at: datetime | None


@dataclass(frozen=True)
class Subscription:
    platform: str
    chat_id: str
    time_local: str
    timezone: str


@dataclass(frozen=True)
class Source:
    id: int
    url: str
    name: str
    added_by: str
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None


def _chat(row: Any) -> ChatRecord:
    return ChatRecord(
        row.platform,
        row.chat_id,
        row.lang,
        bool(row.is_private),
        bool(row.active),
        bool(row.quiet),
        row.last_brief_at,
    )


def ensure_chat(db: Database, platform: str, chat_id: str, *, is_private: bool) -> ChatRecord:
    """The chat's record, created on first contact."""
    where = (chats.c.platform == platform, chats.c.chat_id == chat_id)
    with db.engine.begin() as conn:
        row = conn.execute(sa.select(chats).where(*where)).first()
        if row is None:
            try:
                with conn.begin_nested():
                    conn.execute(
                        chats.insert().values(
                            platform=platform,
                            chat_id=chat_id,
                            is_private=is_private,
                            active=True,
                            quiet=False,
                            created_at=utcnow(),
                        )
                    )
            except sa.exc.IntegrityError:
                pass  # created concurrently
            row = conn.execute(sa.select(chats).where(*where)).one()
    return _chat(row)


def get_chat(db: Database, platform: str, chat_id: str) -> ChatRecord | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(chats).where(chats.c.platform == platform, chats.c.chat_id == chat_id)
        ).first()
    return _chat(row) if row else None


def update_chat(db: Database, platform: str, chat_id: str, **values: Any) -> None:
    """Set columns of a chat's record (lang, active, quiet, last_brief_at)."""
    allowed = {"lang", "active", "quiet", "last_brief_at"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not chat settings: {sorted(unknown)}")
    with db.engine.begin() as conn:
        conn.execute(
            chats.update()
            .where(chats.c.platform == platform, chats.c.chat_id == chat_id)
            .values(**values)
        )


def subscribe(db: Database, platform: str, chat_id: str, time_local: str, timezone: str) -> None:
    """Create or replace the chat's daily digest subscription."""
    where = (subscriptions.c.platform == platform, subscriptions.c.chat_id == chat_id)
    with db.engine.begin() as conn:
        conn.execute(subscriptions.delete().where(*where))
        conn.execute(
            subscriptions.insert().values(
                platform=platform,
                chat_id=chat_id,
                time_local=time_local,
                timezone=timezone,
                created_at=utcnow(),
            )
        )


def unsubscribe(db: Database, platform: str, chat_id: str) -> bool:
    with db.engine.begin() as conn:
        result = conn.execute(
            subscriptions.delete().where(
                subscriptions.c.platform == platform, subscriptions.c.chat_id == chat_id
            )
        )
    return bool(result.rowcount)


def get_subscription(db: Database, platform: str, chat_id: str) -> Subscription | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            sa.select(subscriptions).where(
                subscriptions.c.platform == platform, subscriptions.c.chat_id == chat_id
            )
        ).first()
    return Subscription(row.platform, row.chat_id, row.time_local, row.timezone) if row else None


def list_subscriptions(db: Database, platform: str | None = None) -> list[Subscription]:
    query = sa.select(subscriptions).order_by(subscriptions.c.id)
    if platform:
        query = query.where(subscriptions.c.platform == platform)
    with db.engine.connect() as conn:
        return [
            Subscription(r.platform, r.chat_id, r.time_local, r.timezone)
            for r in conn.execute(query)
        ]


def _source(row: Any) -> Source:
    return Source(
        row.id, row.url, row.name, row.added_by, row.etag, row.last_modified, row.last_polled_at
    )


def list_sources(db: Database) -> list[Source]:
    with db.engine.connect() as conn:
        return [_source(r) for r in conn.execute(sa.select(sources).order_by(sources.c.id))]


def add_source(db: Database, url: str, *, name: str = "", added_by: str = "config") -> bool:
    """Follow ``url``; False when it was already followed."""
    with db.engine.begin() as conn:
        if conn.execute(sa.select(sources.c.id).where(sources.c.url == url)).first():
            return False
        conn.execute(
            sources.insert().values(url=url, name=name, added_by=added_by, added_at=utcnow())
        )
    return True


def remove_source(db: Database, url: str) -> bool:
    with db.engine.begin() as conn:
        result = conn.execute(sources.delete().where(sources.c.url == url))
    return bool(result.rowcount)


def record_poll(db: Database, url: str, *, etag: str | None, last_modified: str | None) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            sources.update()
            .where(sources.c.url == url)
            .values(etag=etag, last_modified=last_modified, last_polled_at=utcnow())
        )
