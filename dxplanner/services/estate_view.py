"""The estate map for the window and the exports: the estate as it stands on a day, filtered."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection

from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_map import EstateMap
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import estate_data
from dxplanner.store.estate_data import MapFilter, statuses_of

__all__ = ["estate_map", "to_be_date"]


def estate_map(
    plan: OpenPlan,
    as_of: datetime.date,
    *,
    plan_id: int | None = None,
    unit_id: int | None = None,
    statuses: Collection[EstateStatus] | None = None,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> EstateMap:
    """The estate on as_of ("as is": today; "to be": `to_be_date` of a plan), narrowed to the
    elements the plan's tasks change, to a unit and its sub-units (owner, handling unit,
    publisher), and to some statuses on that day. A line is kept when both its ends are.

    A plan or unit that does not exist is refused with a NotFoundError.
    """
    chosen = MapFilter(plan_id, unit_id, statuses_of(statuses))
    with plan.read() as read:
        return estate_data.estate_map(read, as_of, chosen, today())


def to_be_date(plan: OpenPlan, plan_id: int) -> datetime.date:
    """The day an action plan's "to be" estate is shown on: the plan's last day."""
    with plan.read() as read:
        return estate_data.plan_end(read, plan_id)
