"""The rows of a Gantt chart read from a plan file: a whole action plan, or a strategy's plans together."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.errors import NotFoundError
from dxplanner.core.gantt_bar import GanttBar, GanttChart
from dxplanner.core.models import ActionPlan, Strategy
from dxplanner.core.projection import PlanProjection
from dxplanner.core.schedule import Link, ScheduleCycleError, critical_path
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.projections import plan_projection


def plan_chart(session: Session, plan_id: int, today: datetime.date, critical: bool = False) -> GanttChart:
    """Every task of an action plan as a chart row, parents first (critical tasks marked on request)."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    projection = plan_projection(session, plan_id, today, today)
    links = queries.plan_links(session, [plan_id])
    marked = _critical(projection, links) if critical else frozenset()
    return GanttChart(
        plan.name, _bars(session, projection, level=0), links, projection.calendar, today, marked
    )


def plan_chart_title(session: Session, plan_id: int) -> str:
    """The name a chart of the plan is titled with."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    return plan.name


def strategy_chart(session: Session, strategy_id: int, today: datetime.date) -> GanttChart:
    """All the action plans of a strategy on one time axis: each plan a group row over its tasks."""
    strategy = session.get(Strategy, strategy_id)
    if strategy is None:
        raise NotFoundError(_("There is no strategy with id {id}.").format(id=strategy_id))
    bars: list[GanttBar] = []
    plan_ids = []
    for plan in queries.plans(session, strategy_id):
        plan_ids.append(plan.id)
        projection = plan_projection(session, plan.id, today, today)
        # A plan's row is rolled up from its top rows as a group's is; it has no task id of its
        # own, so it takes the negative of the plan's id.
        whole = projection.whole()
        bars.append(
            GanttBar(
                task_id=-plan.id,
                level=0,
                code=None,
                name=plan.name,
                lead_unit=None,
                start=whole.start or plan.start,
                end=whole.end or plan.end,
                progress=whole.progress,
                health=None,
                is_group=True,
            )
        )
        bars.extend(_bars(session, projection, level=1))
    links = queries.plan_links(session, plan_ids)
    return GanttChart(strategy.name, bars, links, vietnam_calendar(), today)


def _bars(session: Session, projection: PlanProjection, level: int) -> list[GanttBar]:
    """The projected tasks as chart rows, level rows below the top (with the sheet's texts)."""
    rows = queries.sheet_rows(session, projection.order())
    return [
        GanttBar(
            task_id=task.id,
            level=task.depth + level,
            code=task.number,
            name=rows[task.id].name,
            lead_unit=rows[task.id].lead_unit,
            start=task.start,
            end=task.end,
            progress=task.progress,
            health=task.health,
            is_group=task.has_children,
            is_milestone=task.is_milestone,
            baseline_start=rows[task.id].baseline_start,
            baseline_end=rows[task.id].baseline_end,
            actual_start=rows[task.id].actual_start,
            actual_end=rows[task.id].actual_end,
        )
        for task in projection
    ]


def _critical(projection: PlanProjection, links: list[Link]) -> frozenset[int]:
    try:
        timings = critical_path(projection.nodes(), links, projection.calendar)
    except ScheduleCycleError:
        return frozenset()
    return frozenset(task_id for task_id, timing in timings.items() if timing.critical)


def running_plan(session: Session, today: datetime.date) -> int:
    """The action plan to chart when none is named: the one running today, else the latest."""
    plan = queries.table(ActionPlan)
    rows = session.connection().execute(
        sa.select(plan.c.id, plan.c.start, plan.c.end).order_by(plan.c.start, plan.c.id)
    )
    found = list(rows)
    if not found:
        raise NotFoundError(_("The file has no action plan to draw."))
    running = [plan_id for plan_id, start, end in found if start <= today <= end]
    return int(running[-1] if running else found[-1][0])


def strategy_served(session: Session, plan_id: int) -> int | None:
    """The strategy an action plan serves (None: it serves none, as a plan imported alone)."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    return plan.strategy_id
