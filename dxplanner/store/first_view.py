"""What a plan's first window reads (the sheet's outline and rows, the navigator's tree and counts).

Read over plain table clauses, as the database stores the values: no table class is needed, so
a plan opens and its sheet paints before SQLAlchemy maps the 27 of them (the largest part of a
start, loaded just after the first paint). The rest of the store reads through the table classes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

import sqlalchemy as sa
from sqlalchemy import func

from dxplanner.core.enums import ProgressWeight, SystemKind, TaskKind, TaskStatus
from dxplanner.core.rollup import TaskNode, Weight, by_budget, by_working_days
from dxplanner.core.workdays import WorkCalendar, vietnam_calendar
from dxplanner.store.stored_values import Days, members

if TYPE_CHECKING:
    from sqlmodel import Session

# What the first view reads through: a connection (the first window's, before SQLAlchemy's ORM and
# SQLModel are loaded: a tenth of a second of a start) or an open session (every later reader's).
Reading: TypeAlias = "sa.Connection | Session"


def _connection(reading: Reading) -> sa.Connection:
    return reading if isinstance(reading, sa.Connection) else reading.connection()


def _table(name: str, *columns: str) -> sa.TableClause:
    # Untyped columns: values come back as the driver gives them, converted here once per distinct one.
    return sa.table(name, *(sa.column(column) for column in columns))


_TASK = _table(
    "task",
    *("id", "plan_id", "parent_id", "position", "code", "name", "kind", "lead_unit_id", "timeline_text"),
    *("planned_start", "planned_end", "progress", "status", "product", "notes", "version"),
    *("baseline_start", "baseline_end", "actual_start", "actual_end", "responsible_person"),
)
_UNIT = _table("unit", "id", "parent_id", "name", "short_name")
_TASK_UNIT = _table("task_unit", "task_id", "unit_id")
_BUDGET_LINE = _table("budget_line", "task_id", "planned")
_PLAN = _table("action_plan", "id", "strategy_id", "name", "start", "end", "progress_weight")
_DAY_OFF = _table("plan_day_off", "plan_id", "day")
_STRATEGY = _table("strategy", "id", "name", "start_year", "end_year")
_GOAL = _table("goal", "id", "strategy_id", "parent_id", "position", "code", "text")
_INDICATOR = _table("indicator", "id", "goal_id", "sedp_id", "code", "name", "measure_unit")
_SEDP = _table("socio_economic_plan", "id", "name", "start_year")


@dataclass(frozen=True)
class SheetRow:
    """Everything the task sheet shows of a task, its own values (not rolled up)."""

    id: int
    code: str | None
    name: str
    kind: TaskKind
    lead_unit_id: int | None
    lead_unit: str | None
    cooperating_ids: tuple[int, ...]
    cooperating: str
    timeline_text: str | None
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    progress: float
    status: TaskStatus
    product: str | None
    notes: str | None
    budget: int
    baseline_end: datetime.date | None
    actual_end: datetime.date | None
    baseline_start: datetime.date | None = None
    actual_start: datetime.date | None = None
    responsible_person: str | None = None


def task_codes(
    session: Reading, plan_id: int, task_ids: Iterable[int] | None = None
) -> dict[int, str | None]:
    """The numbers tasks were given (None where none), of a whole plan or only of task_ids."""
    task = _TASK
    condition = task.c.plan_id == plan_id if task_ids is None else task.c.id.in_(list(task_ids))
    return dict(_connection(session).execute(sa.select(task.c.id, task.c.code).where(condition)).all())


def task_versions(session: Reading, plan_id: int, task_ids: Iterable[int] | None = None) -> dict[int, int]:
    """The version of each task of a plan (or of task_ids), as an edit of it must carry."""
    task = _TASK
    condition = task.c.plan_id == plan_id if task_ids is None else task.c.id.in_(list(task_ids))
    rows = _connection(session).execute(sa.select(task.c.id, task.c.version).where(condition))
    return {int(task_id): int(version) for task_id, version in rows}


def plan_period(session: Reading, plan_id: int) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of an action plan (None when there is no such plan)."""
    plan = _PLAN
    row = (
        _connection(session).execute(sa.select(plan.c.start, plan.c.end).where(plan.c.id == plan_id)).first()
    )
    if row is None:
        return None
    days = Days()
    start, end = days[row[0]], days[row[1]]
    assert start is not None and end is not None  # (a plan's days are required)
    return start, end


def outline_nodes(
    session: Reading, plan_ids: Iterable[int], task_ids: Iterable[int] | None = None
) -> list[TaskNode]:
    """What outlines, roll-ups and the scheduler need of every task of the plans (or only of task_ids)."""
    task = _TASK
    condition = task.c.plan_id.in_(list(plan_ids)) if task_ids is None else task.c.id.in_(list(task_ids))
    rows = _connection(session).execute(
        sa.select(
            task.c.id,
            task.c.parent_id,
            task.c.position,
            task.c.planned_start,
            task.c.planned_end,
            task.c.progress,
            task.c.kind,
            task.c.status,
        ).where(condition)
    )
    # Each distinct day, kind and status made once (see stored_values), not parsed row by row.
    days, kinds, statuses = Days(), members(TaskKind), members(TaskStatus)
    return [
        task_node(node_id, parent, position, days[start], days[end], progress, kinds[kind], statuses[status])
        for node_id, parent, position, start, end, progress, kind, status in rows
    ]


def task_node(
    node_id: int,
    parent: int | None,
    position: int,
    start: datetime.date | None,
    end: datetime.date | None,
    progress: float,
    kind: TaskKind,
    status: TaskStatus,
) -> TaskNode:
    """The engine's view of one task, from its id, parent, position, dates, progress, kind and status."""
    return TaskNode(
        node_id,
        parent,
        position,
        start,
        end,
        progress,
        kind is TaskKind.MILESTONE,
        status,
        is_heading=kind is TaskKind.GROUP,
    )


def plan_calendar(session: Reading, plan_id: int) -> WorkCalendar:
    """The working days of a plan: Vietnam's, less the plan's own days off."""
    day_off, days = _DAY_OFF, Days()
    stored = _connection(session).execute(sa.select(day_off.c.day).where(day_off.c.plan_id == plan_id))
    found = [days[row[0]] for row in stored]
    return WorkCalendar(days_off=[day for day in found if day is not None]) if found else vietnam_calendar()


def plan_weight(session: Reading, plan_id: int, calendar: WorkCalendar) -> Weight:
    """How the plan weighs tasks in roll-ups: by working days, or by planned budget if it chose so."""
    plan = _PLAN
    choice = (
        _connection(session).execute(sa.select(plan.c.progress_weight).where(plan.c.id == plan_id)).scalar()
    )
    if choice != ProgressWeight.BUDGET.value:
        return by_working_days(calendar)
    return by_budget(planned_by_task(session, [plan_id]))


def planned_by_task(session: Reading, plan_ids: Iterable[int]) -> dict[int, int]:
    """The money planned on each task's own budget lines (tasks without any are left out)."""
    task, line = _TASK, _BUDGET_LINE
    rows = _connection(session).execute(
        sa.select(line.c.task_id, func.sum(line.c.planned))
        .select_from(line.join(task, task.c.id == line.c.task_id))
        .where(task.c.plan_id.in_(list(plan_ids)))
        .group_by(line.c.task_id)
    )
    return {task_id: int(total) for task_id, total in rows}


def sheet_rows(session: Reading, task_ids: Sequence[int]) -> dict[int, SheetRow]:
    """The sheet's values of the given tasks, by id, in three queries whatever their number."""
    task, unit, helper, line = _TASK, _UNIT, _TASK_UNIT, _BUDGET_LINE
    ids = list(task_ids)
    lead_name = func.coalesce(unit.c.short_name, unit.c.name)
    helpers: dict[int, list[tuple[int, str]]] = {}
    for task_id, unit_id, name in _connection(session).execute(
        sa.select(helper.c.task_id, helper.c.unit_id, lead_name)
        .select_from(helper.join(unit, unit.c.id == helper.c.unit_id))
        .where(helper.c.task_id.in_(ids))
        .order_by(helper.c.task_id, lead_name)
    ):
        helpers.setdefault(task_id, []).append((unit_id, name))
    budgets = dict(
        _connection(session)
        .execute(
            sa.select(line.c.task_id, func.sum(line.c.planned))
            .where(line.c.task_id.in_(ids))
            .group_by(line.c.task_id)
        )
        .all()
    )
    rows = _connection(session).execute(
        sa.select(
            task.c.id,
            task.c.code,
            task.c.name,
            task.c.kind,
            task.c.lead_unit_id,
            lead_name,
            task.c.timeline_text,
            task.c.planned_start,
            task.c.planned_end,
            task.c.progress,
            task.c.status,
            task.c.product,
            task.c.notes,
            task.c.baseline_end,
            task.c.actual_end,
            task.c.baseline_start,
            task.c.actual_start,
            task.c.responsible_person,
        )
        .select_from(task.outerjoin(unit, unit.c.id == task.c.lead_unit_id))
        .where(task.c.id.in_(ids))
    )
    days, kinds, statuses = Days(), members(TaskKind), members(TaskStatus)
    found = {}
    for row in rows:
        (task_id, code, name, kind, lead_id, lead, timeline, start, end, progress, status, product, notes,
         baseline_end, actual_end, baseline_start, actual_start, person) = row  # fmt: skip
        together = helpers.get(task_id, [])
        found[task_id] = SheetRow(
            task_id, code, name, kinds[kind], lead_id, lead,
            tuple(unit_id for unit_id, _name in together), "; ".join(name for _id, name in together),
            timeline, days[start], days[end], float(progress), statuses[status], product, notes,
            int(budgets.get(task_id) or 0), days[baseline_end], days[actual_end], days[baseline_start],
            days[actual_start], person,
        )  # fmt: skip
    return found


class NavigatorRows(NamedTuple):
    """The records the navigator's tree is built from, each a dict of the columns it shows, in order."""

    goals: list[dict[str, Any]]  # by strategy, place, id
    indicators: list[dict[str, Any]]  # by code, id
    strategies: list[dict[str, Any]]  # by first year, id
    plans: list[dict[str, Any]]  # by first day, id; "start" and "end" as dates
    sedps: list[dict[str, Any]]  # by first year, id
    units: list[dict[str, Any]]  # by name


def navigator_rows(session: Reading) -> NavigatorRows:
    """Every strategy, goal, indicator, plan, socio-economic plan and unit, as the navigator shows them."""

    def rows(table: sa.TableClause, *order: str) -> list[dict[str, Any]]:
        found = _connection(session).execute(sa.select(table).order_by(*(table.c[name] for name in order)))
        return [dict(row._mapping) for row in found]

    days = Days()
    plans = [
        {**row, "start": days[row["start"]], "end": days[row["end"]]} for row in rows(_PLAN, "start", "id")
    ]
    return NavigatorRows(
        goals=rows(_GOAL, "strategy_id", "position", "id"),
        indicators=rows(_INDICATOR, "code", "id"),
        strategies=rows(_STRATEGY, "start_year", "id"),
        plans=plans,
        sedps=rows(_SEDP, "start_year", "id"),
        units=rows(_UNIT, "name"),
    )


class EstateCounts(NamedTuple):
    """How many records of the estate the navigator's branches hold."""

    systems_by_kind: dict[SystemKind, int]
    services_by_field: dict[str | None, int]  # as written
    links: int
    datasets: int
    members: int


def estate_counts(session: Reading) -> EstateCounts:
    """The estate's records counted by the database: systems by kind, public services by field, the rest."""
    connection, kinds = _connection(session), members(SystemKind)

    def by(table: str, name: str) -> dict[Any, int]:
        column: sa.ColumnClause[Any] = sa.column(name)
        query = sa.select(column, func.count()).select_from(sa.table(table, column)).group_by(column)
        return {value: int(number) for value, number in connection.execute(query)}

    def count(table: str) -> sa.ScalarSelect[Any]:
        return sa.select(func.count()).select_from(sa.table(table)).scalar_subquery()

    links, datasets, committee = connection.execute(
        sa.select(count("data_link"), count("open_dataset"), count("committee_member"))
    ).one()
    return EstateCounts(
        {kinds[kind]: number for kind, number in by("system", "kind").items()},
        by("public_service", "field"),
        int(links),
        int(datasets),
        int(committee),
    )
