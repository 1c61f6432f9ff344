"""Operations on the tasks of an action plan: create, edit, move in the tree, delete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, delete, select

from dxplanner.core import rules
from dxplanner.core.enums import Priority, TaskKind, TaskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import ActionPlan, Goal, Task, TaskGoal, TaskUnit, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import Checkers, apply_fields, fetch, new_id
from dxplanner.store.operations._siblings import close_gap, open_gap
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "code": lambda value: rules.optional_text(value, _("Number")),
        "name": lambda value: rules.required_text(value, _("Task name")),
        "kind": lambda value: rules.member(TaskKind, value, _("Kind")),
        "lead_unit_id": lambda value: rules.optional_whole_number(value, _("Lead unit")),
        "product": lambda value: rules.optional_text(value, _("Product")),
        "timeline_text": lambda value: rules.optional_text(value, _("Timeline")),
        "planned_start": lambda value: rules.optional_date(value, _("Start")),
        "planned_end": lambda value: rules.optional_date(value, _("End")),
        "baseline_start": lambda value: rules.optional_date(value, _("Baseline start")),
        "baseline_end": lambda value: rules.optional_date(value, _("Baseline end")),
        "actual_start": lambda value: rules.optional_date(value, _("Actual start")),
        "actual_end": lambda value: rules.optional_date(value, _("Actual end")),
        "progress": rules.progress,
        "status": lambda value: rules.member(TaskStatus, value, _("Status")),
        "priority": lambda value: rules.member(Priority, value, _("Priority")),
        "notes": lambda value: rules.optional_text(value, _("Notes")),
    }


def create_task(
    store: PlanStore,
    plan_id: int,
    *,
    parent_id: int | None = None,
    position: int | None = None,
    cooperating: Iterable[int] = (),
    goals: Iterable[int] = (),
    **fields: object,
) -> Changes:
    """Add a task to a plan under parent_id at position among its siblings (last by default)."""
    with store.write() as session:
        plan = fetch(session, ActionPlan, plan_id, _("Action plan"))
        _check_parent(session, plan_id, parent_id, moving_id=None)
        task = Task(plan_id=plan_id, parent_id=parent_id, name="")
        apply_fields(task, {"name": None} | fields, _checkers())
        _validate(session, task)
        task.position = open_gap(session, Task, _siblings(plan_id, parent_id), position)
        task_id = new_id(session, task)
        changes = Changes().create(Entity.TASK, task_id)
        _replace_units(session, task_id, task.lead_unit_id, cooperating)
        _replace_goals(session, task_id, plan, goals)
        return changes


def update_task(store: PlanStore, task_id: int, **fields: object) -> Changes:
    """Change a task's fields (not its place in the tree: see move_task)."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        previous = apply_fields(task, fields, _checkers())
        _validate(session, task)
        task.version += 1
        session.add(task)
        changes = Changes().update(Entity.TASK, task_id)
        changes.previous = previous
        return changes


def set_task_units(store: PlanStore, task_id: int, unit_ids: Iterable[int]) -> Changes:
    """Make unit_ids the task's cooperating units, in place of the ones it had."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        previous = session.exec(select(TaskUnit.unit_id).where(TaskUnit.task_id == task_id)).all()
        _replace_units(session, task_id, task.lead_unit_id, unit_ids)
        changes = Changes().update(Entity.TASK_UNIT, task_id)
        changes.previous = {"unit_ids": list(previous)}
        return changes


def set_task_goals(store: PlanStore, task_id: int, goal_ids: Iterable[int]) -> Changes:
    """Make goal_ids the goals the task serves, in place of the ones it had."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        plan = fetch(session, ActionPlan, task.plan_id, _("Action plan"))
        previous = session.exec(select(TaskGoal.goal_id).where(TaskGoal.task_id == task_id)).all()
        _replace_goals(session, task_id, plan, goal_ids)
        changes = Changes().update(Entity.TASK_GOAL, task_id)
        changes.previous = {"goal_ids": list(previous)}
        return changes


def delete_task(store: PlanStore, task_id: int) -> Changes:
    """Delete a task with everything below it and everything attached to them."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        changes = Changes()
        for doomed in subtree_ids(session, task_id):
            changes.delete(Entity.TASK, doomed)
        close_gap(session, Task, _siblings(task.plan_id, task.parent_id), task.position, task_id)
        session.delete(task)
        return changes


def move_task(
    store: PlanStore, task_id: int, *, parent_id: int | None, position: int | None = None
) -> Changes:
    """Move a task and its subtree under parent_id (None: top level) at position."""
    with store.write() as session:
        return _move(session, fetch(session, Task, task_id, _("Task")), parent_id, position)


def indent_task(store: PlanStore, task_id: int) -> Changes:
    """Make a task the last child of the sibling above it."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        above = session.exec(
            select(Task).where(*_siblings(task.plan_id, task.parent_id), Task.position == task.position - 1)
        ).first()
        if above is None:
            raise InvalidInputError(
                _("The first task of a group cannot be indented: there is no task above it.")
            )
        return _move(session, task, above.id, None)


def outdent_task(store: PlanStore, task_id: int) -> Changes:
    """Move a task out of its group, to just below that group."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        if task.parent_id is None:
            raise InvalidInputError(_("A top-level task cannot be outdented."))
        parent = fetch(session, Task, task.parent_id, _("Task"))
        return _move(session, task, parent.parent_id, parent.position + 1)


def subtree_ids(session: Session, task_id: int) -> list[int]:
    """The task and every task below it, parents before children."""
    found = [task_id]
    level = [task_id]
    while level:
        level = list(session.exec(select(Task.id).where(col(Task.parent_id).in_(level))).all())  # type: ignore[arg-type]
        found.extend(item for item in level if item is not None)
    return found


def _move(session: Session, task: Task, parent_id: int | None, position: int | None) -> Changes:
    assert task.id is not None
    _check_parent(session, task.plan_id, parent_id, moving_id=task.id)
    changes = Changes().update(Entity.TASK, task.id)
    changes.previous = {"parent_id": task.parent_id, "position": task.position}
    close_gap(session, Task, _siblings(task.plan_id, task.parent_id), task.position, task.id)
    task.parent_id = parent_id
    task.position = open_gap(session, Task, _siblings(task.plan_id, parent_id), position, exclude_id=task.id)
    task.version += 1
    session.add(task)
    return changes


def _siblings(plan_id: int, parent_id: int | None) -> list[Any]:
    parent_condition = (
        col(Task.parent_id).is_(None) if parent_id is None else col(Task.parent_id) == parent_id
    )
    return [col(Task.plan_id) == plan_id, parent_condition]


def _check_parent(session: Session, plan_id: int, parent_id: int | None, moving_id: int | None) -> None:
    current = parent_id
    while current is not None:
        parent = fetch(session, Task, current, _("Parent task"))
        if parent.plan_id != plan_id:
            raise InvalidInputError(_("A task can only be placed under a task of the same action plan."))
        if current == moving_id:
            raise InvalidInputError(_("A task cannot be placed under itself or one of its own sub-tasks."))
        current = parent.parent_id


def _validate(session: Session, task: Task) -> None:
    if task.lead_unit_id is not None:
        fetch(session, Unit, task.lead_unit_id, _("Lead unit"))
    rules.dates_in_order(task.planned_start, task.planned_end, task.name)
    rules.dates_in_order(
        task.baseline_start, task.baseline_end, _("{task} (baseline)").format(task=task.name)
    )
    rules.dates_in_order(task.actual_start, task.actual_end, _("{task} (actual)").format(task=task.name))


def _replace_units(session: Session, task_id: int, lead_unit_id: int | None, unit_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(unit_ids))
    for unit_id in wanted:
        fetch(session, Unit, unit_id, _("Cooperating unit"))
        if unit_id == lead_unit_id:
            raise InvalidInputError(_("The lead unit cannot also be a cooperating unit of the same task."))
    session.execute(delete(TaskUnit).where(col(TaskUnit.task_id) == task_id))
    session.add_all(TaskUnit(task_id=task_id, unit_id=unit_id) for unit_id in wanted)


def _replace_goals(session: Session, task_id: int, plan: ActionPlan, goal_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(goal_ids))
    for goal_id in wanted:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        if goal.strategy_id != plan.strategy_id:
            raise InvalidInputError(_("A task can only serve goals of its own plan's strategy."))
    session.execute(delete(TaskGoal).where(col(TaskGoal.task_id) == task_id))
    session.add_all(TaskGoal(task_id=task_id, goal_id=goal_id) for goal_id in wanted)
