"""Digest decisions: new since the last digest, one content per language, quiet chats, shifts."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from bot.schedule.content import load_digest
from bot.schedule.digest import DigestBuilder
from bot.schedule.shifts import stance
from bot.settings import Settings
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.digest_tables import digest_state, outbox
from tests.outbox_support import add_article, make_bot


def _outbox(db: Database) -> list[sa.Row[tuple[str, str, str]]]:
    with db.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(outbox.c.chat_id, outbox.c.digest_key, outbox.c.content_key).order_by(
                    outbox.c.id
                )
            )
        )


def _chat(db: Database, chat_id: str, lang: str, *, quiet: bool = False) -> None:
    chat_store.ensure_chat(db, "telegram", chat_id, is_private=True)
    chat_store.update_chat(db, "telegram", chat_id, lang=lang, quiet=quiet)


def test_one_content_per_language_and_only_new_articles(
    any_db: Database, settings: Settings
) -> None:
    bot = make_bot(any_db, settings)
    builder = DigestBuilder(bot)
    for chat, lang in (("1", "fr"), ("2", "fr"), ("3", "en")):
        _chat(any_db, chat, lang)
    first = add_article(any_db, "RU|talks|Moscow agrees to new talks")
    for chat in ("1", "2", "3"):
        assert builder.decide("telegram", chat, digest_key="d1").outcome == "queued"
    rows = _outbox(any_db)
    assert len({r.content_key for r in rows}) == 2  # fr shared by chats 1 and 2, en for 3
    assert rows[0].content_key == rows[1].content_key != rows[2].content_key
    assert bot.composers[0].calls == 2  # type: ignore[attr-defined]

    assert builder.decide("telegram", "1", digest_key="d1").outcome == "already"
    second = add_article(any_db, "UA|ceasefire|Kyiv calls for a ceasefire")
    d2 = builder.decide("telegram", "1", digest_key="d2")
    assert d2.outcome == "queued" and d2.articles == 1
    reply = load_digest(any_db, d2.content_key or "")
    assert reply is not None and "Kyiv calls for a ceasefire" in reply.plain
    assert "Moscow agrees" not in reply.plain
    with any_db.engine.connect() as conn:
        state = conn.execute(
            sa.select(digest_state.c.last_article_id).where(digest_state.c.chat_id == "1")
        ).scalar()
    assert state == second > first


def test_nothing_new_is_one_line_or_nothing_for_quiet_chats(
    any_db: Database, settings: Settings
) -> None:
    builder = DigestBuilder(make_bot(any_db, settings))
    _chat(any_db, "1", "fr")
    _chat(any_db, "2", "en", quiet=True)
    d1 = builder.decide("telegram", "1", digest_key="d1")
    d2 = builder.decide("telegram", "2", digest_key="d1")
    assert d1.outcome == "queued" and d2.outcome == "quiet"
    reply = load_digest(any_db, d1.content_key or "")
    assert reply is not None and reply.plain == "Rien de nouveau depuis le dernier digest."
    assert [r.chat_id for r in _outbox(any_db)] == ["1"]
    assert builder.decide("telegram", "2", digest_key="d1").outcome == "already"


def test_inactive_chat_gets_nothing(sqlite_db: Database, settings: Settings) -> None:
    builder = DigestBuilder(make_bot(sqlite_db, settings))
    _chat(sqlite_db, "1", "en")
    chat_store.update_chat(sqlite_db, "telegram", "1", active=False)
    add_article(sqlite_db, "RU|talks|Moscow agrees to new talks")
    assert builder.decide("telegram", "1", digest_key="d1").outcome == "inactive"
    assert _outbox(sqlite_db) == []


def test_shift_is_shown_with_both_dates(sqlite_db: Database, settings: Settings) -> None:
    bot = make_bot(sqlite_db, settings)
    builder = DigestBuilder(bot)
    _chat(sqlite_db, "1", "en")
    _chat(sqlite_db, "2", "fr")
    add_article(
        sqlite_db,
        "RU|territory|Moscow rejects any territorial compromise",
        published=datetime(2026, 3, 2, tzinfo=UTC),
    )
    for chat in ("1", "2"):
        builder.decide("telegram", chat, digest_key="d1")
    add_article(
        sqlite_db,
        "RU|territory|Moscow is ready to accept a territorial compromise\n"
        "UA|territory|Kyiv rejects any territorial compromise",
        published=datetime(2026, 3, 20, tzinfo=UTC),
    )
    en = builder.decide("telegram", "1", digest_key="d2")
    fr = builder.decide("telegram", "2", digest_key="d2")
    text_en = load_digest(sqlite_db, en.content_key or "").plain  # type: ignore[union-attr]
    text_fr = load_digest(sqlite_db, fr.content_key or "").plain  # type: ignore[union-attr]
    assert "Shifts" in text_en and "shift" in text_en
    assert "2026-03-02" in text_en and "2026-03-20" in text_en
    assert "rejects any territorial" in text_en and "ready to accept" in text_en
    assert "Évolutions" in text_fr and "évolution" in text_fr
    assert "02/03/2026" in text_fr and "20/03/2026" in text_fr
    shifts = text_en.split("Shifts", 1)[1]
    assert "RU" in shifts and "UA" not in shifts  # UA said nothing different before


def test_stance_words() -> None:
    assert stance("Nous n'accepterons jamais cette ligne") == "reject"
    assert stance("We will never accept it") == "reject"
    assert stance("Moscow refuses the plan") == "reject"
    assert stance("Kyiv is ready to sign") == "accept"
    assert stance("La France soutient la proposition") == "accept"
    assert stance("prêts à signer à condition que les garanties suivent") == "conditional"
    assert stance("The meeting took place in Geneva") is None
