"""Editing on the chart: what a press on a bar grabs, what the drag shows, and the operation it makes."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dxplanner.core.gantt_bar import GanttBar
from dxplanner.core.gantt_scale import TimeScale
from dxplanner.core.workdays import WorkCalendar, shift_span
from dxplanner.i18n import _
from dxplanner.services import conflicts, edits, records
from dxplanner.services.conflicts import Edit
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.outline import SheetRow
from dxplanner.services.progress_edits import agreeing_fields
from dxplanner.ui.gantt.painter import BarGeometry

LINK_HANDLE_GAP = 9.0
LINK_HANDLE_RADIUS = 5.0
EDGE_GRIP = 4.0

Operation = Callable[[OpenPlan], Changes]
# What a finished drag does: its name on the Edit menu, its operation (an edit of the task as the
# chart showed it, or a new link), and what else to tell the user.
Step = tuple[str, Edit | Operation, str | None]


class Gesture(enum.Enum):
    """What a drag on a bar does."""

    MOVE = "move"
    RESIZE_END = "resize_end"
    PROGRESS = "progress"
    LINK = "link"


def link_handle(geometry: BarGeometry) -> tuple[float, float]:
    """Where the round handle to draw a link from a bar sits: just after its end."""
    return geometry.right + LINK_HANDLE_GAP, geometry.middle


def grab(bar: GanttBar, geometry: BarGeometry, x: float, y: float) -> Gesture | None:
    """What pressing at (x, y) takes hold of on this bar (None: nothing; groups follow their tasks)."""
    if bar.is_group or not bar.dated:
        return None
    handle_x, handle_y = link_handle(geometry)
    if (x - handle_x) ** 2 + (y - handle_y) ** 2 <= (LINK_HANDLE_RADIUS + 1) ** 2:
        return Gesture.LINK
    half_height = (geometry.bottom - geometry.top) / 2
    if bar.is_milestone:
        return (
            Gesture.MOVE
            if abs(x - geometry.left) <= half_height + 2 and abs(y - geometry.middle) <= half_height + 2
            else None
        )
    progress_x = geometry.left + (geometry.right - geometry.left) * max(0.0, min(100.0, bar.progress)) / 100
    if abs(x - progress_x) <= 5 and geometry.bottom - 1 <= y <= geometry.bottom + 7:
        return Gesture.PROGRESS
    if not geometry.top - 2 <= y <= geometry.bottom + 2:
        return None
    # A bar too narrow for both grips is moved: its length is changed in the sheet, or zoomed in.
    if abs(x - geometry.right) <= EDGE_GRIP and geometry.right - geometry.left > 3 * EDGE_GRIP:
        return Gesture.RESIZE_END
    if geometry.left - 2 <= x <= geometry.right:
        return Gesture.MOVE
    return None


@dataclass
class Drag:
    """A drag in progress: what was grabbed, where, and where the mouse is now."""

    gesture: Gesture
    bar: GanttBar
    geometry: BarGeometry
    press_x: float
    x: float
    y: float
    target: int | None = None  # the task under the mouse, for a link
    press_y: float = 0.0
    far: bool = False  # the mouse has gone far enough from the press to mean a drag

    def moved_days(self, scale: TimeScale) -> int:
        """How many days the mouse has moved, to the nearest day."""
        return scale.days_in(self.x - self.press_x)


def preview(drag: Drag, scale: TimeScale, calendar: WorkCalendar) -> GanttBar | None:
    """The bar as it would be if the mouse were released now (None when nothing would change)."""
    bar = drag.bar
    assert bar.start is not None and bar.end is not None
    days = drag.moved_days(scale)
    if drag.gesture is Gesture.MOVE and days:
        start, end = shift_span(calendar, bar.start, bar.end, days)
        return dataclasses.replace(bar, start=start, end=end)
    if drag.gesture is Gesture.RESIZE_END and days:
        # An end dropped on a weekend or a holiday means the working day before it.
        end = calendar.day_at(calendar.index_on_or_before(bar.end + datetime.timedelta(days=days)))
        return dataclasses.replace(bar, end=end)
    if drag.gesture is Gesture.PROGRESS:
        return dataclasses.replace(bar, progress=progress_at(drag))
    return None


def progress_at(drag: Drag) -> float:
    """The progress the mouse points at along the bar, in whole percent."""
    width = max(1.0, drag.geometry.right - drag.geometry.left)
    return float(round(max(0.0, min(100.0, (drag.x - drag.geometry.left) / width * 100))))


def outcome(
    drag: Drag, scale: TimeScale, calendar: WorkCalendar, row: SheetRow | None = None, seen: int | None = None
) -> Step | None:
    """The undoable step a finished drag makes (or None); row is the sheet's row of the dragged task,
    seen the version of the task the chart shows."""
    bar = drag.bar
    task_id, name = bar.task_id, bar.name
    if drag.gesture is Gesture.LINK:
        target = drag.target
        if target is None or target == task_id:
            return None
        return (
            _("Link “{task}” to a task after it").format(task=name),
            lambda plan: edits.add_dependency(plan, task_id, target),
            None,
        )
    changed = preview(drag, scale, calendar)
    if changed is None:
        return None
    if drag.gesture is Gesture.PROGRESS:
        if changed.progress == bar.progress:
            return None
        fields, told = _progress_fields(row, changed.progress)
        return (
            _("Set the progress of “{task}”").format(task=name),
            conflicts.one_record(
                "task",
                task_id,
                seen,
                fields,
                lambda plan, version, values: edits.update_task(plan, task_id, seen=version, **values),
                # What the bar showed: a change made meanwhile to other fields is no conflict.
                {"progress": bar.progress, **({"status": row.status} if row is not None else {})},
            ),
            told,
        )
    start, end = changed.start, changed.end
    if (start, end) == (bar.start, bar.end):
        return None
    title = _("Move “{task}”") if drag.gesture is Gesture.MOVE else _("Change the end of “{task}”")
    dates = conflicts.one_record(
        "task",
        task_id,
        seen,
        {"planned_start": start, "planned_end": end},
        lambda plan, version, values: _reschedule(plan, task_id, values, version),
        {"planned_start": bar.start, "planned_end": bar.end},
    )
    return title.format(task=name), dates, None


def _reschedule(plan: OpenPlan, task_id: int, dates: dict[str, Any], seen: int | None) -> Changes:
    """Give a task the dates of a drag; a date left out (merged away) stays as stored."""
    stored = records.task(plan, task_id) if len(dates) < 2 else None
    start = dates["planned_start"] if "planned_start" in dates else getattr(stored, "planned_start", None)
    end = dates["planned_end"] if "planned_end" in dates else getattr(stored, "planned_end", None)
    return edits.reschedule_task(plan, task_id, start, end, seen=seen)


def _progress_fields(row: SheetRow | None, progress: float) -> tuple[dict[str, Any], str | None]:
    """A figure dragged to moves the status with it, as one typed in the sheet does: a completed task
    shows 100%, so without that the figure would be stored and never shown."""
    if row is None:
        return {"progress": progress}, None
    agreed = agreeing_fields(row, True, progress)
    assert not isinstance(agreed, str)  # only a status edit is refused; a figure always has its status
    return agreed
