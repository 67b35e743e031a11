"""Commands that change things: /lang, /subscribe, /unsubscribe, /sources and their edits."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.richtext import Reply, Span, text_reply
from bot.store import chats as chat_store

if TYPE_CHECKING:
    from bot.commands.core import Call
    from bot.settings import Settings

DEFAULT_TIME = "08:00"
DEFAULT_TZ = "Europe/Paris"
_TIME = re.compile(r"^(\d{1,2})(?::|h)(\d{2})$", re.IGNORECASE)
MAX_URL = 2048


def lang_cmd(call: Call) -> list[Reply]:
    arg = call.arg.strip().lower()
    if arg not in ("fr", "en"):
        return [call.notice("lang.usage", code=call.lang)]
    msg = call.msg
    chat_store.update_chat(call.bot.db, msg.platform, msg.chat_id, lang=arg)
    call.lang = "en" if arg == "en" else "fr"
    return [text_reply(call.t("lang.set"))]


def parse_time(text: str) -> str | None:
    """'8:30' -> '08:30'; None unless it is a valid 24-hour time."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def valid_timezone(name: str) -> bool:
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def looks_like_timezone(word: str, index: int, words: list[str]) -> bool:
    """An unknown word meant as a time zone: 'Mars/Base', or the word after a valid time."""
    if "/" in word:
        return True
    return index == 1 and parse_time(words[0]) is not None and not word[:1].isdigit()


def subscribe_cmd(call: Call) -> list[Reply]:
    if not call.caps.digests:  # no delivery there: its outbox rows would never leave
        return [text_reply(call.t("subscribe.console"))]
    words = call.arg.split()
    if len(words) > 2:
        return [call.notice("subscribe.usage")]
    time_local, tz = DEFAULT_TIME, DEFAULT_TZ
    for index, word in enumerate(words):
        if (parsed := parse_time(word)) is not None:
            time_local = parsed
        elif valid_timezone(word):
            tz = word
        elif looks_like_timezone(word, index, words):
            return [call.notice("subscribe.bad_tz", value=word[:64])]
        else:  # "demain", "8h", "25:00": the time is what is wrong
            return [call.notice("subscribe.bad_time", value=word[:64])]
    msg = call.msg
    chat_store.subscribe(call.bot.db, msg.platform, msg.chat_id, time_local, tz)
    sub = chat_store.get_subscription(call.bot.db, msg.platform, msg.chat_id)
    call.subscription_changes.append((msg.platform, msg.chat_id, sub))
    return [text_reply(call.t("subscribe.done", time=time_local, tz=tz))]


def unsubscribe_cmd(call: Call) -> list[Reply]:
    msg = call.msg
    removed = chat_store.unsubscribe(call.bot.db, msg.platform, msg.chat_id)
    if not removed:
        return [text_reply(call.t("unsubscribe.none"))]
    call.subscription_changes.append((msg.platform, msg.chat_id, None))
    return [text_reply(call.t("unsubscribe.done"))]


def valid_url(url: str) -> bool:
    if not url or len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def source_url_problem(url: str, settings: Settings) -> str | None:
    """Why the fetcher would refuse ``url`` (SSRF policy), checked before it is stored."""
    from bot.ingest.netpolicy import address_problem, source_problem, system_resolver

    allow = settings.fetch_allow_private
    return source_problem(url, system_resolver, lambda ip: address_problem(ip, allow_private=allow))


def sources_cmd(call: Call) -> list[Reply]:
    sources = chat_store.list_sources(call.bot.db)
    if not sources:
        return [text_reply(call.t("sources.none"))]
    reply = Reply().add(Span(call.t("sources.title", n=len(sources)), bold=True), kind="heading")
    for number, source in enumerate(sources, 1):
        label = f" ({source.name})" if source.name else ""
        reply.add(f"{number}. ", Span(source.url, link=source.url), label, kind="item")
    return [reply]


def addsource_cmd(call: Call) -> list[Reply]:
    url = call.arg.strip().strip("<>")
    if not valid_url(url):
        return [call.notice("sources.bad_url")]
    if problem := source_url_problem(url, call.bot.settings):
        return [call.notice("sources.refused", url=url, reason=problem)]
    msg = call.msg
    added = chat_store.add_source(call.bot.db, url, added_by=f"{msg.platform}:{msg.user_id}")
    return [text_reply(call.t("sources.added" if added else "sources.known", url=url))]


def removesource_cmd(call: Call) -> list[Reply]:
    arg = call.arg.strip().strip("<>")
    if not arg:
        return [call.notice("sources.remove_usage")]
    url = arg
    if arg.isdigit():
        sources = chat_store.list_sources(call.bot.db)
        number = int(arg)
        if not 1 <= number <= len(sources):
            return [call.notice("sources.bad_number", n=len(sources))]
        url = sources[number - 1].url
    removed = chat_store.remove_source(call.bot.db, url)
    return [text_reply(call.t("sources.removed" if removed else "sources.unknown", url=url))]
