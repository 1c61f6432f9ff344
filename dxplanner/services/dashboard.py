"""A strategy's dashboard: every chart's numbers for a filter, and the plans and units to filter by."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from dxplanner.collector import collector_paused
from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.core.matching import UnitName
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.queries import PlanItem

__all__ = ["Dashboard", "DashboardChoices", "PlanItem", "dashboard_choices", "first_strategy"]


@dataclass(frozen=True)
class DashboardChoices:
    """What a strategy's dashboard can be narrowed to: its plans (by start) and every unit (by name)."""

    plans: tuple[PlanItem, ...]
    units: tuple[UnitName, ...]


def dashboard_choices(
    plan: OpenPlan, strategy_id: int | None, plan_id: int | None = None
) -> DashboardChoices:
    """The plans of the strategy (with none, the plan serving none that plan_id names) and the units
    to filter its dashboard by."""
    with plan.read() as read:
        plans = queries.plans(read, strategy_id)
        if strategy_id is None:
            plans = [item for item in plans if item.id == plan_id]
        return DashboardChoices(tuple(plans), tuple(queries.unit_names(read)))


def first_strategy(plan: OpenPlan) -> int | None:
    """The strategy the navigator lists first (the newest period), if the file has one."""
    with plan.read() as read:
        strategies = queries.strategies(read)
    return strategies[0].id if strategies else None


class Dashboard:
    """Reads a dashboard's numbers, keeping what a change of unit, pillar or day does not change.

    Keep one while the file is unchanged and call `forget` after any change: a
    change of filter then costs only the sums, not reading and scheduling every
    task again.
    """

    def __init__(self, today: Callable[[], datetime.date] = datetime.date.today) -> None:
        self._today = today
        self._reader = DashboardReader(today)
        self._day = today()

    def read(self, plan: OpenPlan, chosen: DashboardFilter) -> DashboardData:
        """Every chart's numbers for the filter (a unit that no longer exists is refused)."""
        if self._today() != self._day:
            self.forget()  # a new day: tasks fall late, targets fall due, whatever the file says
        # The first read of a file makes some 100,000 objects that live as long as the numbers are
        # kept, and none in a cycle: the collector's full passes over the whole heap that so many
        # new objects set off took a third of the read (reference counting still frees them).
        with collector_paused():
            if not self._reader.knows(chosen):
                # Read in one snapshot, summed after it: a write waits only for the reading.
                with plan.read() as read:
                    self._reader.gather(read, chosen)
            return self._reader.numbers(chosen)

    def forget(self) -> None:
        """Drop what was kept: the file changed, here or elsewhere."""
        self._reader = DashboardReader(self._today)
        self._day = self._today()


class ReadAhead:
    """A strategy's first dashboard read before it is asked for (on a worker thread while the plan
    is looked at), to be taken over by the dashboard while the file is as it was read."""

    def __init__(self, plan: OpenPlan, strategy_id: int) -> None:
        self.plan = plan
        self.strategy_id = strategy_id
        # Every write from this window leaves a new journal: the numbers hold while this one stays.
        self._journal = plan.last_journal
        self.numbers = Dashboard()
        self.done = False

    @staticmethod
    def worth_it(plan: OpenPlan) -> bool:
        """Whether numbers read ahead stay true until this window changes the file: a plan file
        it writes alone (a shared server's or a read-only file's changes come from others)."""
        return not plan.read_only and plan.engine.dialect.name == "sqlite"

    def run(self) -> None:
        """Read the numbers the dashboard shows first: the whole strategy on today."""
        self.numbers.read(self.plan, DashboardFilter(self.strategy_id, datetime.date.today()))
        self.done = True

    def still_true(self) -> bool:
        """Whether the numbers were read and nothing was written to the file since they began."""
        return self.done and self.plan.last_journal is self._journal
