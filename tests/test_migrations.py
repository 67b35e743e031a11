"""Frozen migrations: the migrated schema is the schema the table modules describe, and a
database created at every earlier version (holding a row in each table) upgrades to exactly
the schema of a fresh one, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import bot.store
from bot.store.db import make_engine
from bot.store.meta import metadata
from bot.store.migrations import apply, discover
from tests.conftest import throwaway_pg_database

# Built by migrations outside the table modules: SQLite's FTS5 index (and its shadow
# tables), PostgreSQL's tsvector column and lexeme table, and the runner's own table.
EXTRA_TABLES = ("qa_fts", "qa_terms", "schema_migrations")
EXTRA_COLUMNS = {("qa_sentences", "tsv")}
EXTRA_INDEXES = {"ix_qa_sentences_tsv"}

for _info in pkgutil.iter_modules(bot.store.__path__):  # register every table on `metadata`
    importlib.import_module(f"bot.store.{_info.name}")


def snapshot(engine: sa.Engine) -> dict[str, Any]:
    """Tables, columns (type, nullability), keys, unique constraints and indexes."""
    insp = sa.inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
        if table.startswith(EXTRA_TABLES):
            continue
        columns = {
            c["name"]: (str(c["type"]).split("(")[0], c["nullable"])
            for c in insp.get_columns(table)
            if (table, c["name"]) not in EXTRA_COLUMNS
        }
        uniques = {tuple(sorted(u["column_names"])) for u in insp.get_unique_constraints(table)}
        indexes = set()
        for ix in insp.get_indexes(table):
            if ix["name"] in EXTRA_INDEXES:
                continue
            cols = tuple(ix["column_names"])
            if ix.get("unique"):
                uniques.add(tuple(sorted(cols)))  # PostgreSQL reports some uniques as indexes
            else:
                indexes.add((ix["name"], cols))
        out[table] = {
            "columns": columns,
            "pk": tuple(insp.get_pk_constraint(table)["constrained_columns"]),
            "unique": sorted(uniques),
            "indexes": sorted(indexes),
        }
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A factory of empty databases of one dialect. On PostgreSQL each is a schema (cheap to
    make) of one throwaway database with a random name, dropped afterwards."""
    if request.param == "sqlite":
        yield lambda: f"sqlite:///{tmp_path / uuid.uuid4().hex[:12]}.sqlite3"
        return
    with throwaway_pg_database("briefbot_mig") as base:
        setup = sa.create_engine(base, isolation_level="AUTOCOMMIT")

        def make() -> str:
            schema = f"v_{uuid.uuid4().hex[:12]}"
            with setup.connect() as conn:
                conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
            url = base.update_query_dict({"options": f"-csearch_path={schema}"})
            return url.render_as_string(False)

        try:
            yield make
        finally:
            setup.dispose()


def fill_one_row(engine: sa.Engine) -> dict[str, int]:
    """Insert one row into every table of the database as it is now; the counts per table."""
    md = sa.MetaData()
    md.reflect(engine)
    counts = {}
    now = datetime(2026, 1, 2, tzinfo=UTC)
    with engine.begin() as conn:
        for table in md.sorted_tables:
            if table.name.startswith(EXTRA_TABLES):
                continue
            row: dict[str, Any] = {}
            for col in table.columns:
                python = _python_type(col.type)
                generated = len(table.primary_key.columns) == 1 and python is int
                if col.primary_key and generated and table.name != "qa_indexed":
                    continue  # generated (qa_indexed's key is an article id)
                row[col.name] = _sample(python, col.name, now)
            if table.name == "outbox":
                row["state"] = "pending"
            conn.execute(table.insert().values(**row))
            counts[table.name] = 1
    return counts


def _python_type(type_: Any) -> type:
    try:
        return type_.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return str


def _sample(python: type, name: str, now: datetime) -> Any:
    if name == "tsv":
        return None
    if python is datetime:
        return now
    if python is bool:
        return True
    if python is int:
        return 1
    if python is float:
        return 1.0
    if python is bytes:
        return b"\x00"
    if python in (dict, list):
        return {"k": 1}
    return "x"


def test_the_migrated_schema_is_the_one_the_table_modules_describe(new_url: Any) -> None:
    migrated = make_engine(new_url())
    apply(migrated)
    declared = make_engine(new_url())
    metadata.create_all(declared)
    try:
        assert snapshot(migrated) == snapshot(declared)
    finally:
        migrated.dispose()
        declared.dispose()


@pytest.mark.slow
def test_every_earlier_version_upgrades_to_the_fresh_schema(new_url: Any) -> None:
    fresh = make_engine(new_url())
    apply(fresh)
    expected = snapshot(fresh)
    fresh.dispose()
    versions = [m.version for m in discover()]
    assert versions == list(range(1, len(versions) + 1))  # no gap, no repeat
    for start in [0, *versions[:-1]]:
        engine = make_engine(new_url())
        try:
            apply(engine, upto=start)
            counts = fill_one_row(engine)
            applied = apply(engine)
            assert len(applied) == len(versions) - start
            assert snapshot(engine) == expected, f"created at version {start}"
            with engine.connect() as conn:
                for table, count in counts.items():
                    kept = conn.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar()
                    assert kept == count, f"{table} lost rows upgrading from version {start}"
        finally:
            engine.dispose()


def test_the_comparison_sees_a_missing_column(new_url: Any) -> None:
    engine = make_engine(new_url())
    apply(engine)
    before = snapshot(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN extra_col INTEGER")
    assert snapshot(engine) != before
    engine.dispose()
