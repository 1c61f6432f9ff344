"""The rows of a Gantt chart read from a plan file: a whole action plan, or a strategy's plans together."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.errors import NotFoundError
from dxplanner.core.gantt_bar import GanttBar, GanttChart
from dxplanner.core.models import ActionPlan, Strategy
from dxplanner.core.rollup import TaskNode, roll_up
from dxplanner.core.schedule import Link, ScheduleCycleError, critical_path
from dxplanner.core.status import health_of_all
from dxplanner.core.task_numbers import NumberedTask, task_numbers
from dxplanner.i18n import _
from dxplanner.store import queries


def plan_chart(session: Session, plan_id: int, today: datetime.date, critical: bool = False) -> GanttChart:
    """Every task of an action plan as a chart row, parents first (critical tasks marked on request)."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    bars, nodes = _plan_bars(session, plan_id, today, level=0)
    links = queries.plan_links(session, [plan_id])
    calendar = queries.plan_calendar(session, plan_id)
    marked = _critical(nodes, links, session, plan_id) if critical else frozenset()
    return GanttChart(plan.name, bars, links, calendar, today, marked)


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
        below, _nodes = _plan_bars(session, plan.id, today, level=1)
        starts = [bar.start for bar in below if bar.level == 1 and bar.start is not None]
        ends = [bar.end for bar in below if bar.level == 1 and bar.end is not None]
        progress = _plan_progress(below)
        # A plan's row has no task id of its own: it takes the negative of the plan's id.
        bars.append(
            GanttBar(
                task_id=-plan.id,
                level=0,
                code=None,
                name=plan.name,
                lead_unit=None,
                start=min(starts) if starts else plan.start,
                end=max(ends) if ends else plan.end,
                progress=progress,
                health=None,
                is_group=True,
            )
        )
        bars.extend(below)
    links = queries.plan_links(session, plan_ids)
    from dxplanner.core.workdays import vietnam_calendar

    return GanttChart(strategy.name, bars, links, vietnam_calendar(), today)


def _plan_bars(
    session: Session, plan_id: int, today: datetime.date, level: int
) -> tuple[list[GanttBar], list[TaskNode]]:
    nodes = queries.outline_nodes(session, [plan_id])
    calendar = queries.plan_calendar(session, plan_id)
    weight = queries.plan_weight(session, plan_id, calendar)
    rolled = roll_up(nodes, weight)
    health = health_of_all(nodes, today, calendar, weight, rolled=rolled)
    rows = queries.sheet_rows(session, [node.id for node in nodes])
    # The numbers the sheet shows: a task added in the window has none of its own.
    numbers = task_numbers(
        NumberedTask(node.id, node.parent_id, node.position, rows[node.id].code) for node in nodes
    )
    children: dict[int | None, list[TaskNode]] = {}
    known = {node.id for node in nodes}
    for node in nodes:
        children.setdefault(node.parent_id if node.parent_id in known else None, []).append(node)
    for below in children.values():
        below.sort(key=lambda node: (node.position, node.id))
    bars: list[GanttBar] = []
    stack = [(node, level) for node in reversed(children.get(None, []))]
    while stack:
        node, depth = stack.pop()
        row, span = rows[node.id], rolled[node.id]
        is_group = bool(children.get(node.id))
        bars.append(
            GanttBar(
                task_id=node.id,
                level=depth,
                code=numbers.get(node.id) or row.code,
                name=row.name,
                lead_unit=row.lead_unit,
                start=span.start,
                end=span.end,
                progress=span.progress,
                health=health.get(node.id),
                is_group=is_group,
                is_milestone=node.is_milestone and not is_group,
                baseline_start=row.baseline_start,
                baseline_end=row.baseline_end,
                actual_start=row.actual_start,
                actual_end=row.actual_end,
            )
        )
        stack.extend((child, depth + 1) for child in reversed(children.get(node.id, [])))
    return bars, nodes


def _plan_progress(bars: list[GanttBar]) -> float:
    tops = [bar.progress for bar in bars if bar.level == 1]
    return sum(tops) / len(tops) if tops else 0.0


def _critical(nodes: list[TaskNode], links: list[Link], session: Session, plan_id: int) -> frozenset[int]:
    try:
        timings = critical_path(nodes, links, queries.plan_calendar(session, plan_id))
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


def strategy_of(session: Session, plan_id: int) -> int:
    """The strategy an action plan belongs to."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    if plan.strategy_id is None:
        raise NotFoundError(_("The action plan “{name}” belongs to no strategy.").format(name=plan.name))
    return plan.strategy_id
