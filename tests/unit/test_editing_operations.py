"""The operations behind the editor's gestures: paste rows, report on many tasks, baselines, merging units."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import col, select

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Dependency, ProgressReport, StaffLine, Task, TaskUnit, Unit
from dxplanner.store.operations.paste import PasteField, paste_tasks
from dxplanner.store.operations.plans import set_baseline
from dxplanner.store.operations.progress import report_progress
from dxplanner.store.operations.resources import add_staff_line
from dxplanner.store.operations.tasks import set_task_units, update_task
from dxplanner.store.operations.units import create_unit, merge_units
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date
F = PasteField
COLUMNS = [F.CODE, F.NAME, F.LEAD_UNIT, F.COOPERATING, F.TIMELINE, F.START, F.END, F.PROGRESS, F.STATUS]


def _names(store: PlanStore, plan: int) -> list[str]:
    with store.read() as session:
        return list(
            session.exec(select(Task.name).where(Task.plan_id == plan).order_by(col(Task.position))).all()
        )


def test_a_block_copied_from_a_spreadsheet_becomes_tasks(store: PlanStore) -> None:
    ids = basics(store)
    rows = [
        [
            "1",
            "Nâng cấp LGSP",
            "cuc chuyen doi so",
            "bo thong tin",
            "Quý II/2025",
            "",
            "",
            "30%",
            "Đang thực hiện",
        ],
        ["", "", "", "", "", "", "", "", ""],  # an empty row between blocks
        ["2", "Kết nối NDXP", "BTTTT", "", "", "01/07/2025", "30/9/2025", "0", "not started"],
        ["3", "Báo cáo định kỳ", "CDS", "", "Hằng năm", "", "", "", ""],
    ]
    changes = paste_tasks(store, ids.plan, COLUMNS, rows)
    assert len(changes.created[next(iter(changes.created))]) == 3
    with store.read() as session:
        pasted = session.exec(select(Task).order_by(col(Task.position))).all()
        assert [item.name for item in pasted] == ["Nâng cấp LGSP", "Kết nối NDXP", "Báo cáo định kỳ"]
        first, second, third = pasted
        assert (first.planned_start, first.planned_end, first.progress) == (D(2025, 4, 1), D(2025, 6, 30), 30)
        assert first.status is TaskStatus.IN_PROGRESS and first.lead_unit_id == ids.department
        assert session.exec(select(TaskUnit.unit_id).where(TaskUnit.task_id == first.id)).all() == [
            ids.ministry
        ]
        assert (second.planned_start, second.planned_end) == (D(2025, 7, 1), D(2025, 9, 30))
        assert (third.planned_start, third.planned_end) == (D(2025, 1, 1), D(2025, 12, 31))  # the plan's year


def test_pasted_rows_go_where_the_cursor_is(store: PlanStore) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "I", kind="group")
    task(store, ids.plan, "a", parent_id=group)
    task(store, ids.plan, "d", parent_id=group)
    paste_tasks(store, ids.plan, [F.NAME], [["b"], ["c"]], parent_id=group, position=1)
    with store.read() as session:
        inside = session.exec(
            select(Task.name).where(Task.parent_id == group).order_by(col(Task.position))
        ).all()
    assert inside == ["a", "b", "c", "d"]


def test_rows_pasted_among_many_siblings_move_each_sibling_once(store: PlanStore) -> None:
    """Room for the pasted rows is made once: each task after them moves once, not once per row."""
    from dxplanner.store.journal import RowChange

    ids = basics(store)
    for name in ("a", "b", "c", "d", "e"):
        task(store, ids.plan, name)
    before = snapshot(store)
    paste_tasks(store, ids.plan, [F.NAME], [["x"], [""], ["y"], ["z"]], position=1)
    with store.read() as session:
        rows = session.exec(select(Task.name, Task.position).order_by(col(Task.position))).all()
    assert [tuple(row) for row in rows] == [(name, at) for at, name in enumerate("axyzbcde")]
    journal = store.last_journal
    moved = [
        change
        for change in journal.changes
        if isinstance(change, RowChange) and change.table == "task" and change.before and change.after
    ]
    assert sorted(change.after["name"] for change in moved if change.after) == ["b", "c", "d", "e"]
    store.replay(journal.undo)
    assert snapshot(store) == before


def test_a_pasted_number_already_used_by_a_sibling_is_left_to_the_place(store: PlanStore) -> None:
    """Copies pasted beside the tasks they were copied from showed the same numbers twice (2, 2, 3, 3)."""
    ids = basics(store)
    group = task(store, ids.plan, "I", kind="group")
    for number, name in (("1", "a"), ("2", "b"), ("3", "c")):
        task(store, ids.plan, name, parent_id=group, code=number)
    rows = [["2", "b (bản sao)"], ["3", "c (bản sao)"], ["N01", "mới"], ["N01", "mới nữa"]]
    paste_tasks(store, ids.plan, [F.CODE, F.NAME], rows, parent_id=group, position=1)
    with store.read() as session:
        inside = session.exec(
            select(Task.code, Task.name).where(Task.parent_id == group).order_by(col(Task.position))
        ).all()
    assert [tuple(row) for row in inside] == [
        ("1", "a"),
        (None, "b (bản sao)"),
        (None, "c (bản sao)"),
        ("N01", "mới"),
        (None, "mới nữa"),
        ("2", "b"),
        ("3", "c"),
    ]


def _tree(store: PlanStore, plan: int) -> list[tuple[str, str | None, int, str | None]]:
    """Each task as (name, its parent's name, position, code), parents first."""
    with store.read() as session:
        tasks = session.exec(select(Task).where(Task.plan_id == plan)).all()
    names = {item.id: item.name for item in tasks}
    rows = [(item.name, names.get(item.parent_id), item.position, item.code) for item in tasks]
    return sorted(rows, key=lambda row: (row[1] or "", row[2]))


def test_rows_pasted_with_their_levels_come_back_as_a_tree_in_one_undoable_step(store: PlanStore) -> None:
    """A group copied with its tasks pastes back as the group with its tasks, not as a flat list."""
    ids = basics(store)
    for name in ("a", "b"):
        task(store, ids.plan, name)
    before = snapshot(store)
    rows = [["1", "Nhóm"], ["1", "con 1"], ["", "cháu"], ["2", "con 2"], ["", "sau"], ["1", "con của sau"]]
    changes = paste_tasks(store, ids.plan, [F.CODE, F.NAME], rows, position=1, levels=[0, 1, 2, 1, 0, 1])
    assert sum(len(created) for created in changes.created.values()) == 6
    assert _tree(store, ids.plan) == [
        ("a", None, 0, None),
        ("Nhóm", None, 1, None),  # "1" is a's number already: the row takes its place's
        ("sau", None, 2, None),
        ("b", None, 3, None),
        ("con 1", "Nhóm", 0, "1"),
        ("con 2", "Nhóm", 1, "2"),
        ("cháu", "con 1", 0, None),
        ("con của sau", "sau", 0, "1"),
    ]
    store.replay(store.last_journal.undo)
    assert snapshot(store) == before


def test_links_between_pasted_rows_are_made_between_their_tasks_and_undone_with_them(
    store: PlanStore,
) -> None:
    ids = basics(store)
    before = snapshot(store)
    rows = [
        ["Khảo sát", "01/02/2025", "28/02/2025"],
        ["Thiết kế", "01/03/2025", "31/03/2025"],
        ["Triển khai", "10/03/2025", "30/06/2025"],
    ]
    links = [(1, 2, "FS", 0), (2, 3, "SS", 2), (3, 9, "FS", 0)]  # (row 9 was not pasted: left out)
    paste_tasks(store, ids.plan, [F.NAME, F.START, F.END], rows, links=links)
    with store.read() as session:
        names = {item.id: item.name for item in session.exec(select(Task)).all()}
        made = {
            (names[link.predecessor_id], names[link.successor_id], link.type.value, link.lag_days)
            for link in session.exec(select(Dependency)).all()
        }
    assert made == {("Khảo sát", "Thiết kế", "FS", 0), ("Thiết kế", "Triển khai", "SS", 2)}
    store.replay(store.last_journal.undo)
    assert snapshot(store) == before


def test_a_pasted_link_the_rows_dates_break_stops_the_paste_and_says_which_rows(store: PlanStore) -> None:
    ids = basics(store)
    before = snapshot(store)
    rows = [["Sau", "01/03/2025", "31/03/2025"], ["Trước", "01/02/2025", "28/02/2025"]]
    with pytest.raises(InvalidInputError, match="Pasted rows 1 and 2: This link is refused"):
        paste_tasks(store, ids.plan, [F.NAME, F.START, F.END], rows, links=[(1, 2, "FS", 0)])
    assert snapshot(store) == before
    # Rows copied in a sheet bring a link the plan held broken: the tasks come, without that link.
    changes = paste_tasks(
        store, ids.plan, [F.NAME, F.START, F.END], rows, links=[(1, 2, "FS", 0)], copied=True
    )
    assert sum(len(made) for made in changes.created.values()) == 2
    with store.read() as session:
        assert session.exec(select(Dependency)).all() == []


def test_pasted_links_that_go_round_in_a_circle_are_refused_naming_the_rows(store: PlanStore) -> None:
    ids = basics(store)
    before = snapshot(store)
    rows = [["A", "01/02/2025", "28/02/2025"], ["B", "01/02/2025", "28/02/2025"]]
    links = [(1, 2, "SS", 0), (2, 1, "SS", 0)]  # (a clipboard no copy makes)
    with pytest.raises(InvalidInputError, match="Pasted rows 2 and 1: This link would make a cycle"):
        paste_tasks(store, ids.plan, [F.NAME, F.START, F.END], rows, links=links)
    with pytest.raises(InvalidInputError, match="Pasted rows 1 and 2: Link type cannot be 'XY'"):
        paste_tasks(store, ids.plan, [F.NAME, F.START, F.END], rows, links=[(1, 2, "XY", 0)])
    assert snapshot(store) == before


def test_levels_that_skip_a_step_or_start_below_nothing_are_read_as_the_nearest_possible(
    store: PlanStore,
) -> None:
    ids = basics(store)
    rows = [["x"], ["y"], [""], ["z"]]  # (the empty row is left out, its level with it)
    paste_tasks(store, ids.plan, [F.NAME], rows, levels=[2, 4, 0, 1])
    assert _tree(store, ids.plan) == [("x", None, 0, None), ("y", "x", 0, None), ("z", "x", 1, None)]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["x", "Tên", "Không có đơn vị này", "", "", "", "", "", ""],
            "Pasted row 2: Lead unit: no unit is called",
        ),
        (
            ["x", "Tên", "", "", "", "31/02/2025", "", "", ""],
            "Pasted row 2: Start: '31/02/2025' is not a date",
        ),
        (["x", "Tên", "", "", "", "", "", "120%", ""], "Pasted row 2: Progress must be between 0 and 100"),
        (["x", "Tên", "", "", "", "", "", "", "xong rồi"], "Pasted row 2: Status cannot be 'xong rồi'"),
        (["x", "", "", "", "", "", "", "", ""], "Pasted row 2: Task name must not be empty"),
        (["x", "Tên", "", "", "", "30/6/2025", "1/6/2025", "", ""], "Pasted row 2: Tên: the end"),
    ],
)
def test_a_bad_row_stops_the_whole_paste(store: PlanStore, row: list[str], message: str) -> None:
    ids = basics(store)
    before = snapshot(store)
    good = ["1", "Hợp lệ", "", "", "", "", "", "", ""]
    with pytest.raises(InvalidInputError, match=message):
        paste_tasks(store, ids.plan, COLUMNS, [good, row])
    assert snapshot(store) == before


def test_pasting_only_empty_rows_says_so(store: PlanStore) -> None:
    ids = basics(store)
    with pytest.raises(InvalidInputError, match="nothing to paste"):
        paste_tasks(store, ids.plan, [F.NAME], [[""], ["  "]])


def test_kinds_and_statuses_read_in_either_language(store: PlanStore) -> None:
    ids = basics(store)
    paste_tasks(
        store,
        ids.plan,
        [F.NAME, F.KIND, F.STATUS],
        [["A", "Dự án", "Hoàn thành"], ["B", "milestone", "tạm dừng"]],
    )
    with store.read() as session:
        rows = session.exec(select(Task.kind, Task.status).order_by(col(Task.position))).all()
    assert [tuple(row) for row in rows] == [
        (TaskKind.PROJECT, TaskStatus.COMPLETED),
        (TaskKind.MILESTONE, TaskStatus.SUSPENDED),
    ]


def test_the_standings_the_sheet_shows_read_back_as_statuses(store: PlanStore) -> None:
    # Rows copied from the sheet carry its status column, which shows standings such as "Late".
    ids = basics(store)
    shown = [["Late"], ["Chậm tiến độ"], ["Đúng tiến độ"], ["Done"], ["Not started"]]
    paste_tasks(
        store, ids.plan, [F.NAME, F.STATUS], [[f"Việc {number}", *row] for number, row in enumerate(shown)]
    )
    with store.read() as session:
        statuses = session.exec(select(Task.status).order_by(col(Task.position))).all()
    assert statuses == [
        TaskStatus.IN_PROGRESS,
        TaskStatus.IN_PROGRESS,
        TaskStatus.IN_PROGRESS,
        TaskStatus.COMPLETED,
        TaskStatus.NOT_STARTED,
    ]


def test_a_pasted_status_and_figure_are_kept_in_agreement(store: PlanStore) -> None:
    # A group copied from the sheet carries its rolled-up figure beside its own status ("26%",
    # "Done"): the task pasted from it must show the figure it was pasted with, as a typed one does.
    ids = basics(store)
    rows = [
        ["Nhóm đã chép", "26%", "Done"],
        ["Chỉ trạng thái", "", "Hoàn thành"],
        ["Chỉ con số", "100%", ""],
        ["Con số ít hơn", "40", "Chưa bắt đầu"],
        ["Tạm dừng", "40", "Tạm dừng"],
    ]
    paste_tasks(store, ids.plan, [F.NAME, F.PROGRESS, F.STATUS], rows)
    with store.read() as session:
        pasted = session.exec(select(Task.progress, Task.status).order_by(col(Task.position))).all()
    assert [tuple(row) for row in pasted] == [
        (26, TaskStatus.IN_PROGRESS),
        (100, TaskStatus.COMPLETED),
        (100, TaskStatus.COMPLETED),
        (40, TaskStatus.IN_PROGRESS),
        (40, TaskStatus.SUSPENDED),
    ]


def test_report_progress_on_several_tasks_at_once(store: PlanStore) -> None:
    ids = basics(store)
    first, second = task(store, ids.plan, "A"), task(store, ids.plan, "B")
    report_progress(store, [first, second], as_of=D(2025, 6, 30), progress=40, remark="Đúng tiến độ")
    with store.read() as session:
        reports = session.exec(select(ProgressReport.task_id, ProgressReport.remark)).all()
        progress = session.exec(select(Task.progress)).all()
    assert sorted(tuple(row) for row in reports) == [(first, "Đúng tiến độ"), (second, "Đúng tiến độ")]
    assert progress == [40, 40]
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Progress must be between"):
        report_progress(store, [first, second], as_of=D(2025, 6, 30), progress=120)
    with pytest.raises(InvalidInputError, match="Choose the tasks"):
        report_progress(store, [], as_of=D(2025, 6, 30), progress=10)
    assert snapshot(store) == before


def test_a_report_without_a_figure_keeps_each_tasks_own(store: PlanStore) -> None:
    ids = basics(store)
    first, second = task(store, ids.plan, "A"), task(store, ids.plan, "B")
    update_task(store, first, progress=30, status=TaskStatus.SUSPENDED)
    update_task(store, second, progress=100, status=TaskStatus.COMPLETED)
    report_progress(store, [first, second], as_of=D(2025, 6, 30), progress=None, remark="Rà soát")
    with store.read() as session:
        reports = session.exec(
            select(ProgressReport.task_id, ProgressReport.progress, ProgressReport.status)
        ).all()
        tasks = session.exec(select(Task.id, Task.progress, Task.status)).all()
    # Neither a figure nor a status given: each task keeps its own (a suspended one stays so).
    assert sorted(tuple(row) for row in reports) == [
        (first, 30, TaskStatus.SUSPENDED),
        (second, 100, TaskStatus.COMPLETED),
    ]
    assert sorted(tuple(row) for row in tasks) == [
        (first, 30, TaskStatus.SUSPENDED),
        (second, 100, TaskStatus.COMPLETED),
    ]


def test_set_baseline_copies_the_planned_dates(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "A", planned_start=D(2025, 3, 1), planned_end=D(2025, 3, 31))
    set_baseline(store, ids.plan)
    update_task(store, task_id, planned_end=D(2025, 4, 15))
    with store.read() as session:
        stored = session.get(Task, task_id)
        assert stored is not None
        assert (stored.baseline_start, stored.baseline_end, stored.planned_end) == (
            D(2025, 3, 1),
            D(2025, 3, 31),
            D(2025, 4, 15),
        )


def test_merging_two_units_moves_everything_to_the_one_kept(store: PlanStore) -> None:
    ids = basics(store)
    old = new_id(create_unit(store, code="BKHDT", name="Bộ Kế hoạch và Đầu tư").id)
    child = new_id(create_unit(store, code="BKHDT-1", name="Vụ trực thuộc", parent_id=old).id)
    led = task(store, ids.plan, "Do Bộ KH&ĐT chủ trì", lead_unit_id=old)
    shared = task(
        store, ids.plan, "Phối hợp cả hai", lead_unit_id=ids.department, cooperating=[old, ids.ministry]
    )
    add_staff_line(store, shared, unit_id=old, person_months=2)
    add_staff_line(store, shared, unit_id=ids.ministry, person_months=3)
    merge_units(store, ids.ministry, old)
    with store.read() as session:
        assert session.get(Unit, old) is None
        moved = session.get(Unit, child)
        assert moved is not None and moved.parent_id == ids.ministry
        lead = session.get(Task, led)
        assert lead is not None and lead.lead_unit_id == ids.ministry
        assert session.exec(select(TaskUnit.unit_id).where(TaskUnit.task_id == shared)).all() == [
            ids.ministry
        ]
        assert session.exec(select(StaffLine.person_months).where(StaffLine.task_id == shared)).all() == [5]
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="cannot be merged into itself"):
        merge_units(store, ids.ministry, ids.ministry)
    with pytest.raises(InvalidInputError, match="lies under"):
        merge_units(store, ids.department, ids.ministry)
    assert snapshot(store) == before


def test_merging_drops_a_cooperation_that_became_the_lead(store: PlanStore) -> None:
    ids = basics(store)
    other = new_id(create_unit(store, code="X", name="Đơn vị X").id)
    shared = task(store, ids.plan, "A", lead_unit_id=ids.ministry)
    set_task_units(store, shared, [other])
    merge_units(store, ids.ministry, other)
    with store.read() as session:
        assert session.exec(select(TaskUnit)).all() == []
