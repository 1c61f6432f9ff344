"""The chart service: the rows of a plan's or a strategy's Gantt chart, the dashboard's charts, saving one."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.services import charts
from dxplanner.store.plan_store import PlanStore


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def demo_store(demo_plan_store: PlanStore) -> PlanStore:
    """The demo plan, in a plan file and on the PostgreSQL server."""
    return demo_plan_store


TODAY = datetime.date(2026, 11, 20)
PLAN_2026, STRATEGY = 6, 1  # the demo's plan of 2026 and its strategy


def test_with_nothing_named_the_chart_is_of_the_plan_running_today_with_its_critical_path(
    demo_store: PlanStore,
) -> None:
    chart = charts.gantt_chart(demo_store, TODAY)
    assert chart == charts.gantt_chart(demo_store, TODAY, plan_id=PLAN_2026)
    assert chart == charts.plan_chart(demo_store, PLAN_2026, TODAY, critical=True)
    assert len(chart.bars) == 69 and chart.critical and chart.today == TODAY
    assert not charts.plan_chart(demo_store, PLAN_2026, TODAY).critical  # marked only when asked


def test_a_strategy_chart_has_a_group_row_for_each_of_its_plans(demo_store: PlanStore) -> None:
    chart = charts.gantt_chart(demo_store, TODAY, strategy_id=STRATEGY)
    assert chart == charts.strategy_chart(demo_store, STRATEGY, TODAY)
    plans = [bar for bar in chart.bars if bar.level == 0]
    assert len(plans) == 6 and all(bar.task_id < 0 and bar.is_group for bar in plans)


def test_what_is_not_there_is_refused_by_name(demo_store: PlanStore, store: PlanStore) -> None:
    with pytest.raises(NotFoundError, match="no action plan with id 999"):
        charts.gantt_chart(demo_store, TODAY, plan_id=999)
    with pytest.raises(NotFoundError, match="no strategy with id 999"):
        charts.gantt_chart(demo_store, TODAY, strategy_id=999)
    with pytest.raises(NotFoundError, match="no action plan to draw"):
        charts.gantt_chart(store, TODAY)


@pytest.mark.parametrize("kind", charts.DASHBOARD_KINDS)
def test_each_dashboard_chart_is_saved_as_the_suffix_says(
    kind: str, demo_store: PlanStore, tmp_path: Path
) -> None:
    figure = charts.dashboard_chart(demo_store, kind, TODAY, plan_id=PLAN_2026)
    charts.save_chart(figure, tmp_path / f"{kind}.svg")
    assert (tmp_path / f"{kind}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_a_chart_is_not_saved_in_a_format_it_cannot_have(demo_store: PlanStore, tmp_path: Path) -> None:
    figure = charts.dashboard_chart(demo_store, "progress", TODAY)
    with pytest.raises(InvalidInputError, match="PNG, SVG or PDF"):
        charts.save_chart(figure, tmp_path / "charts" / "chart.xlsx")
    assert not (tmp_path / "charts").exists()


@pytest.mark.parametrize("kind", charts.DASHBOARD_KINDS)
def test_a_plan_that_serves_no_strategy_has_its_own_dashboard_charts(
    kind: str, demo_store: PlanStore, tmp_path: Path
) -> None:
    """A plan imported from a workbook serves no strategy: its S-curve was refused ("belongs to no
    strategy"). Its charts are its own, as the dashboard's data allow."""
    from tests.unit.builders import plan_serving_no_strategy

    plan_id = plan_serving_no_strategy(demo_store, 2027, [30.0])
    figure = charts.dashboard_chart(demo_store, kind, datetime.date(2027, 3, 1), plan_id=plan_id)
    charts.save_chart(figure, tmp_path / f"{kind}.svg")
    assert (tmp_path / f"{kind}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
