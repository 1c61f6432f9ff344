"""Confirming a figure measured from the estate as a measured value of the indicator that follows it."""

from __future__ import annotations

import datetime

from dxplanner.core import rules
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Indicator
from dxplanner.i18n import _
from dxplanner.store.changes import Changes
from dxplanner.store.estate_measures import measured_figures
from dxplanner.store.operations._records import fetch
from dxplanner.store.operations.indicators import write_indicator_value
from dxplanner.store.plan_store import PlanStore


def estate_source(as_of: datetime.date) -> str:
    """The source a confirmed value carries, saying it came from the estate and of which day."""
    return _("Measured from the estate on {day:%d/%m/%Y}").format(day=as_of)


def confirm_estate_value(
    store: PlanStore, indicator_id: int, as_of: datetime.date, today: datetime.date
) -> Changes:
    """Record as the indicator's value on as_of the estate figure it follows, measured in the same
    transaction (so the value is the figure of the records written, not of an older reading)."""
    with store.write() as session:
        indicator = fetch(session, Indicator, indicator_id, _("Indicator"))
        day = rules.required_date(as_of, _("Date"))
        if indicator.estate_measure is None:
            raise InvalidInputError(
                _("The indicator “{name}” does not follow a figure of the estate.").format(
                    name=indicator.name
                )
            )
        figure = measured_figures(session, day, today)[indicator.estate_measure]
        if figure is None:
            raise InvalidInputError(
                _("The estate has nothing yet to measure “{name}” by on {day:%d/%m/%Y}.").format(
                    name=indicator.name, day=day
                )
            )
        return write_indicator_value(session, indicator_id, day, figure, estate_source(day))
