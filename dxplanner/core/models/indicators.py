"""Indicators (KPIs) with their yearly targets and measured values."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import Comparison, Direction, EstateMeasure
from dxplanner.core.models.base import Table, enum_type, version_field


class Indicator(Table, table=True):
    """A measurable goal of a strategy, or a target of a socio-economic plan."""

    __tablename__ = "indicator"
    __table_args__ = (
        sa.CheckConstraint("(goal_id IS NULL) <> (sedp_id IS NULL)", name="one_owner"),
        sa.CheckConstraint(
            "sedp_indicator_id IS NULL OR sedp_indicator_id <> id", name="not_own_sedp_indicator"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int | None = Field(default=None, foreign_key="goal.id", ondelete="CASCADE", index=True)
    sedp_id: int | None = Field(
        default=None, foreign_key="socio_economic_plan.id", ondelete="CASCADE", index=True
    )
    code: str
    name: str
    measure_unit: str = ""
    direction: Direction = Field(default=Direction.INCREASE, sa_type=enum_type(Direction))
    baseline_value: float | None = None
    baseline_year: int | None = None
    source: str | None = None
    # The unit that follows and assesses the indicator ("Cơ quan chủ trì theo dõi, đánh giá").
    lead_unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="SET NULL", index=True)
    sedp_indicator_id: int | None = Field(
        default=None, foreign_key="indicator.id", ondelete="SET NULL", index=True
    )
    # The figure of the estate it follows, offered as its measured value (the user confirms it).
    estate_measure: EstateMeasure | None = Field(default=None, sa_type=enum_type(EstateMeasure))
    version: int = version_field()


class IndicatorTarget(Table, table=True):
    """What an indicator should reach in a year, within a scope: a number with a comparison, or words.

    "≤ 5 ASEAN; ≤ 60 thế giới" is two targets of one year, scoped "ASEAN" and "thế giới";
    "Đạt mức khá của khu vực" is a target in words (text, no value); "40 - 50" is one target,
    a range from value to upper (at least the one, at most the other); the text of a target
    with a number is a note said after it ("≥ 3 và tăng dần …"). The target without a scope
    ("") is the one progress is measured against.
    """

    __tablename__ = "indicator_target"
    __table_args__ = (
        sa.CheckConstraint("value IS NOT NULL OR text IS NOT NULL", name="says_something"),
        # A range says its own comparison, and goes from its low figure up.
        sa.CheckConstraint(
            "upper IS NULL OR (value IS NOT NULL AND comparison IS NULL AND upper >= value)",
            name="range_in_order",
        ),
    )

    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", primary_key=True)
    year: int = Field(primary_key=True)
    scope: str = Field(default="", primary_key=True, sa_column_kwargs={"server_default": ""})
    value: float | None = None
    comparison: Comparison | None = Field(default=None, sa_type=enum_type(Comparison))
    text: str | None = None
    upper: float | None = None  # the high figure of a range; value is then the low one


class IndicatorValue(Table, table=True):
    """A value of an indicator measured on a date."""

    __tablename__ = "indicator_value"

    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", primary_key=True)
    as_of: datetime.date = Field(primary_key=True)
    value: float
    source: str | None = None
