"""Write resources/schema/head.sql: the schema the migrations give a new plan file, as one script.

dxplanner creates a new file from it (store/head_schema.py) instead of running every migration.
tests/unit/test_head_schema.py fails when a migration changes the schema and the script is not
written again; run this then: python -m tools.make_head_schema
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from dxplanner.store.head_schema import head_schema_file, schema_text
from dxplanner.store.migrate import HEAD_REVISION, upgrade_to_head
from dxplanner.store.sqlite_engine import create_sqlite_engine


def migrated_schema() -> str:
    """The schema of an empty file brought to the head revision by the migrations themselves."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "head.dxplan"
        sqlite3.connect(path).close()
        engine = create_sqlite_engine(path)
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()
        connection = sqlite3.connect(path)
        try:
            return schema_text(connection, HEAD_REVISION)
        finally:
            connection.close()


if __name__ == "__main__":
    head_schema_file().write_text(migrated_schema(), encoding="utf-8")
    print(f"wrote {head_schema_file()}")
