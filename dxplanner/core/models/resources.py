"""The money and staff a task needs."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import FundingSource
from dxplanner.core.models.base import Table, enum_type, version_field


class BudgetLine(Table, table=True):
    """Money for a task from one source in one year, in đồng."""

    __tablename__ = "budget_line"
    __table_args__ = (
        sa.UniqueConstraint("task_id", "source", "year"),
        sa.CheckConstraint("planned >= 0 AND allocated >= 0 AND disbursed >= 0", name="not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    source: FundingSource = Field(sa_type=enum_type(FundingSource))
    year: int
    # BigInteger: budgets in đồng pass 2^31 on PostgreSQL.
    planned: int = Field(default=0, sa_type=sa.BigInteger)
    allocated: int = Field(default=0, sa_type=sa.BigInteger)
    disbursed: int = Field(default=0, sa_type=sa.BigInteger)
    version: int = version_field()


class StaffLine(Table, table=True):
    """Person-months a unit puts into a task."""

    __tablename__ = "staff_line"
    __table_args__ = (
        sa.UniqueConstraint("task_id", "unit_id"),
        sa.CheckConstraint("person_months >= 0", name="not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT", index=True)
    person_months: float
    version: int = version_field()
