"""The words users see for each enumeration value, in the current language."""

from __future__ import annotations

from dxplanner.core.enums import TaskStatus
from dxplanner.core.timeline import TimelineKind
from dxplanner.i18n import _


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
        TimelineKind.DAY: _("day"),
        TimelineKind.MONTH: _("month"),
        TimelineKind.QUARTER: _("quarter"),
        TimelineKind.HALF_YEAR: _("half year"),
        TimelineKind.YEAR: _("year"),
        TimelineKind.YEARS: _("years"),
        TimelineKind.RANGE: _("span"),
        TimelineKind.UNTIL: _("deadline"),
        TimelineKind.FROM: _("start only"),
        TimelineKind.RECURRING: _("recurring"),
        TimelineKind.CONTINUOUS: _("continuous"),
        TimelineKind.UNKNOWN: _("not understood"),
    }[kind]
