"""The words users see for each enumeration value, in the current language."""

from __future__ import annotations

from dxplanner.core.enums import TaskKind, TaskStatus
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


def task_kind_label(kind: TaskKind) -> str:
    """What a kind of task is called on screen."""
    return {
        TaskKind.GROUP: _("Group"),
        TaskKind.TASK: _("Task"),
        TaskKind.PROJECT: _("Project"),
        TaskKind.MILESTONE: _("Milestone"),
    }[kind]
