"""The undo service: what the last write changed, and undoing and redoing it exactly, as the window does.

On a plan file and on the PostgreSQL server alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.errors import ReadOnlyError
from dxplanner.services import edits, new_records, undo
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: OpenPlan) -> OpenPlan:
    """An empty plan: in a plan file, and on the server."""
    return plan_store


def test_a_step_says_which_tables_and_rows_an_edit_changed(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.update_task(store, first, name="Một (sửa)")
    step = undo.last_step(store)
    assert step is not None
    assert step.change.tables == {"task"}
    assert step.change.rows == {"task": {first}}
    assert step.change.reshaped == frozenset()  # a row changed; none came or went
    assert step.change.touches("task", "unit") and not step.change.touches("unit")


def test_an_added_row_reshapes_its_table(store: OpenPlan) -> None:
    ids = basics(store)
    added = new_id(new_records.new_task(store, ids.plan, parent_id=None, position=None).id)
    step = undo.last_step(store)
    assert step is not None
    assert "task" in step.change.reshaped
    assert added in step.change.rows["task"]


def test_a_write_that_changed_nothing_is_no_step(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.move_task(store, first, parent_id=None, position=0)  # where it already is
    assert undo.last_step(store) is None


def test_undo_and_redo_put_the_file_back_exactly_each_time(store: OpenPlan) -> None:
    ids = basics(store)
    task(store, ids.plan, "Một")
    before = snapshot(store)
    new_records.new_task(store, ids.plan, parent_id=None, position=0)
    step = undo.last_step(store)
    assert step is not None
    after = snapshot(store)
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == before
        step = undo.redo(store, step)
        assert snapshot(store) == after


def test_undo_in_a_read_only_window_is_refused_and_changes_nothing(plan_path: Path) -> None:
    writer = open_plan_file(plan_path)
    ids = basics(writer)
    task(writer, ids.plan, "Một")
    step = undo.last_step(writer)
    assert step is not None
    writer.close()
    reader = open_plan_file(plan_path, read_only=True)
    try:
        before = snapshot(reader)
        with pytest.raises(ReadOnlyError, match="open read-only; nothing was changed"):
            undo.undo(reader, step)
        assert snapshot(reader) == before
    finally:
        reader.close()
