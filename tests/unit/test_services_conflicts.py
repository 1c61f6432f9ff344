"""A refused edit as the window shows it (mine and theirs, field by field) and the edit each choice makes."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from dxplanner.core.enums import TaskStatus
from dxplanner.services import conflicts, edits, records
from dxplanner.services.conflicts import ConflictError, Edit
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_store import ServerStore, open_server
from tests.unit.builders import basics, task

D = datetime.date


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def other(store: PlanStore) -> Iterator[PlanStore]:
    """A second user's store on the same plan."""
    opened = (
        open_server(store.location)
        if isinstance(store, ServerStore)
        else open_plan_file(store.path, lock=False)
    )
    yield opened
    opened.close()


def _task_edit(task_id: int, seen: int, **fields: Any) -> Edit:
    return conflicts.one_record(
        "task",
        task_id,
        seen,
        fields,
        lambda plan, version, values: edits.update_task(plan, task_id, seen=version, **values),
    )


def _stored(store: OpenPlan, task_id: int) -> records.TaskRecord:
    found = records.task(store, task_id)
    assert found is not None
    return found


def _refused(store: OpenPlan, edit: Edit) -> ConflictError:
    with pytest.raises(ConflictError) as refused:
        edit.run(store)
    return refused.value


def test_the_differences_are_the_fields_both_set_otherwise_as_the_user_reads_them(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Xây dựng LGSP", planned_start=D(2025, 2, 3), planned_end=D(2025, 6, 30))
    seen = _stored(store, work).version
    edits.update_task(
        other, work, seen=seen, lead_unit_id=ids.ministry, planned_start=D(2025, 3, 3), notes="họ"
    )
    edit = _task_edit(
        work, seen, lead_unit_id=ids.department, planned_start=D(2025, 4, 1), status=TaskStatus.IN_PROGRESS
    )
    [shown] = conflicts.differences(store, _refused(store, edit), lambda day: day.strftime("%d/%m/%Y"))
    assert shown.title == "Task “Xây dựng LGSP”"
    rows = {row.field: (row.label, row.mine_text, row.theirs_text) for row in shown.fields}
    assert rows == {
        "lead_unit_id": ("Lead unit", "Cục Chuyển đổi số quốc gia", "Bộ Thông tin và Truyền thông"),
        "planned_start": ("Start", "01/04/2025", "03/03/2025"),
        "status": ("Status", "In progress", "Not started"),
    }


def test_keeping_mine_writes_my_fields_over_their_version_and_keeps_their_other_changes(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, name="Việc (họ sửa)", notes="ghi chú của họ")
    edit = _task_edit(work, seen, name="Việc (tôi sửa)", progress=30)
    refused = _refused(store, edit)
    again = conflicts.again(edit, refused, {work: {"name", "progress"}})
    assert again is not None and again.seen == {work: seen + 1}
    again.run(store)
    stored = _stored(store, work)
    assert (stored.name, stored.progress, stored.notes) == ("Việc (tôi sửa)", 30, "ghi chú của họ")


def test_taking_theirs_writes_nothing(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, name="Việc (họ sửa)")
    edit = _task_edit(work, seen, name="Việc (tôi sửa)")
    assert conflicts.again(edit, _refused(store, edit), None) is None
    assert _stored(store, work).name == "Việc (họ sửa)"


def test_merging_keeps_mine_where_chosen_and_theirs_elsewhere(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, name="Tên của họ", product="Sản phẩm của họ")
    edit = _task_edit(work, seen, name="Tên của tôi", product="Sản phẩm của tôi", notes="ghi chú của tôi")
    # The dialog lists notes too: theirs is empty, and only the user can say whether that was meant.
    refused = _refused(store, edit)
    [shown] = conflicts.differences(store, refused, str)
    assert [row.field for row in shown.fields] == ["name", "product", "notes"]
    again = conflicts.again(edit, refused, {work: {"product", "notes"}})
    assert again is not None
    assert again.fields == {work: {"product": "Sản phẩm của tôi", "notes": "ghi chú của tôi"}}
    again.run(store)
    stored = _stored(store, work)
    assert (stored.name, stored.product, stored.notes) == (
        "Tên của họ",
        "Sản phẩm của tôi",
        "ghi chú của tôi",
    )


def test_merging_to_theirs_in_every_field_writes_nothing(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, name="Tên của họ")
    edit = _task_edit(work, seen, name="Tên của tôi")
    assert conflicts.again(edit, _refused(store, edit), {work: set()}) is None


def test_a_report_on_several_tasks_made_again_reports_the_tasks_kept(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    tasks = [task(store, ids.plan, f"Việc {number}") for number in range(3)]
    seen = {task_id: _stored(store, task_id).version for task_id in tasks}
    edits.update_task(other, tasks[0], seen=seen[tasks[0]], progress=80)
    edit = Edit(
        "task",
        seen,
        {task_id: {"progress": 40.0, "status": TaskStatus.IN_PROGRESS} for task_id in tasks},
        lambda plan, made: edits.report_progress_each(
            plan,
            {task_id: (values["progress"], values["status"]) for task_id, values in made.fields.items()},
            as_of=D(2025, 6, 30),
            seen=made.seen,
        ),
    )
    refused = _refused(store, edit)
    # Theirs for the task they reported on; the others are reported as meant.
    again = conflicts.again(edit, refused, {tasks[0]: set()})
    assert again is not None and set(again.fields) == set(tasks[1:])
    again.run(store)
    assert [_stored(store, task_id).progress for task_id in tasks] == [80, 40, 40]
    assert [len(records.progress_reports_of(store, task_id)) for task_id in tasks] == [0, 1, 1]


def test_every_field_an_edit_can_set_has_a_name_in_vietnamese() -> None:
    from dxplanner.i18n import set_language

    set_language("vi")
    labels = conflicts.field_labels("task")
    assert labels["planned_start"] == "Bắt đầu" and labels["lead_unit_id"] == "Đơn vị chủ trì"


def _task_edit_from(task_id: int, seen: int, base: dict[str, Any], **fields: Any) -> Edit:
    return conflicts.one_record(
        "task",
        task_id,
        seen,
        fields,
        lambda plan, version, values: edits.update_task(plan, task_id, seen=version, **values),
        base,
    )


def test_a_change_made_meanwhile_to_other_fields_settles_itself_and_both_stand(
    store: PlanStore, other: PlanStore
) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", notes="ghi chú")
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, notes="ghi chú của họ")
    # I saw the name "Việc" and typed over it; they changed the notes, which I did not touch.
    edit = _task_edit_from(work, seen, {"name": "Việc"}, name="Việc (tôi sửa)")
    refused = _refused(store, edit)
    assert conflicts.settles_itself(edit, refused)
    again = conflicts.again(edit, refused, {})
    assert again is not None
    again.run(store)
    stored = _stored(store, work)
    assert (stored.name, stored.notes) == ("Việc (tôi sửa)", "ghi chú của họ")


def test_only_the_fields_both_changed_are_in_conflict(store: PlanStore, other: PlanStore) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", progress=10)
    seen = _stored(store, work).version
    edits.update_task(other, work, seen=seen, progress=30)
    # My progress edit also moved the status; they left the status as I saw it.
    edit = _task_edit_from(
        work,
        seen,
        {"progress": 10, "status": TaskStatus.NOT_STARTED},
        progress=60,
        status=TaskStatus.IN_PROGRESS,
    )
    refused = _refused(store, edit)
    assert not conflicts.settles_itself(edit, refused)
    [shown] = conflicts.differences(store, refused, str, edit)
    assert [row.field for row in shown.fields] == ["progress"]
    # Merging with their progress still writes my status, which they did not touch.
    again = conflicts.again(edit, refused, {work: set()})
    assert again is not None and again.fields == {work: {"status": TaskStatus.IN_PROGRESS}}
    again.run(store)
    stored = _stored(store, work)
    assert (stored.progress, stored.status) == (30, TaskStatus.IN_PROGRESS)
