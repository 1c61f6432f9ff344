"""Read-only questions the views and the command line ask of a plan file."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.models import (
    ActionPlan,
    BudgetLine,
    Dependency,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ProgressReport,
    Risk,
    SocioEconomicPlan,
    StaffLine,
    Strategy,
    Task,
    TaskGoal,
    TaskUnit,
    Unit,
)
from dxplanner.core.rollup import TaskNode
from dxplanner.i18n import _

# The names `dxplanner check` prints, in the order it prints them.
COUNTED: Sequence[tuple[str, type[SQLModel]]] = (
    ("units", Unit),
    ("socio-economic plans", SocioEconomicPlan),
    ("strategies", Strategy),
    ("goals", Goal),
    ("indicators", Indicator),
    ("indicator targets", IndicatorTarget),
    ("indicator values", IndicatorValue),
    ("plans", ActionPlan),
    ("tasks", Task),
    ("cooperating units", TaskUnit),
    ("task goals", TaskGoal),
    ("dependencies", Dependency),
    ("budget lines", BudgetLine),
    ("staff lines", StaffLine),
    ("progress reports", ProgressReport),
    ("risks", Risk),
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


def record_counts(session: Session) -> dict[str, int]:
    """How many records of each kind the file holds."""
    return {name: int(session.exec(select(func.count()).select_from(model)).one()) for name, model in COUNTED}


def integrity_problems(session: Session) -> list[str]:
    """What SQLite's own checks find wrong with the file (empty when it is sound)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return []
    problems = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    problems = [problem for problem in problems if problem != "ok"]
    problems += [
        _("a row of {table} (#{row}) refers to a missing row of {target}").format(
            table=row[0], row=row[1], target=row[2]
        )
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
    ]
    return problems


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


def outline_nodes(session: Session, plan_ids: Iterable[int]) -> list[TaskNode]:
    """What the outline needs of every task of the given plans."""
    task = table(Task)
    rows = session.connection().execute(
        sa.select(
            task.c.id,
            task.c.parent_id,
            task.c.position,
            task.c.planned_start,
            task.c.planned_end,
            task.c.progress,
        ).where(task.c.plan_id.in_(list(plan_ids)))
    )
    return [TaskNode(*row) for row in rows]


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
