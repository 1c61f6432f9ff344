"""The Alembic revisions build exactly the schema the models describe, from an empty file up."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION, read_header
from dxplanner.store.migrate import HEAD_REVISION, MIGRATIONS_DIR, upgrade_to_head
from dxplanner.store.sqlite_engine import create_sqlite_engine


def _empty_plan_file(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.commit()
    connection.close()
    return path


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_the_code_knows_the_newest_revision_and_its_schema_version() -> None:
    head = _scripts().get_current_head()
    assert head == HEAD_REVISION
    revision = _scripts().get_revision(head)
    spec = importlib.util.spec_from_file_location("head_revision", revision.path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # The revision module imports alembic.op, which is only usable inside a migration;
    # reading its constant needs nothing more than executing the module body.
    spec.loader.exec_module(module)
    assert module.SCHEMA_VERSION == SCHEMA_VERSION


def test_upgrading_an_empty_file_builds_every_table(tmp_path: Path) -> None:
    path = _empty_plan_file(tmp_path / "empty.dxplan")
    engine = create_sqlite_engine(path)
    upgrade_to_head(engine)
    tables = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert {table.name for table in SQLModel.metadata.sorted_tables} <= tables
    assert read_header(path).schema_version == SCHEMA_VERSION


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    path = _empty_plan_file(tmp_path / "empty.dxplan")
    engine = create_sqlite_engine(path)
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_the_check_constraints_reach_the_file(tmp_path: Path) -> None:
    path = _empty_plan_file(tmp_path / "empty.dxplan")
    engine = create_sqlite_engine(path)
    upgrade_to_head(engine)
    engine.dispose()
    connection = sqlite3.connect(path)
    schema = " ".join(
        row[0] for row in connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )
    connection.close()
    for constraint in (
        "ck_task_progress_range",
        "ck_risk_likelihood_range",
        "ck_risk_impact_range",
        "ck_task_planned_date_order",
        "ck_task_task_status",
        "uq_unit_code",
    ):
        assert constraint in schema


def test_downgrading_to_nothing_and_back_gives_the_same_schema(tmp_path: Path) -> None:
    from dxplanner.store.migrate import downgrade_to

    path = _empty_plan_file(tmp_path / "empty.dxplan")
    engine = create_sqlite_engine(path)
    upgrade_to_head(engine)
    first = _schema(path)
    downgrade_to(engine, "base")
    assert read_header(path).schema_version == 0
    upgrade_to_head(engine)
    engine.dispose()
    assert _schema(path) == first


def _schema(path: Path) -> list[tuple[str, list[str]]]:
    """Every table and index with its columns and constraints (in any order: batch mode reorders them)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    finally:
        connection.close()
    return sorted((name, sorted(line.strip().rstrip(",") for line in sql.splitlines())) for name, sql in rows)


def test_each_revision_goes_down_and_up_again_keeping_the_data(demo_path: Path) -> None:
    from dxplanner.store.migrate import downgrade_to

    def count(table: str) -> int:
        connection = sqlite3.connect(demo_path)
        try:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            connection.close()

    tasks, reports = count("task"), count("progress_report")
    engine = create_sqlite_engine(demo_path)
    downgrade_to(engine, "0001")
    assert read_header(demo_path).schema_version == 1
    assert (count("task"), count("progress_report")) == (tasks, reports)
    upgrade_to_head(engine)
    engine.dispose()
    assert read_header(demo_path).schema_version == SCHEMA_VERSION
    assert (count("task"), count("progress_report")) == (tasks, reports)
