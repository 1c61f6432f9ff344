"""A plan's outline as the task sheet and the Gantt chart beside it read it: structure, rows, links."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dxplanner.core.rollup import TaskNode, Weight
from dxplanner.core.workdays import WorkCalendar
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import first_view  # the first sheet is read with no table class loaded
from dxplanner.store.first_view import SheetRow
from dxplanner.store.task_search import TaskFilter, matching_tasks

if TYPE_CHECKING:  # the chart's reads load the table classes: on the chart's first use
    from dxplanner.core.gantt_bar import GanttChart
    from dxplanner.core.schedule import Link

__all__ = [
    "Money",
    "Outline",
    "SheetRow",
    "TaskFilter",
    "TaskPlaces",
    "chart_title",
    "matching_tasks",
    "money",
    "outline",
    "period",
    "places",
    "plan_links",
    "sheet_rows",
    "whole_chart",
]


@dataclass(frozen=True)
class Money:
    """How a plan weighs its tasks in roll-ups, and the money planned on each task's own budget lines."""

    weight: Weight
    planned: dict[int, int]  # tasks without budget lines are left out


@dataclass(frozen=True)
class Outline:
    """What a plan's outline is built from: its working days, every task's place and own figures, the
    numbers tasks were given, and its money."""

    calendar: WorkCalendar
    nodes: tuple[TaskNode, ...]
    codes: dict[int, str | None]
    money: Money
    # Each task's version, read with its place and figures: the version an edit of what is shown carries.
    versions: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TaskPlaces:
    """Some tasks as they now stand: their place and own figures, and the numbers they were given."""

    nodes: tuple[TaskNode, ...]
    codes: dict[int, str | None]
    versions: dict[int, int] = field(default_factory=dict)
    # What the sheet shows of the tasks asked for with_rows (read in the same snapshot).
    rows: dict[int, SheetRow] = field(default_factory=dict)


def outline(plan: OpenPlan, plan_id: int) -> Outline:
    """Everything the sheet needs to lay out and roll up a plan, read in one snapshot."""
    with plan.look() as read:
        calendar = first_view.plan_calendar(read, plan_id)
        nodes = tuple(first_view.outline_nodes(read, [plan_id]))
        codes = first_view.task_codes(read, plan_id)
        found = Money(
            first_view.plan_weight(read, plan_id, calendar), first_view.planned_by_task(read, [plan_id])
        )
        versions = first_view.task_versions(read, plan_id)
    return Outline(calendar, nodes, codes, found, versions)


def money(plan: OpenPlan, plan_id: int, calendar: WorkCalendar) -> Money:
    """A plan's roll-up weight and the money planned on each task (read again after a budget changed)."""
    with plan.look() as read:
        return Money(
            first_view.plan_weight(read, plan_id, calendar), first_view.planned_by_task(read, [plan_id])
        )


def places(
    plan: OpenPlan, plan_id: int, task_ids: Iterable[int], with_rows: Iterable[int] = ()
) -> TaskPlaces:
    """The given tasks of a plan as they now stand (those that no longer exist are left out), and
    the sheet's values of the tasks with_rows, in one snapshot (one read where an edit needs both)."""
    wanted, shown = list(task_ids), list(with_rows)
    with plan.look() as read:
        nodes = tuple(first_view.outline_nodes(read, [], wanted))
        codes = first_view.task_codes(read, plan_id, wanted)
        versions = first_view.task_versions(read, plan_id, wanted)
        rows = first_view.sheet_rows(read, shown) if shown else {}
    return TaskPlaces(nodes, codes, versions, rows)


def sheet_rows(plan: OpenPlan, task_ids: Sequence[int]) -> dict[int, SheetRow]:
    """What the sheet shows of each of the given tasks, by id."""
    with plan.look() as read:
        return first_view.sheet_rows(read, task_ids)


def period(plan: OpenPlan, plan_id: int) -> tuple[datetime.date, datetime.date] | None:
    """A plan's first and last day (None when there is no such plan)."""
    with plan.look() as read:
        return first_view.plan_period(read, plan_id)


def plan_links(plan: OpenPlan, plan_id: int) -> list[Link]:
    """The links between the plan's tasks, as the chart draws them and the critical path follows them."""
    from dxplanner.store.queries import plan_links

    with plan.read() as read:
        return plan_links(read, [plan_id])


def whole_chart(plan: OpenPlan, plan_id: int, today: datetime.date) -> GanttChart:
    """The Gantt chart of a whole plan: every task's bar, its links, title and calendar."""
    from dxplanner.store.chart_rows import plan_chart

    with plan.read() as read:
        return plan_chart(read, plan_id, today)


def chart_title(plan: OpenPlan, plan_id: int) -> str:
    """The title a chart of the plan carries."""
    from dxplanner.store.chart_rows import plan_chart_title

    with plan.read() as read:
        return plan_chart_title(read, plan_id)
