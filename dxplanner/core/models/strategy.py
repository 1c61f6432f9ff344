"""Socio-economic plans, strategies and the goals a strategy aims at."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import Area, Pillar, StrategyStatus
from dxplanner.core.models.base import Table, enum_type, version_field


class SocioEconomicPlan(Table, table=True):
    """The five-year socio-economic development plan a strategy serves."""

    __tablename__ = "socio_economic_plan"
    __table_args__ = (sa.CheckConstraint("end_year >= start_year", name="year_order"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT", index=True)
    start_year: int
    end_year: int
    version: int = version_field()


class Strategy(Table, table=True):
    """A vision and goals for a period, approved by a decision."""

    __tablename__ = "strategy"
    __table_args__ = (
        sa.CheckConstraint("end_year >= start_year", name="year_order"),
        sa.CheckConstraint("vision_year IS NULL OR vision_year >= end_year", name="vision_after_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    unit_id: int = Field(foreign_key="unit.id", ondelete="RESTRICT", index=True)
    start_year: int
    end_year: int
    vision_year: int | None = None
    vision: str | None = None
    decision_no: str | None = None
    decision_date: datetime.date | None = None
    status: StrategyStatus = Field(default=StrategyStatus.DRAFT, sa_type=enum_type(StrategyStatus))
    sedp_id: int | None = Field(
        default=None, foreign_key="socio_economic_plan.id", ondelete="SET NULL", index=True
    )
    version: int = version_field()


class Goal(Table, table=True):
    """What a strategy aims at, grouped by pillar and area; goals nest."""

    __tablename__ = "goal"
    __table_args__ = (
        sa.UniqueConstraint("strategy_id", "code"),
        sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    parent_id: int | None = Field(default=None, foreign_key="goal.id", ondelete="CASCADE", index=True)
    position: int = 0
    code: str
    text: str
    pillar: Pillar = Field(default=Pillar.DIGITAL_GOVERNMENT, sa_type=enum_type(Pillar))
    area: Area = Field(default=Area.OTHER, sa_type=enum_type(Area))
    version: int = version_field()
