"""What the dashboard shows, as plain data: the numbers each chart is drawn from (no Qt, no matplotlib)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from dxplanner.core.attainment import Attainment, AttainmentStatus
from dxplanner.core.budget import Money
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.status import Health


@dataclass(frozen=True)
class DashboardFilter:
    """What the dashboard is about: a strategy, and maybe one plan, unit (with sub-units), pillar or area.

    With no strategy, it is about one plan (plan_id) that serves none.
    """

    strategy_id: int | None
    as_of: datetime.date
    plan_id: int | None = None
    unit_id: int | None = None
    pillar: Pillar | None = None
    area: Area | None = None


@dataclass(frozen=True)
class ProgressData:
    """Planned and reported progress of the chosen work over time, in percent."""

    dates: tuple[datetime.date, ...]
    planned: tuple[float, ...]
    actual: tuple[float, ...]
    as_of: datetime.date
    planned_now: float = 0.0
    actual_now: float = 0.0

    @property
    def gap(self) -> float:
        """How many points the reported progress lies behind the plan today (negative: ahead)."""
        return self.planned_now - self.actual_now


@dataclass(frozen=True)
class IndicatorData:
    """An indicator's measured values and targets per year, and where it stands this year."""

    code: str
    name: str
    measure_unit: str
    years: tuple[int, ...]
    measured: tuple[float | None, ...]
    targets: tuple[float | None, ...]
    sedp_targets: tuple[float | None, ...]
    status: AttainmentStatus
    percent: float | None
    # Where it stood in each of the years: value, target (maybe read between targets), verdict.
    yearly: tuple[Attainment, ...] = ()
    # Each year's targets as written where they are more than a plain number (words, "≥ 40",
    # scopes), else None: shown as such beside the numbers.
    target_texts: tuple[str | None, ...] = ()
    # The figure measured from the estate on the dashboard's day, when the indicator follows one
    # and it stands as the newest value (see dashboard_data._estate_figure); else None.
    estate_figure: float | None = None

    def in_year(self, year: int) -> Attainment:
        """Where it stood in the year (no target and no value outside the years it has)."""
        if year in self.years and len(self.yearly) == len(self.years):
            return self.yearly[self.years.index(year)]
        return Attainment(year, None, None, None, False, None, AttainmentStatus.NO_TARGET)


@dataclass(frozen=True)
class UnitLoad:
    """How the tasks a unit leads stand."""

    unit: str
    counts: Mapping[Health, int]

    @property
    def late(self) -> int:
        """How many of its tasks are late."""
        return self.counts.get(Health.LATE, 0)

    @property
    def total(self) -> int:
        """How many tasks it leads."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class BudgetData:
    """Money planned, allocated and disbursed, by funding source, by year and by lead unit."""

    by_source: tuple[tuple[str, Money], ...] = ()
    by_year: tuple[tuple[int, Money], ...] = ()
    by_unit: tuple[tuple[str, Money], ...] = ()


@dataclass(frozen=True)
class AttentionItem:
    """A late or at-risk task, who owns it and how late it is."""

    task_id: int
    plan_id: int
    code: str | None
    name: str
    owner: str | None
    health: Health
    days_late: int


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard draws, for one filter."""

    title: str
    filter: DashboardFilter
    progress: ProgressData
    indicators: tuple[IndicatorData, ...] = ()
    units: tuple[UnitLoad, ...] = ()
    budget: BudgetData = field(default_factory=BudgetData)
    attention: tuple[AttentionItem, ...] = ()
