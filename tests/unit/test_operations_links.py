"""Dependencies (no cycles), budget and staff lines, progress reports and risks."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import select

from dxplanner.core.enums import DependencyType, TaskStatus
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.models import BudgetLine, Dependency, ProgressReport, Risk, StaffLine, Task
from dxplanner.store.changes import Entity
from dxplanner.store.operations.dependencies import add_dependency, delete_dependency, update_dependency
from dxplanner.store.operations.progress import (
    add_progress_report,
    delete_progress_report,
    update_progress_report,
)
from dxplanner.store.operations.resources import (
    add_budget_line,
    add_staff_line,
    delete_budget_line,
    delete_staff_line,
    update_budget_line,
    update_staff_line,
)
from dxplanner.store.operations.risks import add_risk, delete_risk, update_risk
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date


def test_dependencies_are_added_changed_and_removed(store: PlanStore) -> None:
    ids = basics(store)
    design = task(store, ids.plan, "Thiết kế")
    build = task(store, ids.plan, "Xây dựng")
    link = new_id(add_dependency(store, design, build, type="SS", lag_days=5).id)
    update_dependency(store, link, type="FS", lag_days=0)
    with store.read() as session:
        stored = session.get(Dependency, link)
        assert stored is not None and (stored.type, stored.lag_days) == (DependencyType.FS, 0)
    delete_dependency(store, link)
    assert snapshot(store)["dependency"] == []


def test_a_dependency_cycle_is_refused(store: PlanStore) -> None:
    ids = basics(store)
    a = task(store, ids.plan, "Khảo sát")
    b = task(store, ids.plan, "Thiết kế")
    c = task(store, ids.plan, "Triển khai")
    add_dependency(store, a, b)
    add_dependency(store, b, c)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="would make a cycle: Triển khai already depends"):
        add_dependency(store, c, a)
    with pytest.raises(InvalidInputError, match="cannot depend on itself"):
        add_dependency(store, a, a)
    with pytest.raises(InvalidInputError, match="Thiết kế already depends on Khảo sát"):
        add_dependency(store, a, b)
    with pytest.raises(InvalidInputError, match="Link type cannot be 'XX'"):
        add_dependency(store, a, c, type="XX")
    with pytest.raises(DomainError, match="Successor task #999 does not exist"):
        add_dependency(store, a, 999)
    assert snapshot(store) == before


def test_a_task_cannot_depend_on_its_own_group(store: PlanStore) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "I. Dữ liệu", kind="group")
    child = task(store, ids.plan, "1. Kho dữ liệu", parent_id=group)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="its own group"):
        add_dependency(store, group, child)
    with pytest.raises(InvalidInputError, match="its own group"):
        add_dependency(store, child, group)
    assert snapshot(store) == before


def test_budget_lines(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Xây dựng trung tâm dữ liệu")
    line = new_id(
        add_budget_line(
            store,
            task_id,
            source="central_budget",
            year=2025,
            planned=120_000_000_000,
            allocated=100_000_000_000,
        ).id
    )
    update_budget_line(store, line, disbursed=40_000_000_000)
    with store.read() as session:
        stored = session.get(BudgetLine, line)
        assert stored is not None and (stored.planned, stored.allocated, stored.disbursed) == (
            120_000_000_000,
            100_000_000_000,
            40_000_000_000,
        )
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Planned amount must be at least 0, not -1"):
        add_budget_line(store, task_id, source="oda", year=2025, planned=-1)
    with pytest.raises(InvalidInputError, match="disbursed amount is more than the allocated amount"):
        update_budget_line(store, line, disbursed=100_000_000_001)
    with pytest.raises(InvalidInputError, match="already has a budget line for that source and year"):
        add_budget_line(store, task_id, source="central_budget", year=2025, planned=1)
    with pytest.raises(InvalidInputError, match="Funding source cannot be 'bank'"):
        add_budget_line(store, task_id, source="bank", year=2025, planned=1)
    with pytest.raises(InvalidInputError, match="Planned amount is too large"):
        add_budget_line(store, task_id, source="oda", year=2025, planned=10**19)
    with pytest.raises(InvalidInputError, match="Planned amount must be a whole number"):
        add_budget_line(store, task_id, source="oda", year=2025, planned=1.5)
    assert snapshot(store) == before
    delete_budget_line(store, line)
    assert snapshot(store)["budget_line"] == []


def test_staff_lines(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Đào tạo cán bộ")
    line = new_id(add_staff_line(store, task_id, unit_id=ids.department, person_months=6).id)
    update_staff_line(store, line, person_months=7.5)
    with store.read() as session:
        stored = session.get(StaffLine, line)
        assert stored is not None and stored.person_months == 7.5
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="already has a staff line for that unit"):
        add_staff_line(store, task_id, unit_id=ids.department, person_months=1)
    with pytest.raises(InvalidInputError, match="Person-months must be at least 0"):
        update_staff_line(store, line, person_months=-2)
    with pytest.raises(DomainError, match="Unit #31 does not exist"):
        add_staff_line(store, task_id, unit_id=31, person_months=1)
    assert snapshot(store) == before
    delete_staff_line(store, line)
    assert snapshot(store)["staff_line"] == []


def test_the_newest_progress_report_sets_the_task(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Kết nối NDXP")
    add_progress_report(store, task_id, as_of=D(2025, 3, 31), progress=30, remark="Đang thử nghiệm")
    changes = add_progress_report(store, task_id, as_of=D(2025, 6, 30), progress=100, author="Cục CĐS")
    assert Entity.TASK in changes.entities
    # A late-arriving report about an earlier date does not override the newer one.
    add_progress_report(store, task_id, as_of=D(2025, 2, 28), progress=10)
    with store.read() as session:
        stored = session.get(Task, task_id)
        assert stored is not None and (stored.progress, stored.status) == (100, TaskStatus.COMPLETED)
        newest = session.exec(select(ProgressReport).where(ProgressReport.as_of == D(2025, 6, 30))).one()
    update_progress_report(store, new_id(newest.id), progress=90, status="in_progress")
    with store.read() as session:
        stored = session.get(Task, task_id)
        assert stored is not None and (stored.progress, stored.status) == (90, TaskStatus.IN_PROGRESS)
    delete_progress_report(store, new_id(newest.id))
    with store.read() as session:
        stored = session.get(Task, task_id)
        assert stored is not None and (stored.progress, stored.status) == (30, TaskStatus.IN_PROGRESS)


def test_a_reports_difficulty_and_proposal_are_corrected_in_the_task_form(store: PlanStore) -> None:
    """A unit's form brings them in; the task's progress reports table lets the secretariat correct them."""
    ids = basics(store)
    task_id = task(store, ids.plan, "Triển khai LGSP")
    report = add_progress_report(store, task_id, as_of=D(2025, 3, 31), progress=30)
    update_progress_report(
        store, new_id(report.id), difficulty="Thiếu kinh phí", proposal="Bổ sung vốn năm 2025"
    )
    with store.read() as session:
        stored = session.get(ProgressReport, new_id(report.id))
        assert stored is not None and (stored.difficulty, stored.proposal) == (
            "Thiếu kinh phí",
            "Bổ sung vốn năm 2025",
        )


def test_invalid_progress_reports_are_refused(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Số hóa hồ sơ")
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Progress must be between 0 and 100, not 101"):
        add_progress_report(store, task_id, as_of=D(2025, 3, 31), progress=101)
    with pytest.raises(InvalidInputError, match="Report date must be given"):
        add_progress_report(store, task_id, as_of=None, progress=10)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="Status cannot be 'done'"):
        add_progress_report(store, task_id, as_of=D(2025, 3, 31), progress=10, status="done")
    with pytest.raises(DomainError, match="Task #9 does not exist"):
        add_progress_report(store, 9, as_of=D(2025, 3, 31), progress=10)
    assert snapshot(store) == before


def test_risks_of_a_strategy_a_plan_and_a_task(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Giám sát an toàn thông tin (SOC)")
    for owner in ({"strategy_id": ids.strategy}, {"plan_id": ids.plan}, {"task_id": task_id}):
        add_risk(store, text="Thiếu kinh phí", category="financial", likelihood=4, impact=5, **owner)
    risk = new_id(add_risk(store, task_id=task_id, text="Tấn công mạng", category="security").id)
    update_risk(
        store,
        risk,
        likelihood=5,
        mitigation="Giám sát 24/7",
        owner_unit_id=ids.department,
        status="mitigating",
    )
    with store.read() as session:
        assert len(session.exec(select(Risk)).all()) == 4
        stored = session.get(Risk, risk)
        assert stored is not None and (stored.likelihood, stored.owner_unit_id) == (5, ids.department)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Likelihood must be between 1 and 5, not 6"):
        update_risk(store, risk, likelihood=6)
    with pytest.raises(InvalidInputError, match="Impact must be between 1 and 5, not 0"):
        add_risk(store, task_id=task_id, text="X", impact=0)
    with pytest.raises(InvalidInputError, match="exactly one strategy, action plan or task"):
        add_risk(store, plan_id=ids.plan, task_id=task_id, text="X")
    with pytest.raises(InvalidInputError, match="Risk must not be empty"):
        add_risk(store, plan_id=ids.plan, text=" ")
    with pytest.raises(DomainError, match="Owner #12 does not exist"):
        update_risk(store, risk, owner_unit_id=12)
    assert snapshot(store) == before
    delete_risk(store, risk)
    with store.read() as session:
        assert len(session.exec(select(Risk)).all()) == 3


def test_deleting_the_only_report_keeps_the_task_and_the_add_said_what_it_replaced(store: PlanStore) -> None:
    ids = basics(store)
    task_id = task(store, ids.plan, "Số hóa hồ sơ", progress=5)
    added = add_progress_report(store, task_id, as_of=D(2025, 3, 31), progress=50)
    assert added.previous == {"task_progress": 5, "task_status": TaskStatus.NOT_STARTED}
    delete_progress_report(store, new_id(added.id))
    with store.read() as session:
        stored = session.get(Task, task_id)
        assert stored is not None and (stored.progress, stored.status) == (50, TaskStatus.IN_PROGRESS)


def test_a_cycle_through_a_group_is_refused(store: PlanStore) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "I. Dữ liệu", kind="group")
    inside = task(
        store,
        ids.plan,
        "Kho dữ liệu",
        parent_id=group,
        planned_start=D(2025, 3, 3),
        planned_end=D(2025, 3, 7),
    )
    outside = task(
        store, ids.plan, "Cổng dữ liệu mở", planned_start=D(2025, 3, 10), planned_end=D(2025, 3, 14)
    )
    add_dependency(store, group, outside)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=r"cycle through a group: .*Cổng dữ liệu mở"):
        add_dependency(store, outside, inside)
    assert snapshot(store) == before


# A link the planned dates break at once is refused with the reason, as a move on the Gantt is.
DESIGN = (D(2025, 3, 3), D(2025, 3, 14))  # Monday to Friday of the next week: 10 working days
BUILD = (D(2025, 3, 10), D(2025, 3, 12))  # starts and ends before the design is done


@pytest.mark.parametrize(
    ("kind", "broken_lag", "holding_lag", "rule"),
    [
        ("FS", 0, -5, "“Xây dựng” can only start after “Thiết kế” ends, but it is planned to start"),
        (
            "SS",
            6,
            5,
            "“Xây dựng” can only start after “Thiết kế” starts (with a lag of 6 working days), but it",
        ),
        ("FF", 0, -2, "“Xây dựng” can only end after “Thiết kế” ends, but it is planned to end"),
        ("SF", 10, 8, "“Xây dựng” can only end after “Thiết kế” starts (with a lag of 10 working days), but"),
    ],
)
def test_a_link_the_planned_dates_break_at_once_is_refused_with_the_reason(
    store: PlanStore, kind: str, broken_lag: int, holding_lag: int, rule: str
) -> None:
    ids = basics(store)
    design = task(store, ids.plan, "Thiết kế", planned_start=DESIGN[0], planned_end=DESIGN[1])
    build = task(store, ids.plan, "Xây dựng", planned_start=BUILD[0], planned_end=BUILD[1])
    before = snapshot(store)
    with pytest.raises(InvalidInputError) as refused:
        add_dependency(store, design, build, type=kind, lag_days=broken_lag)
    assert refused.value.message.startswith(f"This link is refused: {rule}")
    assert refused.value.message.endswith("Move one of the two tasks first.")
    assert snapshot(store) == before
    # With a lag the dates keep, the same link is taken; a change of lag that breaks it is refused.
    link = new_id(add_dependency(store, design, build, type=kind, lag_days=holding_lag).id)
    taken = snapshot(store)
    with pytest.raises(InvalidInputError, match="This link is refused: "):
        update_dependency(store, link, lag_days=broken_lag)
    assert snapshot(store) == taken


def test_the_refusal_of_a_link_spells_out_the_finish_to_start_rule_and_covers_groups(
    store: PlanStore,
) -> None:
    ids = basics(store)
    design = task(store, ids.plan, "Thiết kế", planned_start=DESIGN[0], planned_end=DESIGN[1])
    build = task(store, ids.plan, "Xây dựng", planned_start=BUILD[0], planned_end=BUILD[1])
    with pytest.raises(InvalidInputError) as refused:
        add_dependency(store, design, build)
    assert refused.value.message == (
        "This link is refused: “Xây dựng” can only start after “Thiết kế” ends, but it is planned to "
        "start before that. Move one of the two tasks first."
    )
    # A group's span is that of the tasks inside it.
    group = task(store, ids.plan, "Nhóm triển khai", kind="group")
    task(store, ids.plan, "Lắp đặt", parent_id=group, planned_start=D(2025, 3, 5), planned_end=D(2025, 3, 20))
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="“Nhóm triển khai” can only start after “Thiết kế” ends"):
        add_dependency(store, design, group)
    assert snapshot(store) == before
    # A change of type that breaks a link is refused too; one that keeps it is taken.
    link = new_id(add_dependency(store, design, build, type="SS").id)
    with pytest.raises(InvalidInputError, match="can only end after “Thiết kế” ends"):
        update_dependency(store, link, type="FF")
    update_dependency(store, link, lag_days=5)
