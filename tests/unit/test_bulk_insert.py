"""A bulk insert writes every row it is given, in order, however many statements SQLite needs for them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dxplanner.core.errors import InvalidInputError
from dxplanner.store import bulk
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.journal import columns
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics


@pytest.mark.parametrize("block", [1, 2, 3, 7, 100_000])
def test_rows_are_stored_in_the_order_given_with_their_values(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(bulk, "BLOCK_ROWS", block)
    ids = basics(store)
    task = sa.Table("task", sa.MetaData(), *(sa.Column(name) for name in columns("task")))
    names = ("name", "plan_id", "position", "kind", "progress", "status", "priority", "version", "notes")
    rows = [
        (f"Việc {number}", ids.plan, number, "task", number / 4, "not_started", "normal", 1, None)
        for number in range(10)
    ]
    with store.write() as session:
        bulk_insert(session.connection(), task, names, rows)
    with store.read() as session:
        stored = session.connection().exec_driver_sql(
            f"SELECT {', '.join(names)} FROM task WHERE name LIKE 'Việc %' ORDER BY id"
        )
        assert [tuple(row) for row in stored] == rows


def test_a_row_breaking_a_rule_stops_the_whole_insert(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BLOCK_ROWS", 2)
    ids = basics(store)
    task = sa.Table("task", sa.MetaData(), *(sa.Column(name) for name in columns("task")))
    names = ("name", "plan_id", "position", "kind", "progress", "status", "priority", "version")
    rows = [
        (f"Việc {number}", ids.plan, number, "task", 0.0, "not_started", "normal", 1) for number in range(5)
    ]
    rows[3] = (*rows[3][:4], 101.0, *rows[3][5:])  # progress above 100: the table's check refuses it
    with pytest.raises(InvalidInputError), store.write() as session:
        bulk_insert(session.connection(), task, names, rows)
    with store.read() as session:
        assert not session.connection().exec_driver_sql("SELECT 1 FROM task WHERE name LIKE 'Việc %'").all()
