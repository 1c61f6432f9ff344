"""The undo journal: every row a write changes, recorded as SQL that undoes and redoes it.

Temporary triggers on each table of a writable SQLite connection log, for every
inserted, updated or deleted row (cascades included), one statement that puts the
row back as it was and one that makes the change again, with every value quoted
exactly. A write transaction collects its log before it commits, so any
operation can be undone and redone exactly, ids, order and links included,
without operation-specific undo code. (A shared PostgreSQL mode will need its
own triggers for the same log.)

Bulk inserts (an import of ten thousand tasks) skip the per-row log: they record
one statement that deletes the range of rows they added. Undoing runs it, and the
triggers log the deleted rows as they go; that log, replayed, is the redo. So the
redo of any step is what undoing it recorded, and replay returns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import SQLModel

_LOG = "dx_journal"
_INSTALLED = "dx_journal_schema"


@dataclass(frozen=True)
class Journal:
    """The statements that undo a transaction (in the order to run them) and redo it."""

    undo: tuple[str, ...]
    redo: tuple[str, ...]  # incomplete after a bulk insert: take the redo that replaying undo returns
    tables: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.undo)

    def rows(self) -> dict[str, set[int]]:
        """The rowids the journal touches, by table (the same either way it is replayed)."""
        touched: dict[str, set[int]] = {}
        for statement in self.undo:
            table, first, last = _rows_of(statement)
            touched.setdefault(table, set()).update(range(first, last + 1))
        return touched

    def reshaped(self) -> frozenset[str]:
        """The tables where rows came or went (rather than only changed)."""
        return frozenset(
            _table_of(statement) for statement in self.undo if not statement.startswith("UPDATE")
        )


def _quoted_row(table: sa.Table, which: str) -> str:
    """SQL that renders the row `which` (old or new) as a quoted VALUES list."""
    values = " || ',' || ".join(f'quote({which}."{column.name}")' for column in table.columns)
    return f"'(' || {which}.rowid || ',' || {values} || ')'"


def _triggers(table: sa.Table) -> list[str]:
    name = table.name
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    insert_old = f"'INSERT INTO \"{name}\" (rowid, {columns}) VALUES ' || {_quoted_row(table, 'old')}"
    insert_new = f"'INSERT INTO \"{name}\" (rowid, {columns}) VALUES ' || {_quoted_row(table, 'new')}"

    def assignments(which: str) -> str:
        return " || ', ' || ".join(
            f'\'"{column.name}" = \' || quote({which}."{column.name}")' for column in table.columns
        )

    delete = "'DELETE FROM \"" + name + "\" WHERE rowid = ' || {which}.rowid"
    update = "'UPDATE \"" + name + "\" SET ' || {assign} || ' WHERE rowid = ' || {which}.rowid"
    return [
        f'CREATE TEMP TRIGGER "dx_{name}_insert" AFTER INSERT ON main."{name}" BEGIN '
        f"INSERT INTO {_LOG} (undo, redo) VALUES ({delete.format(which='new')}, {insert_new}); END",
        f'CREATE TEMP TRIGGER "dx_{name}_update" AFTER UPDATE ON main."{name}" BEGIN '
        f"INSERT INTO {_LOG} (undo, redo) VALUES ("
        f"{update.format(assign=assignments('old'), which='new')}, "
        f"{update.format(assign=assignments('new'), which='new')}); END",
        f'CREATE TEMP TRIGGER "dx_{name}_delete" AFTER DELETE ON main."{name}" BEGIN '
        f"INSERT INTO {_LOG} (undo, redo) VALUES ({insert_old}, {delete.format(which='old')}); END",
    ]


def ensure_journal(connection: sa.Connection) -> None:
    """Install the triggers on this connection, again whenever the schema has changed."""
    if connection.dialect.name != "sqlite":
        return
    schema = connection.exec_driver_sql("PRAGMA schema_version").scalar()
    if connection.connection.info.get(_INSTALLED) == schema:
        return
    present = {
        row[0]
        for row in connection.exec_driver_sql("SELECT name FROM main.sqlite_master WHERE type = 'table'")
    }
    for row in connection.exec_driver_sql(
        "SELECT name FROM temp.sqlite_master WHERE type = 'trigger'"
    ).fetchall():
        connection.exec_driver_sql(f'DROP TRIGGER temp."{row[0]}"')
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {_LOG} "
        "(seq INTEGER PRIMARY KEY, undo TEXT NOT NULL, redo TEXT NOT NULL)"
    )
    for table in SQLModel.metadata.sorted_tables:
        if table.name in present:
            for statement in _triggers(table):
                connection.exec_driver_sql(statement)
    # Creating temp triggers does not change the main schema's version, so this stays valid.
    connection.connection.info[_INSTALLED] = schema


def reinstall_after_rollback(engine: sa.Engine) -> None:
    """Have the journal installed again after any rollback on engine's connections.

    The first write installs the journal inside its own transaction; when that
    write is refused, the rollback removes the log table and triggers again, so
    the note that they are installed must go with them.
    """

    @event.listens_for(engine, "rollback")
    def _forget(connection: sa.Connection) -> None:
        connection.connection.info.pop(_INSTALLED, None)


def take_journal(connection: sa.Connection) -> Journal:
    """What the current transaction changed so far, and forget it (it is now the caller's)."""
    if connection.dialect.name != "sqlite":
        return Journal((), (), frozenset())
    rows = connection.exec_driver_sql(f"SELECT undo, redo FROM temp.{_LOG} ORDER BY seq").fetchall()
    connection.exec_driver_sql(f"DELETE FROM temp.{_LOG}")
    tables = frozenset(_table_of(statement) for statement, _redo in rows)
    return Journal(
        tuple(undo for undo, _redo in reversed(rows)), tuple(redo for _undo, redo in rows if redo), tables
    )


@contextmanager
def inserted_in_bulk(connection: sa.Connection, table: sa.Table) -> Iterator[None]:
    """Insert many rows into table without logging each; the log gets one delete of the new rowids.

    The rows must get rowids above every row already there (new ids, or SQLite's own), which holds
    inside a write transaction: no other writer can take them.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    name = table.name
    trigger = next(statement for statement in _triggers(table) if f'"dx_{name}_insert"' in statement)
    before = _max_rowid(connection, name)
    connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS temp."dx_{name}_insert"')
    yield
    connection.exec_driver_sql(trigger)
    after = _max_rowid(connection, name)
    if after > before:
        connection.exec_driver_sql(
            f"INSERT INTO temp.{_LOG} (undo, redo) VALUES (?, '')",
            (f'DELETE FROM "{name}" WHERE rowid BETWEEN {before + 1} AND {after}',),
        )


def _max_rowid(connection: sa.Connection, name: str) -> int:
    return int(connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM main."{name}"').scalar_one())


def replay(connection: sa.Connection, statements: Iterable[str]) -> tuple[str, ...]:
    """Run recorded statements, checking foreign keys only at commit (the order may pass through gaps).

    Returns the statements that undo the replay (the redo of an undo, the undo of a redo).
    """
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for statement in statements:
        connection.exec_driver_sql(statement)
    # Replaying is itself a change the triggers saw; it is not a new step to undo.
    return take_journal(connection).undo


def _table_of(statement: str) -> str:
    return statement.split('"', 2)[1]


def _rows_of(statement: str) -> tuple[str, int, int]:
    """The table and the first and last rowids a recorded statement is about."""
    table = _table_of(statement)
    if statement.startswith("INSERT"):
        rowid = int(statement.split(" VALUES (", 1)[1].split(",", 1)[0])
        return table, rowid, rowid
    if " WHERE rowid BETWEEN " in statement:
        first, last = statement.rsplit(" WHERE rowid BETWEEN ", 1)[1].split(" AND ")
        return table, int(first), int(last)
    rowid = int(statement.rsplit("WHERE rowid = ", 1)[1])
    return table, rowid, rowid
