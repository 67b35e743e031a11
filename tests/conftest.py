"""Shared fixtures: settings isolated from the developer's environment, SQLite and PostgreSQL
databases (a fresh PostgreSQL database per test, dropped afterwards), the party book."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.llm.breaker import forget_breakers
from bot.qa.lexicon import MentionFinder
from bot.settings import PROJECT_DIR, Settings
from bot.store import Database

PG_ADMIN_URL = os.environ.get(
    "BRIEFBOT_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
CORPUS = PROJECT_DIR.parent / "shared" / "corpus"

# Modules whose fake servers enforce the platforms' rate limits against the wall clock, with
# several senders or processes at once: they are marked `serial` and run alone, after the
# parallel part of the suite (README), so that a second test worker cannot starve them.
SERIAL_MODULES = {
    "test_delivery_paced.py",
    "test_outbox_outage.py",
    "test_outbox_crash.py",
    "test_outbox_sender.py",
    "test_run_lifecycle.py",
    "test_db_faults.py",
    "test_telegram_e2e.py",
    "test_slack_e2e.py",
    "test_brief_e2e.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in SERIAL_MODULES:
            item.add_marker(pytest.mark.serial)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's BRIEFBOT_* settings, config files, .env or real secrets, and
    none writes into the real user data directory."""
    for name in list(os.environ):
        if name.startswith(("BRIEFBOT_", "OPENAI_", "TELEGRAM_", "SLACK_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BRIEFBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BRIEFBOT_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("BRIEFBOT_ENV_FILE", str(tmp_path / "no.env"))
    monkeypatch.setenv("BRIEFBOT_METRICS_PORT", "0")  # tests that serve metrics pick their own
    # a fake model server may get a port an earlier test's server had: its breaker starts closed
    forget_breakers()


@pytest.fixture(autouse=True, scope="session")
def _real_user_dirs_untouched() -> Iterator[None]:
    """No test (or child process) creates the real user data or config directory."""
    import platformdirs

    real = [
        Path(platformdirs.user_data_dir("briefbot")),
        Path(platformdirs.user_config_dir("briefbot")),
    ]
    before = {path: path.exists() for path in real}
    yield
    created = [str(path) for path in real if path.exists() and not before[path]]
    assert created == [], f"tests wrote into the real user directories: {created}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield db
    db.close()


def _pg_available() -> bool:
    try:
        engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


_PG = _pg_available()


@contextmanager
def throwaway_pg_database(prefix: str) -> Iterator[sa.engine.URL]:
    """A new PostgreSQL database with a random name (its URL), dropped afterwards; skips the
    test when no server listens."""
    if not _PG:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(PG_ADMIN_URL).set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    with throwaway_pg_database("briefbot_test") as url:
        db = Database(url.render_as_string(False))
        try:
            yield db
        finally:
            db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on the real PostgreSQL server."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(fixture)


@pytest.fixture(scope="session")
def book() -> PartyBook:
    return PartyBook.load(PROJECT_DIR / "bot" / "config" / "parties.toml")


@pytest.fixture(scope="session")
def finder(book: PartyBook) -> MentionFinder:
    return MentionFinder(book)


@pytest.fixture(scope="session")
def gazetteer(book: PartyBook) -> Gazetteer:
    return Gazetteer(book)
