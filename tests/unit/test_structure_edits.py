"""Indent, outdent, move, delete, paste, undo and redo keep every view's numbers meaning what they meant."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from dxplanner.core.status import Health
from dxplanner.store.changes import Changes
from dxplanner.store.operations.paste import PasteField, paste_tasks
from dxplanner.store.operations.tasks import create_task, delete_task, indent_task, move_task, outdent_task
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import new_id
from tests.unit.projections import Figures, projection

D = datetime.date

# The demo's 2026 plan: group II, and in it a project at 35% with 25 billion đồng of its own.
PLAN = 6
GROUP_II = 358
PROJECT = 360  # 01/01/2026 - 31/12/2027, the one task that runs into 2027
BUILT_IN_PARTS = 376  # group III's task 4: its own 85% and 51.5 billion đồng, and three sub-tasks
# How every view shows the project in the demo as shipped, on the day the tests look at.
AS_SHIPPED = Figures(35, Health.ON_TRACK, D(2026, 1, 1), D(2027, 12, 31))


def _insert_below_the_project(store: PlanStore) -> int:
    """What Insert on the project's row does: a new task right below it, in the same group."""
    return new_id(create_task(store, PLAN, parent_id=GROUP_II, position=2, name="Khảo sát hiện trạng").id)


def _insert_into_the_project(store: PlanStore) -> int:
    added = _insert_below_the_project(store)
    indent_task(store, added)
    return added


def test_a_project_given_a_sub_task_keeps_its_progress_standing_money_and_critical_path(
    demo_store: PlanStore,
) -> None:
    before = projection(demo_store, PLAN)
    assert before.tasks[PROJECT] == AS_SHIPPED
    assert before.critical == {GROUP_II, PROJECT}
    added = _insert_below_the_project(demo_store)
    inserted = projection(demo_store, PLAN)

    indent_task(demo_store, added)
    after = projection(demo_store, PLAN)
    # The project's own 35% is still its share of the work, weighed by its own two years.
    assert after.tasks[PROJECT] == before.tasks[PROJECT]
    assert after.tasks[GROUP_II] == inserted.tasks[GROUP_II]
    # Its own work still counts in the report's and the dashboard's totals of tasks.
    assert after.counts == inserted.counts
    assert after.money == before.money
    # The project's own two years still end the plan: the same chain is critical.
    assert after.critical == before.critical


Edit = Callable[[PlanStore, int], Changes]

EDITS: dict[str, tuple[Callable[[PlanStore], int], Edit]] = {
    "indent": (_insert_below_the_project, indent_task),
    "move": (_insert_below_the_project, lambda store, added: move_task(store, added, parent_id=PROJECT)),
    "outdent": (_insert_into_the_project, outdent_task),
    "delete": (_insert_into_the_project, delete_task),
    "paste": (
        _insert_into_the_project,
        lambda store, _added: paste_tasks(
            store, PLAN, [PasteField.NAME], [["Lập báo cáo nghiên cứu khả thi"]], parent_id=PROJECT
        ),
    ),
    "move a task built in parts": (
        _insert_below_the_project,
        lambda store, _added: move_task(store, BUILT_IN_PARTS, parent_id=GROUP_II, position=0),
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_the_views_agree_after_each_structural_edit_its_undo_and_its_redo(
    demo_store: PlanStore, name: str
) -> None:
    setup, edit = EDITS[name]
    added = setup(demo_store)
    ready = projection(demo_store, PLAN)

    edit(demo_store, added)
    done = projection(demo_store, PLAN)
    # A new task with nothing done and no dates changes no figure of the project it goes into or leaves.
    assert ready.tasks[PROJECT] == done.tasks[PROJECT] == AS_SHIPPED
    assert done.tasks[BUILT_IN_PARTS] == ready.tasks[BUILT_IN_PARTS]
    assert done.critical == ready.critical
    assert done.money == ready.money

    redo = demo_store.replay(demo_store.last_journal.undo)
    assert projection(demo_store, PLAN) == ready
    demo_store.replay(redo)
    assert projection(demo_store, PLAN) == done
