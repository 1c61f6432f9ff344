"""Action plans: the tasks that make a strategy concrete for a period."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import PlanStatus, ProgressWeight
from dxplanner.core.models.base import Table, enum_type, version_field


class ActionPlan(Table, table=True):
    """A plan of tasks for a year or a whole strategy period."""

    __tablename__ = "action_plan"
    __table_args__ = (sa.CheckConstraint('"end" >= start', name="date_order"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int | None = Field(default=None, foreign_key="strategy.id", ondelete="RESTRICT", index=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT", index=True)
    name: str
    start: datetime.date
    end: datetime.date
    decision_no: str | None = None
    status: PlanStatus = Field(default=PlanStatus.DRAFT, sa_type=enum_type(PlanStatus))
    progress_weight: ProgressWeight = Field(
        default=ProgressWeight.DURATION,
        sa_type=enum_type(ProgressWeight),
        sa_column_kwargs={"server_default": ProgressWeight.DURATION.value},
    )
    version: int = version_field()


class PlanDayOff(Table, table=True):
    """A day the plan's units do not work besides weekends and public holidays (a local holiday, a move)."""

    __tablename__ = "plan_day_off"

    plan_id: int = Field(foreign_key="action_plan.id", ondelete="CASCADE", primary_key=True)
    day: datetime.date = Field(primary_key=True)
    note: str | None = None
