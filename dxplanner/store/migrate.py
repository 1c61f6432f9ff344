"""Bringing a plan file's schema to the current revision with Alembic (imported only here)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from dxplanner.core.errors import DomainError
from dxplanner.store.file_header import SCHEMA_VERSION
from dxplanner.store.sqlite_engine import writing

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0004"


class MigrationError(DomainError):
    """An upgrade could not bring the file to the current schema; it was rolled back."""


def upgrade_to_head(engine: sa.Engine) -> None:
    """Run every missing revision in one transaction: all of them, or none."""
    _migrate(engine, "upgrade", "head")


def downgrade_to(engine: sa.Engine, revision: str) -> None:
    """Undo revisions down to revision (for developers checking a revision; users only upgrade)."""
    _migrate(engine, "downgrade", revision)


def _migrate(engine: sa.Engine, direction: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with writing(engine).connect() as connection:
        # Batch mode rebuilds tables; with foreign keys on, dropping the old copy
        # would cascade deletes. The pragma only takes effect outside a transaction,
        # so it goes to the driver connection before SQLAlchemy begins one.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                getattr(command, direction)(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"the {direction} left {len(broken)} broken references")
                if direction == "upgrade":
                    # The header's version and Alembic's record must agree, or the next open
                    # would take the file for an older one again.
                    version = connection.exec_driver_sql("PRAGMA user_version").scalar()
                    if version != SCHEMA_VERSION or stored_revision(connection) != HEAD_REVISION:
                        raise MigrationError(f"the upgrade ended at schema {version}, not {SCHEMA_VERSION}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def stored_revision(connection: sa.Connection) -> str | None:
    """The Alembic revision recorded in the file, if any."""
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])
