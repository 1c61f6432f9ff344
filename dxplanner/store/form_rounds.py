"""Reading the rounds of progress forms a plan sent, the replies collected, and the tasks a form names."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import sqlalchemy as sa

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import ActionPlan, FormReceipt, FormRound, ProgressReport, Task, Unit
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore


@dataclass(frozen=True)
class SentRound:
    """A round as the plan recorded it."""

    id: int
    plan_id: int
    as_of: datetime.date
    deadline: datetime.date
    issued_at: datetime.datetime


@dataclass(frozen=True)
class TaskNow:
    """A task as the plan holds it now, and the day of its newest progress report."""

    task_id: int
    plan_id: int
    code: str
    name: str
    progress: float
    status: TaskStatus
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    latest_report: datetime.date | None


@dataclass(frozen=True)
class Receipt:
    """A unit's form of a round, collected."""

    round_id: int
    unit_id: int
    received_at: datetime.datetime
    reporter: str | None
    file_name: str | None


@dataclass(frozen=True)
class FormsState:
    """What a collect checks forms against: the plans' names, their rounds, the receipts and tasks."""

    plan_names: dict[int, str]
    rounds: list[SentRound]
    receipts: list[Receipt]
    tasks: dict[int, TaskNow]
    unit_names: dict[int, str]


def forms_state(store: PlanStore) -> FormsState:
    """Everything a collect's preview compares returned forms with, read at once."""
    plan, sent, got = queries.table(ActionPlan), queries.table(FormRound), queries.table(FormReceipt)
    task, report, unit = queries.table(Task), queries.table(ProgressReport), queries.table(Unit)
    with store.read() as session:
        connection = session.connection()
        names = {row.id: row.name for row in connection.execute(sa.select(plan.c.id, plan.c.name))}
        rounds = [
            SentRound(row.id, row.plan_id, row.as_of, row.deadline, row.issued_at)
            for row in connection.execute(sa.select(sent).order_by(sent.c.issued_at, sent.c.id))
        ]
        receipts = [
            Receipt(row.round_id, row.unit_id, row.received_at, row.reporter, row.file_name)
            for row in connection.execute(sa.select(got).order_by(got.c.received_at, got.c.id))
        ]
        latest = (
            sa.select(report.c.task_id, sa.func.max(report.c.as_of).label("day"))
            .group_by(report.c.task_id)
            .subquery()
        )
        tasks = {
            row.id: TaskNow(
                row.id,
                row.plan_id,
                row.code or "",
                row.name,
                float(row.progress),
                TaskStatus(row.status),
                row.actual_start,
                row.actual_end,
                row.day,
            )
            for row in connection.execute(
                sa.select(
                    task.c.id,
                    task.c.plan_id,
                    task.c.code,
                    task.c.name,
                    task.c.progress,
                    task.c.status,
                    task.c.actual_start,
                    task.c.actual_end,
                    latest.c.day,
                ).outerjoin(latest, latest.c.task_id == task.c.id)
            )
        }
        units = {row.id: row.name for row in connection.execute(sa.select(unit.c.id, unit.c.name))}
    return FormsState(names, rounds, receipts, tasks, units)
