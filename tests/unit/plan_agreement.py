"""The one plan projection beside what the Gantt chart, the report and the dashboard show of each task.

`project` builds the projection of a plan from its stored rows, as the views do; the
`check_*` functions fail, naming the tasks, wherever a view shows another figure.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dxplanner.core.as_of import node_as_of
from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.core.projection import PlanProjection, ProjectedTask, project_plan
from dxplanner.core.status import Health
from dxplanner.store import queries
from dxplanner.store.chart_rows import plan_chart, strategy_chart
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.operations.plans import add_plan_day_off, create_plan, update_plan
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.report_data import read_report
from tests.unit.builders import basics, new_id, task

D = datetime.date

# A figure of every view, for one task: (number, depth, start, end, progress, standing).
Shown = tuple[str | None, int, datetime.date | None, datetime.date | None, float, Health | None]


def project(store: PlanStore, plan_id: int, as_of: datetime.date, today: datetime.date) -> PlanProjection:
    """The plan as it stood on as_of (a day gone by told by its progress reports), projected."""
    with store.read() as session:
        told, stated = queries.progress_reports(session, [plan_id])
        nodes = [
            node_as_of(node, told.get(node.id, ()), as_of, today, stated.get(node.id, ()))
            for node in queries.outline_nodes(session, [plan_id])
        ]
        calendar = queries.plan_calendar(session, plan_id)
        weight = queries.plan_weight(session, plan_id, calendar)
        codes = queries.task_codes(session, plan_id)
    return project_plan(nodes, calendar, as_of, weight, codes)


def expected(task: ProjectedTask, level: int = 0) -> Shown:
    """What every view must show of a projected task."""
    return (task.number, task.depth + level, task.start, task.end, task.progress, task.health)


def _differences(
    shown: Mapping[int, Shown], wanted: Mapping[int, Shown]
) -> dict[int, tuple[Shown | None, ...]]:
    return {
        task_id: (shown.get(task_id), wanted.get(task_id))
        for task_id in shown.keys() | wanted.keys()
        if shown.get(task_id) != wanted.get(task_id)
    }


def check_chart(store: PlanStore, plan_id: int, today: datetime.date) -> None:
    """The chart's rows are the projection's, in its order, with the same figures."""
    projection = project(store, plan_id, today, today)
    with store.read() as session:
        chart = plan_chart(session, plan_id, today)
    assert [bar.task_id for bar in chart.bars] == projection.order()
    shown = {
        bar.task_id: (bar.code, bar.level, bar.start, bar.end, bar.progress, bar.health) for bar in chart.bars
    }
    assert shown == {task.id: expected(task) for task in projection}, _differences(
        shown, {task.id: expected(task) for task in projection}
    )
    assert {bar.task_id for bar in chart.bars if bar.is_group} == {
        task.id for task in projection if task.has_children
    }
    assert {bar.task_id for bar in chart.bars if bar.is_milestone} == {
        task.id for task in projection if task.is_milestone
    }


def check_strategy_chart(store: PlanStore, strategy_id: int, today: datetime.date) -> None:
    """Each plan's tasks on a strategy's chart are the plan's projection, one level down."""
    with store.read() as session:
        chart = strategy_chart(session, strategy_id, today)
        plan_ids = [plan.id for plan in queries.plans(session, strategy_id)]
    wanted: dict[int, Shown] = {}
    for plan_id in plan_ids:
        wanted |= {task.id: expected(task, level=1) for task in project(store, plan_id, today, today)}
    shown = {
        bar.task_id: (bar.code, bar.level, bar.start, bar.end, bar.progress, bar.health)
        for bar in chart.bars
        if bar.task_id > 0
    }
    assert shown == wanted, _differences(shown, wanted)


def check_report(store: PlanStore, plan_id: int, as_of: datetime.date, today: datetime.date) -> None:
    """The report's rows are the projection's on its day, with what it counts and how late it says."""
    projection = project(store, plan_id, as_of, today)
    report = read_report(store, plan_id, as_of, today)
    assert [row.task_id for row in report.rows] == projection.order()
    shown = {
        row.task_id: (row.code, row.level, row.start, row.end, row.progress, row.health)
        for row in report.rows
    }
    wanted = {task.id: expected(task) for task in projection}
    assert shown == wanted, _differences(shown, wanted)
    assert {row.task_id: (row.is_group, row.counted, row.days_late) for row in report.rows} == {
        task.id: (task.has_children, task.counts_as_task, task.days_late) for task in projection
    }


@dataclass(frozen=True)
class Standing:
    """What the dashboard shows of tasks: how many stand where under each lead unit, and which are flagged."""

    units: Sequence[Mapping[Health, int]]
    attention: Mapping[int, tuple[Health, int]]


def dashboard_standing(data: DashboardData) -> Standing:
    """The dashboard's counts by unit (in a fixed order) and its attention list."""
    units = sorted((dict(load.counts) for load in data.units), key=lambda counts: sorted(counts.items()))
    return Standing(units, {item.task_id: (item.health, item.days_late) for item in data.attention})


def projected_standing(store: PlanStore, projections: list[PlanProjection]) -> Standing:
    """What the dashboard must show of the projected plans' work."""
    work = [task for projection in projections for task in projection.work()]
    with store.read() as session:
        leads = {
            task_id: row.lead_unit_id
            for task_id, row in queries.sheet_rows(session, [t.id for t in work]).items()
        }
    counts: dict[int | None, Counter[Health]] = {}
    for item in work:
        counts.setdefault(leads[item.id], Counter())[item.health] += 1
    units = sorted(
        (dict(counted) for counted in counts.values()), key=lambda counted: sorted(counted.items())
    )
    attention = {
        task.id: (task.health, task.days_late)
        for task in work
        if task.health in (Health.LATE, Health.AT_RISK)
    }
    return Standing(units, attention)


def check_dashboard(
    store: PlanStore, strategy_id: int | None, plan_id: int | None, as_of: datetime.date, today: datetime.date
) -> None:
    """The dashboard counts each plan's work as its projection stands it (a strategy: all its plans)."""
    with store.read() as session:
        data = DashboardReader(lambda: today).read(session, DashboardFilter(strategy_id, as_of, plan_id))
        plan_ids = (
            [plan_id] if plan_id is not None else [plan.id for plan in queries.plans(session, strategy_id)]
        )
    projections = [project(store, each, as_of, today) for each in plan_ids]
    assert dashboard_standing(data) == projected_standing(store, projections)


@dataclass(frozen=True)
class Built:
    """A plan built to try the roll-ups: its ids, and the day it is looked at."""

    strategy: int
    plan: int
    other_plan: int
    project: int  # its own 10% and a finished sub-task, weighed by money
    today: datetime.date


def build_plan(store: PlanStore) -> Built:
    """A 2025 plan weighed by money, with a day off, groups whose tasks hold work of their own, every status.

    And a second plan of the same strategy, weighed by working days, so that the strategy's
    dashboard and chart cover two plans that weigh their tasks differently.
    """
    ids = basics(store)
    plan = ids.plan
    update_plan(store, plan, progress_weight="budget")
    add_plan_day_off(store, plan, D(2025, 5, 5), "Nghỉ bù")

    def add(
        name: str, parent: int | None, span: str = "", money: int = 0, into: int = plan, **fields: Any
    ) -> int:
        """A task (the department's unless told), dated "dd/mm-dd/mm" in 2025, with money of its own."""
        if span:
            start, end = (D(2025, int(day[3:]), int(day[:2])) for day in span.split("-"))
            fields |= {"planned_start": start, "planned_end": end}
        added = task(store, into, name, parent_id=parent, **({"lead_unit_id": ids.department} | fields))
        if money:
            add_budget_line(store, added, source="central_budget", year=2025, planned=money)
        return added

    group = add("Hạ tầng số", None, kind="group", code="I")
    project = add(
        "Trung tâm dữ liệu tỉnh", group, "02/01-31/12", kind="project", progress=10, status="in_progress"
    )
    add("Thiết kế", project, "02/01-31/01", 10_000_000_000, progress=100, status="completed")
    build = add("Xây dựng", project, "03/02-28/11", 30_000_000_000, progress=20)
    add_progress_report(store, build, as_of=D(2025, 3, 31), progress=5)
    add_progress_report(store, build, as_of=D(2025, 6, 2), progress=20)
    # A task with its own work and sub-tasks of its own, one level further down.
    add("Điện toán đám mây", build, "03/03-30/05", 5_000_000_000, progress=40)
    add("Bỏ", build, "03/03-04/04", status="cancelled")
    late = add("Quy chế", group, "06/01-30/04", progress=60, lead_unit_id=ids.ministry)
    add_progress_report(store, late, as_of=D(2025, 2, 28), progress=30)
    add_progress_report(store, late, as_of=D(2025, 5, 15), progress=60)
    second = add("Dữ liệu", None, kind="group")  # no code: numbered by its place
    add("Tạm dừng", second, "03/02-30/09", progress=30, status="suspended", lead_unit_id=ids.ministry)
    add("Chưa có ngày", second, progress=50, lead_unit_id=None)
    add("Nghiệm thu", second, "30/06-30/06", kind="milestone")
    add("Hoàn thành sớm", second, "03/03-29/08", progress=80, status="completed")
    add("Nhóm trống", None, kind="group")
    other = new_id(
        create_plan(
            store,
            name="Kế hoạch chuyển đổi số 2025 (bổ sung)",
            unit_id=ids.ministry,
            strategy_id=ids.strategy,
            start=D(2025, 1, 1),
            end=D(2025, 12, 31),
        ).id
    )
    portal = add("Cổng dịch vụ công", None, "02/01-31/12", into=other, progress=10)
    add("Thanh toán trực tuyến", portal, "02/01-28/02", into=other, progress=90)
    return Built(ids.strategy, plan, other, project, D(2025, 6, 30))
