"""Progress reports and risks: what is known about how the work is going."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import RiskCategory, RiskStatus, TaskStatus
from dxplanner.core.models.base import Table, enum_type, version_field


class ProgressReport(Table, table=True):
    """A dated statement of how far a task has come."""

    __tablename__ = "progress_report"
    __table_args__ = (sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    as_of: datetime.date
    progress: float
    status: TaskStatus = Field(sa_type=enum_type(TaskStatus))
    remark: str | None = None
    author: str | None = None
    # What a unit's progress form said besides the figures (revision 0008).
    difficulty: str | None = None
    proposal: str | None = None
    version: int = version_field()


class Risk(Table, table=True):
    """Something that may go wrong, attached to a strategy, a plan or a task."""

    __tablename__ = "risk"
    __table_args__ = (
        sa.CheckConstraint("likelihood BETWEEN 1 AND 5", name="likelihood_range"),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
        sa.CheckConstraint(
            "(strategy_id IS NOT NULL) + (plan_id IS NOT NULL) + (task_id IS NOT NULL) = 1",
            name="one_owner",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int | None = Field(default=None, foreign_key="strategy.id", ondelete="CASCADE", index=True)
    plan_id: int | None = Field(default=None, foreign_key="action_plan.id", ondelete="CASCADE", index=True)
    task_id: int | None = Field(default=None, foreign_key="task.id", ondelete="CASCADE", index=True)
    text: str
    category: RiskCategory = Field(default=RiskCategory.OTHER, sa_type=enum_type(RiskCategory))
    likelihood: int = 3
    impact: int = 3
    mitigation: str | None = None
    owner_unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="SET NULL", index=True)
    status: RiskStatus = Field(default=RiskStatus.OPEN, sa_type=enum_type(RiskStatus))
    version: int = version_field()
