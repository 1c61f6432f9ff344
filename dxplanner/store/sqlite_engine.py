"""SQLAlchemy engines on a plan file, with the SQLite settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_SECONDS = 5.0

# Passed as an execution option to choose how SQLite starts a transaction;
# other databases ignore it.
BEGIN_MODE_OPTION = "sqlite_begin"


def connect_sqlite(
    path: Path, *, read_only: bool, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> sqlite3.Connection:
    """A raw connection that leaves transaction control to us."""
    if read_only:
        target = f"file:{quote(str(path.resolve()))}?mode=ro"
    else:
        target = f"file:{quote(str(path.resolve()))}?mode=rw"
    # isolation_level=None: pysqlite would otherwise open transactions lazily and
    # never with IMMEDIATE; the "begin" listener below emits BEGIN itself.
    connection = sqlite3.connect(
        target,
        uri=True,
        timeout=busy_timeout,
        isolation_level=None,
        check_same_thread=False,
        detect_types=0,
    )
    connection.execute("PRAGMA foreign_keys=ON")
    if read_only:
        connection.execute("PRAGMA query_only=ON")
    return connection


def create_sqlite_engine(
    path: Path, *, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> sa.Engine:
    """An engine on the plan file at path; writes begin with BEGIN IMMEDIATE."""
    engine = sa.create_engine(
        "sqlite://",
        creator=lambda: connect_sqlite(path, read_only=read_only, busy_timeout=busy_timeout),
        poolclass=sa.pool.QueuePool,
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writing(engine: sa.Engine) -> sa.Engine:
    """The same engine, whose transactions take the write lock at once."""
    # IMMEDIATE: two writers fail fast at BEGIN instead of deadlocking on upgrade.
    return engine.execution_options(**{BEGIN_MODE_OPTION: "IMMEDIATE"})
