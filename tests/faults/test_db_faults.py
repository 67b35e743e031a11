"""Database faults: a write lock held by another connection (SQLite) and the bot's connections
killed with pg_terminate_backend (PostgreSQL), during ingest and during outbox delivery; then
the LLM endpoint down for a whole digest. Retried, nothing lost."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.app import build_bot
from bot.schedule import outbox
from bot.settings import Settings
from bot.store import Database
from bot.store.retry import is_transient, retrying
from bot.store.tables import articles
from tests.fakes.openai_server import running

TEXT = (
    "Titre {n}\n\nLe porte-parole du Kremlin, Dmitri Peskov, a déclaré que la Russie "
    "« refuse la trêve numéro {n} sans garanties ».\n\nLe président ukrainien Volodymyr "
    "Zelensky a affirmé que « l'Ukraine ne cédera rien à l'étape {n} ».\n"
)


def _files(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"a{n}.txt"
        words = " ".join(f"mot{n}x{k}" for k in range(30))
        path.write_text(TEXT.format(n=n) + words + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())


def _hold_sqlite_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("BEGIN IMMEDIATE")  # the write lock
    ready.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


def test_retry_helper_is_bounded_and_only_for_transient_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("bot.store.retry.BASE_DELAY", 0.001)
    locked = sa.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    calls: list[int] = []

    @retrying
    def flaky(fails: int) -> str:
        calls.append(1)
        if len(calls) <= fails:
            raise locked
        return "ok"

    assert flaky(2) == "ok" and len(calls) == 3
    calls.clear()
    with pytest.raises(sa.exc.OperationalError):
        flaky(100)
    assert len(calls) == 5  # bounded
    integrity = sa.exc.IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE"))
    assert is_transient(locked) and not is_transient(integrity)


def test_sqlite_write_lock_during_ingest_is_waited_out(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    bot = build_bot(settings)
    paths = _files(tmp_path / "in", 6)
    db_path = Path(str(sa.engine.make_url(settings.db_url).database))
    ready = threading.Event()
    holder = threading.Thread(target=_hold_sqlite_lock, args=(db_path, 1.5, ready))
    holder.start()
    ready.wait(5)
    started = time.monotonic()
    report = bot.ingest(paths)
    holder.join()
    assert time.monotonic() - started >= 1.0  # it really waited for the lock
    assert [i.status for i in report.items] == ["new"] * 6
    assert _count(bot.db) == 6
    bot.db.close()


def _queue(db: Database, rows: int) -> None:
    now = outbox_now()
    with db.engine.begin() as conn:
        for n in range(rows):
            outbox.enqueue(
                conn,
                platform="console",
                chat_id=str(n),
                digest_key=f"d{n}",
                content_key="c",
                now=now,
            )


def outbox_now() -> Any:
    from bot.store.meta import utcnow

    return utcnow()


def _deliver_all(db: Database, on_send: Any = None) -> list[str]:
    """Claim, mark sending, 'send', mark sent, as the sender loop does."""
    delivered: list[str] = []
    lease = __import__("datetime").timedelta(seconds=60)
    for row in outbox.claim(
        db, "w1", now=outbox_now(), lease=lease, limit=50, platforms=["console"]
    ):
        assert outbox.mark_sending(db, row.id, "w1", now=outbox_now(), lease=lease)
        delivered.append(row.chat_id)
        if on_send is not None:
            on_send(row)
        outbox.mark_sent(db, row.id, "w1", now=outbox_now())
    return delivered


def test_sqlite_write_lock_during_outbox_delivery(tmp_path: Path) -> None:
    db_path = tmp_path / "o.sqlite3"
    db = Database(f"sqlite:///{db_path}")
    _queue(db, 4)
    threads: list[threading.Thread] = []

    def lock_once(row: Any) -> None:
        if not threads:  # while the first message is "on the wire", someone locks the db
            ready = threading.Event()
            threads.append(threading.Thread(target=_hold_sqlite_lock, args=(db_path, 1.0, ready)))
            threads[0].start()
            ready.wait(5)

    delivered = _deliver_all(db, lock_once)
    threads[0].join()
    assert sorted(delivered) == ["0", "1", "2", "3"]
    assert outbox.counts(db) == {"sent": 4}
    db.close()


def _terminate(db: Database) -> int:
    """pg_terminate_backend on every other connection to the bot's database."""
    admin = sa.create_engine(db.engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        killed = conn.execute(
            sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"
            ),
            {"db": db.engine.url.database},
        ).scalar_one()
    admin.dispose()
    return int(killed)


def _kill_inside_transactions(db: Database, table: str, times: int) -> list[int]:
    """Terminate the bot's own backend just before its next ``times`` writes to ``table``."""
    killed: list[int] = []

    @sa.event.listens_for(db.engine, "before_cursor_execute")
    def kill(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        write = statement.lstrip().upper().startswith(("INSERT", "UPDATE"))
        if len(killed) < times and write and table in statement:
            killed.append(1)
            _terminate(db)

    return killed


@pytest.mark.postgres
def test_pg_connections_killed_mid_ingest(pg_db: Database, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", database_url=pg_db.url)
    bot = build_bot(settings, db=pg_db)
    bot.ingest(_files(tmp_path / "warm", 1))
    assert _terminate(pg_db) >= 1  # idle pooled connections die between batches
    killed = _kill_inside_transactions(pg_db, "articles", 2)  # and inside transactions
    report = bot.ingest(_files(tmp_path / "in", 5)[1:])
    assert len(killed) == 2
    assert [i.status for i in report.items] == ["new"] * 4
    assert _count(pg_db) == 5


@pytest.mark.postgres
def test_pg_connections_killed_mid_delivery(pg_db: Database) -> None:
    _queue(pg_db, 5)
    killed = _kill_inside_transactions(pg_db, "outbox", 3)
    delivered = _deliver_all(pg_db, lambda row: _terminate(pg_db))
    assert len(killed) == 3
    assert sorted(delivered) == ["0", "1", "2", "3", "4"]
    assert outbox.counts(pg_db) == {"sent": 5}


def test_llm_outage_for_a_whole_digest_falls_back_to_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-outage")
    with running() as server:  # no script: every request gets a 500
        settings = Settings(
            engine="llm",
            data_dir=tmp_path / "data",
            openai_base_url=server.base_url,
            llm_max_retries=1,
            llm_timeout=2,
        )
        bot = build_bot(settings)
        report = bot.ingest(_files(tmp_path / "in", 3))
        articles_ = bot.articles(ids=report.articles)
        briefing = bot.briefing(articles_, "fr", max_chars=1500)
        calls = server.calls
        bot.db.close()
    assert calls >= 3  # the LLM was tried
    assert briefing.engine.startswith("offline")
    assert briefing.sections and briefing.sources
