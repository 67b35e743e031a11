"""Fixtures for the chat tests: a BriefBot on SQLite in tmp_path fed with small FR/EN articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_bot
from bot.commands import CommandCore, IncomingMessage
from bot.service import BriefBot
from bot.settings import Settings

ARTICLES = {
    "kremlin_fr.txt": (
        "Moscou rejette le plan de cessez-le-feu\n\n"
        "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré mardi que la Russie "
        "« rejette toute trêve qui ne tient pas compte des réalités <sur le terrain> & ailleurs ».\n\n"
        "Le président ukrainien Volodymyr Zelensky a affirmé que « l'Ukraine ne cédera aucun "
        "territoire » et a réclamé des garanties de sécurité.\n"
    ),
    "kyiv_en.txt": (
        "Kyiv asks for security guarantees\n\n"
        'Ukrainian President Volodymyr Zelensky said on Tuesday that "Ukraine will never accept '
        'a ceasefire that freezes the occupation".\n\n'
        'Kremlin spokesman Dmitry Peskov said Russia "rejects any deal that ignores the realities '
        'on the ground".\n\n'
        'US Secretary of State said Washington "stands ready to support talks".\n'
    ),
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def ingest_articles(bot: BriefBot, paths: list[str]) -> None:
    """Ingest through the real pipeline; every file must be read."""
    report = bot.ingest(paths)
    assert report.ok_count == len(paths), [i.reason for i in report.items if i.status == "error"]


def chat_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "telegram_admins": ["7"],
        "slack_admins": ["UADMIN"],
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def briefbot(tmp_path: Path) -> Iterator[BriefBot]:
    bot = build_bot(chat_settings(tmp_path))
    ingest_articles(bot, write_articles(tmp_path / "articles"))
    yield bot
    bot.db.close()


@pytest.fixture
def core(briefbot: BriefBot) -> CommandCore:
    return CommandCore(briefbot)


def msg(
    text: str,
    *,
    platform: str = "telegram",
    chat_id: str = "1",
    user_id: str = "1",
    private: bool = True,
    mentions: bool = False,
    reply_to_tag: str | None = None,
    callback: str | None = None,
) -> IncomingMessage:
    return IncomingMessage(
        platform=platform,
        chat_id=chat_id,
        user_id=user_id,
        text=text,
        reply_to_tag=reply_to_tag,
        is_private=private,
        mentions_bot=mentions,
        callback_data=callback,
    )
