"""The undo journal: what a write transaction changed, row by row, in terms any database can replay.

A journal lists, in the order they were made, the row changes of one transaction:
each names its table, the row's primary key and the row's values before and after
(None where the row did not exist), exactly as the database driver returned them.
Bulk inserts (an import of ten thousand tasks) are one marker instead: the range of
keys the new rows took, and a seal of those rows as they were inserted, so that
undoing can check them without the journal holding every row.

Journals are recorded by a change capture (store/capture.py) and played by
store/replay.py; neither depends on what this module holds coming from SQLite.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple, cast

import sqlalchemy as sa

from dxplanner.collector import collector_paused

# A row's values by column name, as the driver returns them.
Row = Mapping[str, Any]
# A row's primary key: its values in the order of the table's key columns.
Key = tuple[Any, ...]


class RowChange(NamedTuple):
    """One row inserted (no before), deleted (no after) or updated (both)."""

    # A named tuple, not a frozen dataclass: an import's undo makes 40,000 of them, twice as fast.

    table: str
    key: Key  # the row's key after the change (before it, for a deletion)
    before: Row | None
    after: Row | None

    def row_keys(self) -> tuple[Key, ...]:
        """The row's key before and after the change (one key unless the change moved it)."""
        if self.before is None or self.after is None:
            return (self.key,)
        old = key_of(self.table, self.before)
        return (self.key,) if old == self.key else (old, self.key)

    def inverted(self) -> RowChange:
        """The change that puts the row back."""
        if self.before is None or self.after is None:
            return RowChange(self.table, self.key, self.after, self.before)
        return RowChange(self.table, key_of(self.table, self.before), self.after, self.before)


@dataclass(frozen=True, slots=True)
class RowRange:
    """The rows of a table whose first key column lies in first..last, and what they held.

    `count` and `seal` describe the rows as they were inserted (see sealed()).
    """

    table: str
    column: str
    first: int
    last: int
    count: int
    seal: bytes

    def holds(self, table: str, row: Row) -> bool:
        """Whether the row is one of the range's."""
        return table == self.table and self.first <= row[self.column] <= self.last


@dataclass(frozen=True, slots=True)
class BulkInsert(RowRange):
    """Rows inserted in bulk; undone by deleting the range, never replayed forward."""

    def inverted(self) -> BulkDelete:
        return BulkDelete(self.table, self.column, self.first, self.last, self.count, self.seal)


@dataclass(frozen=True, slots=True)
class BulkDelete(RowRange):
    """The undo of a bulk insert: delete the range, once it is checked to hold what was inserted."""

    def inverted(self) -> BulkInsert:
        return BulkInsert(self.table, self.column, self.first, self.last, self.count, self.seal)


Change = RowChange | BulkInsert | BulkDelete


@dataclass(frozen=True)
class Journal:
    """The changes of one transaction, in the order they were made."""

    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def undo(self) -> Journal:
        """The journal that undoes this one: each change inverted, last first."""
        with collector_paused():
            return Journal(tuple(change.inverted() for change in reversed(self.changes)))

    @property
    def redo(self) -> Journal:
        """The journal that makes the change again: itself (a bulk insert's comes from its undo)."""
        return self

    @property
    def tables(self) -> frozenset[str]:
        """The tables the journal touches."""
        return frozenset(change.table for change in self.changes)

    def rows(self) -> dict[str, set[Any]]:
        """The keys of the rows the journal touches, by table (the same either way it is replayed).

        A table keyed by one column gives its values (task ids for tasks); a table with a composite
        key gives key tuples. A bulk range gives the ids it spans, for a table keyed by one column.
        """
        touched: dict[str, set[Any]] = {}
        for change in self.changes:
            rows = touched.setdefault(change.table, set())
            if isinstance(change, RowChange):
                rows.update(key[0] if len(key) == 1 else key for key in change.row_keys())
            elif len(key_columns(change.table)) == 1:
                rows.update(range(change.first, change.last + 1))
        return touched

    def reshaped(self) -> frozenset[str]:
        """The tables where rows came or went (rather than only changed)."""
        return frozenset(
            change.table
            for change in self.changes
            if not isinstance(change, RowChange) or change.before is None or change.after is None
        )

    def rows_in_order(self) -> Iterator[RowChange]:
        """The row changes alone (a journal recorded by replaying holds no bulk ranges)."""
        return (change for change in self.changes if isinstance(change, RowChange))


def tables() -> sa.MetaData:
    """The plan's tables, their classes loaded on first use.

    A plan opens and its first sheet paints without the 27 table classes (SQLAlchemy's mapping
    of them is the largest part of a start); the first edit, undo or capture loads them here.
    """
    from sqlmodel import SQLModel

    import dxplanner.core.models  # noqa: F401  (registers the tables)

    return SQLModel.metadata


@cache
def columns(table: str) -> tuple[str, ...]:
    """The names of a table's columns, in the order of its definition."""
    return tuple(column.name for column in tables().tables[table].columns)


@cache
def key_columns(table: str) -> tuple[str, ...]:
    """The names of a table's primary key columns."""
    return tuple(column.name for column in tables().tables[table].primary_key.columns)


def key_of(table: str, row: Row) -> Key:
    """A row's primary key."""
    return tuple(row[name] for name in key_columns(table))


@cache
def plain_table(name: str) -> sa.TableClause:
    """The table with untyped columns: values go to the driver and come back exactly as they are."""
    return sa.table(name, *(sa.column(column) for column in columns(name)))


def range_rows(
    connection: sa.Connection, table: str, column: str, first: int, last: int
) -> list[tuple[Any, ...]]:
    """The values of the rows whose key column lies in first..last, in key order."""
    plain = plain_table(table)
    query = (
        sa.select(plain)
        .where(plain.c[column].between(first, last))
        .order_by(*(plain.c[name] for name in key_columns(table)))
    )
    compiled = query.compile(dialect=connection.dialect)
    order = compiled.positiontup
    parameters = compiled.params if order is None else [compiled.params[name] for name in order]
    # The driver's own cursor (PEP 249): plain tuples, without building a result row for each.
    cursor = connection.connection.cursor()
    try:
        with collector_paused():
            cursor.execute(compiled.string, parameters)
            return list(cursor.fetchall())
    finally:
        cursor.close()


def sealed(rows: Sequence[tuple[Any, ...]]) -> tuple[int, bytes]:
    """How many rows there are, and a digest that any change to any of their values alters."""
    return sealed_columns(list(zip(*rows, strict=True)), len(rows))


def sealed_columns(values: Sequence[Sequence[Any]], count: int) -> tuple[int, bytes]:
    """sealed() of rows given column by column (each column's values in the rows' order)."""
    # Pickle keeps every value exactly (floats to the bit), and its digest changes with any of them.
    # Fast mode keeps no memo: the bytes depend on the values alone, not on which objects repeat
    # (rows read back hold a new string per cell; rows worked out from an insert share them).
    # By column: rows worked out from an insert come by column, and need not be built as tuples.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump([tuple(column) for column in values] if count else [])
    return count, hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


@cache
def key_getter(table: str) -> Callable[[Sequence[Any]], Key]:
    """Picks a row's key out of the tuple of its values (in the order of the table's columns)."""
    names = columns(table)
    getter = itemgetter(*(names.index(name) for name in key_columns(table)))
    if len(key_columns(table)) == 1:
        return lambda values: (getter(values),)
    return cast(Callable[[Sequence[Any]], Key], getter)
