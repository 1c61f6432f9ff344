"""The undo journal: any operation can be undone and redone exactly (ids, order, links, versions)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import col, select

from dxplanner.core.models import ActionPlan, Task, Unit
from dxplanner.store.operations.plans import delete_plan, update_plan
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.tasks import create_task, delete_task, indent_task, move_task, update_task
from dxplanner.store.operations.units import update_unit
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot

D = datetime.date


def _first(store: PlanStore, model: Any, *conditions: Any) -> int:
    with store.read() as session:
        found = session.exec(select(model.id).where(*conditions).order_by(col(model.id))).first()
    assert found is not None
    return int(found)


EDITS: dict[str, Callable[[PlanStore], object]] = {
    "rename a task": lambda store: update_task(
        store, _first(store, Task, Task.kind != "group"), name="Tên mới", progress=33.333333333333336
    ),
    "delete a group with its subtree": lambda store: delete_task(
        store, _first(store, Task, Task.kind == "group")
    ),
    "delete a whole plan": lambda store: delete_plan(store, _first(store, ActionPlan)),
    "add a task in the middle": lambda store: create_task(
        store, _first(store, ActionPlan), name="Nhiệm vụ chèn", position=2
    ),
    "indent a task": lambda store: indent_task(
        store, _first(store, Task, Task.position == 3, col(Task.parent_id).is_not(None))
    ),
    "move a task to the top": lambda store: move_task(
        store,
        _first(store, Task, Task.position == 4, col(Task.parent_id).is_not(None)),
        parent_id=None,
        position=0,
    ),
    "report progress": lambda store: add_progress_report(
        store, _first(store, Task, Task.kind == "task"), as_of=D(2026, 11, 20), progress=99, remark="Gần xong"
    ),
    "rename a unit": lambda store: update_unit(store, _first(store, Unit), name="Bộ mới", short_name=None),
    "weigh a plan by budget": lambda store: update_plan(
        store, _first(store, ActionPlan), progress_weight="budget"
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_undo_puts_back_exactly_what_was_there_and_redo_does_it_again(
    demo_store: PlanStore, edit: str
) -> None:
    before = snapshot(demo_store)
    EDITS[edit](demo_store)
    journal = demo_store.last_journal
    after = snapshot(demo_store)
    assert journal and after != before
    demo_store.replay(journal.undo)
    assert snapshot(demo_store) == before
    demo_store.replay(journal.redo)
    assert snapshot(demo_store) == after
    demo_store.replay(journal.undo)
    assert snapshot(demo_store) == before


def test_a_chain_of_edits_undoes_back_to_the_start(demo_store: PlanStore) -> None:
    start = snapshot(demo_store)
    journals = []
    for edit in EDITS.values():
        edit(demo_store)
        journals.append(demo_store.last_journal)
    end = snapshot(demo_store)
    for journal in reversed(journals):
        demo_store.replay(journal.undo)
    assert snapshot(demo_store) == start
    for journal in journals:
        demo_store.replay(journal.redo)
    assert snapshot(demo_store) == end


def test_replaying_is_not_itself_recorded(demo_store: PlanStore) -> None:
    update_task(demo_store, _first(demo_store, Task), notes="ghi chú")
    journal = demo_store.last_journal
    demo_store.replay(journal.undo)
    assert not demo_store.last_journal


def test_a_refused_operation_leaves_no_journal_behind(demo_store: PlanStore) -> None:
    task_id = _first(demo_store, Task, Task.kind == "task")
    update_task(demo_store, task_id, notes="trước")
    recorded = demo_store.last_journal
    with pytest.raises(Exception, match="Progress must be between"):
        update_task(demo_store, task_id, progress=120)
    assert demo_store.last_journal == recorded


def test_a_refused_first_write_leaves_the_journal_working(demo_store: PlanStore) -> None:
    # The first write installs the journal; when it is refused, the rollback takes the install with it.
    task_id = _first(demo_store, Task, Task.kind == "task")
    with pytest.raises(Exception, match="Progress must be between"):
        update_task(demo_store, task_id, progress=120)
    before = snapshot(demo_store)
    update_task(demo_store, task_id, notes="sau khi bị từ chối")
    assert demo_store.last_journal.rows() == {"task": {task_id}}
    demo_store.replay(demo_store.last_journal.undo)
    assert snapshot(demo_store) == before


def test_a_journal_names_the_rows_it_touches(demo_store: PlanStore) -> None:
    task_id = _first(demo_store, Task, Task.kind == "task")
    update_task(demo_store, task_id, notes="ghi chú")
    journal = demo_store.last_journal
    assert journal.rows() == {"task": {task_id}}
    assert journal.reshaped() == frozenset()
    plan = _first(demo_store, ActionPlan)
    created = create_task(demo_store, plan, name="Mới", position=0).id
    assert created in demo_store.last_journal.rows()["task"]
    assert demo_store.last_journal.reshaped() == {"task"}
