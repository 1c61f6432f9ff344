"""A new plan file's schema written at once from the statements the migrations leave, not by running them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dxplanner.resources import bundled_dir
from dxplanner.store.file_header import SCHEMA_VERSION
from dxplanner.store.migrate import HEAD_REVISION

_REVISION_LINE = "-- revision "


def head_schema_file() -> Path:
    """Where the statements are kept (tools/make_head_schema.py writes them)."""
    return bundled_dir("resources") / "schema" / "head.sql"


def schema_statements(connection: sqlite3.Connection) -> list[str]:
    """The statements that make a file's tables (Alembic's record too), then its indexes, then the rest."""
    rows = connection.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY type <> 'table', type <> 'index', rowid"
    ).fetchall()
    return [str(sql) for (sql,) in rows]


def schema_text(connection: sqlite3.Connection, revision: str) -> str:
    """The file's schema as the script write_head_schema runs, headed by the revision it is."""
    statements = "".join(f"{statement};\n" for statement in schema_statements(connection))
    return f"{_REVISION_LINE}{revision}\n{statements}"


def write_head_schema(path: Path, script_file: Path | None = None) -> bool:
    """Give the empty SQLite file at path the current schema; False (and nothing done) when the kept
    statements are not the current revision's, and the migrations must make it.

    Running the nine migrations took a second, most of a new file's `import` (Alembic's import and
    its table rebuilds); the script takes milliseconds.
    """
    try:
        script = (script_file or head_schema_file()).read_text(encoding="utf-8")
    except OSError:
        return False
    first, _newline, statements = script.partition("\n")
    if first != f"{_REVISION_LINE}{HEAD_REVISION}":
        return False
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # One transaction: a failure leaves the file as empty as it was.
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{statements}"
            f"INSERT INTO alembic_version VALUES ('{HEAD_REVISION}');\n"
            f"PRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;"
        )
    finally:
        connection.close()
    return True
