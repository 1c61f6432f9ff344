"""The records the forms show and edit, and the lists their pickers offer, as plain frozen values."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, TypeVar

from sqlmodel import SQLModel

from dxplanner.core.enums import (
    Area,
    Comparison,
    DependencyType,
    Direction,
    EstateMeasure,
    FundingSource,
    Pillar,
    PlanStatus,
    Priority,
    ProgressWeight,
    RiskCategory,
    RiskStatus,
    StrategyStatus,
    TaskKind,
    TaskStatus,
    UnitKind,
)
from dxplanner.core.matching import UnitName
from dxplanner.core.models import (
    ActionPlan,
    BudgetLine,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    PlanDayOff,
    ProgressReport,
    Risk,
    SocioEconomicPlan,
    StaffLine,
    Strategy,
    Task,
    Unit,
)
from dxplanner.core.text import fold
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries


@dataclass(frozen=True)
class UnitRecord:
    """An organisation: its names, kind and the unit above it."""

    id: int
    code: str
    name: str
    short_name: str | None
    kind: UnitKind
    parent_id: int | None
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class SedpRecord:
    """A socio-economic development plan."""

    id: int
    name: str
    unit_id: int
    start_year: int
    end_year: int
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class StrategyRecord:
    """A strategy: its period, vision, decision and the socio-economic plan it serves."""

    id: int
    name: str
    unit_id: int
    start_year: int
    end_year: int
    vision_year: int | None
    vision: str | None
    decision_no: str | None
    decision_date: datetime.date | None
    status: StrategyStatus
    sedp_id: int | None
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class GoalRecord:
    """A goal of a strategy."""

    id: int
    strategy_id: int
    parent_id: int | None
    position: int
    code: str
    text: str
    pillar: Pillar
    area: Area
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class IndicatorRecord:
    """An indicator of a goal or of a socio-economic plan."""

    id: int
    goal_id: int | None
    sedp_id: int | None
    code: str
    name: str
    measure_unit: str
    direction: Direction
    baseline_value: float | None
    baseline_year: int | None
    source: str | None
    lead_unit_id: int | None
    sedp_indicator_id: int | None
    # The figure of the estate it follows (its measured value is offered from the estate).
    estate_measure: EstateMeasure | None = None
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class TargetRecord:
    """What an indicator should reach in a year, within a scope."""

    indicator_id: int
    year: int
    scope: str
    value: float | None
    comparison: Comparison | None
    text: str | None
    upper: float | None = None  # the high figure of a range; value is then the low one


@dataclass(frozen=True)
class ValueRecord:
    """A value of an indicator measured on a day."""

    indicator_id: int
    as_of: datetime.date
    value: float
    source: str | None


@dataclass(frozen=True)
class PlanRecord:
    """An action plan's own fields."""

    id: int
    strategy_id: int | None
    unit_id: int
    name: str
    start: datetime.date
    end: datetime.date
    decision_no: str | None
    status: PlanStatus
    progress_weight: ProgressWeight
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class DayOffRecord:
    """A day an action plan does not work on."""

    plan_id: int
    day: datetime.date
    note: str | None


@dataclass(frozen=True)
class TaskRecord:
    """Every field of a task."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    code: str | None
    name: str
    kind: TaskKind
    lead_unit_id: int | None
    product: str | None
    timeline_text: str | None
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    baseline_start: datetime.date | None
    baseline_end: datetime.date | None
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    progress: float
    status: TaskStatus
    priority: Priority
    notes: str | None
    responsible_person: str | None
    version: int


@dataclass(frozen=True)
class BudgetLineRecord:
    """Money for a task from one source in one year, in đồng."""

    id: int
    task_id: int
    source: FundingSource
    year: int
    planned: int
    allocated: int
    disbursed: int
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class StaffLineRecord:
    """The person-months a unit puts into a task."""

    id: int
    task_id: int
    unit_id: int
    person_months: float
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class ProgressReportRecord:
    """A dated statement of a task's progress and status."""

    id: int
    task_id: int
    as_of: datetime.date
    progress: float
    status: TaskStatus
    remark: str | None
    author: str | None
    difficulty: str | None = None  # what held the unit back, as its progress form says
    proposal: str | None = None  # what the unit asks of the committee
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class RiskRecord:
    """A risk of a strategy, a plan or a task."""

    id: int
    strategy_id: int | None
    plan_id: int | None
    task_id: int | None
    text: str
    category: RiskCategory
    likelihood: int
    impact: int
    mitigation: str | None
    owner_unit_id: int | None
    status: RiskStatus
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class PredecessorRecord:
    """A link to a task from the task before it, with that task's number and name."""

    id: int
    predecessor_id: int
    successor_id: int
    type: DependencyType
    lag_days: int
    predecessor: str  # "1.2 Name" of the task before
    version: int = 1  # the link's, as the user saw it


@dataclass(frozen=True)
class TaskChoice:
    """A task as a list to choose from shows it."""

    id: int
    code: str | None
    name: str


# What a risk belongs to: the field of the risk that names its owner.
RiskOwner = Literal["strategy_id", "plan_id", "task_id"]
R = TypeVar("R")

# The table each kind of record is read from.
RECORD_TABLES: dict[type[Any], type[SQLModel]] = {
    UnitRecord: Unit,
    SedpRecord: SocioEconomicPlan,
    StrategyRecord: Strategy,
    GoalRecord: Goal,
    IndicatorRecord: Indicator,
    TargetRecord: IndicatorTarget,
    ValueRecord: IndicatorValue,
    PlanRecord: ActionPlan,
    DayOffRecord: PlanDayOff,
    TaskRecord: Task,
    BudgetLineRecord: BudgetLine,
    StaffLineRecord: StaffLine,
    ProgressReportRecord: ProgressReport,
    RiskRecord: Risk,
}


def _as(kind: type[R], row: dict[str, Any]) -> R:
    return kind(**{field.name: row[field.name] for field in fields(kind)})  # type: ignore[arg-type]


def _one(plan: OpenPlan, kind: type[R], record_id: int) -> R | None:
    with plan.read() as read:
        row = queries.record(read, RECORD_TABLES[kind], record_id)
    return None if row is None else _as(kind, row)


def _owned(plan: OpenPlan, kind: type[R], owner: str, owner_id: int, order: Sequence[str]) -> list[R]:
    with plan.read() as read:
        rows = queries.records_of(read, RECORD_TABLES[kind], owner, owner_id, order)
    return [_as(kind, row) for row in rows]


# One record by id (None when there is none).


def unit(plan: OpenPlan, unit_id: int) -> UnitRecord | None:
    """A unit."""
    return _one(plan, UnitRecord, unit_id)


def sedp(plan: OpenPlan, sedp_id: int) -> SedpRecord | None:
    """A socio-economic plan."""
    return _one(plan, SedpRecord, sedp_id)


def strategy(plan: OpenPlan, strategy_id: int) -> StrategyRecord | None:
    """A strategy."""
    return _one(plan, StrategyRecord, strategy_id)


def goal(plan: OpenPlan, goal_id: int) -> GoalRecord | None:
    """A goal."""
    return _one(plan, GoalRecord, goal_id)


def indicator(plan: OpenPlan, indicator_id: int) -> IndicatorRecord | None:
    """An indicator."""
    return _one(plan, IndicatorRecord, indicator_id)


def action_plan(plan: OpenPlan, plan_id: int) -> PlanRecord | None:
    """An action plan."""
    return _one(plan, PlanRecord, plan_id)


def task(plan: OpenPlan, task_id: int) -> TaskRecord | None:
    """A task."""
    return _one(plan, TaskRecord, task_id)


# The records that belong to one record, in the order they are listed.


def targets_of(plan: OpenPlan, indicator_id: int) -> list[TargetRecord]:
    """An indicator's targets, by year and scope."""
    return _owned(plan, TargetRecord, "indicator_id", indicator_id, ("year", "scope"))


def values_of(plan: OpenPlan, indicator_id: int) -> list[ValueRecord]:
    """An indicator's measured values, oldest first."""
    return _owned(plan, ValueRecord, "indicator_id", indicator_id, ("as_of",))


def days_off_of(plan: OpenPlan, plan_id: int) -> list[DayOffRecord]:
    """An action plan's own days off, by date."""
    return _owned(plan, DayOffRecord, "plan_id", plan_id, ("day",))


def budget_lines_of(plan: OpenPlan, task_id: int) -> list[BudgetLineRecord]:
    """A task's budget lines, in the order they were added."""
    return _owned(plan, BudgetLineRecord, "task_id", task_id, ("id",))


def staff_lines_of(plan: OpenPlan, task_id: int) -> list[StaffLineRecord]:
    """A task's staff lines, in the order they were added."""
    return _owned(plan, StaffLineRecord, "task_id", task_id, ("id",))


def progress_reports_of(plan: OpenPlan, task_id: int) -> list[ProgressReportRecord]:
    """A task's progress reports, oldest first."""
    return _owned(plan, ProgressReportRecord, "task_id", task_id, ("as_of", "id"))


def risks_of(plan: OpenPlan, owner: RiskOwner, owner_id: int) -> list[RiskRecord]:
    """The risks of a strategy, a plan or a task (owner names which)."""
    return _owned(plan, RiskRecord, owner, owner_id, ("id",))


def goals_of(plan: OpenPlan, strategy_id: int) -> list[GoalRecord]:
    """A strategy's goals, in their order."""
    return _owned(plan, GoalRecord, "strategy_id", strategy_id, ("position", "id"))


def predecessors_of(plan: OpenPlan, task_id: int) -> list[PredecessorRecord]:
    """The links into a task from the tasks it comes after, each with that task's number and name."""
    with plan.read() as read:
        rows = queries.predecessors(read, task_id)
    return [
        PredecessorRecord(
            row["id"],
            row["predecessor_id"],
            row["successor_id"],
            row["type"],
            row["lag_days"],
            f"{row['code'] or ''} {row['name']}".strip()
            if row["name"] is not None
            else str(row["predecessor_id"]),
            row["version"],
        )
        for row in rows
    ]


# Lists to choose from.


def unit_names(plan: OpenPlan) -> list[UnitName]:
    """Every unit with the names it goes by, by name: for pickers and for reading typed names."""
    with plan.read() as read:
        return queries.unit_names(read)


def sedp_choices(plan: OpenPlan) -> list[tuple[int, str]]:
    """Every socio-economic plan as (id, name), for a strategy to serve."""
    with plan.read() as read:
        return [(int(row["id"]), str(row["name"])) for row in queries.records(read, SocioEconomicPlan)]


def sedp_indicator_choices(plan: OpenPlan) -> list[tuple[int, str]]:
    """Every indicator of a socio-economic plan as (id, "code name"), for a strategy's indicator to serve."""
    with plan.read() as read:
        rows = queries.records(read, Indicator)
    return [(int(row["id"]), f"{row['code']} {row['name']}") for row in rows if row["sedp_id"] is not None]


def other_tasks(plan: OpenPlan, task_id: int) -> list[TaskChoice]:
    """The other tasks of task_id's plan, in reading order (none when the task is gone)."""
    with plan.read() as read:
        found = queries.record(read, Task, task_id)
        if found is None:
            return []
        return [
            TaskChoice(row["id"], row["code"], row["name"])
            for row in queries.records_of(read, Task, "plan_id", found["plan_id"])
            if row["id"] != task_id
        ]


def task_choice_text(choice: TaskChoice) -> str:
    """A task as a list of suggestions names it: its number, then its name."""
    return f"{choice.code} {choice.name}" if choice.code else choice.name


def tasks_called(plan: OpenPlan, task_id: int, text: str) -> list[TaskChoice]:
    """The other tasks of task_id's plan that text names: by their number, or number and name, exactly
    (as a suggestion writes it), else by part of their name (accents and case ignored)."""
    candidates = other_tasks(plan, task_id)
    wanted = fold(text)
    exact = [
        choice for choice in candidates if wanted in (fold(choice.code or ""), fold(task_choice_text(choice)))
    ]
    return exact or [choice for choice in candidates if wanted in fold(choice.name)]
