"""Reading what the progress forms of a plan hold: the plan, its units and each unit's tasks."""

from __future__ import annotations

import datetime
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.errors import NotFoundError
from dxplanner.core.models import ActionPlan, Task, TaskUnit, Unit
from dxplanner.core.progress_form import FormRole, FormRound, FormTask, FormUnit, ProgressForm
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore


def read_forms(
    store: PlanStore,
    plan_id: int,
    as_of: datetime.date,
    deadline: datetime.date,
    issued_at: datetime.datetime,
    *,
    cooperating: bool = False,
) -> list[ProgressForm]:
    """One form per unit leading tasks of the plan (and, if asked, per cooperating unit), in unit order.

    A form lists the tasks that carry work of their own: groups and tasks broken into sub-tasks
    take their progress from below, so a unit reports on the rows beneath them.
    """
    with store.read() as session:
        plan = session.get(ActionPlan, plan_id)
        if plan is None:
            raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
        chosen = FormRound(plan_id, plan.name, plan.start, plan.end, as_of, deadline, issued_at)
        tasks, leads = _tasks(session, plan_id)
        helpers = _helpers(session, plan_id) if cooperating else {}
        units = _units(session)
    forms: list[ProgressForm] = []
    for role, owners in ((FormRole.LEAD, leads), (FormRole.COOPERATING, helpers)):
        for unit_id in sorted(owners, key=lambda found: (units[found].code, found)):
            listed = tuple(task for task in tasks if task.task_id in owners[unit_id])
            if listed:
                unit = units[unit_id]
                forms.append(
                    ProgressForm(
                        chosen, FormUnit(unit_id, unit.code, unit.name, unit.short_name, role), listed
                    )
                )
    return forms


def _tasks(session: Session, plan_id: int) -> tuple[list[FormTask], dict[int, set[int]]]:
    """The plan's tasks with work of their own in reading order, and the tasks each unit leads."""
    task = queries.table(Task)
    rows = (
        session.connection()
        .execute(
            sa.select(
                task.c.id,
                task.c.parent_id,
                task.c.position,
                task.c.code,
                task.c.name,
                task.c.kind,
                task.c.lead_unit_id,
                task.c.planned_start,
                task.c.planned_end,
                task.c.progress,
                task.c.status,
            ).where(task.c.plan_id == plan_id)
        )
        .all()
    )
    by_id = {row.id: row for row in rows}
    children: dict[int | None, list[int]] = defaultdict(list)
    for row in sorted(rows, key=lambda row: (row.position, row.id)):
        parent = row.parent_id if row.parent_id in by_id else None
        children[parent].append(row.id)
    found: list[FormTask] = []
    leads: dict[int, set[int]] = defaultdict(set)
    # Depth first, parents before children: the order the plan's table reads in.
    stack: list[tuple[int, str]] = [(task_id, "") for task_id in reversed(children[None])]
    while stack:
        task_id, above = stack.pop()
        row = by_id[task_id]
        code = ".".join(part for part in (above, (row.code or "").strip().rstrip(".")) if part)
        stack.extend((child, code) for child in reversed(children[task_id]))
        if children[task_id] or row.kind is TaskKind.GROUP:
            continue
        found.append(
            FormTask(
                task_id,
                code,
                row.name,
                row.planned_start,
                row.planned_end,
                float(row.progress),
                TaskStatus(row.status),
            )
        )
        if row.lead_unit_id is not None:
            leads[row.lead_unit_id].add(task_id)
    return found, leads


def _helpers(session: Session, plan_id: int) -> dict[int, set[int]]:
    """The tasks each unit cooperates on."""
    link, task = queries.table(TaskUnit), queries.table(Task)
    helpers: dict[int, set[int]] = defaultdict(set)
    for task_id, unit_id in session.connection().execute(
        sa.select(link.c.task_id, link.c.unit_id)
        .join(task, task.c.id == link.c.task_id)
        .where(task.c.plan_id == plan_id)
    ):
        helpers[unit_id].add(task_id)
    return helpers


class _UnitRow:
    """A unit's names, as a form is addressed."""

    def __init__(self, code: str, name: str, short_name: str | None) -> None:
        self.code, self.name, self.short_name = code, name, short_name or name


def _units(session: Session) -> dict[int, _UnitRow]:
    unit = queries.table(Unit)
    return {
        unit_id: _UnitRow(code, name, short_name)
        for unit_id, code, name, short_name in session.connection().execute(
            sa.select(unit.c.id, unit.c.code, unit.c.name, unit.c.short_name)
        )
    }
