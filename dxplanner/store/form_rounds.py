"""Reading the rounds of progress forms a plan sent, the replies collected, and the tasks a form names."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import (
    ActionPlan,
    FormReceipt,
    FormRound,
    FormRoundUnit,
    ProgressReport,
    Task,
    Unit,
)
from dxplanner.core.progress_form import FormRole
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
    secret: str | None = None  # the key of its forms' checksums, hex; None before revision 0009
    # The units and roles its forms went to; empty for a round sent before revision 0009.
    units: frozenset[tuple[int, FormRole]] = field(default=frozenset())

    def went_to(self, unit_id: int, role: FormRole) -> bool:
        """Whether the round sent a form to the unit in that role (a round that did not record its
        units went, as far as anyone can tell, to every unit)."""
        return not self.units or (unit_id, role) in self.units


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
    role: FormRole = FormRole.LEAD


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
    went = queries.table(FormRoundUnit)
    with store.read() as session:
        connection = session.connection()
        names = {row.id: row.name for row in connection.execute(sa.select(plan.c.id, plan.c.name))}
        sent_to: dict[int, set[tuple[int, FormRole]]] = defaultdict(set)
        for row in connection.execute(sa.select(went)):
            sent_to[row.round_id].add((row.unit_id, FormRole(row.role)))
        rounds = [
            _sent(row, sent_to)
            for row in connection.execute(sa.select(sent).order_by(sent.c.issued_at, sent.c.id))
        ]
        receipts = [
            Receipt(
                row.round_id, row.unit_id, row.received_at, row.reporter, row.file_name, FormRole(row.role)
            )
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


def _sent(row: sa.Row[Any], sent_to: dict[int, set[tuple[int, FormRole]]]) -> SentRound:
    units = frozenset(sent_to.get(row.id, ()))
    return SentRound(row.id, row.plan_id, row.as_of, row.deadline, row.issued_at, row.secret, units)


def round_units(
    store: PlanStore, round_id: int
) -> tuple[SentRound, str, dict[tuple[int, FormRole], str]] | None:
    """A round, its plan's name, and the units it went to, with their role, by name: those it
    recorded, or for a round that recorded none, those leading the plan's tasks with work of their
    own; and any that replied. None when there is no such round."""
    sent, got, went = queries.table(FormRound), queries.table(FormReceipt), queries.table(FormRoundUnit)
    task, unit, plan = queries.table(Task), queries.table(Unit), queries.table(ActionPlan)
    child = task.alias("child")
    with store.read() as session:
        connection = session.connection()
        row = connection.execute(sa.select(sent).where(sent.c.id == round_id)).first()
        if row is None:
            return None
        recorded = {
            (found.unit_id, FormRole(found.role))
            for found in connection.execute(sa.select(went).where(went.c.round_id == round_id))
        }
        chosen = _sent(row, {round_id: recorded})
        name = connection.execute(sa.select(plan.c.name).where(plan.c.id == chosen.plan_id)).scalar_one()
        went_to = set(recorded)
        if not recorded:
            # As the forms were written: tasks not broken into sub-tasks, no groups.
            leading = sa.select(task.c.lead_unit_id).where(
                task.c.plan_id == chosen.plan_id,
                task.c.lead_unit_id.is_not(None),
                task.c.kind != "group",
                ~sa.exists().where(child.c.parent_id == task.c.id),
            )
            went_to.update((found, FormRole.LEAD) for found in connection.scalars(leading.distinct()))
        replied = sa.select(got.c.unit_id, got.c.role).where(got.c.round_id == round_id)
        went_to.update((found.unit_id, FormRole(found.role)) for found in connection.execute(replied))
        chosen_units = sa.select(unit.c.id, unit.c.name).where(
            unit.c.id.in_({unit_id for unit_id, _role in went_to})
        )
        names = {found.id: found.name for found in connection.execute(chosen_units)}
    units = {(unit_id, role): names[unit_id] for unit_id, role in went_to if unit_id in names}
    return chosen, name, units
