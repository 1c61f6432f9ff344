"""The edits a front end makes to records it shows: each a command on the open plan returning its Changes.

Each command runs in one write transaction and returns what it changed. Most are the
store's operations themselves, named here so that the front ends reach them only
through the services; a command gets a body of its own where it decides more than
the operation does (a field of a record keyed by more than an id, a merged value).
New records, with the defaults they start from, are in services.new_records.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from dxplanner.core.errors import NotFoundError
from dxplanner.i18n import _
from dxplanner.services import records
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations.dependencies import add_dependency, delete_dependency, update_dependency
from dxplanner.store.operations.goals import update_goal
from dxplanner.store.operations.indicators import (
    add_next_target,
    delete_indicator_target,
    move_indicator_value,
    record_indicator_value,
    update_indicator,
    update_indicator_target,
)
from dxplanner.store.operations.plans import (
    delete_plan_day_off,
    set_baseline,
    update_plan,
    update_plan_day_off,
)
from dxplanner.store.operations.progress import (
    delete_progress_report,
    report_progress,
    report_progress_each,
    update_progress_report,
)
from dxplanner.store.operations.reschedule import reschedule_task
from dxplanner.store.operations.resources import (
    delete_budget_line,
    delete_staff_line,
    update_budget_line,
    update_staff_line,
)
from dxplanner.store.operations.risks import delete_risk, update_risk
from dxplanner.store.operations.strategies import update_sedp, update_strategy
from dxplanner.store.operations.tasks import (
    delete_tasks,
    indent_task,
    move_task,
    outdent_task,
    set_task_timeline,
    set_task_units,
    update_task,
)
from dxplanner.store.operations.units import delete_unit, merge_units, update_unit

__all__ = [
    "Changes",
    "Entity",
    "add_dependency",
    "add_next_target",
    "delete_budget_line",
    "delete_dependency",
    "delete_indicator_target",
    "delete_plan_day_off",
    "delete_progress_report",
    "delete_risk",
    "delete_staff_line",
    "delete_tasks",
    "delete_unit",
    "indent_task",
    "merge_units",
    "move_indicator_value",
    "move_task",
    "outdent_task",
    "paste_tasks",
    "record_indicator_value",
    "report_progress",
    "report_progress_each",
    "reschedule_task",
    "set_baseline",
    "set_task_timeline",
    "set_task_units",
    "update_budget_line",
    "update_day_off",
    "update_dependency",
    "update_goal",
    "update_indicator",
    "update_indicator_target",
    "update_indicator_value",
    "update_plan",
    "update_plan_day_off",
    "update_progress_report",
    "update_risk",
    "update_sedp",
    "update_staff_line",
    "update_strategy",
    "update_target",
    "update_task",
    "update_unit",
]


def update_target(
    plan: OpenPlan, indicator_id: int, year: int, scope: str, field: str, value: Any
) -> Changes:
    """Change one field of an indicator's target for a year and scope (a new year or scope moves it)."""
    return update_indicator_target(plan, indicator_id, year, scope, **{field: value})


def update_indicator_value(
    plan: OpenPlan, indicator_id: int, as_of: datetime.date, field: str, value: Any
) -> Changes:
    """Change one field of a measured value: its date moves it; its figure or source is recorded again
    with the other field kept."""
    if field == "as_of":
        return move_indicator_value(plan, indicator_id, as_of, value)
    current = next((each for each in records.values_of(plan, indicator_id) if each.as_of == as_of), None)
    if current is None:
        raise NotFoundError(
            _("There is no value measured on {day:%d/%m/%Y} any more (it may have been deleted).").format(
                day=as_of
            )
        )
    merged = {"value": current.value, "source": current.source, field: value}
    return record_indicator_value(plan, indicator_id, as_of, merged["value"], merged["source"])


def update_day_off(plan: OpenPlan, plan_id: int, day: datetime.date, field: str, value: Any) -> Changes:
    """Change a plan's day off: its date (it moves) or its note."""
    if field == "day":
        return update_plan_day_off(plan, plan_id, day, new_day=value)
    return update_plan_day_off(plan, plan_id, day, note=value)


def paste_tasks(
    plan: OpenPlan,
    plan_id: int,
    columns: Sequence[str | None],
    rows: Sequence[Sequence[str]],
    *,
    parent_id: int | None = None,
    position: int | None = None,
    levels: Sequence[int] | None = None,
    links: Sequence[tuple[int, int, str, int]] = (),
    copied: bool = False,
) -> Changes:
    """Add pasted rows as tasks at position below parent_id; columns name the task field each column of
    the rows holds (None: ignored); levels, when given, each row's level (a group with its tasks);
    links, the links between pasted rows (predecessor row, successor row, type, lag; rows from 1);
    copied: rows copied in a sheet, each task's own values taken as they are."""
    # Pasting reads timelines, whose patterns compile on import: not at start-up.
    from dxplanner.store.operations.paste import PasteField
    from dxplanner.store.operations.paste import paste_tasks as paste

    fields = [None if name is None else PasteField(name) for name in columns]
    return paste(
        plan,
        plan_id,
        fields,
        rows,
        parent_id=parent_id,
        position=position,
        levels=levels,
        links=links,
        copied=copied,
    )
