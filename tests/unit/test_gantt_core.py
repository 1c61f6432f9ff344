"""What the Gantt chart rests on, without Qt: the time axis, shifting by working days, link rules,
rescheduling a task, and the rows of a plan's and a strategy's chart."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import select

from dxplanner.core.enums import DependencyType
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.gantt_bar import GanttChart
from dxplanner.core.gantt_scale import (
    MAX_PX_PER_DAY,
    MIN_PX_PER_DAY,
    TimeScale,
    TimeUnit,
    bands,
    cell_label,
    fit_zoom,
    header_cells,
    unit_start,
)
from dxplanner.core.link_rules import broken_by_move, link_holds
from dxplanner.core.models import Task
from dxplanner.core.rollup import Rolled, TaskNode
from dxplanner.core.schedule import Link
from dxplanner.core.workdays import shift_span, vietnam_calendar
from dxplanner.i18n import set_language
from dxplanner.store.chart_rows import plan_chart, running_plan, strategy_chart
from dxplanner.store.operations.dependencies import add_dependency
from dxplanner.store.operations.reschedule import reschedule_task
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, task

D = datetime.date
CALENDAR = vietnam_calendar()


# The time axis.


@given(st.dates(D(2000, 1, 1), D(2100, 12, 31)), st.floats(MIN_PX_PER_DAY, MAX_PX_PER_DAY))
def test_a_day_is_drawn_where_the_axis_puts_it(day: D, px_per_day: float) -> None:
    scale = TimeScale(D(2020, 1, 1), px_per_day)
    assert scale.day_at(scale.x_of(day) + px_per_day / 2) == day


@pytest.mark.parametrize(
    ("px_per_day", "expected"),
    [
        (30.0, (TimeUnit.MONTH, TimeUnit.DAY)),
        (8.0, (TimeUnit.MONTH, TimeUnit.WEEK)),
        (2.0, (TimeUnit.YEAR, TimeUnit.MONTH)),
        (0.5, (TimeUnit.YEAR, TimeUnit.QUARTER)),
        (0.2, (TimeUnit.YEAR, TimeUnit.HALF)),
    ],
)
def test_the_header_bands_follow_the_zoom(px_per_day: float, expected: tuple[TimeUnit, TimeUnit]) -> None:
    assert bands(px_per_day) == expected


@given(st.dates(D(2000, 1, 1), D(2090, 1, 1)), st.integers(0, 4000), st.sampled_from(list(TimeUnit)))
def test_header_cells_cover_the_span_without_gaps(first: D, days: int, unit: TimeUnit) -> None:
    last = first + datetime.timedelta(days=days)
    cells = header_cells(unit, first, last)
    assert cells[0].start <= first and cells[-1].end > last
    assert all(left.end == right.start for left, right in itertools.pairwise(cells))
    assert all(unit_start(cell.start, unit) == cell.start for cell in cells)


def test_five_year_cells_follow_the_national_plans_and_labels_follow_the_language() -> None:
    assert [cell.start.year for cell in header_cells(TimeUnit.FIVE_YEARS, D(2024, 5, 1), D(2027, 1, 1))] == [
        2021,
        2026,
    ]
    quarter = header_cells(TimeUnit.QUARTER, D(2026, 11, 20), D(2026, 11, 20))[0]
    month = header_cells(TimeUnit.MONTH, D(2026, 11, 20), D(2026, 11, 20))[0]
    set_language("en")
    assert (cell_label(quarter, 200), cell_label(quarter, 30), cell_label(month, 40)) == (
        "Q4/2026",
        "Q4",
        "Nov",
    )
    set_language("vi")
    try:
        assert (cell_label(quarter, 200), cell_label(month, 200)) == ("Quý 4/2026", "T11/2026")
    finally:
        set_language("en")


def test_fitting_a_plan_uses_the_width_within_the_zoom_limits() -> None:
    assert fit_zoom(D(2026, 1, 1), D(2026, 12, 31), 730) == pytest.approx(2.0)
    assert fit_zoom(D(2026, 1, 1), D(2026, 1, 1), 5000) == MAX_PX_PER_DAY
    assert fit_zoom(D(1900, 1, 1), D(2100, 1, 1), 100) == MIN_PX_PER_DAY


# Shifting a task by working days.


def test_a_week_later_is_five_working_days_for_both_ends() -> None:
    # 02/01/2026 is a Friday; Tết 2026 falls on 14-22 February.
    assert shift_span(CALENDAR, D(2026, 11, 2), D(2026, 11, 6), 7) == (D(2026, 11, 9), D(2026, 11, 13))
    assert shift_span(CALENDAR, D(2026, 11, 9), D(2026, 11, 13), -7) == (D(2026, 11, 2), D(2026, 11, 6))
    start, end = shift_span(CALENDAR, D(2026, 2, 9), D(2026, 2, 13), 7)
    assert CALENDAR.working_days(start, end) == 5 and start > D(2026, 2, 13)


@given(st.dates(D(2024, 1, 1), D(2028, 12, 31)), st.integers(0, 60), st.integers(-200, 200))
def test_shifting_keeps_the_working_days_of_a_task(start: D, length: int, days: int) -> None:
    end = start + datetime.timedelta(days=length)
    before = max(1, CALENDAR.working_days(start, end))
    new_start, new_end = shift_span(CALENDAR, start, end, days)
    assert CALENDAR.is_working_day(new_start)
    assert CALENDAR.working_days(new_start, new_end) == before
    first = CALENDAR.day_at(CALENDAR.index_on_or_after(start))  # where the task begins work
    assert new_start >= first if days >= 0 else new_start < first


# Link rules.


def _rolled(start: D, end: D) -> Rolled:
    return Rolled(start, end, 0.0, 1.0)


@pytest.mark.parametrize(
    ("kind", "lag", "second", "holds"),
    [
        (DependencyType.FS, 0, (D(2026, 11, 9), D(2026, 11, 13)), True),  # starts the next Monday
        (DependencyType.FS, 0, (D(2026, 11, 6), D(2026, 11, 13)), False),  # starts the day the first ends
        (DependencyType.FS, 2, (D(2026, 11, 10), D(2026, 11, 13)), False),  # two working days' lag
        (DependencyType.FS, 2, (D(2026, 11, 11), D(2026, 11, 13)), True),
        (DependencyType.SS, 0, (D(2026, 11, 2), D(2026, 11, 3)), True),
        (DependencyType.FF, 0, (D(2026, 11, 3), D(2026, 11, 5)), False),
        (DependencyType.SF, 0, (D(2026, 10, 26), D(2026, 11, 2)), True),
        (DependencyType.SF, 0, (D(2026, 10, 26), D(2026, 10, 29)), False),
    ],
)
def test_a_link_holds_as_the_scheduler_counts_it(
    kind: DependencyType, lag: int, second: tuple[D, D], holds: bool
) -> None:
    spans = {1: _rolled(D(2026, 11, 2), D(2026, 11, 6)), 2: _rolled(*second)}
    assert link_holds(Link(1, 2, kind, lag), spans, {}, CALENDAR) is holds


def test_only_links_a_move_breaks_refuse_it_and_groups_count() -> None:
    nodes = [
        TaskNode(1, None, 0, D(2026, 1, 5), D(2026, 1, 9), 0.0),
        TaskNode(2, None, 1, D(2026, 1, 12), D(2026, 1, 16), 0.0),
        TaskNode(3, None, 2, None, None, 0.0),  # a group
        TaskNode(4, 3, 0, D(2026, 1, 19), D(2026, 1, 23), 0.0),
        TaskNode(5, None, 3, D(2026, 1, 1), D(2026, 1, 2), 0.0),
    ]
    links = [Link(1, 2), Link(2, 3), Link(5, 1, DependencyType.SS, 10)]  # the last is broken already
    assert broken_by_move(1, D(2026, 1, 6), D(2026, 1, 9), nodes, links, CALENDAR) == []
    assert broken_by_move(1, D(2026, 1, 12), D(2026, 1, 16), nodes, links, CALENDAR) == [Link(1, 2)]
    # Moving a task inside the group earlier breaks the link into the group.
    assert broken_by_move(4, D(2026, 1, 14), D(2026, 1, 16), nodes, links, CALENDAR) == [Link(2, 3)]


# The operation.


def test_rescheduling_moves_a_task_or_refuses_with_the_reason_and_changes_nothing(store: PlanStore) -> None:
    ids = basics(store)
    design = task(store, ids.plan, "Thiết kế", planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 14))
    build = task(store, ids.plan, "Xây dựng", planned_start=D(2025, 3, 17), planned_end=D(2025, 4, 30))
    add_dependency(store, design, build)
    changes = reschedule_task(store, design, D(2025, 3, 4), D(2025, 3, 14))
    assert changes.id == design

    before = snapshot(store)
    with pytest.raises(InvalidInputError) as refused:
        reschedule_task(store, design, D(2025, 3, 10), D(2025, 3, 20))
    assert refused.value.message == (
        "This change is refused: “Xây dựng” can only start after “Thiết kế” ends."
    )
    with pytest.raises(InvalidInputError, match="is before the start"):
        reschedule_task(store, build, D(2025, 4, 1), D(2025, 3, 30))
    assert snapshot(store) == before
    group = task(store, ids.plan, "Nhóm")
    task(store, ids.plan, "Con", parent_id=group, planned_start=D(2025, 5, 5), planned_end=D(2025, 5, 9))
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="come from the tasks inside it"):
        reschedule_task(store, group, D(2025, 5, 1), D(2025, 5, 2))
    assert snapshot(store) == before


# The rows of a chart.


def test_the_demo_plan_and_strategy_charts_list_every_task_parents_first(demo_path: Path) -> None:
    store = open_plan_file(demo_path, read_only=True)
    try:
        with store.read() as session:
            assert running_plan(session, D(2026, 11, 20)) == 6
            chart = plan_chart(session, 6, D(2026, 11, 20), critical=True)
            strategy = strategy_chart(session, 1, D(2026, 11, 20))
            with pytest.raises(NotFoundError):
                plan_chart(session, 999, D(2026, 11, 20))
    finally:
        store.close()
    assert len(chart.bars) == 69 and len(chart.links) == 8
    seen: set[int] = set()
    for bar in chart.bars:
        assert bar.level == 0 or any(
            other.task_id in seen for other in chart.bars if other.level == bar.level - 1
        )
        seen.add(bar.task_id)
    groups = [bar for bar in chart.bars if bar.is_group]
    assert [bar.code for bar in groups if bar.level == 0] == ["I", "II", "III", "IV", "V", "VI"]
    assert chart.critical and chart.span() == (D(2026, 1, 1), D(2027, 12, 31))
    plans = [bar for bar in strategy.bars if bar.level == 0]
    assert len(plans) == 6 and all(bar.task_id < 0 and bar.is_group for bar in plans)
    assert len(strategy.bars) == 423


def test_a_link_into_another_plan_also_refuses_a_move(demo_path: Path) -> None:
    store = open_plan_file(demo_path)
    try:
        # A task of the 2025 plan (id 5) that a task of the 2026 plan comes after.
        with store.read() as session:
            earlier = session.exec(select(Task).where(Task.plan_id == 5, Task.kind == "task")).first()
            later = session.get(Task, 353)  # 01/07/2026 - 30/09/2026
            assert earlier is not None and later is not None and earlier.planned_end < later.planned_start  # type: ignore[operator]
            earlier_id, start = earlier.id, earlier.planned_start
        add_dependency(store, earlier_id, 353)  # type: ignore[arg-type]
        before = snapshot(store)
        with pytest.raises(InvalidInputError, match="can only start after"):
            reschedule_task(store, earlier_id, start, D(2026, 8, 1))  # type: ignore[arg-type]
        assert snapshot(store) == before
    finally:
        store.close()


def test_a_page_of_the_chart_draws_the_links_whose_two_tasks_it_shows() -> None:
    """A printed page draws a link only when both its tasks are on it, in the chart's order."""
    links = [Link(1, 2), Link(2, 9), Link(3, 1, DependencyType.SS, 2), Link(4, 3), Link(9, 8)]
    chart = GanttChart("Kế hoạch", [], links, CALENDAR, D(2026, 1, 5))
    assert chart.links_among({1, 2, 3}) == [Link(1, 2), Link(3, 1, DependencyType.SS, 2)]
    assert chart.links_among({8, 9}) == [Link(9, 8)]
    assert chart.links_among({5, 6}) == []
