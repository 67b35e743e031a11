"""Token accounting: per-day stats with estimated cost, today's use, the `stats` command."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from bot.llm import accounting
from bot.llm.accounting import Price
from bot.store import Database

PRICES = {"m-cheap": Price(1.0, 2.0), "m-dear": Price(10.0, 20.0)}


def _call(db: Database, when: str, model: str, t_in: int, t_out: int) -> None:
    accounting.record_call(
        db,
        model=model,
        purpose="extract",
        outcome="ok",
        tokens_in=t_in,
        tokens_out=t_out,
        now=datetime.fromisoformat(when).replace(tzinfo=UTC),
    )


def test_stats_per_day_with_cost(any_db: Database) -> None:
    db = any_db  # the same on SQLite and PostgreSQL
    _call(db, "2026-03-01T10:00", "m-cheap", 1_000_000, 500_000)
    _call(db, "2026-03-01T23:59", "m-dear", 100_000, 10_000)
    _call(db, "2026-03-02T00:01", "m-cheap", 10, 5)
    _call(db, "2026-03-02T08:00", "unknown-model", 10, 5)
    rows = accounting.stats(db, PRICES)
    assert [r.day for r in rows] == ["2026-03-02", "2026-03-01"]
    day2, day1 = rows
    assert (day1.calls, day1.tokens_in, day1.tokens_out) == (2, 1_100_000, 510_000)
    assert abs((day1.cost or 0) - (1.0 + 1.0 + 1.0 + 0.2)) < 1e-9
    assert day2.calls == 2 and day2.cost is None  # a model without a price
    assert accounting.tokens_used(db, "2026-03-01") == 1_610_000
    assert accounting.tokens_used(db) == 0  # nothing today


def test_shipped_price_table_loads() -> None:
    prices = accounting.load_prices()
    assert prices["gpt-4o-mini"].input > 0


def test_stats_command(tmp_path: Path) -> None:
    from bot.cli import app

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = Database(url)
    accounting.record_call(
        db, model="gpt-4o-mini", purpose="brief", outcome="ok", tokens_in=2000, tokens_out=300
    )
    db.close()
    result = CliRunner().invoke(app, ["--db", url, "stats"])
    assert result.exit_code == 0, result.output
    assert accounting.today() in result.output and "2000" in result.output
    empty = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'e.sqlite3'}", "stats"])
    assert "No LLM calls recorded" in empty.output
