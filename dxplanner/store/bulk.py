"""Inserting many rows at once: SQLAlchemy compiles the statement and converts values, the driver runs it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa


def bulk_insert(
    connection: sa.Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows (tuples in the order of columns) in one executemany.

    SQLAlchemy's executemany converts every value through its generic machinery, which costs
    more than the insert itself for ten thousand tasks; here the statement is compiled once for
    the connection's database and each column's converter is looked up once.
    """
    if not rows:
        return
    dialect = connection.dialect
    compiled = sa.insert(table).compile(dialect=dialect, column_keys=list(columns))
    # The statement also sets the columns that have a default (a status, a version): give it theirs.
    names = list(compiled.positiontup or compiled.params)
    extra = [name for name in names if name not in columns]
    defaults = tuple(_default(table.c[name]) for name in extra)
    everything = [*columns, *extra]
    converters: list[Callable[[Any], Any] | None] = [
        table.c[name].type.bind_processor(dialect) for name in everything
    ]
    converted = [
        tuple(
            value if convert is None or value is None else convert(value)
            for value, convert in zip((*row, *defaults), converters, strict=True)
        )
        for row in rows
    ]
    if compiled.positiontup is not None:  # "?" or "%s": the driver takes the values in statement order
        order = [everything.index(name) for name in compiled.positiontup]
        parameters: list[Any] = [tuple(row[index] for index in order) for row in converted]
    else:  # named parameters
        parameters = [dict(zip(everything, row, strict=True)) for row in converted]
    connection.exec_driver_sql(compiled.string, parameters)


def _default(column: sa.Column[Any]) -> object:
    """A column's constant default (an enum's value, a number)."""
    default = column.default
    if default is None:
        return None
    if not getattr(default, "is_scalar", False):
        raise TypeError(f"bulk_insert cannot fill {column.name}: its default is not a constant")
    return getattr(default, "arg", None)
