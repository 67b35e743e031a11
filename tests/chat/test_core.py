"""The command core, command by command, in French and English, without any chat SDK."""

from __future__ import annotations

from bot.adapters.telegram import CAPABILITIES as TELEGRAM
from bot.commands import CommandCore, digest_articles, parse_command
from bot.commands.types import TERMINAL
from bot.domain.models import Lang
from bot.richtext import Reply, text_reply
from bot.service import BriefBot
from bot.store import chats as chat_store
from bot.store.chats import Subscription
from tests.chat.conftest import msg


def plain(replies: list[Reply]) -> str:
    return "\n---\n".join(r.plain for r in replies)


async def test_help_in_both_languages(core: CommandCore) -> None:
    fr = plain(await core.handle(msg("/start")))
    assert "/brief" in fr and "/subscribe" in fr and "positions" in fr and "ex. :" in fr
    await core.handle(msg("/lang en"))
    en = plain(await core.handle(msg("/help")))
    assert "e.g." in en and "/positions" in en


def test_parse_command() -> None:
    assert parse_command("/brief@BriefTestBot en") == ("brief", "en")
    assert parse_command("/Positions  russie ") == ("positions", "russie")
    assert parse_command("hello") is None and parse_command("/") is None
    assert parse_command("/../x") is None


async def test_unknown_command_gives_a_help_hint(core: CommandCore) -> None:
    assert "/help" in plain(await core.handle(msg("/frobnicate")))


async def test_brief_tags_digest_and_remembers_last_brief(
    core: CommandCore, briefbot: BriefBot
) -> None:
    [reply] = await core.handle(msg("/brief"))
    assert reply.tag is not None and digest_articles(reply.tag) == [1, 2]
    assert "Sources" in reply.plain
    record = chat_store.get_chat(briefbot.db, "telegram", "1")
    assert record is not None and record.last_brief_at is not None
    again = plain(await core.handle(msg("/brief")))
    assert "Aucun nouvel article" in again
    other = await core.handle(msg("/brief en", chat_id="2"))  # another chat: its own window
    assert other[0].tag == reply.tag and "Briefing," in other[0].plain


async def test_positions_all_one_party_and_unknown(core: CommandCore) -> None:
    slack_all = plain(await core.handle(msg("/positions", platform="slack", chat_id="C1")))
    assert "Russie (RU)" in slack_all and "Ukraine (UA)" in slack_all
    ru = plain(await core.handle(msg("/positions russie")))
    assert "Russie (RU)" in ru and "Ukraine (UA)" not in ru
    assert plain(await core.handle(msg("/positions RU"))) == ru
    await core.handle(msg("/lang en", chat_id="9"))
    assert "Russia (RU)" in plain(await core.handle(msg("/positions Russia", chat_id="9")))
    assert "Partie inconnue" in plain(await core.handle(msg("/positions narnia")))


async def test_positions_buttons_on_telegram(core: CommandCore) -> None:
    core.declare("telegram", TELEGRAM)
    [chooser] = await core.handle(msg("/positions"))
    data = [b.data for b in chooser.buttons]
    assert "pos:RU:1" in data and "pos:UA:1" in data
    [pressed] = await core.handle(msg("", callback="pos:RU:1"))
    assert "Russie (RU)" in pressed.plain and "Ukraine (UA)" not in pressed.plain
    assert [b.data for b in pressed.buttons] == ["pos:*"]  # one page: only "back to parties"
    [back] = await core.handle(msg("", callback="pos:*"))
    assert [b.data for b in back.buttons] == data
    [stale] = await core.handle(msg("", callback="pos:XX"))
    assert "relancez" in stale.plain and stale.ephemeral


async def test_questions_private_group_and_followups(briefbot: BriefBot) -> None:
    asked: list[tuple[str, Lang, str, str, str | None]] = []

    def asker(q: str, lang: Lang, platform: str, chat_id: str, tag: str | None) -> Reply:
        asked.append((q, lang, platform, chat_id, tag))
        return text_reply(f"answer to {q}")

    core = CommandCore(briefbot, asker=asker)
    assert plain(await core.handle(msg("Que dit Kiev ?"))) == "answer to Que dit Kiev ?"
    assert await core.handle(msg("chatter", chat_id="-5", private=False)) == []
    await core.handle(msg("and Moscow?", chat_id="-5", private=False, mentions=True))
    await core.handle(msg("why?", chat_id="-5", private=False, reply_to_tag="digest:1,2"))
    await core.handle(msg("/ask what now", platform="slack", chat_id="C9", private=False))
    assert asked == [
        ("Que dit Kiev ?", "fr", "telegram", "1", None),
        ("and Moscow?", "fr", "telegram", "-5", None),
        ("why?", "fr", "telegram", "-5", "digest:1,2"),
        ("what now", "fr", "slack", "C9", None),
    ]
    assert "Usage" in plain(await core.handle(msg("/ask")))


async def test_questions_without_asker_say_not_available(core: CommandCore) -> None:
    assert "pas encore disponibles" in plain(await core.handle(msg("Une question ?")))
    await core.handle(msg("/lang en"))
    assert "not available yet" in plain(await core.handle(msg("/ask anything")))


async def test_subscribe_validates_and_calls_the_hook(briefbot: BriefBot) -> None:
    changes: list[tuple[str, str, Subscription | None]] = []

    async def hook(platform: str, chat_id: str, sub: Subscription | None) -> None:
        changes.append((platform, chat_id, sub))

    core = CommandCore(briefbot, on_subscription_change=hook)
    assert "08:00 (Europe/Paris)" in plain(await core.handle(msg("/subscribe")))
    assert "07:05" in plain(await core.handle(msg("/subscribe 7:05 America/New_York")))
    sub = chat_store.get_subscription(briefbot.db, "telegram", "1")
    assert sub is not None and (sub.time_local, sub.timezone) == ("07:05", "America/New_York")
    assert "Heure invalide" in plain(await core.handle(msg("/subscribe 25:00")))
    assert "Fuseau horaire inconnu" in plain(await core.handle(msg("/subscribe 08:00 Mars/Base")))
    assert "Fuseau horaire inconnu" in plain(await core.handle(msg("/subscribe ../../etc/passwd")))
    assert "Usage" in plain(await core.handle(msg("/subscribe 1 2 3")))
    assert "arrêté" in plain(await core.handle(msg("/unsubscribe")))
    assert "pas abonné" in plain(await core.handle(msg("/unsubscribe")))
    assert [(p, c, s.time_local if s else None) for p, c, s in changes] == [
        ("telegram", "1", "08:00"),
        ("telegram", "1", "07:05"),
        ("telegram", "1", None),
    ]


async def test_sources_admin_only_and_validated(core: CommandCore) -> None:
    assert "Aucune source" in plain(await core.handle(msg("/sources")))
    refused = plain(await core.handle(msg("/addsource https://news.example/rss", user_id="99")))
    assert "administrateurs" in refused
    assert "invalide" in plain(
        await core.handle(msg("/addsource javascript:alert(1)", user_id="7"))
    )
    assert "invalide" in plain(await core.handle(msg("/addsource file:///etc/passwd", user_id="7")))
    assert "ajoutée" in plain(
        await core.handle(msg("/addsource https://a.example/rss", user_id="7"))
    )
    assert "déjà" in plain(await core.handle(msg("/addsource https://a.example/rss", user_id="7")))
    await core.handle(msg("/addsource http://b.example/feed", user_id="7"))
    listing = plain(await core.handle(msg("/sources", user_id="99")))
    assert "1. https://a.example/rss" in listing and "2. http://b.example/feed" in listing
    assert "administrateurs" in plain(await core.handle(msg("/removesource 1", user_id="99")))
    assert "Numéro invalide" in plain(await core.handle(msg("/removesource 5", user_id="7")))
    assert "retirée" in plain(await core.handle(msg("/removesource 1", user_id="7")))
    removed = plain(await core.handle(msg("/removesource http://b.example/feed", user_id="7")))
    assert "retirée" in removed
    slack_admin = msg("/addsource https://c.example/", platform="slack", user_id="UADMIN")
    assert "ajoutée" in plain(await core.handle(slack_admin))
    console = msg("/addsource https://d.example/", platform="console", chat_id="local")
    assert "administrateurs" in plain(await core.handle(console))  # nobody declared a terminal
    core.declare("console", TERMINAL)  # as the console adapter does: its user owns the bot
    assert "ajoutée" in plain(await core.handle(console))


async def test_status_and_lang(core: CommandCore) -> None:
    status = plain(await core.handle(msg("/status")))
    assert "Articles stockés : 2" in status and "Moteur" in status and "non" in status
    assert "Usage" in plain(await core.handle(msg("/lang de")))
    assert "in English" in plain(await core.handle(msg("/lang en")))
    assert "Articles stored: 2" in plain(await core.handle(msg("/status")))


async def test_chats_are_isolated(core: CommandCore, briefbot: BriefBot) -> None:
    await core.handle(msg("/lang en", chat_id="A"))
    await core.handle(msg("/subscribe 06:00", chat_id="A"))
    await core.handle(msg("/brief", chat_id="A"))
    assert "Commande inconnue" in plain(await core.handle(msg("/x", chat_id="B")))
    assert "Unknown command" in plain(await core.handle(msg("/x", chat_id="A")))
    # same chat id on another platform is another chat
    assert "Commande inconnue" in plain(await core.handle(msg("/x", platform="slack", chat_id="A")))
    assert chat_store.get_subscription(briefbot.db, "telegram", "B") is None
    assert chat_store.get_subscription(briefbot.db, "slack", "A") is None
    assert "Briefing du" in plain(await core.handle(msg("/brief", chat_id="B")))
