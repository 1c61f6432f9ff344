"""Change capture on PostgreSQL: the history the server writes is read back as the transaction's journal.

Triggers on every plan table (server_history.py) write each inserted, updated or deleted row
(cascades included) into dx_history with the transaction's id, the login and the time, as JSON
images of the row before and after. take() reads the current transaction's rows of that table
past the last one it took, in order, and turns each JSON value back into what psycopg returns for
the column's type (a date, a float to the bit), so that a replay compares exactly what it would
have read from the table. The history is the database's, so nothing here skips or deletes it:
a bulk insert is logged row by row (every imported task has its line in the history), and so is
the deletion of a bulk range.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import sqlalchemy as sa

from dxplanner.collector import collector_paused
from dxplanner.store.bulk import BulkLog
from dxplanner.store.journal import Change, Journal, RowChange, columns, key_getter, tables

HISTORY_TABLE = "dx_history"
# Where in connection.info the last history row taken in the current transaction is kept.
_TAKEN = "dx_history_taken"


def _keep(value: Any) -> Any:
    return value


def _float(value: Any) -> Any:
    # JSON writes 50.0 as 50, and NaN or infinities as strings: psycopg gives a float for each.
    return value if value is None else float(value)


def _date(value: Any) -> Any:
    return value if value is None else datetime.date.fromisoformat(value)


def _datetime(value: Any) -> Any:
    return value if value is None else datetime.datetime.fromisoformat(value)


@cache
def _readers(table: str) -> tuple[Callable[[Any], Any], ...]:
    """For each column of a table, what turns its JSON value into the driver's value."""
    readers: list[Callable[[Any], Any]] = []
    for column in tables().tables[table].columns:
        python_type: type | None
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = None
        if python_type is float:
            readers.append(_float)
        elif python_type is datetime.datetime:
            readers.append(_datetime)
        elif python_type is datetime.date:
            readers.append(_date)
        else:  # integers, text and enums (stored as text) are JSON's own
            readers.append(_keep)
    return tuple(readers)


def _values(table: str, image: dict[str, Any]) -> tuple[Any, ...]:
    """A row's values in the order of the table's columns, from its JSON image."""
    return tuple(read(image[name]) for read, name in zip(_readers(table), columns(table), strict=True))


class PostgresCapture:
    """Change capture on PostgreSQL connections (see the module's docstring)."""

    def install(self, connection: sa.Connection) -> None:
        """Nothing to do: the server's triggers record every change already."""

    def take(self, connection: sa.Connection) -> Journal:
        """What the current transaction changed since the last take, read from the history."""
        with collector_paused():
            return self._take(connection)

    def _take(self, connection: sa.Connection) -> Journal:
        cursor = connection.connection.cursor()
        try:
            # No transaction id yet: the transaction has written nothing (and asking gives it none).
            cursor.execute("SELECT txid_current_if_assigned()")
            row = cursor.fetchone()
            txid = None if row is None else row[0]
            if txid is None:
                return Journal()
            taken_txid, after_id = connection.info.get(_TAKEN, (None, 0))
            if taken_txid != txid:
                after_id = 0
            # The images as text: json.loads keeps every float's digits, as the server wrote them.
            cursor.execute(
                f"SELECT id, table_name, op, before::text, after::text FROM {HISTORY_TABLE} "
                "WHERE txid = %s AND id > %s ORDER BY id",
                (txid, after_id),
            )
            rows = cursor.fetchall()
        finally:
            cursor.close()
        if not rows:
            return Journal()
        connection.info[_TAKEN] = (txid, rows[-1][0])
        names_of: dict[str, tuple[str, ...]] = {}
        changes: list[Change] = []
        loads = json.loads
        for _id, table, _op, before_text, after_text in rows:
            names = names_of.get(table)
            if names is None:
                names = names_of[table] = columns(table)
            before = None if before_text is None else _values(table, loads(before_text))
            after = None if after_text is None else _values(table, loads(after_text))
            values = after if after is not None else before
            assert values is not None
            changes.append(
                RowChange(
                    table,
                    key_getter(table)(values),
                    None if before is None else dict(zip(names, before, strict=True)),
                    None if after is None else dict(zip(names, after, strict=True)),
                )
            )
        return Journal(tuple(changes))

    @contextmanager
    def bulk_inserted(self, connection: sa.Connection, table: sa.Table) -> Iterator[BulkLog]:
        """Insert rows as any others: each is in the history, so each is in the journal too."""
        yield BulkLog()

    @contextmanager
    def bulk_deleted(self, connection: sa.Connection, table: sa.Table) -> Iterator[None]:
        """Delete rows as any others: the history keeps each (the replay checks them as the range's)."""
        yield

    def defer_constraints(self, connection: sa.Connection) -> None:
        """Check foreign keys at commit from now on (server init makes them DEFERRABLE)."""
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
