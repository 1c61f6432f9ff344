"""Inserting many rows at once: SQLAlchemy compiles the statement and converts values, the driver runs it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import sqlalchemy as sa

_NONE = type(None)
# The values the sqlite3 driver passes to SQLite as they are (an adapter registered for one of
# them would be used on each: then the adapting is left to the driver).
_PLAIN = {_NONE, int, float, str, bytes}
# The most rows one statement of _in_blocks lists (SQLite's own limit on variables also holds).
# Each row of a VALUES list is compiled into the statement's program: statements of 200 to 1,000
# rows inserted a 10,000-task import's 40,000 rows in 158-160 ms of CPU, of 5,000 in 219 ms, of
# 20,000 in 264 ms, one statement stepped per row (executemany) in 233 ms (medians of 5).
BLOCK_ROWS = 500


@dataclass(frozen=True)
class Written:
    """What one bulk_insert gave the driver: the statement's columns, each one's values as converted."""

    columns: tuple[str, ...]
    values: tuple[Sequence[Any], ...]
    count: int


@dataclass
class BulkLog:
    """The inserts a block that inserts in bulk says it made (a capture may seal the rows from them)."""

    written: list[Written] = field(default_factory=list)

    def add(self, written: Written) -> None:
        """Note an insert's values."""
        self.written.append(written)


def bulk_insert(
    connection: sa.Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> Written:
    """Insert rows (tuples in the order of columns) in one executemany; return what the driver was given.

    SQLAlchemy's executemany converts every value through its generic machinery, which costs
    more than the insert itself for ten thousand tasks; here the statement is compiled once for
    the connection's database and each column's converter runs over that column alone.
    """
    if not rows:
        return Written(tuple(columns), tuple(() for _name in columns), 0)
    dialect = connection.dialect
    compiled = sa.insert(table).compile(dialect=dialect, column_keys=list(columns))
    # The statement also sets the columns that have a default (a status, a version): give it theirs.
    names = list(compiled.positiontup or compiled.params)
    extra = [name for name in names if name not in columns]
    defaults = tuple(_default(table.c[name]) for name in extra)
    everything = [*columns, *extra]
    # Column by column: only the columns whose type converts (dates, enums) are walked in Python.
    by_column: list[Sequence[Any]] = [*zip(*rows, strict=True), *([value] * len(rows) for value in defaults)]
    for index, name in enumerate(everything):
        convert: Callable[[Any], Any] | None = table.c[name].type.bind_processor(dialect)
        if convert is not None:
            by_column[index] = _by_value(by_column[index], convert)
    if compiled.positiontup is not None:  # "?" or "%s": the driver takes the values in statement order
        order = [everything.index(name) for name in compiled.positiontup]
        in_order = [by_column[index] for index in order]
        if _is_sqlite(connection):
            # What the driver's adapters would make of each value (a date's ISO text), made once per
            # distinct value here rather than once per cell there.
            sent = [_adapted(values) for values in in_order]
            if _in_blocks(connection, compiled.string, list(zip(*sent, strict=True))):
                return Written(tuple(everything), tuple(by_column), len(rows))
        parameters: list[Any] = list(zip(*in_order, strict=True))
        connection.exec_driver_sql(compiled.string, parameters)
    else:  # named parameters
        parameters = [dict(zip(everything, row, strict=True)) for row in zip(*by_column, strict=True)]
        connection.exec_driver_sql(compiled.string, parameters)
    return Written(tuple(everything), tuple(by_column), len(rows))


def _in_blocks(connection: sa.Connection, statement: str, rows: list[tuple[Any, ...]]) -> bool:
    """Insert the rows in statements listing up to BLOCK_ROWS rows each, as SQLite's variables allow
    (False: not a "?" statement of one row; the caller runs executemany).

    SQLite steps one statement per row under executemany, and the driver binds each row apart:
    statements of BLOCK_ROWS rows took the floor of a 10,000-task import's write (40,000 rows,
    every index, foreign key and check kept) from 233 ms to 160 ms of CPU.
    SQLite inserts the rows of a VALUES list in their order, so they take their rowids as before.
    """
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    head, _, one = statement.rpartition(" VALUES ")
    width = len(rows[0])
    if not head or one != "(" + ", ".join(["?"] * width) + ")":
        return False
    variables = driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    length = driver.getlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH)
    per = max(1, min(variables // width, (length - len(head) - 16) // (len(one) + 1), BLOCK_ROWS))
    if per < 2:
        return False
    for start in range(0, len(rows), per):
        block = rows[start : start + per]
        listed = ",".join([one] * len(block))
        connection.exec_driver_sql(f"{head} VALUES {listed}", tuple(chain.from_iterable(block)))
    return True


def _is_sqlite(connection: sa.Connection) -> bool:
    return connection.dialect.name == "sqlite" and isinstance(
        connection.connection.driver_connection, sqlite3.Connection
    )


def _by_value(values: Sequence[Any], convert: Callable[[Any], Any]) -> Sequence[Any]:
    """convert applied to each value (None stays None), once per distinct value where all are of one
    kind: a column of 10,000 tasks holds a handful of kinds, statuses or dates."""
    kinds = set(map(type, values))
    kinds.discard(_NONE)
    try:
        if len(kinds) == 1:  # of one kind: equal values are alike (not 1 beside True or 1.0)
            once = {value: convert(value) for value in set(values) if value is not None}
            return list(map(once.get, values))
    except TypeError:  # values that cannot be told apart by hashing: one by one
        pass
    return [None if value is None else convert(value) for value in values]


def _adapted(values: Sequence[Any]) -> Sequence[Any]:
    """The values as the sqlite3 driver's adapters would give them to SQLite (a date as ISO text)."""
    kinds = set(map(type, values)) - _PLAIN
    if not kinds:
        return values
    adapters = [sqlite3.adapters.get((kind, sqlite3.PrepareProtocol)) for kind in kinds]
    if len(kinds) > 1 or adapters[0] is None:
        return values  # left to the driver, which adapts (or refuses) them as it always did
    return _by_value(values, adapters[0])


def _default(column: sa.Column[Any]) -> object:
    """A column's constant default (an enum's value, a number)."""
    default = column.default
    if default is None:
        return None
    if not getattr(default, "is_scalar", False):
        raise TypeError(f"bulk_insert cannot fill {column.name}: its default is not a constant")
    return getattr(default, "arg", None)
