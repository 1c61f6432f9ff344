"""Charts of a plan: the Gantt chart's rows for a plan or a strategy, the dashboard's charts, saving one."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from dxplanner.core.gantt_bar import GanttChart

    # Only named here: the command line reads DASHBOARD_KINDS to parse its arguments, before any store.
    from dxplanner.services.open_plan import OpenPlan

# The dashboard's charts, by the name `dxplanner chart --kind` takes.
DASHBOARD_KINDS = ("progress", "kpi", "attainment", "units", "budget")
GANTT = "gantt"


def plan_chart(plan: OpenPlan, plan_id: int, today: datetime.date, critical: bool = False) -> GanttChart:
    """Every task of an action plan as a chart row, parents first (critical tasks marked on request)."""
    from dxplanner.store import chart_rows

    with plan.read() as session:
        return chart_rows.plan_chart(session, plan_id, today, critical)


def strategy_chart(plan: OpenPlan, strategy_id: int, today: datetime.date) -> GanttChart:
    """All the action plans of a strategy on one time axis, each plan a group row over its tasks."""
    from dxplanner.store import chart_rows

    with plan.read() as session:
        return chart_rows.strategy_chart(session, strategy_id, today)


def gantt_chart(
    plan: OpenPlan, today: datetime.date, *, plan_id: int | None = None, strategy_id: int | None = None
) -> GanttChart:
    """The chart of a strategy's plans, of one plan, or (neither named) of the plan running today.

    A single plan's chart marks its critical tasks. NotFoundError when what is named is not there,
    or the file has no plan at all.
    """
    from dxplanner.store import chart_rows

    with plan.read() as session:
        if strategy_id is not None:
            return chart_rows.strategy_chart(session, strategy_id, today)
        chosen = plan_id if plan_id is not None else chart_rows.running_plan(session, today)
        return chart_rows.plan_chart(session, chosen, today, critical=True)


def dashboard_chart(
    plan: OpenPlan,
    kind: str,
    today: datetime.date,
    *,
    plan_id: int | None = None,
    strategy_id: int | None = None,
    unit_id: int | None = None,
) -> Figure:
    """One of the dashboard's charts for a strategy (by default the one of the plan named, else running)."""
    from dxplanner.charts.figures import dashboard_figure
    from dxplanner.core.dashboard import DashboardFilter
    from dxplanner.store.chart_rows import running_plan, strategy_served
    from dxplanner.store.dashboard_data import dashboard_data

    with plan.read() as session:
        if strategy_id is None:
            chosen = plan_id if plan_id is not None else running_plan(session, today)
            strategy_id = strategy_served(session, chosen)
            if strategy_id is None:
                plan_id = chosen  # a plan that serves no strategy (one imported): its charts alone
        data = dashboard_data(session, DashboardFilter(strategy_id, today, plan_id=plan_id, unit_id=unit_id))
    return dashboard_figure(kind, data)


def save_chart(figure: Figure, path: Path) -> None:
    """Write a chart as PNG, SVG or PDF (by the suffix); a failed write leaves no broken file behind."""
    from dxplanner.charts.save import save_figure

    save_figure(figure, path)
