"""Faults of the model endpoint become bounded retries, then EngineUnavailable; the daily
token budget stops calls before they are made."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.domain.errors import EngineUnavailable
from bot.extract.llm import LLMExtractor
from bot.llm import accounting
from bot.store import Database
from bot.store.llm_tables import llm_calls
from tests.fakes.openai_server import FakeOpenAI, error, ok, running, slow
from tests.llm_support import BOOK, article, make_llm, peskov


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with running() as srv:
        yield srv


def _extractor(
    server: FakeOpenAI,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    **over: object,
) -> LLMExtractor:
    return LLMExtractor(make_llm(server, db, tmp_path, monkeypatch, **over), BOOK)


def _outcomes(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.select(llm_calls.c.outcome).order_by(llm_calls.c.id)).scalars())


def test_429_then_success_honours_retry_after(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch)
    server.push(error(429, retry_after=0.6), ok({"positions": [peskov()]}))
    positions = extractor.extract(article())
    assert len(positions) == 1 and server.calls == 2
    assert server.request_times[1] - server.request_times[0] >= 0.55
    assert _outcomes(sqlite_db) == ["ok"]


def test_repeated_500_is_bounded_then_unavailable(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, llm_max_retries=2)
    server.push(*(error(500) for _ in range(10)))
    with pytest.raises(EngineUnavailable, match="http_500"):
        extractor.extract(article())
    assert server.calls == 3  # 1 + llm_max_retries
    assert _outcomes(sqlite_db) == ["error:http_500"]


def test_timeout_is_unavailable(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(
        server, sqlite_db, tmp_path, monkeypatch, llm_timeout=0.5, llm_max_retries=0
    )
    server.push(slow(3.0))
    with pytest.raises(EngineUnavailable, match="timeout"):
        extractor.extract(article())
    assert server.calls == 1


@pytest.mark.parametrize(
    "content",
    [
        "{not json at all",
        '{"positions": [{"party_id": "RU"}]}',  # schema violation: fields missing
        '{"positions": "none", "extra": 1}',
    ],
)
def test_bad_output_retried_within_the_bound_then_unavailable(
    server: FakeOpenAI,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, llm_max_retries=1)
    server.push(ok(content), ok(content), ok(content))
    with pytest.raises(EngineUnavailable):
        extractor.extract(article())
    assert server.calls == 2
    assert _outcomes(sqlite_db) == ["invalid", "invalid"]


def test_invalid_output_then_valid_succeeds(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, llm_max_retries=1)
    server.push(ok("nope"), ok({"positions": [peskov()]}))
    assert len(extractor.extract(article())) == 1


def test_sdk_and_output_retries_share_one_bound(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, llm_max_retries=1)
    server.push(error(429, retry_after=0.01), ok("nope"), ok({"positions": []}))
    with pytest.raises(EngineUnavailable):
        extractor.extract(article())
    assert server.calls == 2


def test_budget_spent_means_no_call_until_the_next_day(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, daily_token_budget=1000)
    accounting.record_call(
        sqlite_db,
        model="gpt-4o-mini",
        purpose="extract",
        outcome="ok",
        tokens_in=900,
        tokens_out=100,
    )
    with pytest.raises(EngineUnavailable, match="daily token budget spent"):
        extractor.extract(article())
    assert server.calls == 0
    # yesterday's use does not count today
    with sqlite_db.engine.begin() as conn:
        yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%d")
        conn.execute(llm_calls.update().values(day=yesterday))
    server.push(ok({"positions": []}))
    assert extractor.extract(article()) == []
    assert server.calls == 1


def test_budget_is_checked_before_each_call(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _extractor(server, sqlite_db, tmp_path, monkeypatch, daily_token_budget=150)
    server.push(ok({"positions": []}, tokens_in=100, tokens_out=60), ok({"positions": []}))
    extractor.extract(article())
    with pytest.raises(EngineUnavailable, match="budget"):
        extractor.extract(article(n=2))
    assert server.calls == 1
