"""A new plan file made from the kept schema script is the file the migrations make."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION
from dxplanner.store.head_schema import head_schema_file, schema_text, write_head_schema
from dxplanner.store.migrate import HEAD_REVISION
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tools.make_head_schema import migrated_schema


def _same_meaning(script: str) -> list[tuple[list[str], list[str]]]:
    """The statements in any order, each one's constraints too (Alembic's table rebuilds keep them in a
    set, so two runs of the migrations differ there); the columns in their order."""
    statements = []
    for statement in script.split(";\n"):
        lines = [line.strip().rstrip(",").strip() for line in statement.splitlines()]
        constraints = sorted(line for line in lines if line.startswith("CONSTRAINT"))
        statements.append(([line for line in lines if not line.startswith("CONSTRAINT")], constraints))
    return sorted(statements)


def _facts(path: Path) -> tuple[object, ...]:
    """Everything about a new file's make-up: schema, revision, header numbers, soundness."""
    connection = sqlite3.connect(path)
    try:
        return (
            _same_meaning(schema_text(connection, HEAD_REVISION)),
            connection.execute("SELECT version_num FROM alembic_version").fetchall(),
            connection.execute("PRAGMA user_version").fetchone(),
            connection.execute("PRAGMA application_id").fetchone(),
            connection.execute("PRAGMA integrity_check").fetchall(),
            connection.execute("PRAGMA foreign_key_check").fetchall(),
        )
    finally:
        connection.close()


def test_the_kept_script_is_the_schema_the_migrations_make() -> None:
    # Fails when a migration is added or changed: run python -m tools.make_head_schema.
    assert _same_meaning(head_schema_file().read_text(encoding="utf-8")) == _same_meaning(migrated_schema())


def test_a_new_plan_file_is_the_migrated_one_and_opens(tmp_path: Path) -> None:
    made = create_plan_file(tmp_path / "new.dxplan")
    assert _facts(made) == (
        _same_meaning(migrated_schema()),
        [(HEAD_REVISION,)],
        (SCHEMA_VERSION,),
        (APPLICATION_ID,),
        [("ok",)],
        [],
    )
    open_plan_file(made).close()


def test_a_script_of_another_revision_is_not_used(tmp_path: Path) -> None:
    stale = tmp_path / "head.sql"
    stale.write_text("-- revision 0001\nCREATE TABLE unit (id INTEGER);\n", encoding="utf-8")
    empty = tmp_path / "empty.dxplan"
    sqlite3.connect(empty).close()
    assert write_head_schema(empty, stale) is False
    connection = sqlite3.connect(empty)
    try:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    finally:
        connection.close()
