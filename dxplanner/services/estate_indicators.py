"""Indicators fed by the estate: the figures measured on a day offered to them, and confirmed by a user."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from dxplanner.core.enums import EstateMeasure
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.changes import Changes
from dxplanner.store.estate_measures import following_indicators, measured_figures
from dxplanner.store.operations.estate_values import confirm_estate_value

__all__ = ["MeasuredOffer", "confirm_measured", "measured_offers"]


@dataclass(frozen=True)
class MeasuredOffer:
    """An estate figure offered as an indicator's value on a day, beside the value confirmed then."""

    indicator_id: int
    code: str
    name: str
    measure: EstateMeasure
    as_of: datetime.date
    value: float | None  # None: the estate has nothing to measure it by on that day
    confirmed: float | None  # the value already recorded for that day, if any

    @property
    def is_new(self) -> bool:
        """Whether confirming it would change the indicator's values."""
        return self.value is not None and self.value != self.confirmed


def measured_offers(
    plan: OpenPlan,
    as_of: datetime.date,
    *,
    strategy_id: int | None = None,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> list[MeasuredOffer]:
    """The estate figure on as_of for every indicator that follows one (of the strategy, if given)."""
    with plan.read() as read:
        rows = following_indicators(read, as_of, strategy_id)
        figures = measured_figures(read, as_of, today()) if rows else {}
    return [
        MeasuredOffer(indicator_id, code, name, measure, as_of, figures[measure], confirmed)
        for indicator_id, code, name, measure, confirmed in rows
    ]


def confirm_measured(
    plan: OpenPlan,
    indicator_id: int,
    as_of: datetime.date,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> Changes:
    """Record the estate figure on as_of as the indicator's value, its source saying it came from the
    estate (refused, changing nothing, for an indicator that follows no figure or one with none)."""
    return confirm_estate_value(plan, indicator_id, as_of, today())
