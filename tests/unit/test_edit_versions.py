"""No lost update: every edit carries the version the user saw, and a record changed since is not overwritten.

Two stores open the same plan (a file opened twice, or one database on the server), as two
users' windows do: each reads a record, both change it, and the second is refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dxplanner.core.enums import FundingSource, TaskStatus
from dxplanner.core.errors import ConflictError
from dxplanner.services import edits, records, undo
from dxplanner.store.operations.dependencies import add_dependency
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.indicators import create_indicator
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.resources import add_budget_line, add_staff_line
from dxplanner.store.operations.risks import add_risk
from dxplanner.store.operations.strategies import create_sedp
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_store import ServerStore, open_server
from tests.conftest import snapshot
from tests.unit.builders import Basics, basics, new_id, task

D = datetime.date


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def other(store: PlanStore) -> Iterator[PlanStore]:
    """A second user's store on the same plan (the file opened again without its lock)."""
    opened = (
        open_server(store.location)
        if isinstance(store, ServerStore)
        else open_plan_file(store.path, lock=False)
    )
    yield opened
    opened.close()


def _version(store: PlanStore, task_id: int) -> int:
    found = records.task(store, task_id)
    assert found is not None
    return found.version


def test_the_second_of_two_edits_made_from_the_same_version_is_refused_and_changes_nothing(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Xây dựng nền tảng LGSP")
    seen = _version(store, work)
    assert _version(other, work) == seen

    edits.update_task(other, work, seen=seen, name="Xây dựng nền tảng LGSP (bản 2)")
    before = snapshot(store, versions=True)
    with pytest.raises(ConflictError) as refused:
        edits.update_task(store, work, seen=seen, name="Nâng cấp LGSP", progress=40)

    assert snapshot(store, versions=True) == before
    [conflict] = refused.value.conflicts
    assert (conflict.table, conflict.record_id, conflict.name) == (
        "task",
        work,
        "Xây dựng nền tảng LGSP (bản 2)",
    )
    assert (conflict.seen_version, conflict.stored_version) == (seen, seen + 1)
    assert conflict.mine == {"name": "Nâng cấp LGSP", "progress": 40}
    assert conflict.theirs == {"name": "Xây dựng nền tảng LGSP (bản 2)", "progress": 0.0}
    if isinstance(store, ServerStore):
        # The server's history says who made the version stored, and when; a file keeps none.
        assert conflict.changed_by == "postgres" and conflict.changed_at is not None
    else:
        assert (conflict.changed_by, conflict.changed_at) == (None, None)
    assert "was changed by someone else after you saw it" in refused.value.message


def test_an_edit_of_the_version_stored_is_made_and_moves_the_version_on(store: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _version(store, work)
    edits.update_task(store, work, seen=seen, notes="dòng 1")
    edits.update_task(store, work, seen=seen + 1, notes="dòng 1\ndòng 2")
    stored = records.task(store, work)
    assert stored is not None and (stored.notes, stored.version) == ("dòng 1\ndòng 2", seen + 2)


def test_an_edit_that_the_record_already_holds_is_no_conflict(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _version(store, work)
    edits.update_task(other, work, seen=seen, progress=50, notes="họ ghi")
    # The same figure typed in both windows: nothing of theirs is lost, so it is no conflict.
    edits.update_task(store, work, seen=seen, progress=50)
    stored = records.task(store, work)
    assert stored is not None and (stored.progress, stored.notes) == (50, "họ ghi")


def test_an_undo_moves_the_version_on_so_that_an_edit_from_the_undone_version_is_refused(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    edits.update_task(store, work, seen=_version(store, work), name="Tên tôi đặt")
    step = undo.last_step(store)
    assert step is not None
    their_view = _version(other, work)  # the other user sees my name
    undo.undo(store, step)
    # Someone edits the task as it now is; its version must not be one the other user saw.
    edits.update_task(store, work, seen=_version(store, work), name="Tên người thứ ba đặt")
    with pytest.raises(ConflictError):
        edits.update_task(other, work, seen=their_view, name="Tên người kia đặt")
    stored = records.task(store, work)
    assert stored is not None and stored.name == "Tên người thứ ba đặt"


def _record_edits(store: PlanStore, ids: Basics) -> dict[str, tuple[Callable[..., Any], Callable[[], int]]]:
    """For each kind of record users edit: how to change it with a seen version, and its stored version."""
    work = task(store, ids.plan, "Việc")
    other_task = task(store, ids.plan, "Việc khác")
    made = {
        "budget_line": new_id(
            add_budget_line(store, work, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=10).id
        ),
        "staff_line": new_id(add_staff_line(store, work, unit_id=ids.department, person_months=2).id),
        "progress_report": new_id(add_progress_report(store, work, as_of=D(2025, 3, 1), progress=10).id),
        "risk": new_id(add_risk(store, text="Chậm giải ngân", task_id=work).id),
        "dependency": new_id(add_dependency(store, work, other_task).id),
        "sedp": new_id(
            create_sedp(store, name="Kế hoạch 5 năm", unit_id=ids.ministry, start_year=2021, end_year=2025).id
        ),
        "goal": new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id),
    }
    made["indicator"] = new_id(
        create_indicator(store, goal_id=made["goal"], code="CT1", name="Dịch vụ công").id
    )

    def stored(read: Callable[..., Any], *key: Any) -> Callable[[], int]:
        return lambda: int(read(store, *key)[0].version)

    def one(read: Callable[..., Any], record_id: int) -> Callable[[], int]:
        return lambda: int(read(store, record_id).version)

    return {
        "budget_line": (
            lambda seen, n: edits.update_budget_line(store, made["budget_line"], seen=seen, planned=20 * n),
            stored(records.budget_lines_of, work),
        ),
        "staff_line": (
            lambda seen, n: edits.update_staff_line(
                store, made["staff_line"], seen=seen, person_months=3 * n
            ),
            stored(records.staff_lines_of, work),
        ),
        "progress_report": (
            lambda seen, n: edits.update_progress_report(
                store, made["progress_report"], seen=seen, progress=20 * n
            ),
            stored(records.progress_reports_of, work),
        ),
        "risk": (
            lambda seen, n: edits.update_risk(store, made["risk"], seen=seen, likelihood=n),
            stored(records.risks_of, "task_id", work),
        ),
        "dependency": (
            lambda seen, n: edits.update_dependency(store, made["dependency"], seen=seen, lag_days=2 * n),
            stored(records.predecessors_of, other_task),
        ),
        "action_plan": (
            lambda seen, n: edits.update_plan(store, ids.plan, seen=seen, decision_no=f"{n}/QĐ"),
            one(records.action_plan, ids.plan),
        ),
        "unit": (
            lambda seen, n: edits.update_unit(store, ids.department, seen=seen, short_name=f"CĐS {n}"),
            one(records.unit, ids.department),
        ),
        "strategy": (
            lambda seen, n: edits.update_strategy(store, ids.strategy, seen=seen, decision_no=f"{n}/QĐ-TTg"),
            one(records.strategy, ids.strategy),
        ),
        "socio_economic_plan": (
            lambda seen, n: edits.update_sedp(store, made["sedp"], seen=seen, name=f"Kế hoạch {n}"),
            one(records.sedp, made["sedp"]),
        ),
        "goal": (
            lambda seen, n: edits.update_goal(store, made["goal"], seen=seen, text=f"Chính phủ số {n}"),
            one(records.goal, made["goal"]),
        ),
        "indicator": (
            lambda seen, n: edits.update_indicator(store, made["indicator"], seen=seen, measure_unit=f"{n}%"),
            one(records.indicator, made["indicator"]),
        ),
    }


def test_every_kind_of_record_users_edit_refuses_an_edit_of_a_version_gone_by(store: PlanStore) -> None:
    kinds = _record_edits(store, basics(store))
    assert {"budget_line", "staff_line", "progress_report", "risk"} <= kinds.keys()
    for kind, (edit, version) in kinds.items():
        seen = version()
        edit(seen, 1)  # made: the version it saw is the stored one
        assert version() == seen + 1, kind
        before = snapshot(store, versions=True)
        with pytest.raises(ConflictError) as refused:
            edit(seen, 2)  # another edit from the version before: someone's change lies between
        assert refused.value.conflicts[0].table == kind, kind
        assert snapshot(store, versions=True) == before, kind


def test_a_report_on_several_tasks_is_all_or_nothing_when_one_of_them_changed(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    tasks = [task(store, ids.plan, f"Việc {number}") for number in range(3)]
    seen = {task_id: _version(store, task_id) for task_id in tasks}
    edits.update_task(other, tasks[1], seen=seen[tasks[1]], progress=70)
    before = snapshot(store, versions=True)
    with pytest.raises(ConflictError) as refused:
        edits.report_progress(store, tasks, as_of=D(2025, 6, 30), progress=50, remark="Quý II", seen=seen)
    assert snapshot(store, versions=True) == before
    [conflict] = refused.value.conflicts
    assert conflict.record_id == tasks[1]
    assert conflict.mine == {"progress": 50, "status": TaskStatus.IN_PROGRESS}
    assert conflict.theirs == {"progress": 70, "status": TaskStatus.NOT_STARTED}


def test_a_conflict_on_several_records_names_each_of_them(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    tasks = [task(store, ids.plan, f"Việc {number}") for number in range(3)]
    seen = {task_id: _version(store, task_id) for task_id in tasks}
    for task_id in tasks[:2]:
        edits.update_task(other, task_id, seen=seen[task_id], notes="đã sửa")
    with pytest.raises(ConflictError) as refused:
        edits.report_progress(store, tasks, as_of=D(2025, 6, 30), progress=10, seen=seen)
    assert [conflict.record_id for conflict in refused.value.conflicts] == tasks[:2]
    assert "2 records were changed by someone else" in refused.value.message
    assert "“Việc 0”, “Việc 1”" in refused.value.message


def test_moving_a_task_checks_the_version_of_the_task_moved(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "Nhóm")
    first = task(store, ids.plan, "Việc 1", parent_id=group)
    second = task(store, ids.plan, "Việc 2", parent_id=group)
    seen = _version(store, second)
    edits.update_task(other, second, seen=seen, name="Việc 2 (sửa)")
    before = snapshot(store, versions=True)
    for move in (
        lambda: edits.indent_task(store, second, seen=seen),
        lambda: edits.outdent_task(store, second, seen=seen),
        lambda: edits.move_task(store, second, parent_id=None, position=0, seen=seen),
        lambda: edits.reschedule_task(store, second, D(2025, 2, 3), D(2025, 2, 28), seen=seen),
        lambda: edits.set_task_timeline(store, second, "Quý II/2025", seen=seen),
        lambda: edits.set_task_units(store, second, [ids.department], seen=seen),
    ):
        with pytest.raises(ConflictError):
            move()
        assert snapshot(store, versions=True) == before
    # From the version stored, the same moves are made, each moving the version on.
    edits.indent_task(store, second, seen=seen + 1)
    assert records.task(store, second).parent_id == first  # type: ignore[union-attr]
    edits.outdent_task(store, second, seen=seen + 2)
    edits.set_task_units(store, second, [ids.department], seen=seen + 3)
    assert _version(store, second) == seen + 4


def test_a_task_added_or_moved_beside_another_does_not_refuse_the_others_edit(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Việc 1")
    second = task(store, ids.plan, "Việc 2")
    seen = _version(store, second)
    # Another user adds a task above it and moves the first below it: its place changes, not it.
    task(other, ids.plan, "Việc mới", position=0)
    edits.move_task(other, first, parent_id=None, position=2, seen=_version(other, first))
    edits.update_task(store, second, seen=seen, name="Việc 2 (sửa)")
    stored = records.task(store, second)
    assert stored is not None and stored.name == "Việc 2 (sửa)" and stored.position == 1


def test_an_edit_without_a_version_is_made_over_whatever_is_stored(store: PlanStore) -> None:
    # Scripts and the importer see no version: their edits are made as before.
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    edits.update_task(store, work, notes="một")
    edits.update_task(store, work, notes="hai")
    stored = records.task(store, work)
    assert stored is not None and stored.notes == "hai"


def test_on_a_server_a_row_changed_outside_dxplanner_gets_a_newer_version(server_url: str) -> None:
    store = open_server(server_url)
    try:
        ids = basics(store)
        work = task(store, ids.plan, "Việc")
        task(store, ids.plan, "Việc trên", position=0)
        seen = _version(store, work)
        with store.engine.begin() as connection:
            # psql: a change that says nothing of the version.
            connection.exec_driver_sql(f"UPDATE task SET notes = 'từ psql' WHERE id = {work}")
        assert _version(store, work) == seen + 1
        with pytest.raises(ConflictError):
            edits.update_task(store, work, seen=seen, notes="ghi đè")
        with store.engine.begin() as connection:
            # A place among siblings is no edit of the task.
            connection.exec_driver_sql(f"UPDATE task SET position = position + 5 WHERE id = {work}")
            # A statement that sets the version itself (an edit, an undo) is left as it is.
            connection.exec_driver_sql(
                f"UPDATE task SET notes = 'lại', version = {seen + 7} WHERE id = {work}"
            )
        assert _version(store, work) == seen + 7
    finally:
        store.close()
