"""Reading the history a shared plan's server keeps (server_history.py): lines, newest last."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from dxplanner.store.capture_postgres import HISTORY_TABLE
from dxplanner.store.journal import columns, tables


@dataclass(frozen=True)
class HistoryLine:
    """One row changed: when, by whom, which table and key, its JSON images before and after."""

    id: int
    at: datetime.datetime
    who: str
    table: str
    key: dict[str, Any]
    op: str  # "i" inserted, "u" updated, "d" deleted
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def keeps_history(connection: sa.Connection) -> bool:
    """Whether the database keeps a history (a server prepared by `server init`; never a file)."""
    if connection.dialect.name != "postgresql":
        return False
    return bool(
        connection.execute(sa.text("SELECT to_regclass(:name) IS NOT NULL"), {"name": HISTORY_TABLE}).scalar()
    )


def tasks_numbered(connection: sa.Connection, code: str) -> set[int]:
    """The ids of the tasks numbered code, now or at any time the history saw."""
    found = set(
        connection.execute(sa.text("SELECT id FROM task WHERE code = :code"), {"code": code}).scalars()
    )
    found.update(
        int(task_id)
        for task_id in connection.execute(
            sa.text(
                f"SELECT DISTINCT key ->> 'id' FROM {HISTORY_TABLE} WHERE table_name = 'task' "
                "AND (after ->> 'code' = :code OR before ->> 'code' = :code)"
            ),
            {"code": code},
        ).scalars()
    )
    return found


def history_lines(
    connection: sa.Connection,
    *,
    task_ids: set[int] | None = None,
    since: datetime.date | None = None,
) -> list[HistoryLine]:
    """The history's lines, oldest first: all, or those of some tasks (and of the rows hanging on
    them: units, goals, links, budget, staff, reports, risks), from a day on."""
    conditions = []
    parameters: dict[str, Any] = {}
    if task_ids is not None:
        ids = [str(task_id) for task_id in sorted(task_ids)]
        parameters["ids"] = ids
        conditions.append(
            "((table_name = 'task' AND key ->> 'id' = ANY(:ids)) "
            "OR (coalesce(after, before) ? 'task_id' AND coalesce(after, before) ->> 'task_id' = ANY(:ids)) "
            "OR (table_name = 'dependency' AND (coalesce(after, before) ->> 'predecessor_id' = ANY(:ids) "
            "OR coalesce(after, before) ->> 'successor_id' = ANY(:ids))))"
        )
    if since is not None:
        conditions.append("at >= CAST(:since AS date)")
        parameters["since"] = since
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = connection.execute(
        sa.text(
            f"SELECT id, at, who, table_name, key::text, op, before::text, after::text "
            f"FROM {HISTORY_TABLE} {where} ORDER BY id"
        ),
        parameters,
    ).all()
    return [
        HistoryLine(
            int(line_id),
            at,
            str(who),
            str(table),
            json.loads(key),
            str(op),
            _in_column_order(table, before),
            _in_column_order(table, after),
        )
        for line_id, at, who, table, key, op, before, after in rows
    ]


def _in_column_order(table: str, image: str | None) -> dict[str, Any] | None:
    """A row's JSON image with its fields in the table's order (JSON keeps them by name's length)."""
    if image is None:
        return None
    values: dict[str, Any] = json.loads(image)
    if table not in tables().tables:
        return values
    order = {name: number for number, name in enumerate(columns(table))}
    return dict(sorted(values.items(), key=lambda item: order.get(item[0], len(order))))


def task_names(connection: sa.Connection, task_ids: set[int]) -> dict[int, tuple[str | None, str]]:
    """The number and name of each task that still exists, by id."""
    if not task_ids:
        return {}
    rows = connection.execute(
        sa.text("SELECT id, code, name FROM task WHERE id = ANY(:ids)"), {"ids": sorted(task_ids)}
    ).all()
    return {int(task_id): (code, str(name)) for task_id, code, name in rows}
