"""No token, key or secret in any log line or error message: recognisable secrets are set, then
failing runs (an LLM server echoing the key in its error body, a Telegram server answering 401)
are scanned: caplog, capsys, and the stderr/stdout of ``briefbot`` CLI subprocesses."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import bot.logs
from bot.app import build_bot
from bot.llm import accounting
from bot.logs import setup_logging
from bot.settings import PROJECT_DIR, Settings
from tests.fakes.openai_server import FakeOpenAI, Reply, running
from tests.fakes.telegram_api import FakeTelegram

SECRETS = {
    "OPENAI_API_KEY": "sk-SECRETopenai-0123456789",
    "TELEGRAM_BOT_TOKEN": "999999:SECRETtelegramTOKEN_abc",
    "SLACK_BOT_TOKEN": "xoxb-SECRETslack-bot-4242",
    "SLACK_APP_TOKEN": "xapp-SECRETslack-app-4242",
    "SLACK_SIGNING_SECRET": "SECRETsigning0123456789",
    "TELEGRAM_WEBHOOK_SECRET": "SECRETwebhook0123456789",
}
ARTICLE = (
    "Pourparlers\n\nLe porte-parole du Kremlin, Dmitri Peskov, a déclaré que la Russie "
    "« refuse toute trêve sans garanties ».\n"
)


def leaks(text: str) -> list[str]:
    found = [name for name, value in SECRETS.items() if value in text]
    # pieces of the token are leaks too (e.g. a URL path cut in two)
    found += [f"part of {n}" for n, v in SECRETS.items() if v.split(":")[-1] in text]
    return found


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    factory = logging.getLogRecordFactory()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    monkeypatch.setattr(bot.logs, "_secrets", [])
    yield
    logging.setLogRecordFactory(factory)
    root.handlers[:] = handlers
    root.setLevel(level)


def echo_key(status: int) -> Reply:
    key = SECRETS["OPENAI_API_KEY"]
    message = f"Incorrect API key provided: {key}. Authorization: Bearer {key}"
    return Reply(status=status, body={"error": {"message": message, "type": "auth"}})


def test_in_process_llm_errors_echoing_the_key_never_show_it(
    secret_env: None,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings(engine="llm", data_dir=tmp_path / "data", llm_max_retries=0)
    setup_logging(2, settings.secrets.values())
    logging.getLogger().addHandler(caplog.handler)  # setup_logging replaced the handlers
    caplog.set_level(logging.DEBUG)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with running() as server:
        server.responder = lambda body: echo_key(401)
        settings.openai_base_url = server.base_url
        briefbot = build_bot(settings)
        report = briefbot.ingest([str(tmp_path / "a.txt")])
        articles = briefbot.articles(ids=report.articles)
        briefing = briefbot.briefing(articles, "fr", max_chars=1500)
        stats = accounting.stats(briefbot.db) if hasattr(accounting, "stats") else None
        briefbot.db.close()
    assert server.calls >= 1 and briefing.engine.startswith("offline")
    assert any("401" in r.getMessage() for r in caplog.records)
    captured = capsys.readouterr()
    everything = caplog.text + captured.out + captured.err + repr(stats)
    everything += "".join(str(r.__dict__) for r in caplog.records)
    assert leaks(everything) == []


def test_llm_error_details_stored_in_the_database_are_redacted(
    secret_env: None, tmp_path: Path
) -> None:
    import sqlalchemy as sa

    from bot.store.llm_tables import llm_calls

    settings = Settings(engine="llm", data_dir=tmp_path / "data", llm_max_retries=0)
    with running() as server:
        server.responder = lambda body: echo_key(500)
        settings.openai_base_url = server.base_url
        briefbot = build_bot(settings)
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        report = briefbot.ingest([str(tmp_path / "a.txt")])
        briefbot.positions(briefbot.articles(ids=report.articles))
        with briefbot.db.engine.connect() as conn:
            details = list(conn.execute(sa.select(llm_calls.c.detail)).scalars())
        briefbot.db.close()
    assert details and leaks(" ".join(d or "" for d in details)) == []


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    env.update(SECRETS)
    env.update({"BRIEFBOT_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"})
    env.update({"BRIEFBOT_METRICS_PORT": "0", **extra})  # no port shared with other runs
    return env


async def _cli(env: dict[str, str], *args: str, timeout: float = 120) -> tuple[int, str]:
    exe = Path(sys.executable).with_name("briefbot")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]
    proc = await asyncio.create_subprocess_exec(
        *cmd,
        *args,
        env=env,
        cwd=PROJECT_DIR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout)
    return proc.returncode or 0, out.decode(errors="replace") + err.decode(errors="replace")


async def test_cli_runs_never_print_a_secret(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    outputs: list[str] = []
    # 1. the LLM server rejects the key and echoes it back in the error body
    server = FakeOpenAI().start()
    server.responder = lambda body: echo_key(401)
    try:
        env = _env(tmp_path, OPENAI_BASE_URL=server.base_url, BRIEFBOT_LLM_MAX_RETRIES="0")
        code, text = await _cli(env, "-vv", "--engine", "llm", "brief", str(article))
        assert code == 0, text
        outputs.append(text)
    finally:
        server.stop()
    assert any("401" in o for o in outputs)
    # 2. the Telegram server answers 401 Unauthorized (the token is in the URL path)
    fake = FakeTelegram(token="1:another-token")
    base = await fake.start()
    try:
        env = _env(tmp_path, BRIEFBOT_TELEGRAM_BASE_URL=base)
        for verbosity in ((), ("-vv",)):
            code, text = await _cli(env, *verbosity, "run", "telegram")
            assert code != 0, text
            outputs.append(text)
        # 3. the webhook mode fails the same way
        env["BRIEFBOT_TELEGRAM_WEBHOOK_URL"] = "https://bot.example/hook"
        env["BRIEFBOT_TELEGRAM_WEBHOOK_PORT"] = "0"
        code, text = await _cli(env, "-vv", "run", "telegram")
        outputs.append(text)
    finally:
        await fake.stop()
    assert fake.stats.errors >= 3  # every run reached the server and got its 401
    assert any("rejected" in o or "Unauthorized" in o for o in outputs[-3:]), outputs[-3:]
    joined = "\n".join(outputs)
    assert leaks(joined) == [], joined[-3000:]
