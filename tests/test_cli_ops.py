"""The command line helps: --since in natural forms, plain help, version, case-insensitive
choices, validated operator options, empty-store and near-duplicate messages, and a console
that says it cannot receive digests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import CommandCore
from bot.commands.types import TERMINAL, IncomingMessage
from bot.settings import PROJECT_DIR
from bot.since import BadSince, parse_since
from tests.test_cli_e2e import briefbot

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
SAMPLE = PROJECT_DIR / "bot" / "samples" / "02_bruxelles_garanties.txt"


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("30m", timedelta(minutes=30)),
        ("24h", timedelta(hours=24)),
        ("7d", timedelta(days=7)),
        ("1w", timedelta(weeks=1)),
        ("2 weeks", timedelta(weeks=2)),
        ("1.5h", timedelta(minutes=90)),
        ("3 JOURS", timedelta(days=3)),
    ],
)
def test_since_compact_durations(text: str, delta: timedelta) -> None:
    assert parse_since(text, now=NOW) == NOW - delta


def test_since_words_dates_and_phrases() -> None:
    assert parse_since("all", now=NOW) is None
    yesterday = parse_since("yesterday", now=NOW)
    today = parse_since("today", now=NOW)
    assert yesterday is not None and today is not None
    assert today - yesterday == timedelta(days=1) and today <= NOW
    assert parse_since("hier", now=NOW) == yesterday
    day = parse_since("2026-11-20", now=NOW)
    assert day is not None and abs(day - datetime(2026, 11, 20, tzinfo=UTC)) <= timedelta(hours=14)
    assert parse_since("2026-11-20T08:00:00+00:00", now=NOW) == datetime(
        2026, 11, 20, 8, tzinfo=UTC
    )
    ago = parse_since("3 days ago", now=NOW)
    assert ago is not None and abs(ago - (NOW - timedelta(days=3))) < timedelta(minutes=1)
    french = parse_since("il y a 2 jours", now=NOW)
    assert french is not None and abs(french - (NOW - timedelta(days=2))) < timedelta(minutes=1)
    for bad in ("banana", "2027-01-01", "soon-ish"):
        with pytest.raises(BadSince):
            parse_since(bad, now=NOW)


def test_help_shows_names_not_python_types() -> None:
    script = (
        "import typer; from bot.cli import app; from bot.cli_help import tidy_command\n"
        "cmd = tidy_command(typer.main.get_command(app))\n"
        "def walk(c, path):\n"
        "    yield path\n"
        "    for name, sub in getattr(c, 'commands', {}).items():\n"
        "        yield from walk(sub, [*path, name])\n"
        "for path in walk(cmd, []):\n"
        "    cmd.main([*path, '-h'], prog_name='briefbot', standalone_mode=False)\n"
        "    print('=====')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = proc.stdout.split("=====")
    assert len(pages) > 12  # every command and sub-command was shown
    for bad in ("<str>", "<int>", "<float>", "list[", "{question}", "<list"):
        assert bad not in proc.stdout, bad
    assert "Usage: briefbot ask [OPTIONS] QUESTION" in proc.stdout
    assert "Example" in proc.stdout


@pytest.mark.slow
def test_version_short_help_and_case_insensitive_choices(tmp_path: Path) -> None:
    assert briefbot("--version", data=tmp_path).stdout.startswith("briefbot 0.")
    assert "Usage: briefbot" in briefbot("-h", data=tmp_path).stdout
    empty = briefbot("--engine", "OFFLINE", "brief", "--lang", "EN", data=tmp_path, check=False)
    assert empty.returncode == 1 and "Nothing is stored yet" in empty.stderr  # options parsed
    bad = briefbot("stats", "--days", "-3", data=tmp_path, check=False)
    assert bad.returncode == 2 and "greater than or equal to 1" in bad.stderr


@pytest.mark.slow
def test_empty_store_messages_and_operator_validation(tmp_path: Path) -> None:
    for args in (("ask", "Que réclame Kiev ?"), ("positions",), ("brief", "--since", "all")):
        proc = briefbot(*args, data=tmp_path, check=False)
        assert proc.returncode == 1 and "Nothing is stored yet" in proc.stderr, args
        assert "--since all" not in proc.stderr
    typo = briefbot("digest", "send-now", "--platform", "telegarm", data=tmp_path, check=False)
    assert typo.returncode == 2 and "Unknown platform 'telegarm'" in typo.stderr
    never = briefbot(
        "digest", "send-now", "--platform", "TELEGRAM", "--chat", "123", data=tmp_path, check=False
    )
    assert never.returncode == 2 and "no digest subscription" in never.stderr


@pytest.mark.slow
def test_a_near_duplicate_input_names_the_stored_article_and_shows_its_positions(
    tmp_path: Path,
) -> None:
    original = tmp_path / "original.txt"
    original.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    briefbot("ingest", str(original), data=tmp_path)
    copy = tmp_path / "copy.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    copy.write_text(text.replace(".", " ;", 1) + "\nMis à jour à 18 h.\n", encoding="utf-8")
    shown = briefbot("positions", "--format", "json", str(copy), data=tmp_path)
    assert "is a near-duplicate of stored article #1" in shown.stderr
    parties = json.loads(shown.stdout)["parties"]
    assert parties and all(
        p["source"].endswith("original.txt") for party in parties for p in party["positions"]
    )
    exact = briefbot("ingest", str(original), data=tmp_path)
    assert "is a copy of stored article #1" in exact.stderr
    assert "«" in exact.stdout or '"' in exact.stdout  # that article's positions, quoted


def test_the_console_cannot_subscribe(tmp_path: Path) -> None:
    from bot.app import build_bot
    from bot.settings import Settings
    from bot.store import chats as chat_store

    bot = build_bot(Settings(data_dir=tmp_path / "data"))
    try:
        core = CommandCore(bot)
        core.declare("console", TERMINAL)  # as the console adapter does
        message = IncomingMessage("console", "local", "me", "/subscribe 07:30", is_private=True)
        replies = core.handle_sync(message)
        assert (
            "cannot receive daily digests" in replies[0].plain
            or "ne reçoit pas" in replies[0].plain
        )
        assert chat_store.get_subscription(bot.db, "console", "local") is None
    finally:
        bot.db.close()
