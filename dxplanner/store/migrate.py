"""Bringing a plan's schema, a file's or a server's, to the current revision with Alembic (only here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dxplanner.core.errors import DomainError
from dxplanner.store.file_header import SCHEMA_VERSION
from dxplanner.store.sqlite_engine import writing

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0009"
# Every revision this version knows, oldest first: a revision not among them is a newer dxplanner's.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
# The transaction-level advisory lock an upgrade of a server takes: two `server init` at once take turns.
UPGRADE_LOCK_KEY = 0x44585055


class MigrationError(DomainError):
    """An upgrade could not bring the file to the current schema; it was rolled back."""


def upgrade_to_head(engine: sa.Engine) -> None:
    """Run every missing revision in one transaction: all of them, or none."""
    _migrate(engine, "upgrade", "head")


def downgrade_to(engine: sa.Engine, revision: str) -> None:
    """Undo revisions down to revision (for developers checking a revision; users only upgrade)."""
    _migrate(engine, "downgrade", revision)


def _migrate(engine: sa.Engine, direction: str, revision: str) -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine.dialect.name == "sqlite":
        _migrate_file(engine, config, direction, revision)
    else:
        _migrate_server(engine, config, direction, revision)


def _migrate_file(engine: sa.Engine, config: Any, direction: str, revision: str) -> None:
    from alembic import command

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


def _migrate_server(engine: sa.Engine, config: Any, direction: str, revision: str) -> None:
    """PostgreSQL alters tables in place and keeps its keys checked: one transaction does it all."""
    from alembic import command

    connecting = engine.connect().execution_options(isolation_level="READ COMMITTED")
    with connecting as connection, connection.begin():
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK_KEY})")
        if direction == "upgrade" and stored_revision(connection) == HEAD_REVISION:
            return  # another upgrade finished while this one waited for the lock
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)
        if direction == "upgrade" and stored_revision(connection) != HEAD_REVISION:
            raise MigrationError(f"the upgrade ended at revision {stored_revision(connection)}")


def stored_revision(connection: sa.Connection) -> str | None:
    """The Alembic revision recorded in the file or the database, if any."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])
