"""Tasks of an action plan (a tree) and what links them to units, goals and each other."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import DependencyType, Priority, TaskKind, TaskStatus, UnitRole
from dxplanner.core.models.base import Table, enum_type, version_field


def _dates_in_order(prefix: str) -> sa.CheckConstraint:
    start, end = f"{prefix}_start", f"{prefix}_end"
    return sa.CheckConstraint(
        f"{start} IS NULL OR {end} IS NULL OR {end} >= {start}", name=f"{prefix}_date_order"
    )


class Task(Table, table=True):
    """A group, task, project or milestone of an action plan."""

    __tablename__ = "task"
    __table_args__ = (
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        _dates_in_order("planned"),
        _dates_in_order("baseline"),
        _dates_in_order("actual"),
        sa.Index("ix_task_plan_parent_position", "plan_id", "parent_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id", ondelete="CASCADE", index=True)
    parent_id: int | None = Field(default=None, foreign_key="task.id", ondelete="CASCADE", index=True)
    position: int = 0
    code: str | None = None
    name: str
    kind: TaskKind = Field(default=TaskKind.TASK, sa_type=enum_type(TaskKind))
    lead_unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True)
    product: str | None = None
    timeline_text: str | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    baseline_start: datetime.date | None = None
    baseline_end: datetime.date | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None
    progress: float = 0.0
    status: TaskStatus = Field(default=TaskStatus.NOT_STARTED, sa_type=enum_type(TaskStatus))
    priority: Priority = Field(default=Priority.NORMAL, sa_type=enum_type(Priority))
    notes: str | None = None
    # A person answering for the task ("đ/c Minh"), named where a table names a unit.
    responsible_person: str | None = None
    # Bumped on every change; every edit carries the version the user saw (see version_field).
    version: int = 1


class TaskUnit(Table, table=True):
    """A unit that cooperates on a task (the lead is on the task itself)."""

    __tablename__ = "task_unit"

    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT", primary_key=True, index=True)
    role: UnitRole = Field(default=UnitRole.COOPERATING, sa_type=enum_type(UnitRole))


class TaskGoal(Table, table=True):
    """A goal of the strategy that a task serves."""

    __tablename__ = "task_goal"

    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", primary_key=True, index=True)


class Dependency(Table, table=True):
    """A link between two tasks: the successor's dates follow the predecessor's."""

    __tablename__ = "dependency"
    __table_args__ = (
        sa.UniqueConstraint("predecessor_id", "successor_id"),
        sa.CheckConstraint("predecessor_id <> successor_id", name="not_self"),
    )

    id: int | None = Field(default=None, primary_key=True)
    predecessor_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    successor_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    type: DependencyType = Field(default=DependencyType.FS, sa_type=enum_type(DependencyType))
    lag_days: int = 0
    version: int = version_field()
