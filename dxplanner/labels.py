"""The words users see for each enumeration value, in the current language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dxplanner.core.enums import TaskStatus
from dxplanner.i18n import _

if TYPE_CHECKING:  # the timeline module compiles its patterns on import; start-up does not need them
    from dxplanner.core.timeline import TimelineKind


def task_status_label(status: TaskStatus) -> str:
    """What a task's status is called on screen."""
    return {
        TaskStatus.NOT_STARTED: _("Not started"),
        TaskStatus.IN_PROGRESS: _("In progress"),
        TaskStatus.COMPLETED: _("Completed"),
        TaskStatus.SUSPENDED: _("Suspended"),
        TaskStatus.CANCELLED: _("Cancelled"),
    }[status]


def timeline_kind_label(kind: TimelineKind) -> str:
    """What a kind of timeline is called on screen."""
    return {
        "day": _("day"),
        "month": _("month"),
        "quarter": _("quarter"),
        "half_year": _("half year"),
        "year": _("year"),
        "years": _("years"),
        "range": _("span"),
        "until": _("deadline"),
        "from": _("start only"),
        "recurring": _("recurring"),
        "continuous": _("continuous"),
        "unknown": _("not understood"),
    }[kind.value]
