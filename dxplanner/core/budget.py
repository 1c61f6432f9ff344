"""Money totals: planned, allocated and disbursed, by funding source, year, unit or plan."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from dxplanner.core.enums import FundingSource

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class BudgetFact:
    """One budget line with what it is totalled by."""

    task_id: int
    plan_id: int
    lead_unit_id: int | None
    source: FundingSource
    year: int
    planned: int
    allocated: int
    disbursed: int


@dataclass(frozen=True)
class Money:
    """Planned, allocated and disbursed amounts in đồng."""

    planned: int = 0
    allocated: int = 0
    disbursed: int = 0

    def __add__(self, other: Money) -> Money:
        return Money(
            self.planned + other.planned, self.allocated + other.allocated, self.disbursed + other.disbursed
        )

    @property
    def disbursed_share(self) -> float | None:
        """Disbursed as a percentage of allocated (None when nothing was allocated)."""
        return 100.0 * self.disbursed / self.allocated if self.allocated else None


def totals(lines: Iterable[BudgetFact], key: Callable[[BudgetFact], K]) -> dict[K, Money]:
    """The money of the lines, summed per key."""
    summed: dict[K, Money] = {}
    for line in lines:
        group = key(line)
        summed[group] = summed.get(group, Money()) + Money(line.planned, line.allocated, line.disbursed)
    return summed


def by_source(lines: Iterable[BudgetFact]) -> dict[FundingSource, Money]:
    """Totals per funding source."""
    return totals(lines, lambda line: line.source)


def by_year(lines: Iterable[BudgetFact]) -> dict[int, Money]:
    """Totals per budget year."""
    return totals(lines, lambda line: line.year)


def by_unit(lines: Iterable[BudgetFact]) -> dict[int | None, Money]:
    """Totals per lead unit of the task (None: tasks without a lead)."""
    return totals(lines, lambda line: line.lead_unit_id)


def by_plan(lines: Iterable[BudgetFact]) -> dict[int, Money]:
    """Totals per action plan."""
    return totals(lines, lambda line: line.plan_id)


def grand_total(lines: Iterable[BudgetFact]) -> Money:
    """All the money of the lines."""
    return sum((Money(line.planned, line.allocated, line.disbursed) for line in lines), Money())
