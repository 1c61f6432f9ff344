"""What the Gantt chart draws of a task, and of a whole plan, as plain data (no Qt)."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property

from dxplanner.core.schedule import Link
from dxplanner.core.status import Health
from dxplanner.core.workdays import WorkCalendar


@dataclass(frozen=True)
class GanttBar:
    """One row of the chart: a task's dates (a group's rolled up from below), progress and standing."""

    task_id: int
    level: int
    code: str | None
    name: str
    lead_unit: str | None
    start: datetime.date | None
    end: datetime.date | None
    progress: float
    health: Health | None
    is_group: bool = False
    is_milestone: bool = False
    baseline_start: datetime.date | None = None
    baseline_end: datetime.date | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None

    @property
    def dated(self) -> bool:
        """Whether the task has both dates, so it has a bar."""
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class GanttChart:
    """A whole chart to draw or export: rows in reading order, their links, and what to mark."""

    title: str
    bars: list[GanttBar]
    links: list[Link]
    calendar: WorkCalendar
    today: datetime.date
    critical: frozenset[int] = field(default_factory=frozenset)

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day any bar covers (baselines and actual dates included)."""
        days = [
            day
            for bar in self.bars
            for day in (
                bar.start,
                bar.end,
                bar.baseline_start,
                bar.baseline_end,
                bar.actual_start,
                bar.actual_end,
            )
            if day is not None
        ]
        return (min(days), max(days)) if days else None

    def links_among(self, task_ids: Collection[int]) -> list[Link]:
        """The links whose two tasks are both among task_ids (a page's rows), in the chart's order."""
        found = [
            (position, link)
            for task_id in task_ids
            for position, link in self._links_from.get(task_id, ())
            if link.successor in task_ids
        ]
        return [link for _position, link in sorted(found, key=lambda item: item[0])]

    @cached_property
    def _links_from(self) -> dict[int, list[tuple[int, Link]]]:
        # Each printed page asks for its own links: looking them up by predecessor keeps a
        # 1,600-page PDF from walking all of a 50,000-task plan's links once per page.
        by_predecessor: dict[int, list[tuple[int, Link]]] = {}
        for position, link in enumerate(self.links):
            by_predecessor.setdefault(link.predecessor, []).append((position, link))
        return by_predecessor
