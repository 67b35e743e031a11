"""What the stored articles of a window cover, for the second line of a refusal: how many
articles, the dates they span and the parties with the most stored positions among the most
recent ones (read from the analysis cache only: a refusal never runs an extraction)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from bot.domain.models import OTHER_PARTY, Lang, Position
from bot.store import articles as store
from bot.store.tables import articles

if TYPE_CHECKING:
    from bot.service import BriefBot

RECENT = 40  # most recent articles whose cached positions name the parties
PARTIES = 5


def _day(value: datetime | None) -> str:
    return value.date().isoformat() if value else "?"


def covers(bot: BriefBot, lang: Lang, since: datetime | None, scope: list[int] | None) -> str:
    """One line: the parties and dates of the articles a question was asked over."""
    from bot.qa.answer import text

    when = sa.func.coalesce(articles.c.published, articles.c.ingested_at)
    query = sa.select(sa.func.count(articles.c.id), sa.func.min(when), sa.func.max(when))
    recent = sa.select(articles.c.id, articles.c.content_hash).order_by(articles.c.id.desc())
    if scope is not None:
        query = query.where(articles.c.id.in_(scope))
        recent = recent.where(articles.c.id.in_(scope))
    elif since is not None:
        query = query.where(articles.c.ingested_at >= since)
        recent = recent.where(articles.c.ingested_at >= since)
    with bot.db.engine.connect() as conn:
        count, first, last = conn.execute(query).one()
        hashes = [r.content_hash for r in conn.execute(recent.limit(RECENT))]
    if not count:
        return text(lang, "covers_nothing")
    tally: Counter[str] = Counter()
    # each article's analysis by the first engine that has one (one read per engine)
    found: dict[str, list[dict[str, Any]]] = {}
    for e in bot.extractors:
        missing = [h for h in hashes if h not in found]
        if missing:
            found |= store.get_analyses(bot.db, missing, e.key)
    for content_hash in hashes:
        cached = found.get(content_hash)
        if cached is not None:
            positions = [Position.from_json(p) for p in cached]
            tally.update(p.party_id for p in positions if p.party_id != OTHER_PARTY)
    names = [bot.book.name(pid, lang) for pid, _ in tally.most_common(PARTIES)]
    return text(
        lang,
        "covers",
        parties=", ".join(names) if names else "—",
        count=str(count),
        first=_day(first),
        last=_day(last),
    )
