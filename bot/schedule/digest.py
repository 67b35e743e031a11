"""Daily digest decisions: what a chat gets, decided once and queued in the same transaction.

For a chat's scheduled slot (its subscription's last local fire time), ``DigestBuilder.decide``
takes the articles new since the chat's last digest (``digest_state.last_article_id``), builds
the content once per (language, set of articles) -- ``BriefBot.briefing`` caches the briefing,
and the rendered digest is stored in ``digests`` under a content key that every chat with the
same content shares -- adds the party *shifts* (``bot.schedule.shifts``), and then, in one
transaction, advances the chat's ``digest_state`` and inserts its ``outbox`` row.

The digest key of a scheduled digest is ``daily:<local slot time>``, so deciding the same slot
twice (a restart, a catch-up and APScheduler's own misfire run) queues one message. With
nothing new a chat gets one short line, or nothing when it is ``quiet`` (or when
``digest_quiet_line`` is off).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, cast
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from apscheduler.triggers.cron import CronTrigger

from bot.domain.models import Article, Lang
from bot.render.briefing import briefing_reply
from bot.richtext import Reply, Span
from bot.schedule import outbox
from bot.schedule.content import store_digest
from bot.schedule.shifts import find_shifts, shift_heading, shift_spans
from bot.store import chats as chat_store
from bot.store.digest_tables import digest_state
from bot.store.meta import utcnow

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

Outcome = Literal["queued", "quiet", "already", "inactive", "missed", "unsubscribed", "raced"]
QUIET_LINE = {
    "fr": "Rien de nouveau depuis le dernier digest.",
    "en": "Nothing new since the last digest.",
}


@dataclass(frozen=True)
class DigestDecision:
    platform: str
    chat_id: str
    digest_key: str
    outcome: Outcome
    content_key: str | None = None
    articles: int = 0


def trigger_for(time_local: str, timezone: str) -> CronTrigger:
    """The daily trigger of a subscription; local wall-clock time, so DST is followed."""
    hour, minute = (int(x) for x in time_local.split(":"))
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(timezone))


def last_slot(time_local: str, timezone: str, now: datetime) -> datetime:
    """The latest fire time of the subscription at or before ``now``.

    ``now`` arguments are passed in UTC: CronTrigger given a local ``fold=1`` time (the second
    02:30 when clocks go back) plus one second would return that same time again.
    """
    trigger = trigger_for(time_local, timezone)
    now = now.astimezone(UTC)
    fire = trigger.get_next_fire_time(None, now - timedelta(days=2))
    last = fire
    for _ in range(8):
        if fire is None or fire > now:
            break
        last = fire
        fire = trigger.get_next_fire_time(fire, fire.astimezone(UTC) + timedelta(seconds=1))
    assert last is not None
    return last


def daily_key(slot: datetime) -> str:
    """The key of a scheduled digest: the slot's *local* date and wall time, no UTC offset,
    so the repeated hour when clocks go back (02:30 fires twice) still means one digest."""
    return f"daily:{slot:%Y-%m-%dT%H:%M}"


class DigestBuilder:
    """Decides and queues digests for chats; builds each distinct content once per process."""

    def __init__(self, bot: BriefBot, *, now: Callable[[], datetime] = utcnow) -> None:
        self.bot = bot
        self.db = bot.db
        self.settings = bot.settings
        self.now = now
        self._memo: dict[tuple[str, tuple[int, ...]], str] = {}
        self._lock = threading.Lock()

    # -- content ------------------------------------------------------------------------------

    def content_for(self, lang: Lang, articles: list[Article]) -> str:
        """The stored digest of ``articles`` in ``lang`` (built on first use); its key."""
        ids = tuple(sorted(a.id or 0 for a in articles))
        with self._lock:
            memo = self._memo.get((lang, ids))
            if memo is not None:
                return memo
            digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]
            key = f"{lang}:{self.settings.brief_max_chars}:{digest}" if ids else f"quiet:{lang}"
            reply = self._render(lang, articles) if ids else Reply().add(QUIET_LINE[lang])
            reply.tag = f"digest:{key}"
            with self.db.engine.begin() as conn:
                store_digest(conn, key, lang=lang, reply=reply, article_ids=list(ids))
            if len(self._memo) > 1024:
                self._memo.clear()
            self._memo[(lang, ids)] = key
            return key

    def _render(self, lang: Lang, articles: list[Article]) -> Reply:
        briefing = self.bot.briefing(articles, lang, max_chars=self.settings.brief_max_chars)
        reply = briefing_reply(briefing)
        first = min(a.id or 0 for a in articles)
        since = self.now() - timedelta(days=self.settings.qa_window_days)
        earlier = [a for a in self.bot.articles(since=since) if (a.id or 0) < first]
        shifts = find_shifts(self.bot.positions(articles), self.bot.positions(earlier))
        if shifts:
            reply.add(Span(shift_heading(lang), bold=True), kind="heading")
            for shift in shifts:
                reply.add(*shift_spans(shift, lang), kind="item")
        return reply

    # -- decisions ----------------------------------------------------------------------------

    def decide(
        self, platform: str, chat_id: str, *, digest_key: str | None = None
    ) -> DigestDecision:
        """Decide this chat's digest for its current slot (or for ``digest_key``) and queue it."""
        now = self.now()
        if digest_key is None:
            sub = chat_store.get_subscription(self.db, platform, chat_id)
            if sub is None:
                return DigestDecision(platform, chat_id, "", "unsubscribed")
            slot = last_slot(sub.time_local, sub.timezone, now)
            digest_key = daily_key(slot)
            if now - slot > timedelta(hours=self.settings.digest_grace_hours):
                return DigestDecision(platform, chat_id, digest_key, "missed")
        chat = chat_store.get_chat(self.db, platform, chat_id)
        if chat is not None and not chat.active:
            return DigestDecision(platform, chat_id, digest_key, "inactive")
        lang = cast(Lang, chat.lang if chat and chat.lang in ("fr", "en") else self.settings.lang)
        state = self._state(platform, chat_id)
        if state is not None and state.last_digest_key == digest_key:
            return DigestDecision(platform, chat_id, digest_key, "already")
        prev_id = state.last_article_id if state else 0
        window = (
            timedelta(days=self.settings.qa_window_days)
            if state is not None
            else timedelta(hours=self.settings.brief_period_hours)
        )
        new = [a for a in self.bot.articles(since=now - window) if (a.id or 0) > prev_id]
        quiet = chat is not None and chat.quiet
        content_key: str | None = None
        if new or (self.settings.digest_quiet_line and not quiet):
            content_key = self.content_for(lang, new)
        last_id = max([prev_id, *(a.id or 0 for a in new)])
        return self._commit(
            platform,
            chat_id,
            digest_key,
            content_key,
            prev_id,
            last_id,
            now,
            len(new),
            state is not None,
        )

    def _state(self, platform: str, chat_id: str) -> Any:
        with self.db.engine.connect() as conn:
            return conn.execute(
                sa.select(digest_state.c.last_article_id, digest_state.c.last_digest_key).where(
                    digest_state.c.platform == platform, digest_state.c.chat_id == chat_id
                )
            ).first()

    def _commit(
        self,
        platform: str,
        chat_id: str,
        digest_key: str,
        content_key: str | None,
        prev_id: int,
        last_id: int,
        now: datetime,
        count: int,
        had_state: bool,
    ) -> DigestDecision:
        """Advance the chat's digest state and queue its outbox row, in one transaction."""
        where = (digest_state.c.platform == platform, digest_state.c.chat_id == chat_id)
        values = {"last_digest_at": now, "last_article_id": last_id, "last_digest_key": digest_key}
        with self.db.engine.begin() as conn:
            if content_key and outbox.is_queued(conn, platform, chat_id, digest_key):
                return DigestDecision(platform, chat_id, digest_key, "already")
            if had_state:
                changed = conn.execute(
                    digest_state.update()
                    .where(
                        *where,
                        digest_state.c.last_article_id == prev_id,
                        digest_state.c.last_digest_key.is_distinct_from(digest_key),
                    )
                    .values(**values)
                ).rowcount
            else:
                try:
                    with conn.begin_nested():
                        conn.execute(
                            digest_state.insert().values(
                                platform=platform, chat_id=chat_id, **values
                            )
                        )
                    changed = 1
                except sa.exc.IntegrityError:
                    changed = 0
            if changed != 1:
                conn.rollback()
                return DigestDecision(platform, chat_id, digest_key, "raced")
            if content_key is None:
                return DigestDecision(platform, chat_id, digest_key, "quiet", None, count)
            queued = outbox.enqueue(
                conn,
                platform=platform,
                chat_id=chat_id,
                digest_key=digest_key,
                content_key=content_key,
                now=now,
            )
            if not queued:
                conn.rollback()
                return DigestDecision(platform, chat_id, digest_key, "already")
        return DigestDecision(platform, chat_id, digest_key, "queued", content_key, count)
