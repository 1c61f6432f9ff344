"""A task's progress and status kept in agreement when a person changes one of them."""

from __future__ import annotations

from dxplanner.core.enums import TaskStatus

DONE = 100.0

# Statuses a person states whatever the figure: work paused or dropped keeps its figure.
_STATED_ANYHOW = (TaskStatus.SUSPENDED, TaskStatus.CANCELLED)


def status_after_progress(progress: float, status: TaskStatus) -> TaskStatus:
    """The status a task takes when its progress becomes progress (its own when they agree).

    100% completes a task and less takes a completed one back to in progress (to not
    started at 0%): a completed task is shown at 100%, so a lower figure would not show.
    """
    if status in _STATED_ANYHOW:
        return status
    if progress >= DONE:
        return TaskStatus.COMPLETED
    if progress > 0:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.NOT_STARTED if status is TaskStatus.COMPLETED else status


def progress_after_status(status: TaskStatus, progress: float) -> float | None:
    """The progress a task takes when its status becomes status; None when no figure follows.

    Completed means 100% and not started 0%. In progress at 100% names no figure (how much
    is left is not known), so the caller asks for one instead of guessing.
    """
    if status is TaskStatus.COMPLETED:
        return DONE
    if status is TaskStatus.NOT_STARTED:
        return 0.0
    if status is TaskStatus.IN_PROGRESS and progress >= DONE:
        return None
    return progress


def status_for_progress(progress: float) -> TaskStatus:
    """The status a progress report implies when the reporter gives none."""
    if progress >= DONE:
        return TaskStatus.COMPLETED
    return TaskStatus.IN_PROGRESS if progress > 0 else TaskStatus.NOT_STARTED
