"""Token accounting of LLM calls: record each call, today's use for the budget, per-day stats."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from bot import metrics, resources
from bot.store import Database
from bot.store.llm_tables import llm_calls


@dataclass(frozen=True)
class Price:
    """US dollars per million input and output tokens."""

    input: float
    output: float


@dataclass(frozen=True)
class DayStats:
    day: str
    calls: int  # requests made to the model (skipped calls are not requests)
    tokens_in: int
    tokens_out: int
    cost: float | None  # None when a model used that day has no known price
    failures: int = 0  # requests that failed or gave unusable output
    fallbacks: int = 0  # logical calls that ended on the offline engine (failed or skipped)
    dropped: int = 0  # ungrounded items and quoted fragments removed from the model's output


def _is(prefix: str) -> sa.ColumnElement[int]:
    return sa.case((llm_calls.c.outcome.like(prefix), 1), else_=0)


def today(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d")


def record_call(
    db: Database,
    *,
    model: str,
    purpose: str,
    outcome: str,
    tokens_in: int = 0,
    tokens_out: int = 0,
    retries: int = 0,
    detail: str = "",
    now: datetime | None = None,
) -> int:
    """Store one call; returns its id (for ``note_dropped``)."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    metrics.llm_call(purpose, outcome, tokens_in, tokens_out)
    with db.engine.begin() as conn:
        return int(
            conn.execute(
                llm_calls.insert()
                .values(
                    at=at,
                    day=today(at),
                    model=model,
                    purpose=purpose,
                    outcome=outcome[:64],
                    tokens_in=tokens_in,
                    tokens_out=tokens_out,
                    retries=retries,
                    dropped=0,
                    detail=detail[:500],
                )
                .returning(llm_calls.c.id)
            ).scalar_one()
        )


def note_dropped(db: Database, call_id: int, dropped: int) -> None:
    """Count the ungrounded items dropped from a call's output."""
    if dropped <= 0:
        return
    with db.engine.begin() as conn:
        conn.execute(
            llm_calls.update()
            .where(llm_calls.c.id == call_id)
            .values(dropped=llm_calls.c.dropped + dropped)
        )


def tokens_used(db: Database, day: str | None = None) -> int:
    """Input plus output tokens spent on ``day`` (UTC, default today)."""
    with db.engine.connect() as conn:
        value = conn.execute(
            sa.select(
                sa.func.coalesce(sa.func.sum(llm_calls.c.tokens_in + llm_calls.c.tokens_out), 0)
            ).where(llm_calls.c.day == (day or today()))
        ).scalar()
    return int(value or 0)


def load_prices(path: Path | None = None) -> dict[str, Price]:
    path = path or resources.config_file("prices.toml")
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: Price(float(p.get("input", 0.0)), float(p.get("output", 0.0)))
        for name, p in data.get("models", {}).items()
    }


def stats(db: Database, prices: dict[str, Price] | None = None) -> list[DayStats]:
    """One row per UTC day, newest first: calls, failures, fallbacks, dropped items, tokens
    in/out and the estimated cost."""
    prices = load_prices() if prices is None else prices
    skipped = _is("skipped:%")
    errors = _is("error:%")
    query = (
        sa.select(
            llm_calls.c.day,
            llm_calls.c.model,
            sa.func.count(llm_calls.c.id) - sa.func.sum(skipped),
            sa.func.coalesce(sa.func.sum(llm_calls.c.tokens_in), 0),
            sa.func.coalesce(sa.func.sum(llm_calls.c.tokens_out), 0),
            sa.func.sum(errors + _is("invalid")),
            sa.func.sum(errors + skipped),
            sa.func.coalesce(sa.func.sum(llm_calls.c.dropped), 0),
        )
        .group_by(llm_calls.c.day, llm_calls.c.model)
        .order_by(llm_calls.c.day.desc())
    )
    days: dict[str, list[tuple[str, int, int, int, int, int, int]]] = {}
    with db.engine.connect() as conn:
        for day, model, *numbers in conn.execute(query):
            calls, t_in, t_out, failed, fell_back, dropped = (int(n or 0) for n in numbers)
            days.setdefault(day, []).append((model, calls, t_in, t_out, failed, fell_back, dropped))
    out = []
    for day, rows in days.items():
        cost: float | None = 0.0
        for model, _calls, t_in, t_out, *_rest in rows:
            price = prices.get(model)
            if price is None or cost is None:
                cost = None
                continue
            cost += (t_in * price.input + t_out * price.output) / 1_000_000
        out.append(
            DayStats(
                day,
                sum(r[1] for r in rows),
                sum(r[2] for r in rows),
                sum(r[3] for r in rows),
                cost,
                failures=sum(r[4] for r in rows),
                fallbacks=sum(r[5] for r in rows),
                dropped=sum(r[6] for r in rows),
            )
        )
    return out
