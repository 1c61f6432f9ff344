"""The dashboard's numbers on a small file made for the purpose: the cases the demo plan does not have."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.core.errors import NotFoundError
from dxplanner.store.dashboard_data import DashboardReader, under_links
from dxplanner.store.operations.plans import add_plan_day_off
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.tasks import update_task
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date
AS_OF = D(2025, 12, 31)
TODAY = D(2026, 1, 15)
SPAN: dict[str, Any] = {"planned_start": D(2025, 3, 3), "planned_end": D(2025, 3, 14)}  # two working weeks


def _read(
    store: PlanStore, plan_id: int | None = None, strategy_id: int | None = 1, as_of: datetime.date = AS_OF
) -> DashboardData:
    with store.read() as session:
        return DashboardReader(lambda: TODAY).read(
            session, DashboardFilter(strategy_id, as_of, plan_id=plan_id)
        )


def test_a_completed_task_counts_as_done_whatever_progress_was_typed(store: PlanStore) -> None:
    ids = basics(store)
    done = task(store, ids.plan, "Xong", **SPAN)
    task(store, ids.plan, "Chưa", **SPAN)
    update_task(store, done, status="completed", progress=60)
    progress = _read(store, ids.plan).progress
    assert progress.actual_now == pytest.approx(50.0)
    assert progress.actual[-1] == pytest.approx(50.0)  # and does not fall back to 60% of it later


def test_the_newest_of_a_days_reports_is_the_one_that_counts(store: PlanStore) -> None:
    ids = basics(store)
    corrected = task(store, ids.plan, "Sửa báo cáo", **SPAN)
    add_progress_report(store, corrected, as_of=D(2025, 3, 10), progress=80)
    add_progress_report(store, corrected, as_of=D(2025, 3, 10), progress=30)  # a correction, same day
    assert _read(store, ids.plan).progress.actual_now == pytest.approx(30.0)


def test_progress_typed_now_is_not_seen_in_a_past_view(store: PlanStore) -> None:
    ids = basics(store)
    typed = task(store, ids.plan, "Nhập tay", **SPAN)
    update_task(store, typed, progress=40)
    assert _read(store, ids.plan, as_of=D(2025, 6, 1)).progress.actual_now == pytest.approx(0.0)
    assert _read(store, ids.plan, as_of=D(2026, 2, 1)).progress.actual_now == pytest.approx(40.0)


def test_one_plan_is_scheduled_with_its_own_days_off(store: PlanStore) -> None:
    ids = basics(store)
    task(store, ids.plan, "Một tuần", planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 7))
    mid_week = D(2025, 3, 5)
    before = _read(store, ids.plan, as_of=mid_week).progress.planned_now  # 3 of 5 days due
    add_plan_day_off(store, ids.plan, D(2025, 3, 4))
    after = _read(store, ids.plan, as_of=mid_week).progress.planned_now  # 2 of 4 days due
    assert (before, after) == pytest.approx((60.0, 50.0))


def test_units_going_by_the_same_short_name_stay_apart(store: PlanStore) -> None:
    ids = basics(store)
    first, second = (
        new_id(
            create_unit(
                store,
                code=code,
                name=f"Phòng Văn hóa {place}",
                short_name="Phòng VH",
                kind="department",
                parent_id=ids.ministry,
            ).id
        )
        for code, place in (("VH-A", "huyện A"), ("VH-B", "huyện B"))
    )
    for lead in (first, second, second):
        task(store, ids.plan, "Số hóa", lead_unit_id=lead, **SPAN)
    loads = {load.unit: load.total for load in _read(store, ids.plan).units}
    assert loads == {"Phòng VH (VH-A)": 1, "Phòng VH (VH-B)": 2}


def test_a_view_near_the_end_of_the_calendar_reads_without_error(store: PlanStore) -> None:
    ids = basics(store)
    task(store, ids.plan, "Xa", **SPAN)
    progress = _read(store, ids.plan, as_of=D(9999, 12, 20)).progress
    assert progress.dates[-1] == D(9999, 12, 20) and progress.planned_now == pytest.approx(100.0)


@st.composite
def _forests(draw: st.DrawFn) -> tuple[dict[int, int | None], set[int]]:
    """A random outline (each task's parent an earlier task, or none) and some tasks linked to a goal."""
    count = draw(st.integers(0, 40))
    parent_of = {
        task_id: draw(st.one_of(st.none(), st.integers(1, task_id - 1))) if task_id > 1 else None
        for task_id in range(1, count + 1)
    }
    shuffled = dict(draw(st.permutations(list(parent_of.items()))))
    return shuffled, draw(st.sets(st.integers(1, max(1, count)), max_size=6))


@given(_forests())
def test_a_pillars_tasks_are_those_linked_or_under_a_linked_task(
    tree: tuple[dict[int, int | None], set[int]],
) -> None:
    """Each task's answer is worked out once; here, by walking up from every task to the top."""
    parent_of, linked = tree

    def under_a_link(task_id: int | None) -> bool:
        return task_id is not None and (task_id in linked or under_a_link(parent_of.get(task_id)))

    assert under_links(parent_of, linked) == {task_id for task_id in parent_of if under_a_link(task_id)}


def test_a_plan_is_read_on_its_own_and_a_missing_one_or_strategy_is_refused(store: PlanStore) -> None:
    ids = basics(store)
    task(store, ids.plan, "Một mình", **SPAN)
    alone = _read(store, ids.plan, strategy_id=None)
    assert alone.title == "Kế hoạch triển khai năm 2025" and alone.progress.dates
    assert alone.title != _read(store, strategy_id=ids.strategy).title
    for plan_id, strategy_id, message in (
        (ids.plan + 99, None, "no action plan with id"),
        (None, ids.strategy + 99, "no strategy with id"),
    ):
        with pytest.raises(NotFoundError, match=message):
            _read(store, plan_id, strategy_id=strategy_id)
