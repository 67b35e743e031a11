"""Console session, the runner's startup hook, senders' outcomes, and the CLI's token errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.console import run_console
from bot.adapters.slack_send import SlackSender
from bot.adapters.telegram_pace import paced_bot
from bot.adapters.telegram_send import TelegramSender
from bot.app import build_bot
from bot.cli import app
from bot.commands import CommandCore
from bot.richtext import Reply, text_reply
from bot.runner import RunContext, run
from bot.schedule.pacer import new_pacer
from tests.chat.conftest import chat_settings, ingest_articles, write_articles
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import FakeTelegram, RateLimits


async def test_scripted_console_session(core: CommandCore) -> None:
    stdin = io.StringIO("/status\n\nQue dit Moscou ?\n/lang en\n/positions RU\n/quit\n/help\n")
    stdout = io.StringIO()
    assert await run_console(core, stdin=stdin, stdout=stdout) == 4
    out = stdout.getvalue()
    assert out.startswith("briefbot — tapez /help")
    assert "Articles stockés : 2" in out
    assert "pas encore disponibles" in out
    assert "Russia (RU)" in out and "[" not in out.split("Russia (RU)")[1][:3]
    assert "Commands" not in out  # stopped at /quit


async def test_runner_starts_telegram_and_runs_extra_tasks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeTelegram()
    await fake.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    settings = chat_settings(tmp_path, telegram_base_url=fake.base_url)
    briefbot = build_bot(settings)
    ingest_articles(briefbot, write_articles(tmp_path / "a"))
    seen: list[str] = []

    async def scheduler(context: RunContext) -> None:
        outcome = await context.senders["telegram"].send("55", text_reply("digest <1> & 2"))
        seen.append(f"{outcome.ok}")
        fake.push_text(55, "/status")
        await fake.wait_sent(2)
        context.stop.set()

    await run(["telegram"], settings, [scheduler], briefbot=briefbot)
    await fake.stop()
    assert seen == ["True"]
    assert fake.sent[0]["text"] == "digest &lt;1&gt; &amp; 2"
    assert "Articles" in fake.sent[1]["text"]


async def test_telegram_sender_outcomes_and_rate_counters() -> None:
    fake = FakeTelegram(limits=RateLimits(overall_per_sec=100, per_chat_per_sec=1))
    await fake.start()
    pacer = new_pacer("telegram", fake.token, None)
    bot = paced_bot(fake.token, fake.base_url, None, pacer=pacer)
    async with bot:
        sender = TelegramSender(bot)
        reply = Reply().add("bonjour")
        for _ in range(5):  # a burst of 3, then paced at about 1/s: no 429
            assert (await sender.send("10", reply)).ok
        fake.blocked_chats.add(11)
        blocked = await sender.send("11", reply)
        assert blocked.blocked and not blocked.ok
        fake.fail_next("sendMessage", retry_after=7)
        assert (await sender.send("12", reply)).retry_after == 7
        assert pacer.chat_wait("12") > 6  # the 429 holds that chat only
        assert pacer.chat_wait("13") == 0
        fake.down = True
        down = await sender.send("13", reply)
        assert down.transient and not down.ok
    await fake.stop()
    assert fake.stats.sent == 5 and fake.stats.rejected == 1
    assert fake.stats.per_chat[10] == 5


async def test_slack_sender_outcomes() -> None:
    fake = FakeSlack()
    await fake.start()
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(token=fake.token, base_url=fake.api_url)
    sender = SlackSender(client, new_pacer("slack", fake.token, None))
    assert (await sender.send("C1", text_reply("hello"))).ok
    assert (await sender.send("C1", text_reply("again"))).ok  # paced: 1/s per channel
    fake.not_in_channel.add("C2")
    outcome = await sender.send("C2", text_reply("hello"))
    assert outcome.blocked and outcome.error == "not_in_channel"
    fake.down = True
    assert (await sender.send("C3", text_reply("hello"))).transient
    await fake.stop()
    assert fake.posted[0]["unfurl_links"] is False
    assert fake.limited == 0 and len(fake.posted) == 2


@pytest.mark.parametrize(
    ("platform", "variable"),
    [
        ("telegram", "TELEGRAM_BOT_TOKEN"),
        ("slack", "SLACK_BOT_TOKEN"),
        ("all", "TELEGRAM_BOT_TOKEN"),
    ],
)
def test_cli_run_without_token_names_the_variable(platform: str, variable: str) -> None:
    result = CliRunner().invoke(app, ["run", platform])
    assert result.exit_code == 2
    assert variable in result.output and "Traceback" not in result.output


def test_cli_chat_command_is_registered(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["chat"], input="/lang en\n/sources\n")
    assert result.exit_code == 0, result.output
    assert "No source followed." in result.output
