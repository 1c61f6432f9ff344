"""Operations on progress reports; the latest report sets the task's progress and status."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import TaskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import ProgressReport, Task
from dxplanner.core.progress_status import status_for_progress
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import (
    Checkers,
    apply_fields,
    bump_version,
    conflict_of,
    fetch,
    new_id,
    refuse_conflicts,
    update_checked,
)
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "as_of": lambda value: rules.required_date(value, _("Report date")),
        "progress": rules.progress,
        "status": lambda value: rules.member(TaskStatus, value, _("Status")),
        "remark": lambda value: rules.optional_text(value, _("Remark")),
        "author": lambda value: rules.optional_text(value, _("Author")),
        "difficulty": lambda value: rules.optional_text(value, _("Difficulties")),
        "proposal": lambda value: rules.optional_text(value, _("Proposals")),
    }


def add_progress_report(
    store: PlanStore,
    task_id: int,
    *,
    as_of: datetime.date,
    progress: float,
    status: TaskStatus | str | None = None,
    remark: str | None = None,
    author: str | None = None,
) -> Changes:
    """Record how far a task has come on a date; the newest report becomes the task's state."""
    with store.write() as session:
        fetch(session, Task, task_id, _("Task"))
        report = ProgressReport(task_id=task_id, as_of=as_of, progress=0, status=TaskStatus.NOT_STARTED)
        checked_progress = rules.progress(progress)
        apply_fields(
            report,
            {
                "as_of": as_of,
                "progress": checked_progress,
                "status": status_for_progress(checked_progress) if status is None else status,
                "remark": remark,
                "author": author,
            },
            _checkers(),
        )
        changes = Changes().create(Entity.PROGRESS_REPORT, new_id(session, report))
        _sync_task(session, task_id, changes)
        return changes


def update_progress_report(
    store: PlanStore, report_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Correct a progress report.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        changes = update_checked(
            session,
            ProgressReport,
            report_id,
            _("Progress report"),
            fields,
            _checkers(),
            _no_more_checks,
            Entity.PROGRESS_REPORT,
            seen=seen,
        )
        _sync_task(session, fetch(session, ProgressReport, report_id, _("Progress report")).task_id, changes)
        return changes


def delete_progress_report(store: PlanStore, report_id: int) -> Changes:
    """Remove a progress report; the task takes the state of the newest one left.

    With no report left, the task keeps the state it has: reports are its history,
    and the state before the first report is not known (an undo restores it from
    the `previous` values that add_progress_report returned).
    """
    with store.write() as session:
        report = fetch(session, ProgressReport, report_id, _("Progress report"))
        task_id = report.task_id
        session.delete(report)
        session.flush()
        changes = Changes().delete(Entity.PROGRESS_REPORT, report_id)
        _sync_task(session, task_id, changes)
        return changes


def _no_more_checks(_session: Session, _report: ProgressReport) -> None:
    """Each field of a report is checked alone; no rule joins them."""


def _sync_task(session: Session, task_id: int, changes: Changes) -> None:
    """Give the task the progress and status of its newest report, noting what it had."""
    session.flush()
    latest = session.exec(
        select(ProgressReport)
        .where(ProgressReport.task_id == task_id)
        .order_by(col(ProgressReport.as_of).desc(), col(ProgressReport.id).desc())
    ).first()
    if latest is None:
        return
    task = fetch(session, Task, task_id, _("Task"))
    if (task.progress, task.status) != (latest.progress, latest.status):
        changes.previous |= {"task_progress": task.progress, "task_status": task.status}
        task.progress = latest.progress
        task.status = latest.status
        bump_version(task)
        session.add(task)
        changes.update(Entity.TASK, task_id)


# Each task's progress and status for a report (None: as report_progress says).
Figures = Mapping[int, tuple[float | None, TaskStatus | str | None]]


def report_progress(
    store: PlanStore,
    task_ids: Sequence[int],
    *,
    as_of: datetime.date,
    progress: float | None,
    status: TaskStatus | str | None = None,
    remark: str | None = None,
    author: str | None = None,
    seen: Mapping[int, int] | None = None,
) -> Changes:
    """Record the same dated report for several tasks at once (one step to undo).

    With no progress figure, each task is reported at the figure it has (and, with no status
    either, the status it has): a dated remark or status on tasks that stand at different
    figures must not make them all equal.
    seen: the version of each task the user saw; if any changed since, no report is made.
    """
    figures = dict.fromkeys(dict.fromkeys(task_ids), (progress, status))
    return report_progress_each(store, figures, as_of=as_of, remark=remark, author=author, seen=seen)


def report_progress_each(
    store: PlanStore,
    figures: Figures,
    *,
    as_of: datetime.date,
    remark: str | None = None,
    author: str | None = None,
    seen: Mapping[int, int] | None = None,
) -> Changes:
    """Record a dated report for each task at its own progress and status, as one step to undo.

    seen: the version of each task the user saw; if any changed since, no report is made
    (ConflictError names them all).
    """
    with store.write() as session:
        if not figures:
            raise InvalidInputError(_("Choose the tasks to report on first."))
        standings: list[tuple[int, float, TaskStatus | str]] = []
        conflicts = []
        for task_id, (progress, status) in figures.items():
            task = fetch(session, Task, task_id, _("Task"), lock=seen is not None)
            figure, stated = _standing(task, progress, status)
            standings.append((task_id, figure, stated))
            if seen is not None and task_id in seen:
                mine = {"progress": figure, "status": stated}
                conflicts.append(conflict_of(task, seen[task_id], mine, _("Task")))
        refuse_conflicts(conflicts, session)
        changes = Changes()
        for task_id, figure, stated in standings:
            report = ProgressReport(task_id=task_id, as_of=as_of, progress=0, status=TaskStatus.NOT_STARTED)
            apply_fields(
                report,
                {
                    "as_of": as_of,
                    "progress": figure,
                    "status": stated,
                    "remark": remark,
                    "author": author,
                },
                _checkers(),
            )
            changes.create(Entity.PROGRESS_REPORT, new_id(session, report))
            _sync_task(session, task_id, changes)
        return changes


def _standing(
    task: Task, progress: float | None, status: TaskStatus | str | None
) -> tuple[float, TaskStatus | str]:
    """The progress and status a report states: those given, else the task's own (see report_progress)."""
    checked_progress = None if progress is None else rules.progress(progress)
    figure = task.progress if checked_progress is None else checked_progress
    if status is not None:
        return figure, status
    if checked_progress is None:
        return figure, task.status
    return figure, status_for_progress(figure)
