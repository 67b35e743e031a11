"""Commands that read: /help, /brief, /positions (and its buttons), /status, /ask."""

from __future__ import annotations

import difflib
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.commands import registry
from bot.commands.tags import digest_articles, digest_tag
from bot.domain.i18n import t
from bot.domain.models import OTHER_PARTY, Lang, Position
from bot.render.briefing import briefing_reply
from bot.render.chat_positions import (
    page_buttons,
    page_reply,
    party_chooser,
    party_list,
    party_pages,
    positions_reply,
)
from bot.richtext import Reply, Span, text_reply
from bot.store import chats as chat_store
from bot.store import messages as sent_store
from bot.textnorm import fold

if TYPE_CHECKING:
    from bot.commands.core import Call

LAST_BRIEF = "last-brief"  # sent_messages row (per chat) holding the tag of the last /brief
UNKNOWN_EXAMPLES = 3


def help_cmd(call: Call) -> list[Reply]:
    """Generated from the registry: the commands of this platform, with usage and example."""
    lang, platform = call.lang, call.msg.platform
    reply = Reply()
    reply.add(Span(call.t("help.title"), bold=True), kind="heading")
    reply.add(call.t("help.what"))
    reply.add(Span(call.t("help.commands"), bold=True), kind="heading")
    admin = call.is_admin()
    for command in registry.commands():
        if not command.available_on(platform) or (command.admin and not admin):
            continue
        spans: list[Span | str] = [Span(command.usage(lang), bold=True)]
        spans.append(" — " + command.help[lang])
        example = command.example[lang]
        if example != command.usage(lang) and example != f"/{command.name}":
            spans.append(call.t("help.example", example=example))
        reply.add(*spans, kind="item")
    if call.msg.is_private:
        reply.add(call.t("help.questions_private"))
    else:
        for key in call.caps.help_notes:
            reply.add(call.t(key))
    return [reply]


def format_time(when: datetime | None, lang: Lang) -> str:
    if when is None:
        return "—"
    when = when.astimezone(UTC)
    return when.strftime("%d/%m/%Y %H:%M UTC" if lang == "fr" else "%Y-%m-%d %H:%M UTC")


def _last_brief_ids(call: Call) -> list[int] | None:
    msg = call.msg
    tag = sent_store.tag_of(call.bot.db, msg.platform, msg.chat_id, LAST_BRIEF)
    return digest_articles(tag)


def brief_cmd(call: Call) -> list[Reply]:
    """New articles since the chat's last /brief; with a language and nothing new, the last
    briefing again, in that language."""
    arg = call.arg.strip().lower()
    if arg in ("fr", "en"):
        call.lang = "en" if arg == "en" else "fr"  # the briefing and any notice: as asked
    elif arg:
        return [call.notice("brief.usage")]
    lang: Lang = call.lang
    msg, bot = call.msg, call.bot
    record = chat_store.get_chat(bot.db, msg.platform, msg.chat_id)
    now = datetime.now(UTC)
    last = record.last_brief_at if record else None
    since = last or now - timedelta(hours=bot.settings.brief_period_hours)
    articles = bot.articles(since=since)
    resent = False
    if not articles and arg and (ids := _last_brief_ids(call)):
        articles, resent = bot.articles(ids=ids), True
    if not articles:
        key = "brief.nothing_new" if last else "brief.nothing"
        return [text_reply(call.t(key, since=format_time(last, call.lang)))]
    briefing = bot.briefing(articles, lang, max_chars=bot.settings.brief_max_chars)
    reply = briefing_reply(briefing)
    reply.tag = digest_tag([a.id for a in articles if a.id is not None])
    if not resent:
        sent_store.remember(bot.db, msg.platform, msg.chat_id, LAST_BRIEF, reply.tag)
        chat_store.update_chat(bot.db, msg.platform, msg.chat_id, last_brief_at=now)
    return [reply]


def _window_positions(call: Call, party: str | None, all_speakers: bool) -> list[Position]:
    bot = call.bot
    since = datetime.now(UTC) - timedelta(days=bot.settings.qa_window_days)
    return bot.positions(bot.articles(since=since), party=party, all_speakers=all_speakers)


def _find_party(call: Call, text: str) -> str | None:
    found = call.bot.book.find(text)
    if found is not None:
        return found.id
    return OTHER_PARTY if text.strip().upper() == OTHER_PARTY else None


def unknown_party(call: Call, text: str) -> Reply:
    """A short hint: the closest party names (else the first few) and how to list them all."""
    book, lang = call.bot.book, call.lang
    names = {fold(p.name(lang)): p.name(lang) for p in book.parties}
    close = difflib.get_close_matches(fold(text), list(names), n=UNKNOWN_EXAMPLES, cutoff=0.75)
    examples = [names[c] for c in close] or [p.name(lang) for p in book.parties][:UNKNOWN_EXAMPLES]
    shown = ", ".join(f"/positions {fold(name)}" for name in examples)
    key = "positions.unknown_close" if close else "positions.unknown"
    return call.notice(key, party=text[:60], examples=shown)


def _split_page(arg: str) -> tuple[str, int]:
    """('russie', 2) for 'russie 2'; the page defaults to 1."""
    words = arg.split()
    if len(words) > 1 and words[-1].isdigit():
        return " ".join(words[:-1]), int(words[-1])
    return arg.strip(), 1


def positions_cmd(call: Call) -> list[Reply]:
    book, caps = call.bot.book, call.caps
    if not call.arg.strip():
        positions = _window_positions(call, None, all_speakers=False)
        if not positions:
            return [text_reply(call.t("positions.none"))]
        if caps.buttons:
            return [party_chooser(positions, book, call.lang)]
        if caps.page_chars:
            return [party_list(positions, book, call.lang)]
        return [positions_reply(positions, book, call.lang)]
    text, page = _split_page(call.arg)
    party_id = _find_party(call, text)
    if party_id is None:
        return [unknown_party(call, text)]
    return _party_page(call, party_id, page)


def _party_page(call: Call, party_id: str, page: int) -> list[Reply]:
    book, caps, lang = call.bot.book, call.caps, call.lang
    positions = _window_positions(call, party_id, all_speakers=party_id == OTHER_PARTY)
    if not positions:
        return [text_reply(call.t("positions.none"))]
    pages = party_pages(positions, party_id, book, lang, caps.page_chars)
    page = min(max(page, 1), len(pages.pages))
    reply = page_reply(pages, page, book, lang)
    if caps.buttons:
        reply.buttons = page_buttons(pages, page, lang)
    elif page < len(pages.pages):
        reply.add(call.t("positions.next_page", id=party_id.lower(), page=page + 1))
    return [reply]


def button(call: Call) -> list[Reply]:
    """A button press: ``pos:<party id>:<page>``, or ``pos:*`` for the choice of party."""
    kind, _, value = call.arg.partition(":")
    if kind != "pos":
        return [call.notice("cmd.stale_button")]
    if value == "*":
        positions = _window_positions(call, None, all_speakers=False)
        if not positions:
            return [text_reply(call.t("positions.none"))]
        return [party_chooser(positions, call.bot.book, call.lang)]
    party, _, page = value.partition(":")
    if party != OTHER_PARTY and call.bot.book.get(party) is None:
        return [call.notice("cmd.stale_button")]
    return _party_page(call, party, int(page) if page.isdigit() else 1)


def describe_engine(key: str, lang: Lang) -> str:
    """'offline:4d806389c63e:…' -> 'offline rules (version 4d80638)' (the engine version is a
    hash of its rules: its first 7 digits name it); 'llm:gpt-4o-mini:v3' -> 'LLM gpt-4o-mini'."""
    kind, _, rest = key.partition(":")
    detail = rest.split(":", 1)[0]
    if kind == "offline":
        return t(lang, "status.engine_offline", version=detail[:7])
    if kind == "llm":
        return t(lang, "status.engine_llm", model=detail)
    return key


def status_cmd(call: Call) -> list[Reply]:
    bot, msg = call.bot, call.msg
    status = bot.status()
    engines = [describe_engine(e.key, call.lang) for e in bot.extractors]
    engine = engines[0]
    if len(engines) > 1:
        engine += call.t("status.engine_fallback", fallback=", ".join(engines[1:]))
    reply = Reply()
    reply.add(Span(call.t("status.title"), bold=True), kind="heading")
    reply.add(call.t("status.articles", n=status.articles), kind="item")
    reply.add(
        call.t("status.last_ingest", when=format_time(status.last_ingest, call.lang)), kind="item"
    )
    reply.add(call.t("status.engine", engine=engine), kind="item")
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
        return [call.notice("ask.usage")]
    asker = call.core.asker
    if asker is None:
        return [call.notice("ask.unavailable")]
    msg = call.msg
    return [asker(question, call.lang, msg.platform, msg.chat_id, msg.reply_to_tag)]
