"""Where a task stood on a given day: its progress and status then, read from its progress reports."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping, Sequence

from dxplanner.core.enums import TaskStatus
from dxplanner.core.rollup import TaskNode

Told = Sequence[tuple[datetime.date, float]]

# Statuses a person states without a day: the file keeps no history of when they were set.
_UNDATED = {TaskStatus.SUSPENDED, TaskStatus.CANCELLED}


def progress_history(
    node: TaskNode, told: Told, typed_day: datetime.date
) -> list[tuple[datetime.date, float]]:
    """The task's progress over time: its reports by day, and what is typed in the sheet from typed_day.

    Progress typed without a report is what the task stands at now, so it counts from
    typed_day (today, or a later day looked at) unless a report after that says otherwise.
    A task marked completed with no report of 100 % counts as done from its planned end
    (or typed_day, if sooner).
    """
    # A stable sort by day keeps the newest of a day's reports last, so it is the one that counts.
    history = sorted(told, key=lambda report: report[0])
    if node.status is TaskStatus.COMPLETED:
        if not any(progress >= 100 for _day, progress in history):
            finished = min(node.planned_end, typed_day) if node.planned_end is not None else typed_day
            history.append((finished, 100.0))
            history.sort(key=lambda report: report[0])
    elif not history or (history[-1][0] <= typed_day and history[-1][1] != node.progress):
        history.append((typed_day, node.progress))
    return history


def progress_on(history: Told, day: datetime.date) -> float:
    """The progress the history gives on a day: its latest entry up to then, else nothing done."""
    found = 0.0
    for when, progress in history:
        if when > day:
            break
        found = progress
    return found


def node_as_of(
    node: TaskNode,
    told: Told,
    as_of: datetime.date,
    today: datetime.date,
    stated: Sequence[tuple[datetime.date, TaskStatus]] = (),
) -> TaskNode:
    """The task as it stood on as_of: from today on as typed, before today as its reports tell.

    A pause or cancellation counts from the report that states it; one no report states has no
    date, so it is taken to hold throughout.
    """
    if as_of >= today:
        return node
    progress = progress_on(progress_history(node, told, today), as_of)
    said_by_then = [status for day, status in stated if day <= as_of]
    if progress >= 100:
        status = TaskStatus.COMPLETED
    elif said_by_then and said_by_then[-1] in _UNDATED:
        status = said_by_then[-1]
    elif (
        not said_by_then
        and node.status in _UNDATED
        and not any(status is node.status for _day, status in stated)
    ):
        status = node.status
    else:
        status = TaskStatus.IN_PROGRESS if progress > 0 else TaskStatus.NOT_STARTED
    return dataclasses.replace(node, progress=progress, status=status)


def tasks_as_of(
    nodes: Iterable[TaskNode],
    told: Mapping[int, Told],
    stated: Mapping[int, Sequence[tuple[datetime.date, TaskStatus]]],
    as_of: datetime.date,
    today: datetime.date,
) -> list[TaskNode]:
    """Every task as it stood on as_of (see node_as_of), from each one's progress reports and statuses."""
    if as_of >= today:
        return list(nodes)
    return [node_as_of(node, told.get(node.id, ()), as_of, today, stated.get(node.id, ())) for node in nodes]
