"""Read-only questions the views and the command line ask of a plan file."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, SQLModel

from dxplanner.core.budget import BudgetFact
from dxplanner.core.enums import FundingSource, TaskKind, TaskStatus
from dxplanner.core.matching import UnitName
from dxplanner.core.models import (
    ActionPlan,
    BudgetLine,
    CommitteeMember,
    DataLink,
    Dependency,
    FormReceipt,
    FormRound,
    FormRoundUnit,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    OpenDataset,
    PlanDayOff,
    ProgressReport,
    PublicService,
    Risk,
    RiskTreatment,
    SocioEconomicPlan,
    StaffLine,
    Strategy,
    System,
    Task,
    TaskEffect,
    TaskGoal,
    TaskUnit,
    Unit,
)
from dxplanner.core.schedule import Link
from dxplanner.i18n import N_
from dxplanner.store import first_view
from dxplanner.store.stored_values import Days, as_stored, members

# Read over plain tables, where the first window reads them; here for the store's other reads.
SheetRow = first_view.SheetRow
outline_nodes = first_view.outline_nodes
plan_calendar = first_view.plan_calendar
plan_period = first_view.plan_period
plan_weight = first_view.plan_weight
planned_by_task = first_view.planned_by_task
sheet_rows = first_view.sheet_rows
task_codes = first_view.task_codes
task_node = first_view.task_node
task_versions = first_view.task_versions

# The names `dxplanner check` prints (translated where printed), in the order it prints them.
COUNTED: Sequence[tuple[str, type[SQLModel]]] = (
    (N_("units"), Unit),
    (N_("socio-economic plans"), SocioEconomicPlan),
    (N_("strategies"), Strategy),
    (N_("goals"), Goal),
    (N_("indicators"), Indicator),
    (N_("indicator targets"), IndicatorTarget),
    (N_("indicator values"), IndicatorValue),
    (N_("plans"), ActionPlan),
    (N_("plan days off"), PlanDayOff),
    (N_("tasks"), Task),
    (N_("cooperating units"), TaskUnit),
    (N_("task goals"), TaskGoal),
    (N_("dependencies"), Dependency),
    (N_("budget lines"), BudgetLine),
    (N_("staff lines"), StaffLine),
    (N_("progress reports"), ProgressReport),
    (N_("risks"), Risk),
    (N_("systems"), System),
    (N_("data links"), DataLink),
    (N_("open datasets"), OpenDataset),
    (N_("public services"), PublicService),
    (N_("committee members"), CommitteeMember),
    (N_("task effects"), TaskEffect),
    (N_("risk treatments"), RiskTreatment),
    (N_("rounds of progress forms"), FormRound),
    (N_("units rounds of forms went to"), FormRoundUnit),
    (N_("progress forms received"), FormReceipt),
)


@dataclass(frozen=True)
class StrategyItem:
    """A strategy as a list shows it."""

    id: int
    name: str
    start_year: int
    end_year: int


@dataclass(frozen=True)
class PlanItem:
    """An action plan as a list shows it."""

    id: int
    name: str
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class TaskItem:
    """A task as a tree shows it."""

    id: int
    code: str | None
    name: str
    kind: TaskKind
    child_count: int


@dataclass(frozen=True)
class TaskRow:
    """The text columns of a task row."""

    id: int
    code: str | None
    name: str
    kind: TaskKind
    lead_unit: str | None
    status: TaskStatus


def strategies(session: Session) -> list[StrategyItem]:
    """Every strategy, newest period first."""
    strategy = table(Strategy)
    rows = session.connection().execute(
        sa.select(strategy.c.id, strategy.c.name, strategy.c.start_year, strategy.c.end_year).order_by(
            strategy.c.start_year.desc(), strategy.c.id
        )
    )
    return [StrategyItem(*row) for row in rows]


def plans(session: Session, strategy_id: int | None) -> list[PlanItem]:
    """The action plans of a strategy (None: plans that belong to no strategy), by start date."""
    plan = table(ActionPlan)
    condition = plan.c.strategy_id.is_(None) if strategy_id is None else plan.c.strategy_id == strategy_id
    rows = session.connection().execute(
        sa.select(plan.c.id, plan.c.name, plan.c.start, plan.c.end)
        .where(condition)
        .order_by(plan.c.start, plan.c.id)
    )
    return [PlanItem(*row) for row in rows]


def task_children(session: Session, plan_id: int, parent_id: int | None) -> list[TaskItem]:
    """The tasks directly below parent_id (top level when None), in order, with their child counts."""
    task = table(Task)
    child = task.alias("child")
    child_count = sa.select(func.count()).where(child.c.parent_id == task.c.id).scalar_subquery()
    parent_condition = task.c.parent_id.is_(None) if parent_id is None else task.c.parent_id == parent_id
    rows = session.connection().execute(
        sa.select(task.c.id, task.c.code, task.c.name, task.c.kind, child_count)
        .where(task.c.plan_id == plan_id, parent_condition)
        .order_by(task.c.position, task.c.id)
    )
    return [TaskItem(*row) for row in rows]


def task_rows(session: Session, task_ids: Sequence[int]) -> dict[int, TaskRow]:
    """The text columns of the given tasks, by id."""
    task, unit = table(Task), table(Unit)
    rows = session.connection().execute(
        sa.select(
            task.c.id,
            task.c.code,
            task.c.name,
            task.c.kind,
            func.coalesce(unit.c.short_name, unit.c.name),
            task.c.status,
        )
        .select_from(task.outerjoin(unit, unit.c.id == task.c.lead_unit_id))
        .where(task.c.id.in_(list(task_ids)))
    )
    return {row[0]: TaskRow(*row) for row in rows}


def table(model: type[SQLModel]) -> sa.Table:
    """The Core table of a model, for queries that want columns rather than objects."""
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]


def plan_links(session: Session, plan_ids: Iterable[int]) -> list[Link]:
    """The dependencies whose successor lies in one of the plans, as the scheduler takes them."""
    task, link = table(Task), table(Dependency)
    rows = session.connection().execute(
        sa.select(link.c.predecessor_id, link.c.successor_id, link.c.type, link.c.lag_days)
        .select_from(link.join(task, task.c.id == link.c.successor_id))
        .where(task.c.plan_id.in_(list(plan_ids)))
    )
    return [Link(*row) for row in rows]


def budget_facts(session: Session, plan_ids: Iterable[int]) -> list[BudgetFact]:
    """Every budget line of the plans' tasks, with the plan and lead unit it is totalled by."""
    task, line = table(Task), table(BudgetLine)
    rows = session.connection().execute(
        sa.select(
            line.c.task_id,
            task.c.plan_id,
            task.c.lead_unit_id,
            as_stored(line.c.source),
            line.c.year,
            line.c.planned,
            line.c.allocated,
            line.c.disbursed,
        )
        .select_from(line.join(task, task.c.id == line.c.task_id))
        .where(task.c.plan_id.in_(list(plan_ids)))
    )
    sources = members(FundingSource)  # each line's source looked up, not made by the Enum type row by row
    return [
        BudgetFact(task_id, plan_id, lead, sources[source], year, planned, allocated, disbursed)
        for task_id, plan_id, lead, source, year, planned, allocated, disbursed in rows
    ]


def unit_names(session: Session) -> list[UnitName]:
    """Every unit with the names it goes by, for pickers and for reading pasted text."""
    unit = table(Unit)
    rows = session.connection().execute(
        sa.select(unit.c.id, unit.c.code, unit.c.name, unit.c.short_name).order_by(unit.c.name)
    )
    return [UnitName(*row) for row in rows]


def record(session: Session, model: type[SQLModel], record_id: int) -> dict[str, Any] | None:
    """Every column of one record, by name (None when it does not exist)."""
    found = session.get(model, record_id)
    if found is None:
        return None
    return {column.name: getattr(found, column.name) for column in table(model).columns}


def records(
    session: Session,
    model: type[SQLModel],
    *conditions: sa.ColumnElement[bool],
    order: Sequence[str] = ("id",),
) -> list[dict[str, Any]]:
    """Every column of the records meeting the conditions, in order."""
    columns = table(model)
    rows = session.connection().execute(
        sa.select(columns).where(*conditions).order_by(*(columns.c[name] for name in order))
    )
    return [dict(row._mapping) for row in rows]


def counts(session: Session, *models: type[SQLModel]) -> list[int]:
    """How many records of each model there are (one statement for them all)."""
    each = [sa.select(sa.func.count()).select_from(table(model)).scalar_subquery() for model in models]
    return [int(number) for number in session.connection().execute(sa.select(*each)).one()]


def counts_by(session: Session, model: type[SQLModel], name: str) -> dict[Any, int]:
    """How many records of model hold each value of the column name (counted by the database)."""
    values = column(model, name)
    rows = session.connection().execute(sa.select(values, sa.func.count()).group_by(values))
    return {value: int(number) for value, number in rows}


def records_of(
    session: Session, model: type[SQLModel], owner: str, owner_id: int, order: Sequence[str] = ("id",)
) -> list[dict[str, Any]]:
    """Every column of the records whose column `owner` holds owner_id, in order."""
    return records(session, model, column(model, owner) == owner_id, order=order)


def predecessors(session: Session, task_id: int) -> list[dict[str, Any]]:
    """The links into a task, each with the number and name of the task before it (`code`, `name`)."""
    task, link = table(Task), table(Dependency)
    rows = session.connection().execute(
        sa.select(link, task.c.code, task.c.name)
        .select_from(link.outerjoin(task, task.c.id == link.c.predecessor_id))
        .where(link.c.successor_id == task_id)
        .order_by(link.c.id)
    )
    return [dict(row._mapping) for row in rows]


def column(model: type[SQLModel], name: str) -> sa.Column[object]:
    """A model's column, for conditions in `records`."""
    return table(model).c[name]


Told = dict[int, list[tuple[datetime.date, float]]]
Stated = dict[int, list[tuple[datetime.date, TaskStatus]]]


def progress_reports(session: Session, plan_ids: list[int]) -> tuple[Told, Stated]:
    """Every progress report of the plans' tasks, by task in the order made: its percent, its status."""
    report, task = table(ProgressReport), table(Task)
    told: Told = defaultdict(list)
    stated: Stated = defaultdict(list)
    # Each distinct day and status made once (see stored_values): 13,000 reports share a few hundred.
    days, statuses = Days(), members(TaskStatus)
    for task_id, stored_day, progress, status in session.connection().execute(
        sa.select(report.c.task_id, as_stored(report.c.as_of), report.c.progress, as_stored(report.c.status))
        .select_from(report.join(task, task.c.id == report.c.task_id))
        .where(task.c.plan_id.in_(plan_ids))
        .order_by(report.c.as_of, report.c.id)
    ):
        day = days[stored_day]
        assert day is not None  # (a report's day is required)
        told[task_id].append((day, progress))
        if status is not None:
            stated[task_id].append((day, statuses[status]))
    return told, stated
