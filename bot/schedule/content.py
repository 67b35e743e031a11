"""Stored digest bodies: a rendered ``Reply`` as JSON, written once per content key."""

from __future__ import annotations

from typing import Any, cast

import sqlalchemy as sa

from bot.richtext import Block, BlockKind, Button, Reply, Span
from bot.store import Database
from bot.store.digest_tables import digests
from bot.store.meta import utcnow


def reply_to_json(reply: Reply) -> dict[str, Any]:
    return {
        "blocks": [
            {
                "kind": b.kind,
                "spans": [
                    {"text": s.text, "bold": s.bold, "italic": s.italic, "link": s.link}
                    for s in b.spans
                ],
            }
            for b in reply.blocks
        ],
        "buttons": [{"label": b.label, "data": b.data} for b in reply.buttons],
        "tag": reply.tag,
    }


def reply_from_json(data: dict[str, Any]) -> Reply:
    return Reply(
        blocks=[
            Block(
                [
                    Span(s["text"], bool(s["bold"]), bool(s["italic"]), s.get("link"))
                    for s in b["spans"]
                ],
                kind=cast(BlockKind, b["kind"]),
            )
            for b in data["blocks"]
        ],
        buttons=[Button(b["label"], b["data"]) for b in data.get("buttons", [])],
        tag=data.get("tag"),
    )


def store_digest(
    conn: sa.Connection, key: str, *, lang: str, reply: Reply, article_ids: list[int]
) -> None:
    """Insert the digest body under ``key`` unless it is there (a concurrent insert wins)."""
    if conn.execute(sa.select(digests.c.id).where(digests.c.key == key)).first():
        return
    try:
        with conn.begin_nested():
            conn.execute(
                digests.insert().values(
                    key=key,
                    lang=lang,
                    body=reply_to_json(reply),
                    article_ids=article_ids,
                    created_at=utcnow(),
                )
            )
    except sa.exc.IntegrityError:
        pass


def load_digest(db: Database, key: str) -> Reply | None:
    with db.engine.connect() as conn:
        body = conn.execute(sa.select(digests.c.body).where(digests.c.key == key)).scalar()
    return reply_from_json(body) if body is not None else None
