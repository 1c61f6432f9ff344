"""The rows a bulk insert left in a SQLite table, worked out from the values it gave, without reading them.

SQLite may change a value as it stores it (its columns' type affinity: 1 in a REAL column is
1.0; "12" in an INTEGER column is 12). The rows are worked out only where every value is
certain to come back as given, or as a rule here converts it; anything else answers None,
and the caller reads the rows back instead (as undo will when it checks them).
"""

from __future__ import annotations

import operator
import re
import sqlite3
from collections.abc import Callable, Sequence
from itertools import islice
from math import copysign
from typing import Any

import sqlalchemy as sa

from dxplanner.store.bulk import Written
from dxplanner.store.journal import columns, key_columns, key_getter

_NONE = type(None)
# The values the driver passes to SQLite as they are; any other is passed as its adapter makes it.
_PLAIN = {_NONE, int, float, str, bytes}
# Text SQLite would take for a number in an INTEGER or NUMERIC column (wider than its rule: then unsure).
_NUMBER_TEXT = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")
# The largest integer a float holds exactly.
_EXACT_IN_FLOAT = 2**53


def columns_as_stored(
    connection: sa.Connection, table: str, written: Written, first: int, last: int
) -> list[tuple[Any, ...]] | None:
    """The inserted rows as reading them back would give them, column by column (every column of
    the table, the rows in key order), or None.

    first..last is the range of keys the rows took (an id the insert did not give is assigned in
    order from first, as SQLite assigns new rowids).
    """
    if any((kind, sqlite3.PrepareProtocol) in sqlite3.adapters for kind in _PLAIN):
        return None  # an adapter for a plain type makes the driver adapt every value
    driver = connection.connection.driver_connection
    assert driver is not None
    if driver.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchone():
        return None  # a trigger of the file's own may change what was inserted
    quoted = '"' + table.replace('"', '""') + '"'
    declared = {
        name: (kind, default, key)
        for _cid, name, kind, _not_null, default, key in driver.execute(
            f"PRAGMA main.table_info({quoted})"
        ).fetchall()
    }
    keys = [name for name, (_kind, _default, key) in declared.items() if key]
    rowid = keys[0] if len(keys) == 1 and declared[keys[0]][0].upper() == "INTEGER" else None
    given = dict(zip(written.columns, written.values, strict=True))
    count = written.count
    values_by_column: list[Sequence[Any]] = []
    for name in columns(table):
        if name not in declared:
            return None
        kind, default, _key = declared[name]
        if name in given:
            values = _as_stored(given[name], _affinity(kind))
            if values is None or (name == rowid and None in values):
                return None  # a NULL rowid is given the next one: where, is not worked out here
        elif name == rowid and last - first + 1 == count:
            values = range(first, last + 1)
        elif default is None:
            values = [None] * count
        else:
            return None  # the file's default, whatever it is
        values_by_column.append(values)
    names = columns(table)
    keys = [values_by_column[names.index(name)] for name in key_columns(table)]
    if not all(set(map(type, key)) <= {int} for key in keys):
        return None  # text keys are ordered by their column's collation, not worked out here
    # In key order, as range_rows reads them: an import's rows are already (no rows built to sort).
    if _ascending(keys[0] if len(keys) == 1 else list(zip(*keys, strict=True))):
        return [tuple(values) for values in values_by_column]
    rows = sorted(zip(*values_by_column, strict=True), key=key_getter(table))
    return list(zip(*rows, strict=True))


def _ascending(keys: Sequence[Any]) -> bool:
    """Whether each key is above the one before it."""
    return all(map(operator.lt, keys, islice(keys, 1, None)))


def _affinity(declared: str) -> str:
    """A declared column type's affinity, by SQLite's rules (in their order)."""
    kind = declared.upper()
    if "INT" in kind:
        return "integer"
    if any(word in kind for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if "BLOB" in kind or not kind:
        return "blob"
    if any(word in kind for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "numeric"


def _as_stored(values: Sequence[Any], affinity: str) -> Sequence[Any] | None:
    """A column's values as SQLite returns them once stored, or None where that is not certain."""
    kinds = set(map(type, values))
    if not kinds <= _PLAIN:
        adapted = _adapted(values, kinds)
        if adapted is None:
            return None
        values, kinds = adapted, set(map(type, adapted))
    kinds.discard(_NONE)
    if float in kinds and any(
        value != value or (value == 0.0 and copysign(1.0, value) < 0) for value in values
    ):
        return None  # NaN is stored as NULL, and minus zero read back as zero, whatever the column
    if affinity == "blob":
        return values
    if affinity == "text":
        return values if kinds <= {str, bytes} else None
    if affinity == "real":
        if not kinds <= {float, int, bytes}:
            return None
        if int not in kinds:
            return values
        if any(type(value) is int and abs(value) > _EXACT_IN_FLOAT for value in values):
            return None
        return [float(value) if type(value) is int else value for value in values]
    # INTEGER and NUMERIC: whole numbers and bytes stay; text stays unless it reads as a number.
    if not kinds <= {int, str, bytes}:
        return None
    if str in kinds and any(_NUMBER_TEXT.fullmatch(text) for text in set(values) if type(text) is str):
        return None
    return values


def _adapted(values: Sequence[Any], kinds: set[type]) -> list[Any] | None:
    """The values as the driver gives them to SQLite (a date as its ISO text), or None if not known."""
    adapters: dict[type, Callable[[Any], Any]] = {}
    for kind in kinds - _PLAIN:
        adapter = sqlite3.adapters.get((kind, sqlite3.PrepareProtocol))
        if adapter is None:
            return None
        adapters[kind] = adapter
    # Adapted once per distinct value (a plan's tasks share a few hundred dates); keyed by type
    # too, since equal values of two types (a Decimal and a Fraction) may adapt differently.
    if len(adapters) == 1 and kinds <= {_NONE, *adapters}:
        # One kind beside NULLs (a date column): by value alone, and NULL stays NULL.
        (adapter,) = adapters.values()
        one = {value: adapter(value) for value in set(values) if value is not None}
        if not set(map(type, one.values())) <= _PLAIN:
            return None
        return list(map(one.get, values))
    distinct = {(type(value), value) for value in values if type(value) in adapters}
    adapted = {(kind, value): adapters[kind](value) for kind, value in distinct}
    if not set(map(type, adapted.values())) <= _PLAIN:
        return None
    return [value if type(value) in _PLAIN else adapted[type(value), value] for value in values]
