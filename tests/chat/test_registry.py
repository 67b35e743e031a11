"""The command registry drives dispatch, /help and Telegram's menus; capabilities, not names."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.slack import CAPABILITIES as SLACK
from bot.adapters.telegram import CAPABILITIES as TELEGRAM
from bot.adapters.telegram import menu
from bot.app import build_bot
from bot.commands import CommandCore, registry
from bot.commands.core import HANDLERS
from bot.commands.reading import describe_engine
from bot.richtext import Reply
from bot.service import BriefBot
from tests.chat.conftest import chat_settings, msg


def plain(replies: list[Reply]) -> str:
    return "\n---\n".join(r.plain for r in replies)


def test_every_command_declared_once_with_both_languages_and_a_handler() -> None:
    names = [c.name for c in registry.commands()]
    words = names + [a for c in registry.commands() for a in c.aliases]
    assert len(words) == len(set(words))
    for command in registry.commands():
        assert command.handler in HANDLERS
        for lang in ("fr", "en"):
            assert command.summary[lang] and command.help[lang]
            assert command.example[lang].startswith(f"/{command.name}")
    with pytest.raises(ValueError):
        registry.parse_registry({"command": [{"name": "Brief", "summary": "x", "help": "x"}]})
    with pytest.raises(ValueError):
        registry.parse_registry({"command": [{"name": "x", "summary": {"fr": "only fr"}}]})


def test_telegram_menu_is_generated_from_the_registry() -> None:
    for lang in ("fr", "en"):
        commands = menu(lang)
        expected = [c for c in registry.commands() if c.menu and c.available_on("telegram")]
        assert [c.command for c in commands] == [c.name for c in expected]
        assert [c.description for c in commands] == [c.summary[lang] for c in expected]
    assert "addsource" not in [c.command for c in menu("fr")]  # admin commands stay off menus


async def test_help_lists_the_registry_for_the_platform_and_the_asker(core: CommandCore) -> None:
    core.declare("telegram", TELEGRAM)
    core.declare("slack", SLACK)
    [help_fr] = await core.handle(msg("/help"))
    assert help_fr.ephemeral
    for command in registry.commands():
        shown = f"/{command.name}" in help_fr.plain
        assert shown == (not command.admin), command.name
    [admin_help] = await core.handle(msg("/aide", user_id="7"))
    assert (
        "/addsource <url>" in admin_help.plain and "/removesource <url|numéro>" in admin_help.plain
    )
    group = plain(await core.handle(msg("/help", chat_id="-4", private=False)))
    assert "répondez à l'un de mes messages" in group and "fil" not in group
    slack = plain(await core.handle(msg("/help", platform="slack", chat_id="C1", private=False)))
    assert "fil" in slack and "/briefbot brief en" in slack
    assert "groupe" not in slack and "répondez à l'un de mes messages" not in slack
    await core.handle(msg("/lang en", platform="slack", chat_id="C1"))
    slack_en = plain(await core.handle(msg("/help", platform="slack", chat_id="C1", private=False)))
    assert "thread" in slack_en and "e.g. /positions russia" in slack_en
    assert "group" not in slack_en and "reply to one of my messages" not in slack_en


async def test_admin_commands_refused_from_the_registry_for_the_asker_only(
    core: CommandCore,
) -> None:
    [refused] = await core.handle(msg("/removesource 1", user_id="99"))
    assert refused.ephemeral and "/removesource" in refused.plain
    [unknown] = await core.handle(msg("/frobnicate"))
    assert unknown.ephemeral and "/help" in unknown.plain
    [brief] = await core.handle(msg("/brief"))
    assert not brief.ephemeral


async def test_brief_in_the_asked_language_and_again_in_the_other(core: CommandCore) -> None:
    [en] = await core.handle(msg("/brief en"))
    assert en.plain.startswith("Briefing,")
    [fr] = await core.handle(msg("/brief fr"))  # nothing new: the same briefing, in French
    assert fr.plain.startswith("Briefing du") and fr.tag == en.tag
    [again] = await core.handle(msg("/brief"))  # no language: nothing new, and how to re-send
    assert "Aucun nouvel article" in again.plain and "/brief en" in again.plain
    [other_chat] = await core.handle(msg("/brief en", chat_id="2"))  # its own window
    assert other_chat.plain.startswith("Briefing,")


async def test_brief_says_there_is_nothing_in_the_asked_language(tmp_path: Path) -> None:
    empty = build_bot(chat_settings(tmp_path))  # a French bot with no article at all
    try:
        [en] = await CommandCore(empty).handle(msg("/brief en"))
        [fr] = await CommandCore(empty).handle(msg("/brief"))
    finally:
        empty.db.close()
    assert en.plain == "No article received in the last 24 hours."
    assert fr.plain == "Aucun article reçu ces dernières 24 heures."


async def test_subscribe_says_which_part_is_wrong(core: CommandCore) -> None:
    for bad_time in ("demain", "25:00", "8h", "tomorrow morning"):
        [reply] = await core.handle(msg(f"/subscribe {bad_time}"))
        assert "Heure invalide" in reply.plain and reply.ephemeral, bad_time
    for bad_zone in ("Mars/Base", "07:30 Paris", "07:30 demain"):
        [reply] = await core.handle(msg(f"/subscribe {bad_zone}"))
        assert "Fuseau horaire inconnu" in reply.plain, bad_zone
    [done] = await core.handle(msg("/subscribe Europe/London 06:45"))
    assert "06:45 (Europe/London)" in done.plain


async def test_status_describes_the_engine(core: CommandCore, briefbot: BriefBot) -> None:
    [status] = await core.handle(msg("/status"))
    version = briefbot.extractors[0].key.split(":")[1]
    assert f"Moteur : règles hors ligne (version {version[:7]})" in status.plain
    assert briefbot.extractors[0].key not in status.plain and version not in status.plain
    assert describe_engine("offline:4d806389c63e:x", "en") == "offline rules (version 4d80638)"
    assert describe_engine("llm:gpt-4o-mini:v3", "en") == "LLM gpt-4o-mini"


async def test_unknown_party_gets_a_short_hint(core: CommandCore, briefbot: BriefBot) -> None:
    [reply] = await core.handle(msg("/positions narnia"))
    assert "Partie inconnue" in reply.plain and reply.ephemeral
    assert "Vouliez-vous dire" not in reply.plain  # nothing close: a few examples
    assert len(reply.plain) < 300 and reply.plain.count("/positions") <= 4
    assert len(briefbot.book.parties) > 10  # the hint is short although many parties exist
    [close] = await core.handle(msg("/positions rusie"))
    assert "Vouliez-vous dire" in close.plain and "/positions russie" in close.plain
