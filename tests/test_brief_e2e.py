"""End to end: the digest of the shared real-article corpus, as the console, the Telegram fake
and the Slack fake receive it, passes the reader's checks of ../shared/eval/brief_quality.py
(precision 1.00, nothing repeated or cut, quotes balanced, no false dispute, English framing)
and stays within the 1,500-character budget. Skipped when ../shared is not beside the checkout
(``BRIEFBOT_TEST_SHARED_DIR`` names another place)."""

from __future__ import annotations

import html
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.console import run_console
from bot.adapters.slack import SlackBot
from bot.adapters.telegram import TelegramBot
from bot.app import build_bot
from bot.brief.compose import usable
from bot.brief.people import People
from bot.commands import CommandCore
from bot.service import BriefBot
from bot.settings import PROJECT_DIR
from tests.chat.conftest import chat_settings, ingest_articles
from tests.chat.test_slack_e2e import SECRET, Env
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import FakeTelegram

SHARED = Path(os.environ.get("BRIEFBOT_TEST_SHARED_DIR") or PROJECT_DIR.parent / "shared")
SCRIPT = SHARED / "eval" / "brief_quality.py"
ARTICLES = sorted(str(p) for p in (SHARED / "corpus").glob("*.txt"))
pytestmark = pytest.mark.skipif(
    not SCRIPT.is_file() or not ARTICLES, reason="../shared (corpus and brief_quality.py) is absent"
)


def quality(text: str, lang: str, tmp_path: Path) -> dict[str, float]:
    """brief_quality.py's last line on ``text``, as numbers."""
    path = tmp_path / f"digest_{lang}.txt"
    path.write_text(text, encoding="utf-8")
    out = (
        subprocess.run(
            [sys.executable, str(SCRIPT), "--lang", lang, str(path), *ARTICLES],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", out)}


def assert_readable(text: str, lang: str, tmp_path: Path, parties: int) -> None:
    score = quality(text, lang, tmp_path)
    assert score["precision"] == 1.0, text
    for figure in ("repeats", "cut", "unbalanced", "dispute_bad", "not_english"):
        assert score[figure] == 0, (figure, text)
    assert score["parties"] == parties, text
    assert "/" not in text.split("Sources")[-1].replace("https://", "").replace("http://", "")


@pytest.fixture
def corpus_bot(tmp_path: Path) -> AsyncIterator[BriefBot]:
    bot = build_bot(chat_settings(tmp_path))
    ingest_articles(bot, ARTICLES)
    yield bot
    bot.db.close()


def parties_with_positions(bot: BriefBot) -> int:
    """Parties with at least one stated position (not a reported figure, heading or narration)."""
    statements = usable(bot.positions(bot.articles()), People(bot.book))
    return len({p.party_id for p in statements})


async def test_console_receives_a_readable_digest(corpus_bot: BriefBot, tmp_path: Path) -> None:
    stdout = io.StringIO()
    await run_console(
        CommandCore(corpus_bot), stdin=io.StringIO("/brief fr\n/quit\n"), stdout=stdout
    )
    out = stdout.getvalue()
    digest = out[out.index("Briefing du") :]
    digest = digest[: digest.rindex("[3]")] + digest[digest.rindex("[3]") :].split("\n")[0]
    assert len(digest) <= 1500
    # every party with a stated position is in the digest
    assert_readable(digest, "fr", tmp_path, parties=parties_with_positions(corpus_bot))
    assert "/work" not in digest and ".txt" in digest


async def test_telegram_receives_a_readable_digest(
    corpus_bot: BriefBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeTelegram()
    base_url = await fake.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    settings = chat_settings(tmp_path, telegram_base_url=base_url)
    tg = TelegramBot(settings, CommandCore(corpus_bot))
    await tg.start(poll_timeout=1)
    try:
        fake.push_text(1, "/brief en")
        sent = await fake.wait_sent(1)
    finally:
        await tg.stop()
        await fake.stop()
    text = html.unescape(re.sub(r"<[^>]+>", "", "\n\n".join(m["text"] for m in sent)))
    assert_readable(text, "en", tmp_path, parties=parties_with_positions(corpus_bot))


async def test_slack_receives_a_readable_digest(
    corpus_bot: BriefBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeSlack()
    await fake.start()
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.token)
    monkeypatch.setenv("SLACK_APP_TOKEN", fake.app_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    settings = chat_settings(tmp_path, slack_api_url=fake.api_url, slack_mode="http", slack_port=0)
    slack = SlackBot(settings, CommandCore(corpus_bot), host="127.0.0.1")
    await slack.start()
    env = Env(fake, slack, [])
    try:
        assert await env.command("/brief", "fr") == 200
        await fake.wait_for(lambda: len(fake.posted) >= 1)
    finally:
        await slack.stop()
        await fake.stop()
    mrkdwn = "\n\n".join(_text(p) for p in fake.posted)
    text = html.unescape(re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", mrkdwn))
    assert_readable(text, "fr", tmp_path, parties=parties_with_positions(corpus_bot))


def _text(posted: dict[str, Any]) -> str:
    blocks = posted.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return "\n".join(b["text"]["text"] for b in blocks if "text" in b) or posted.get("text", "")
