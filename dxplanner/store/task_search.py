"""Finding tasks: words in names, codes, units and products (accents ignored), and filters."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from dxplanner.core.enums import TaskKind
from dxplanner.core.status import Health
from dxplanner.core.text import fold
from dxplanner.store.first_view import SheetRow


@dataclass(frozen=True)
class TaskFilter:
    """What a user asked to see; an empty filter shows every task."""

    words: str = ""
    health: Health | None = None
    lead_unit_id: int | None = None
    kind: TaskKind | None = None
    # A task is shown when its span overlaps [window_start, window_end].
    window_start: datetime.date | None = None
    window_end: datetime.date | None = None
    late_only: bool = False

    @property
    def empty(self) -> bool:
        """Whether the filter lets everything through."""
        return self == TaskFilter()


def matching_tasks(
    rows: Mapping[int, SheetRow], states: Mapping[int, Health], wanted: TaskFilter
) -> set[int]:
    """The tasks that meet every part of the filter ("chuyen doi so" finds "chuyển đổi số")."""
    words = fold(wanted.words).split()
    found = set()
    for task_id, row in rows.items():
        if words:
            haystack = fold(
                " ".join(
                    part or "" for part in (row.code, row.name, row.lead_unit, row.cooperating, row.product)
                )
            )
            if not all(word in haystack for word in words):
                continue
        state = states.get(task_id)
        if wanted.health is not None and state is not wanted.health:
            continue
        if wanted.late_only and state is not Health.LATE:
            continue
        if wanted.lead_unit_id is not None and row.lead_unit_id != wanted.lead_unit_id:
            continue
        if wanted.kind is not None and row.kind is not wanted.kind:
            continue
        if wanted.window_start is not None and (
            row.planned_end is None or row.planned_end < wanted.window_start
        ):
            continue
        if wanted.window_end is not None and (
            row.planned_start is None or row.planned_start > wanted.window_end
        ):
            continue
        found.add(task_id)
    return found
