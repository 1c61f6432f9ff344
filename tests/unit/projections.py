"""What the Gantt chart, the progress report and the dashboard show of one plan, side by side."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.report import STATUS_GROUP, StatusGroup
from dxplanner.core.schedule import critical_path
from dxplanner.core.status import Health
from dxplanner.store import queries
from dxplanner.store.chart_rows import plan_chart
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.report_data import read_report

TODAY = datetime.date(2026, 11, 20)


@dataclass(frozen=True)
class Figures:
    """What a view shows of one task: its progress (whole percent, as shown), standing and span."""

    progress: int
    health: Health | None
    start: datetime.date | None
    end: datetime.date | None


@dataclass(frozen=True)
class Projection:
    """The plan as the Gantt chart, the report and the dashboard show it, once they agree."""

    tasks: dict[int, Figures]
    critical: frozenset[int]
    counts: dict[StatusGroup, int]
    money: int
    attention: dict[int, Health]


def _shown(progress: float) -> int:
    # Every view prints progress as a whole percent.
    return round(progress)


def projection(store: PlanStore, plan_id: int, today: datetime.date = TODAY) -> Projection:
    """Read the plan through the chart, the report and the dashboard; fail where they disagree."""
    report = read_report(store, plan_id, today, today)
    strategy_id = chart_strategy(store, plan_id)
    with store.read() as session:
        chart = plan_chart(session, plan_id, today, critical=True)
        nodes = queries.outline_nodes(session, [plan_id])
        links = queries.plan_links(session, [plan_id])
        calendar = queries.plan_calendar(session, plan_id)
        dashboard = DashboardReader(lambda: today).read(
            session, DashboardFilter(strategy_id=strategy_id, as_of=today, plan_id=plan_id)
        )
        stored_money = sum(fact.planned for fact in queries.budget_facts(session, [plan_id]))
    gantt = {bar.task_id: Figures(_shown(bar.progress), bar.health, bar.start, bar.end) for bar in chart.bars}
    reported = {
        row.task_id: Figures(_shown(row.progress), row.health, row.start, row.end) for row in report.rows
    }
    assert gantt == reported, {
        key: (gantt.get(key), reported.get(key)) for key in gantt if gantt[key] != reported.get(key)
    }
    # The chart marks what the schedule engine computes for the structure as it now is.
    engine = frozenset(
        task_id for task_id, timing in critical_path(nodes, links, calendar).items() if timing.critical
    )
    assert chart.critical == engine
    # The dashboard counts the same work as the report, each task in the same standing.
    by_unit: Counter[StatusGroup] = Counter()
    for load in dashboard.units:
        for state, count in load.counts.items():
            by_unit[STATUS_GROUP[state]] += count
    assert {group: by_unit.get(group, 0) for group in StatusGroup} == dict(report.counts)
    attention = {item.task_id: item.health for item in dashboard.attention}
    for item in dashboard.attention:
        row = next(row for row in report.rows if row.task_id == item.task_id)
        assert (row.health, row.days_late) == (item.health, item.days_late)
    # Money: the report's and the dashboard's totals are every budget line of the plan.
    report_money = sum(money.planned for _source, money in report.budget)
    dashboard_money = sum(money.planned for _source, money in dashboard.budget.by_source)
    assert report_money == dashboard_money == stored_money
    return Projection(reported, chart.critical, dict(report.counts), report_money, attention)


def chart_strategy(store: PlanStore, plan_id: int) -> int | None:
    """The strategy a plan belongs to (the dashboard is read within it)."""
    from dxplanner.core.models import ActionPlan

    with store.read() as session:
        plan = session.get(ActionPlan, plan_id)
        assert plan is not None
        return plan.strategy_id
