"""Rows written with ids of their own: PostgreSQL's id counters are moved past them."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa


def counted_id(table: sa.Table) -> sa.Column[int] | None:
    """The column whose values the database counts out (a single whole-number key), if any."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, sa.Integer) and keys[0].autoincrement in (True, "auto"):
        return keys[0]
    return None


def advance_past_ids(connection: sa.Connection, tables: Iterable[sa.Table]) -> None:
    """After rows were inserted with their ids, let the next id the server gives follow the largest.

    SQLite takes the next rowid from the table itself; a PostgreSQL sequence knows nothing of ids
    written past it, and would hand out one already taken.
    """
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        column = counted_id(table)
        if column is None:
            continue
        # is_called=false: the next nextval() returns exactly max + 1 (1 on an empty table).
        connection.execute(
            sa.select(
                sa.func.setval(
                    sa.func.pg_get_serial_sequence(table.name, column.name),
                    sa.select(sa.func.coalesce(sa.func.max(column), 0) + 1).scalar_subquery(),
                    False,
                )
            )
        )
