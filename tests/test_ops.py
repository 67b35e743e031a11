"""Operations: ``briefbot run`` serves /healthz and /metrics on loopback; the counters move
where the work happens (delivery, 429s, ingest, LLM calls, questions); the outbox gauges read
the database; the env file and the operator files list every setting."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot import metrics
from bot.schedule.sender import OutboxWorker
from bot.settings import PROJECT_DIR, Settings
from bot.store import Database
from bot.store import chats as chat_store
from bot.store.digest_tables import outbox
from tests.fakes.telegram_api import FakeTelegram, RateLimits
from tests.outbox_support import TOKEN, PtbTelegramSender, queue_digests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def value(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


async def test_run_serves_healthz_and_metrics_then_stops_on_sigterm(tmp_path: Path) -> None:
    fake = FakeTelegram(token=TOKEN)
    base = await fake.start()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        BRIEFBOT_TELEGRAM_BASE_URL=base,
        BRIEFBOT_DATA_DIR=str(tmp_path / "data"),
        BRIEFBOT_CONFIG_DIR=str(tmp_path / "config"),
        BRIEFBOT_METRICS_PORT=str(port),
        PYTHONPATH=str(PROJECT_DIR),
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "telegram", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        status, body = 0, ""
        for _ in range(240):
            try:
                status, body = await asyncio.to_thread(get, f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                await asyncio.sleep(0.25)
        assert (status, body) == (200, "ok\n")
        status, text = await asyncio.to_thread(get, f"http://127.0.0.1:{port}/metrics")
        assert status == 200
        assert 'briefbot_outbox_depth{state="pending"} 0.0' in text
        assert "briefbot_outbox_oldest_age_seconds 0.0" in text
        for name in ("messages_sent", "messages_failed", "rate_limited", "llm_calls"):
            assert f"# TYPE briefbot_{name}_total counter" in text
        assert (await asyncio.to_thread(get, f"http://127.0.0.1:{port}/x"))[0] == 404
        check = await asyncio.create_subprocess_exec(
            "sh", "-c", dockerfile_healthcheck(), env={**env, "PATH": os.environ["PATH"]}
        )
        assert await check.wait() == 0  # the image's HEALTHCHECK, run natively
        for _ in range(240):  # long polling started: the signal handlers are in place
            if fake.stats.calls.get("getUpdates"):
                break
            await asyncio.sleep(0.25)
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(proc.communicate(), 60)
        await fake.stop()
    assert proc.returncode == 0, err.decode()[-2000:]


def dockerfile_healthcheck() -> str:
    text = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^HEALTHCHECK .*? CMD (.+)$", text, re.MULTILINE)
    assert match is not None
    return match.group(1).replace("python ", f"{sys.executable} ", 1)


DEPLOY_FILES = ("Dockerfile", "compose.yaml", "Procfile", *(f"deploy/systemd/{n}" for n in (
    "briefbot@.service", "briefbot-worker.service")))  # fmt: skip


def test_deploy_files_use_real_commands_and_settings() -> None:
    known = {f"BRIEFBOT_{name.upper()}" for name in Settings.model_fields}
    known |= {"BRIEFBOT_CONFIG_DIR", "BRIEFBOT_ENV_FILE"}
    commands = []
    for name in DEPLOY_FILES:
        text = (PROJECT_DIR / name).read_text(encoding="utf-8")
        assert set(re.findall(r"BRIEFBOT_[A-Z_]+", text)) <= known, name
        commands += [json.loads(c) for c in re.findall(r"command: (\[.*\])", text)]
        lines = re.findall(
            r"^(?:[a-z]+: |ExecStart=\S*/)briefbot ((?:run|worker)\b.*)$", text, re.M
        )
        commands += [line.split() for line in lines]
    commands = [c[1:] if c[0] == "briefbot" else c for c in commands]
    assert ["run", "telegram"] in commands and ["run", "slack"] in commands
    assert any(c[0] == "worker" for c in commands)
    # every command parses (its help exits 0), checked in one child process
    checks = sorted({tuple(a if a != "%i" else "all" for a in c) for c in commands})
    script = (
        "import sys, typer; from bot.cli import app; cmd = typer.main.get_command(app)\n"
        f"for args in {checks!r}:\n"
        "    code = cmd.main([*args, '-h'], prog_name='briefbot', standalone_mode=False)\n"
        "    assert code in (0, None), (args, code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("Usage: briefbot") == len(checks)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_units_verify(tmp_path: Path) -> None:
    exe = shutil.which("briefbot") or sys.executable
    for name, target in (("briefbot@.service", "briefbot@telegram.service"),
                         ("briefbot-worker.service", "briefbot-worker.service")):  # fmt: skip
        text = (PROJECT_DIR / "deploy" / "systemd" / name).read_text(encoding="utf-8")
        (tmp_path / target).write_text(text.replace("/opt/briefbot/bin/briefbot", exe))
        proc = subprocess.run(
            ["systemd-analyze", "verify", target],
            cwd=tmp_path, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 0 and proc.stderr.strip() == "", proc.stderr


def test_the_endpoint_binds_loopback_by_default_and_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BRIEFBOT_METRICS_PORT")  # the test default (0) hides the real one
    settings = Settings()
    assert settings.metrics_host == "127.0.0.1" and settings.metrics_port > 0
    assert metrics.serve(Database("sqlite://"), port=0) is None


def test_healthz_is_503_when_the_database_is_down() -> None:
    down = Database("postgresql+psycopg://postgres@127.0.0.1:1/none", migrate=False)
    server = metrics.serve(down, port=free_port())
    assert server is not None
    try:
        status, body = get(f"http://127.0.0.1:{server.server_port}/healthz")
    finally:
        server.shutdown()
    assert status == 503 and "database" in body


async def test_delivery_counts_sent_and_429_per_platform(sqlite_db: Database) -> None:
    fake = FakeTelegram(token=TOKEN, limits=RateLimits())
    base = await fake.start()
    for chat in (1, 2):
        chat_store.ensure_chat(sqlite_db, "telegram", str(chat), is_private=True)
    queue_digests(sqlite_db, [1, 2])
    fake.fail_next("sendMessage", retry_after=1)
    sent, limited = (
        value("briefbot_messages_sent_total", platform="telegram"),
        value("briefbot_rate_limited_total", platform="telegram"),
    )
    sender = PtbTelegramSender(base)
    try:
        await OutboxWorker(sqlite_db, {"telegram": sender}, idle_poll=0.05).drain(timeout=20)
    finally:
        await sender.close()
        await fake.stop()
    assert value("briefbot_messages_sent_total", platform="telegram") - sent == 2
    assert value("briefbot_rate_limited_total", platform="telegram") - limited == 1


def test_outbox_gauges_read_the_database(sqlite_db: Database) -> None:
    queue_digests(sqlite_db, [7, 8])
    with sqlite_db.engine.begin() as conn:
        conn.execute(
            outbox.update()
            .where(outbox.c.chat_id == "7")
            .values(created_at=sa.func.datetime("now", "-1 hour"))
        )
    collector = metrics.OutboxCollector()
    collector.db = sqlite_db
    families = {f.name: f for f in collector.collect()}
    depth = {s.labels["state"]: s.value for s in families["briefbot_outbox_depth"].samples}
    assert depth["pending"] == 2 and depth["sent"] == 0
    age = families["briefbot_outbox_oldest_age_seconds"].samples[0].value
    assert timedelta(minutes=59).total_seconds() < age < timedelta(minutes=70).total_seconds()


@pytest.mark.slow
def test_ingest_llm_and_question_counters(tmp_path: Path, sqlite_db: Database) -> None:
    from bot.app import build_bot
    from bot.llm.accounting import record_call
    from bot.qa import QuestionAnswerer

    article = tmp_path / "a.txt"
    article.write_text(
        (PROJECT_DIR / "bot" / "samples" / "01_geneve_corridor.txt").read_text(), encoding="utf-8"
    )
    briefbot = build_bot(Settings(data_dir=tmp_path / "data"), db=sqlite_db)
    new, dup = (
        value("briefbot_articles_ingested_total", status="new"),
        value("briefbot_articles_ingested_total", status="duplicate"),
    )
    briefbot.ingest([str(article)])
    briefbot.ingest([str(article)])
    assert value("briefbot_articles_ingested_total", status="new") - new == 1
    assert value("briefbot_articles_ingested_total", status="duplicate") - dup == 1

    calls = value("briefbot_llm_failures_total", purpose="extract")
    tokens = value("briefbot_llm_tokens_total", direction="in")
    record_call(sqlite_db, model="m", purpose="extract", outcome="error:timeout", tokens_in=7)
    assert value("briefbot_llm_failures_total", purpose="extract") - calls == 1
    assert value("briefbot_llm_tokens_total", direction="in") - tokens == 7

    asked = value("briefbot_question_seconds_count")
    QuestionAnswerer(briefbot)("Que demande Kiev ?", "fr", "console", "t", None)
    assert value("briefbot_question_seconds_count") - asked == 1


def test_env_example_lists_every_variable() -> None:
    text = (PROJECT_DIR / ".env.example").read_text(encoding="utf-8")
    names = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))
    settings = {f"BRIEFBOT_{name.upper()}" for name in Settings.model_fields}
    settings.discard("BRIEFBOT_OPENAI_BASE_URL")  # read as OPENAI_BASE_URL
    secrets = {f.validation_alias for f in Settings().secrets.model_fields.values()}
    assert settings | secrets | {"OPENAI_BASE_URL"} <= names


def test_env_file_is_loaded_without_overriding_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli_help import load_env_file

    env_file = tmp_path / "bot.env"
    env_file.write_text("BRIEFBOT_LANG=en\nBRIEFBOT_ENGINE=llm\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_ENV_FILE", str(env_file))
    monkeypatch.setenv("BRIEFBOT_ENGINE", "offline")
    monkeypatch.delenv("BRIEFBOT_LANG", raising=False)
    assert load_env_file() == env_file
    settings = Settings()
    assert settings.lang == "en" and settings.engine == "offline"
    # monkeypatch's undo removes BRIEFBOT_LANG again (it was absent before the test)
