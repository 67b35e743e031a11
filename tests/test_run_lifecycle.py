"""The real ``python -m bot run`` process: it stops on SIGTERM whatever its platform does, a
refused credential ends it with one line, and only one process long-polls a Telegram token."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import PROJECT_DIR
from bot.store import Database
from tests.fakes.slack_api import FakeSlack
from tests.outbox_support import TOKEN, FakeTelegram, RateLimits, run_server_thread


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    return {
        **os.environ,
        "PYTHONPATH": str(PROJECT_DIR),
        "BRIEFBOT_DATA_DIR": str(tmp_path),
        "BRIEFBOT_SOURCES_FILE": str(tmp_path / "sources.toml"),
        **extra,
    }


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def _wait_for(log: Path, text: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8", errors="replace"):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not in the log:\n{log.read_text()[-2000:]}")
        time.sleep(0.2)


@pytest.fixture
def procs() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_run_telegram_stops_on_sigterm_while_the_bot_api_is_unreachable(
    tmp_path: Path, procs: list[subprocess.Popen[bytes]]
) -> None:
    log = tmp_path / "run.log"
    env = _env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        BRIEFBOT_TELEGRAM_BASE_URL=f"http://127.0.0.1:{_closed_port()}/bot",
    )
    procs.append(_start(["run", "telegram"], env, log))
    _wait_for(log, "could not start")
    procs[0].send_signal(signal.SIGTERM)
    assert procs[0].wait(15) == 0  # bench/fanout prints the SIGTERM-to-exit time
    assert "Traceback" not in log.read_text()


def test_run_slack_with_a_refused_app_token_ends_with_one_line(
    tmp_path: Path, procs: list[subprocess.Popen[bytes]]
) -> None:
    fake = FakeSlack()
    with run_server_thread(fake):  # type: ignore[arg-type]
        log = tmp_path / "run.log"
        env = _env(
            tmp_path,
            SLACK_BOT_TOKEN=fake.token,
            SLACK_APP_TOKEN="xapp-revoked",
            BRIEFBOT_SLACK_API_URL=fake.api_url,
        )
        procs.append(_start(["run", "slack"], env, log))
        assert procs[0].wait(120) == 2
    text = log.read_text()
    assert "Slack refused SLACK_APP_TOKEN (invalid_auth)" in text
    assert "Traceback" not in text and text.count("invalid_auth") == 1


@pytest.mark.postgres
def test_only_one_run_process_long_polls_a_token(
    pg_db: Database, tmp_path: Path, procs: list[subprocess.Popen[bytes]]
) -> None:
    fake = FakeTelegram(limits=RateLimits())
    with run_server_thread(fake) as (base_url, _loop):
        env = _env(
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            BRIEFBOT_TELEGRAM_BASE_URL=base_url,
            BRIEFBOT_DATABASE_URL=pg_db.engine.url.render_as_string(hide_password=False),
        )
        logs = [tmp_path / "a.log", tmp_path / "b.log"]
        procs.append(_start(["-v", "run", "telegram"], env, logs[0]))
        _wait_for(logs[0], "holds the Telegram polling lock")
        procs.append(_start(["-v", "run", "telegram"], env, logs[1]))
        _wait_for(logs[1], "another process polls this Telegram bot")
        procs[0].send_signal(signal.SIGKILL)  # the poller dies: the other takes over
        procs[0].wait(10)
        _wait_for(logs[1], "this process now polls the Telegram bot", timeout=30)
        procs[1].send_signal(signal.SIGTERM)
        assert procs[1].wait(20) == 0
    assert "Conflict" not in logs[1].read_text()
