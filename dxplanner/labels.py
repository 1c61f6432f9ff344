"""The words users see for each enumeration value, in the current language."""

from __future__ import annotations

from dxplanner.core.enums import TaskStatus
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
