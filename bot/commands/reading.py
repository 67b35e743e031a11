"""Commands that read: /help, /brief, /positions (and its buttons), /status, /ask."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.commands.tags import digest_tag
from bot.domain.models import OTHER_PARTY, Lang, Position
from bot.render.briefing import briefing_reply
from bot.render.chat_positions import party_chooser, positions_reply
from bot.richtext import Reply, Span, text_reply
from bot.store import chats as chat_store

if TYPE_CHECKING:
    from bot.commands.core import Call

BUTTON_PLATFORMS = {"telegram"}
HELP_COMMANDS = (
    "start",
    "brief",
    "positions",
    "ask",
    "subscribe",
    "unsubscribe",
    "sources",
    "addsource",
    "removesource",
    "status",
    "lang",
)


def help_cmd(call: Call) -> list[Reply]:
    reply = Reply()
    reply.add(Span(call.t("help.title"), bold=True), kind="heading")
    reply.add(call.t("help.what"))
    reply.add(Span(call.t("help.commands"), bold=True), kind="heading")
    for name in HELP_COMMANDS[1:]:
        reply.add(Span(f"/{name}", bold=True), " — " + call.t(f"help.{name}"), kind="item")
    reply.add(call.t("help.questions_private" if call.msg.is_private else "help.questions_group"))
    return [reply]


def format_time(when: datetime | None, lang: Lang) -> str:
    if when is None:
        return "—"
    when = when.astimezone(UTC)
    return when.strftime("%d/%m/%Y %H:%M UTC" if lang == "fr" else "%Y-%m-%d %H:%M UTC")


def brief_cmd(call: Call) -> list[Reply]:
    lang: Lang = call.lang
    arg = call.arg.lower()
    if arg in ("fr", "en"):
        lang = "en" if arg == "en" else "fr"
    elif arg:
        return [text_reply(call.t("brief.usage"))]
    msg, bot = call.msg, call.bot
    record = chat_store.get_chat(bot.db, msg.platform, msg.chat_id)
    now = datetime.now(UTC)
    last = record.last_brief_at if record else None
    since = last or now - timedelta(hours=bot.settings.brief_period_hours)
    articles = bot.articles(since=since)
    if not articles:
        key = "brief.nothing_new" if last else "brief.nothing"
        return [text_reply(call.t(key, since=format_time(last, call.lang)))]
    briefing = bot.briefing(articles, lang, max_chars=bot.settings.brief_max_chars)
    reply = briefing_reply(briefing)
    reply.tag = digest_tag([a.id for a in articles if a.id is not None])
    chat_store.update_chat(bot.db, msg.platform, msg.chat_id, last_brief_at=now)
    return [reply]


def _window_positions(call: Call, party: str | None, all_speakers: bool) -> list[Position]:
    bot = call.bot
    since = datetime.now(UTC) - timedelta(days=bot.settings.qa_window_days)
    return bot.positions(bot.articles(since=since), party=party, all_speakers=all_speakers)


def positions_cmd(call: Call) -> list[Reply]:
    book = call.bot.book
    party_id: str | None = None
    if call.arg:
        found = book.find(call.arg)
        if found is not None:
            party_id = found.id
        elif call.arg.strip().upper() == OTHER_PARTY:
            party_id = OTHER_PARTY
        else:
            known = ", ".join(f"{p.id} ({p.name(call.lang)})" for p in book.parties)
            return [text_reply(call.t("positions.unknown", party=call.arg, known=known))]
    positions = _window_positions(call, party_id, all_speakers=party_id == OTHER_PARTY)
    if not positions:
        return [text_reply(call.t("positions.none"))]
    if party_id is None and call.msg.platform in BUTTON_PLATFORMS:
        return [party_chooser(positions, book, call.lang)]
    return [positions_reply(positions, book, call.lang)]


def button(call: Call) -> list[Reply]:
    """An inline button press: ``pos:<party id>`` or ``pos:*``."""
    kind, _, value = call.arg.partition(":")
    if kind != "pos":
        return [text_reply(call.t("cmd.stale_button"))]
    party = None if value == "*" else value
    if party is not None and party != OTHER_PARTY and call.bot.book.get(party) is None:
        return [text_reply(call.t("cmd.stale_button"))]
    positions = _window_positions(call, party, all_speakers=party == OTHER_PARTY)
    if not positions:
        return [text_reply(call.t("positions.none"))]
    return [positions_reply(positions, call.bot.book, call.lang)]


def status_cmd(call: Call) -> list[Reply]:
    bot, msg = call.bot, call.msg
    status = bot.status()
    reply = Reply()
    reply.add(Span(call.t("status.title"), bold=True), kind="heading")
    reply.add(call.t("status.articles", n=status.articles), kind="item")
    reply.add(
        call.t("status.last_ingest", when=format_time(status.last_ingest, call.lang)), kind="item"
    )
    reply.add(call.t("status.engine", engine=status.engine), kind="item")
    reply.add(call.t("status.lang", code=call.lang), kind="item")
    sub = chat_store.get_subscription(bot.db, msg.platform, msg.chat_id)
    if sub:
        reply.add(call.t("status.subscribed", time=sub.time_local, tz=sub.timezone), kind="item")
    else:
        reply.add(call.t("status.not_subscribed"), kind="item")
    return [reply]


def ask_cmd(call: Call) -> list[Reply]:
    question = call.arg.strip()
    if not question:
        return [text_reply(call.t("ask.usage"))]
    asker = call.core.asker
    if asker is None:
        return [text_reply(call.t("ask.unavailable"))]
    msg = call.msg
    return [asker(question, call.lang, msg.platform, msg.chat_id, msg.reply_to_tag)]
