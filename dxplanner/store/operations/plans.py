"""Operations on action plans and their choices (progress weighting, days off)."""

from __future__ import annotations

import datetime

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import PlanStatus, ProgressWeight
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.models import ActionPlan, Goal, PlanDayOff, Strategy, Task, TaskGoal, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_plan_going
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "name": lambda value: rules.required_text(value, _("Plan name")),
        "strategy_id": lambda value: rules.optional_whole_number(value, _("Strategy")),
        "unit_id": lambda value: rules.whole_number(value, _("Unit")),
        "start": lambda value: rules.required_date(value, _("Start date")),
        "end": lambda value: rules.required_date(value, _("End date")),
        "decision_no": lambda value: rules.optional_text(value, _("Decision number")),
        "status": lambda value: rules.member(PlanStatus, value, _("Status")),
        "progress_weight": lambda value: rules.member(ProgressWeight, value, _("Progress weighting")),
    }


def create_plan(store: PlanStore, **fields: object) -> Changes:
    """Add an action plan (name, unit, start and end required), usually under a strategy."""
    with store.write() as session:
        plan = ActionPlan(name="", unit_id=0, start=None, end=None)  # type: ignore[arg-type]
        plan_id = insert_checked(
            session, plan, fields, _checkers(), _validate, required=("name", "unit_id", "start", "end")
        )
        return Changes().create(Entity.PLAN, plan_id)


def update_plan(store: PlanStore, plan_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change an action plan's fields.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            ActionPlan,
            plan_id,
            _("Action plan"),
            fields,
            _checkers(),
            _validate,
            Entity.PLAN,
            seen=seen,
        )


def delete_plan(store: PlanStore, plan_id: int) -> Changes:
    """Delete an action plan with all its tasks."""
    with store.write() as session:
        plan = fetch(session, ActionPlan, plan_id, _("Action plan"))
        changes = Changes()
        note_plan_going(session, plan_id, changes)
        session.delete(plan)
        return changes


def add_plan_day_off(store: PlanStore, plan_id: int, day: datetime.date, note: str | None = None) -> Changes:
    """Make day a day off for this plan's work (a local holiday, an office move)."""
    with store.write() as session:
        fetch(session, ActionPlan, plan_id, _("Action plan"))
        checked = rules.required_date(day, _("Day off"))
        if session.get(PlanDayOff, (plan_id, checked)) is not None:
            raise InvalidInputError(
                _("{day:%d/%m/%Y} is already a day off of this plan.").format(day=checked)
            )
        session.add(PlanDayOff(plan_id=plan_id, day=checked, note=rules.optional_text(note, _("Note"))))
        return Changes().create(Entity.PLAN_DAY_OFF, plan_id)


def update_plan_day_off(
    store: PlanStore,
    plan_id: int,
    day: datetime.date,
    *,
    new_day: datetime.date | None = None,
    note: object = ...,
) -> Changes:
    """Move a day off to another day, or change its note."""
    with store.write() as session:
        day_off = session.get(PlanDayOff, (plan_id, day))
        if day_off is None:
            raise NotFoundError(_("{day:%d/%m/%Y} is not a day off of this plan.").format(day=day))
        new_note = day_off.note if note is ... else rules.optional_text(note, _("Note"))
        target = day if new_day is None else rules.required_date(new_day, _("Day off"))
        if target != day and session.get(PlanDayOff, (plan_id, target)) is not None:
            raise InvalidInputError(_("{day:%d/%m/%Y} is already a day off of this plan.").format(day=target))
        session.delete(day_off)
        session.flush()
        session.add(PlanDayOff(plan_id=plan_id, day=target, note=new_note))
        return Changes().update(Entity.PLAN_DAY_OFF, plan_id)


def delete_plan_day_off(store: PlanStore, plan_id: int, day: datetime.date) -> Changes:
    """Make day an ordinary day again for this plan."""
    with store.write() as session:
        day_off = session.get(PlanDayOff, (plan_id, day))
        if day_off is None:
            raise NotFoundError(_("{day:%d/%m/%Y} is not a day off of this plan.").format(day=day))
        changes = Changes().delete(Entity.PLAN_DAY_OFF, plan_id)
        changes.previous = {"note": day_off.note}
        session.delete(day_off)
        return changes


def set_baseline(store: PlanStore, plan_id: int) -> Changes:
    """Copy every task's planned dates into its baseline, to measure slippage from now on."""
    with store.write() as session:
        fetch(session, ActionPlan, plan_id, _("Action plan"))
        changes = Changes().update(Entity.PLAN, plan_id)
        for task in session.exec(select(Task).where(Task.plan_id == plan_id)).all():
            if (task.baseline_start, task.baseline_end) != (task.planned_start, task.planned_end):
                task.baseline_start, task.baseline_end = task.planned_start, task.planned_end
                task.version += 1
                session.add(task)
                assert task.id is not None
                changes.update(Entity.TASK, task.id)
        return changes


def _validate(session: Session, plan: ActionPlan) -> None:
    fetch(session, Unit, plan.unit_id, _("Unit"))
    if plan.strategy_id is not None:
        fetch(session, Strategy, plan.strategy_id, _("Strategy"))
    rules.dates_in_order(plan.start, plan.end, plan.name)
    if plan.id is not None:
        # Tasks serve goals of their plan's strategy; moving the plan would orphan those links.
        foreign_goal = session.exec(
            select(TaskGoal.task_id)
            .join(Task, col(Task.id) == col(TaskGoal.task_id))
            .join(Goal, col(Goal.id) == col(TaskGoal.goal_id))
            .where(Task.plan_id == plan.id, col(Goal.strategy_id).is_distinct_from(plan.strategy_id))
        ).first()
        if foreign_goal is not None:
            raise InvalidInputError(
                _(
                    "The plan's tasks serve goals of its current strategy. "
                    "Remove those links before moving the plan to another strategy."
                )
            )
