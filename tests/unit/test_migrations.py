"""The Alembic revisions build exactly the schema the models describe, from an empty file up."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
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


def test_a_schema_2_file_is_upgraded_keeping_its_targets_tasks_and_indicators(demo_path: Path) -> None:
    from dxplanner.store.migrate import downgrade_to
    from dxplanner.store.plan_file import open_plan_file

    engine = create_sqlite_engine(demo_path)
    downgrade_to(engine, "0002")
    engine.dispose()
    assert read_header(demo_path).schema_version == 2

    def rows(sql: str) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(demo_path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    targets = rows("SELECT indicator_id, year, value FROM indicator_target ORDER BY 1, 2")
    tasks = rows("SELECT id, name, lead_unit_id FROM task ORDER BY id")
    indicators = rows("SELECT id, code, name FROM indicator ORDER BY id")
    assert targets and tasks and indicators
    assert "scope" not in {row[1] for row in rows("PRAGMA table_info(indicator_target)")}

    # Opening an older file is what upgrades it (after a backup), as a user meets it.
    store = open_plan_file(demo_path)
    store.close()
    assert read_header(demo_path).schema_version == SCHEMA_VERSION
    # Each number is kept as the target of its year with no scope, no comparison and no words.
    assert (
        rows(
            "SELECT indicator_id, year, value FROM indicator_target WHERE scope = '' "
            "AND comparison IS NULL AND text IS NULL ORDER BY 1, 2"
        )
        == targets
    )
    assert rows("SELECT id, name, lead_unit_id FROM task ORDER BY id") == tasks
    assert rows("SELECT count(*) FROM task WHERE responsible_person IS NOT NULL") == [(0,)]
    assert rows("SELECT id, code, name FROM indicator ORDER BY id") == indicators
    assert rows("SELECT count(*) FROM indicator WHERE lead_unit_id IS NOT NULL") == [(0,)]
    # The new key takes a second target of the same year in another scope, and a target in words.
    indicator_id, year, _value = targets[0]
    connection = sqlite3.connect(demo_path)
    connection.execute(
        "INSERT INTO indicator_target (indicator_id, year, scope, value, comparison) VALUES (?, ?, ?, ?, ?)",
        (indicator_id, year, "ASEAN", 5, "<="),
    )
    connection.execute(
        "INSERT INTO indicator_target (indicator_id, year, scope, text) VALUES (?, ?, ?, ?)",
        (indicator_id, year, "khu vực", "Đạt mức khá"),
    )
    connection.commit()
    connection.close()
    assert rows(
        f"SELECT count(*) FROM indicator_target WHERE indicator_id = {indicator_id} AND year = {year}"
    ) == [(3,)]


def test_a_schema_3_file_is_upgraded_after_a_backup_keeping_its_targets_and_takes_ranges(
    demo_path: Path,
) -> None:
    from dxplanner.store.migrate import downgrade_to
    from dxplanner.store.plan_file import open_plan_file

    engine = create_sqlite_engine(demo_path)
    downgrade_to(engine, "0003")
    engine.dispose()
    assert read_header(demo_path).schema_version == 3

    def rows(sql: str) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(demo_path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    columns = "indicator_id, year, scope, value, comparison, text"
    targets = rows(f"SELECT {columns} FROM indicator_target ORDER BY 1, 2, 3")
    assert targets and "upper" not in {row[1] for row in rows("PRAGMA table_info(indicator_target)")}

    store = open_plan_file(demo_path)  # opening it is what upgrades it, after a backup
    store.close()
    assert read_header(demo_path).schema_version == SCHEMA_VERSION
    assert rows(f"SELECT {columns} FROM indicator_target WHERE upper IS NULL ORDER BY 1, 2, 3") == targets
    [backup] = demo_path.parent.glob("demo.before-upgrade-*.dxplan")
    assert read_header(backup).schema_version == 3
    # A target of a year may now be a range, low figure first; a range upside down is refused.
    indicator_id, year = targets[0][:2]
    insert = "INSERT INTO indicator_target (indicator_id, year, scope, value, upper) VALUES (?, ?, ?, ?, ?)"
    connection = sqlite3.connect(demo_path)
    try:
        connection.execute(insert, (indicator_id, year, "khu vực", 40, 50))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, (indicator_id, year, "thế giới", 50, 40))
        connection.commit()
    finally:
        connection.close()
