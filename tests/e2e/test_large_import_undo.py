"""A 10,000-task import is one step: undone, redone and undone again exactly, as the window does it,
on a plan file and on the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.services import undo
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.excel_samples import write_large_plan

pytestmark = pytest.mark.e2e

TASKS = 10_000


def test_a_ten_thousand_task_import_is_undone_and_redone_exactly(
    plan_store: PlanStore, tmp_path: Path
) -> None:
    store = plan_store  # a plan file, and the server
    workbook = tmp_path / "large.xlsx"
    write_large_plan(workbook, TASKS)
    table = read_plan_table(workbook)
    match_units(store, table)
    empty = snapshot(store)
    outcome = import_table(store, table)
    imported = snapshot(store)
    assert len(imported["task"]) == outcome.tasks + outcome.groups >= TASKS
    step = undo.last_step(store)
    assert step is not None
    # The window refreshes by task id: every imported task is named, though the journal keeps a range.
    assert step.change.rows["task"] >= {row[0] for row in imported["task"]}
    assert {"task", "task_unit", "budget_line"} <= step.change.reshaped
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == empty
        step = undo.redo(store, step)
        assert snapshot(store) == imported
