"""Change capture: how each kind of database records what a write transaction changes, as a Journal.

Everything above this interface (the journal, its replay with the check that rows are
still as a step left them, the undo service, the window's refresh) is the same on every
database; only a capture is written per dialect and registered in CAPTURES.

SQLite (capture_sqlite.py): temporary triggers on the writing connection copy each
changed row's old and new values into temporary tables, which take() reads back.

PostgreSQL (capture_postgres.py): triggers on every table insert into the history table
the server keeps (server_history.py: transaction id, table, to_jsonb(OLD), to_jsonb(NEW),
who, when); take() reads back the rows of the current transaction, in order, and turns
their JSON into the values the driver returns for each column's type (so that replay's
comparisons stay exact); defer_constraints() is SET CONSTRAINTS ALL DEFERRED (server init
makes the foreign keys DEFERRABLE); bulk inserts and deletes are logged row by row, since
the history must not skip them.
Any other database writes with UnrecordedCapture: its writes work and leave no step to undo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

import sqlalchemy as sa

from dxplanner.store.bulk import BulkLog
from dxplanner.store.capture_postgres import PostgresCapture
from dxplanner.store.capture_sqlite import SqliteCapture
from dxplanner.store.journal import Journal


class ChangeCapture(Protocol):
    """Records, on one kind of database, the rows a write transaction changes."""

    def install(self, connection: sa.Connection) -> None:
        """Start recording on this connection (at the start of each write transaction; cheap when done)."""

    def take(self, connection: sa.Connection) -> Journal:
        """What the current transaction changed so far, and forget it (it is now the caller's)."""

    def bulk_inserted(self, connection: sa.Connection, table: sa.Table) -> AbstractContextManager[BulkLog]:
        """Around inserting many new rows into table: record one BulkInsert rather than each row.

        The block may note in the BulkLog the values its inserts gave (bulk_insert's answer).
        """

    def bulk_deleted(self, connection: sa.Connection, table: sa.Table) -> AbstractContextManager[None]:
        """Around deleting a bulk range whose rows the caller has read: may leave each row unrecorded."""

    def defer_constraints(self, connection: sa.Connection) -> None:
        """Check foreign keys at commit from now on in this transaction (a replay may pass through gaps)."""


class UnrecordedCapture:
    """For a database no capture is written for yet: writes work, and leave nothing to undo."""

    def install(self, connection: sa.Connection) -> None:
        pass

    def take(self, connection: sa.Connection) -> Journal:
        return Journal()

    @contextmanager
    def bulk_inserted(self, connection: sa.Connection, table: sa.Table) -> Iterator[BulkLog]:
        yield BulkLog()

    @contextmanager
    def bulk_deleted(self, connection: sa.Connection, table: sa.Table) -> Iterator[None]:
        yield

    def defer_constraints(self, connection: sa.Connection) -> None:
        pass


CAPTURES: dict[str, ChangeCapture] = {"sqlite": SqliteCapture(), "postgresql": PostgresCapture()}


def capture_for(dialect: str) -> ChangeCapture:
    """The capture of a dialect (by SQLAlchemy's name for it)."""
    return CAPTURES.get(dialect) or UnrecordedCapture()


# Where a write keeps the capture it records with, on its connection, while it runs.
_RECORDING = "dxplanner.capture"


@contextmanager
def recording_with(connection: sa.Connection, capture: ChangeCapture) -> Iterator[None]:
    """Run the block's bulk inserts on connection through capture (the write's own, maybe none).

    The connection's info outlives the transaction (it is the pooled driver connection's): the
    capture is taken off it again when the block ends.
    """
    connection.info[_RECORDING] = capture
    try:
        yield
    finally:
        connection.info.pop(_RECORDING, None)


def inserted_in_bulk(connection: sa.Connection, table: sa.Table) -> AbstractContextManager[BulkLog]:
    """Insert many new rows into table (inside the block) and record them as one range for undo.

    The new rows must take keys (the first key column: an id, or a link's task id) above every key
    already in the table, as new ids do inside a write transaction: no other writer can take them.
    """
    capture: ChangeCapture = connection.info.get(_RECORDING) or capture_for(connection.dialect.name)
    return capture.bulk_inserted(connection, table)
