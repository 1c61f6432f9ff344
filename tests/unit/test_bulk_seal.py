"""A bulk insert's seal, worked out from the values inserted, is the seal of the rows as undo reads them back.

Undo refuses ("changed since") when the rows it reads do not match the seal: a seal worked out
wrong would leave an import that can never be undone. Each test compares the seal the journal
recorded with the seal of the rows read back from the file.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store import capture_sqlite, inserted_rows
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.capture import inserted_in_bulk
from dxplanner.store.journal import BulkInsert, Journal, columns, key_columns, range_rows, sealed
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, task
from tests.unit.excel_samples import write_large_plan


def _read_back(store: PlanStore, bulk: BulkInsert) -> tuple[int, bytes]:
    with store.read() as session:
        return sealed(range_rows(session.connection(), bulk.table, bulk.column, bulk.first, bulk.last))


def _bulks(journal: Journal) -> dict[str, BulkInsert]:
    return {change.table: change for change in journal.changes if isinstance(change, BulkInsert)}


def test_an_imports_rows_are_worked_out_exactly_as_they_read_back(
    store: PlanStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out: dict[str, Any] = {}
    original = inserted_rows.columns_as_stored

    def spy(connection: sa.Connection, table: str, *arguments: Any) -> Any:
        values = original(connection, table, *arguments)
        first, last = arguments[1], arguments[2]
        read = range_rows(connection, table, key_columns(table)[0], first, last)
        worked_out[table] = (None if values is None else list(zip(*values, strict=True)), read)
        return values

    monkeypatch.setattr(capture_sqlite, "columns_as_stored", spy)
    path = tmp_path / "plan.xlsx"
    write_large_plan(path, 120)
    table = read_plan_table(path)
    match_units(store, table)
    import_table(store, table)
    assert set(worked_out) == {"task", "task_unit", "budget_line"}
    for name, (rows, read) in worked_out.items():
        assert rows is not None, name  # worked out, not read back
        assert rows == read and [tuple(map(type, row)) for row in rows] == [
            tuple(map(type, row)) for row in read
        ], name
    bulks = _bulks(store.last_journal)
    for bulk in bulks.values():
        assert (bulk.count, bulk.seal) == _read_back(store, bulk)


# Values SQLite changes as it stores them, or keeps: each must give the seal of what it kept.
CASES = {
    "whole progress in a REAL column": {"progress": 1},
    "a number as a code in a text column": {"code": 12},
    "numeric text in an INTEGER column": {"position": "7"},
    "a whole float in an INTEGER column": {"position": 3.0},
    "numeric text in a DATE column": {"planned_start": "20250101"},
    "text a number would not be in a DATE column": {"planned_start": "2025-01-01"},
    "a date as the driver gives it": {"planned_end": datetime.date(2025, 3, 1)},
    "a date and a time as the driver gives it": {"planned_end": datetime.datetime(2025, 3, 1, 8, 30)},
    "minus zero in a REAL column": {"progress": -0.0},
    "minus zero in an INTEGER column": {"position": -0.0},
}


@pytest.mark.parametrize("values", CASES.values(), ids=CASES.keys())
def test_a_bulk_inserts_seal_is_that_of_the_rows_as_stored(store: PlanStore, values: dict[str, Any]) -> None:
    ids = basics(store)
    task = sa.Table("task", sa.MetaData(), *(sa.Column(name) for name in columns("task")))
    row: dict[str, Any] = {"plan_id": ids.plan, "position": 0, "kind": "task", "progress": 0.5,
                           "status": "not_started", "priority": "normal", "version": 1} | values  # fmt: skip
    names = ("name", *row)
    rows = [(f"Việc {number}", *row.values()) for number in range(3)]
    with store.write() as session:
        connection = session.connection()
        with inserted_in_bulk(connection, task) as log:
            log.add(bulk_insert(connection, task, names, rows))
    bulk = _bulks(store.last_journal)["task"]
    assert bulk.count == 3
    assert (bulk.count, bulk.seal) == _read_back(store, bulk)


def test_rows_inserted_out_of_key_order_are_sealed_in_key_order(store: PlanStore) -> None:
    ids = basics(store)
    tasks = [task(store, ids.plan, name) for name in ("Một", "Hai", "Ba")]
    links = sa.Table("task_unit", sa.MetaData(), *(sa.Column(name) for name in columns("task_unit")))
    rows = [
        (task_id, unit, "cooperating")
        for task_id in reversed(tasks)
        for unit in (ids.department, ids.ministry)
    ]
    with store.write() as session:
        connection = session.connection()
        with inserted_in_bulk(connection, links) as log:
            log.add(bulk_insert(connection, links, ("task_id", "unit_id", "role"), rows))
    bulk = _bulks(store.last_journal)["task_unit"]
    assert bulk.count == 6
    assert (bulk.count, bulk.seal) == _read_back(store, bulk)
