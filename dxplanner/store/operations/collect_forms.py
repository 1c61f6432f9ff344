"""Recording a round of progress forms sent, and collecting the returned forms into the plan."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from sqlmodel import Session, col, select

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.form_collect import ReceiptToWrite, ReportToWrite
from dxplanner.core.models import ActionPlan, FormReceipt, FormRound, FormRoundUnit, ProgressReport, Task
from dxplanner.core.progress_form import FormRole
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import bump_version, fetch, new_id
from dxplanner.store.plan_store import PlanStore


def record_form_round(
    store: PlanStore,
    plan_id: int,
    as_of: datetime.date,
    deadline: datetime.date,
    issued_at: datetime.datetime,
    secret: str | None = None,
    units: Sequence[tuple[int, FormRole]] = (),
) -> Changes:
    """Note that forms of plan as of a day went out at issued_at to units, their checksums keyed with
    secret: a returned form is matched to it."""
    with store.write() as session:
        fetch(session, ActionPlan, plan_id, _("Action plan"))
        # To the second, as the forms write it.
        issued = issued_at.replace(microsecond=0)
        sent = FormRound(plan_id=plan_id, as_of=as_of, deadline=deadline, issued_at=issued, secret=secret)
        round_id = new_id(session, sent)
        session.add_all(
            FormRoundUnit(round_id=round_id, unit_id=unit_id, role=role)
            for unit_id, role in dict.fromkeys(units)
        )
        changes = Changes().create(Entity.FORM_ROUND, round_id)
        if units:
            changes.create(Entity.FORM_ROUND_UNIT, round_id)
        return changes


def collect_forms(store: PlanStore, receipts: Sequence[ReceiptToWrite]) -> Changes:
    """Write each form's receipt and its accepted reports in one transaction (one step to undo).

    A form collected since the preview was made is refused, and nothing is written.
    """
    with store.write() as session:
        changes = Changes()
        touched: dict[int, None] = {}
        for receipt in receipts:
            fetch(session, FormRound, receipt.round_id, _("Round of progress forms"))
            if _collected(session, receipt.round_id, receipt.unit_id, receipt.role):
                raise InvalidInputError(
                    _("The form of {file} has been collected already; nothing was written.").format(
                        file=receipt.file_name or receipt.unit_id
                    )
                )
            record = FormReceipt(
                round_id=receipt.round_id,
                unit_id=receipt.unit_id,
                role=receipt.role,
                received_at=receipt.received_at.replace(microsecond=0),
                reporter=receipt.reporter,
                file_name=receipt.file_name,
            )
            changes.create(Entity.FORM_RECEIPT, new_id(session, record))
            for report in receipt.reports:
                _write_report(session, report, changes)
                touched[report.task_id] = None
        for task_id in touched:
            _sync_task(session, task_id, changes)
        return changes


def _collected(session: Session, round_id: int, unit_id: int, role: FormRole) -> bool:
    found = session.exec(
        select(FormReceipt.id).where(
            FormReceipt.round_id == round_id, FormReceipt.unit_id == unit_id, FormReceipt.role == role
        )
    ).first()
    return found is not None


def _write_report(session: Session, report: ReportToWrite, changes: Changes) -> None:
    task = fetch(session, Task, report.task_id, _("Task"))
    made = ProgressReport(
        task_id=report.task_id,
        as_of=report.as_of,
        progress=report.progress,
        status=report.status,
        remark=report.remark,
        difficulty=report.difficulty,
        proposal=report.proposal,
        author=report.author,
    )
    changes.create(Entity.PROGRESS_REPORT, new_id(session, made))
    start = report.actual_start or task.actual_start
    end = report.actual_end or task.actual_end
    if (start, end) != (task.actual_start, task.actual_end):
        if start is not None and end is not None and end < start:
            raise InvalidInputError(
                _("Task {code}: the actual finish would come before the actual start.").format(
                    code=task.code or task.id
                )
            )
        task.actual_start, task.actual_end = start, end
        bump_version(task)
        session.add(task)
        changes.update(Entity.TASK, report.task_id)


def _sync_task(session: Session, task_id: int, changes: Changes) -> None:
    """Give the task the progress and status of its newest report, as a report typed in does."""
    session.flush()
    latest = session.exec(
        select(ProgressReport)
        .where(ProgressReport.task_id == task_id)
        .order_by(col(ProgressReport.as_of).desc(), col(ProgressReport.id).desc())
    ).first()
    task = fetch(session, Task, task_id, _("Task"))
    if latest is not None and (task.progress, task.status) != (latest.progress, latest.status):
        task.progress, task.status = latest.progress, latest.status
        bump_version(task)
        session.add(task)
        changes.update(Entity.TASK, task_id)
