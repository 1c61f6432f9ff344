"""The Gantt chart, the progress report and the dashboard show every task as the one plan projection does."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.status import Health
from dxplanner.store.chart_rows import strategy_chart
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.plan_store import PlanStore
from tests.unit.plan_agreement import (
    build_plan,
    check_chart,
    check_dashboard,
    check_report,
    check_strategy_chart,
    project,
)

D = datetime.date

DEMO_PLAN = 6  # the demo's 2026 plan: groups, a project with sub-tasks and work of its own
DEMO_STRATEGY = 1
TODAY = D(2026, 11, 20)


@pytest.mark.parametrize("as_of", [TODAY, D(2026, 6, 30)])
def test_the_demo_plan_reads_the_same_in_the_report_and_the_dashboard(
    demo_store: PlanStore, as_of: datetime.date
) -> None:
    check_report(demo_store, DEMO_PLAN, as_of, TODAY)
    check_dashboard(demo_store, DEMO_STRATEGY, DEMO_PLAN, as_of, TODAY)


def test_the_demo_plan_reads_the_same_on_its_chart_and_the_strategys(demo_store: PlanStore) -> None:
    check_chart(demo_store, DEMO_PLAN, TODAY)
    check_strategy_chart(demo_store, DEMO_STRATEGY, TODAY)
    check_dashboard(demo_store, DEMO_STRATEGY, None, TODAY, TODAY)


def test_a_plan_weighed_by_money_reads_the_same_in_every_view(store: PlanStore) -> None:
    built = build_plan(store)
    projection = project(store, built.plan, built.today, built.today)
    # The plan tries what it was built for: a project whose own share and sub-tasks both count.
    assert projection[built.project].own_work
    assert {task.health for task in projection} >= {Health.DONE, Health.PAUSED, Health.CANCELLED, Health.LATE}
    check_chart(store, built.plan, built.today)
    check_strategy_chart(store, built.strategy, built.today)
    for as_of in (built.today, D(2025, 3, 31)):
        check_report(store, built.plan, as_of, built.today)
        check_dashboard(store, built.strategy, built.plan, as_of, built.today)


def test_a_strategys_dashboard_stands_each_task_as_its_own_plan_does(store: PlanStore) -> None:
    """A strategy's dashboard counts a task of a plan weighed by money as that plan's sheet shows it."""
    built = build_plan(store)
    check_dashboard(store, built.strategy, None, built.today, built.today)


def test_a_plans_row_on_its_strategys_chart_shows_the_work_its_dashboard_shows_done(
    demo_store: PlanStore,
) -> None:
    """A plan's row is rolled up from its top rows as a group is, weighed as the plan weighs its tasks."""
    with demo_store.read() as session:
        rows = [bar for bar in strategy_chart(session, DEMO_STRATEGY, TODAY).bars if bar.task_id < 0]
    assert len(rows) == 6
    for row in rows:
        plan_id = -row.task_id
        whole = project(demo_store, plan_id, TODAY, TODAY).whole()
        with demo_store.read() as session:
            done = DashboardReader(lambda: TODAY).read(
                session, DashboardFilter(DEMO_STRATEGY, TODAY, plan_id)
            )
        assert (row.start, row.end) == (whole.start, whole.end)
        assert row.progress == pytest.approx(whole.progress)
        assert row.progress == pytest.approx(done.progress.actual_now)
