"""Operations on the tasks of an action plan: create, edit, move in the tree, delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import func, or_
from sqlmodel import Session, col, delete, select

from dxplanner.core import rules
from dxplanner.core.enums import Priority, TaskKind, TaskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import ActionPlan, Dependency, Goal, Task, TaskGoal, TaskUnit, Unit
from dxplanner.core.task_numbers import NumberedTask, task_numbers
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_tasks_going, subtree_ids
from dxplanner.store.operations._records import (
    Checkers,
    bump_version,
    changed_meanwhile,
    conflict_of,
    fetch,
    fetch_seen,
    insert_checked,
    refuse_conflicts,
    update_checked,
)
from dxplanner.store.operations._siblings import (
    TreeMessages,
    check_parent,
    close_gap,
    close_gaps,
    open_gap,
    sibling_conditions,
)
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
        "responsible_person": lambda value: rules.optional_text(value, _("Responsible person")),
    }


def _tree_messages() -> TreeMessages:
    return TreeMessages(
        parent=_("Parent task"),
        other_owner=_("A task can only be placed under a task of the same action plan."),
        into_itself=_("A task cannot be placed under itself or one of its own sub-tasks."),
    )


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
        task_id = insert_task(session, plan, parent_id, position, fields, cooperating, goals)
        return Changes().create(Entity.TASK, task_id)


def insert_task(
    session: Session,
    plan: ActionPlan,
    parent_id: object,
    position: object,
    fields: Mapping[str, object],
    cooperating: Iterable[int] = (),
    goals: Iterable[int] = (),
    *,
    room_made: bool = False,
) -> int:
    """Insert one checked task inside an open write transaction (for operations that add many).

    room_made: position is a place make_room left free, taken as it is.
    """
    assert plan.id is not None
    parent = check_parent(session, Task, "plan_id", plan.id, parent_id, None, _tree_messages())
    task = Task(plan_id=plan.id, parent_id=parent, name="")
    if room_made:
        assert isinstance(position, int)
        task.position = position
    else:
        task.position = open_gap(session, Task, _siblings(plan.id, parent), position)
    task_id = insert_checked(session, task, fields, _checkers(), _validate, required=("name",))
    _replace_units(session, task_id, task.lead_unit_id, cooperating)
    _replace_goals(session, task_id, plan, goals)
    return task_id


def make_room(session: Session, plan: ActionPlan, parent_id: object, position: object, size: int) -> int:
    """Free size places side by side at position under parent_id (the end when None); the first one."""
    assert plan.id is not None
    parent = check_parent(session, Task, "plan_id", plan.id, parent_id, None, _tree_messages())
    return open_gap(session, Task, _siblings(plan.id, parent), position, room=size)


def sibling_numbers(session: Session, plan: ActionPlan, parent_id: object) -> set[str]:
    """The numbers the tasks under parent_id (the top when None) show: their own, or their place's."""
    assert plan.id is not None
    parent = check_parent(session, Task, "plan_id", plan.id, parent_id, None, _tree_messages())
    rows = session.exec(
        select(Task.id, Task.parent_id, Task.position, Task.code).where(Task.plan_id == plan.id)
    ).all()
    tasks = [
        NumberedTask(cast(int, task_id), parent_of, position, code)
        for task_id, parent_of, position, code in rows
    ]
    shown = task_numbers(tasks)
    return {shown[task.id] for task in tasks if task.parent_id == parent}


def update_task(store: PlanStore, task_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a task's fields (not its place in the tree: see move_task).

    seen: the version of the task the user saw; refused with ConflictError if it changed since.
    """
    with store.write() as session:
        return update_task_fields(session, task_id, fields, seen=seen)


def update_task_fields(
    session: Session, task_id: int, fields: Mapping[str, object], *, seen: int | None = None
) -> Changes:
    """Change a task's fields inside an open write transaction (for operations that check more first)."""
    return update_checked(
        session, Task, task_id, _("Task"), dict(fields), _checkers(), _validate, Entity.TASK, seen=seen
    )


def read_as_an_edit(store: PlanStore, task_id: int) -> None:
    """Read a task as an edit of its fields reads and checks it, changing nothing: SQLAlchemy compiles
    each statement on its first use, which the user's first edit then does not wait for."""
    with store.read() as session:
        _validate(session, fetch(session, Task, task_id, _("Task"), lock=True))


def set_task_timeline(
    store: PlanStore, task_id: int, text: str | None, *, seen: int | None = None
) -> Changes:
    """Write a task's timeline in words; a task without dates gets the dates the words name."""
    with store.write() as session:
        task = fetch_seen(session, Task, task_id, _("Task"), seen, {"timeline_text": text})
        fields: dict[str, object] = {"timeline_text": text}
        if text and task.planned_start is None and task.planned_end is None:
            from dxplanner.core.timeline import dates_for  # its patterns compile on import; not at start-up

            plan = fetch(session, ActionPlan, task.plan_id, _("Action plan"))
            dates = dates_for(text, plan.start, plan.end)
            if dates is not None:
                fields["planned_start"], fields["planned_end"] = dates
        return update_checked(session, Task, task_id, _("Task"), fields, _checkers(), _validate, Entity.TASK)


def set_task_units(
    store: PlanStore, task_id: int, unit_ids: Iterable[int], *, seen: int | None = None
) -> Changes:
    """Make unit_ids the task's cooperating units, in place of the ones it had.

    They are part of the task as the user sees it: the task's version is checked and moves on.
    """
    wanted = list(unit_ids)
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"), lock=seen is not None)
        previous = session.exec(select(TaskUnit.unit_id).where(TaskUnit.task_id == task_id)).all()
        _refuse_changed_links(session, task, seen, "cooperating_unit_ids", wanted, previous)
        _replace_units(session, task_id, task.lead_unit_id, wanted)
        bump_version(task)
        session.add(task)
        changes = Changes().update(Entity.TASK_UNIT, task_id)
        changes.previous = {"unit_ids": list(previous)}
        return changes


def set_task_goals(
    store: PlanStore, task_id: int, goal_ids: Iterable[int], *, seen: int | None = None
) -> Changes:
    """Make goal_ids the goals the task serves, in place of the ones it had (the task's version moves on)."""
    wanted = list(goal_ids)
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"), lock=seen is not None)
        plan = fetch(session, ActionPlan, task.plan_id, _("Action plan"))
        previous = session.exec(select(TaskGoal.goal_id).where(TaskGoal.task_id == task_id)).all()
        _refuse_changed_links(session, task, seen, "goal_ids", wanted, previous)
        _replace_goals(session, task_id, plan, wanted)
        bump_version(task)
        session.add(task)
        changes = Changes().update(Entity.TASK_GOAL, task_id)
        changes.previous = {"goal_ids": list(previous)}
        return changes


def _refuse_changed_links(
    session: Session, task: Task, seen: int | None, field: str, wanted: list[int], stored: Iterable[int]
) -> None:
    """Refuse to replace a task's linked records (units, goals) when the task changed since it was seen."""
    if seen is not None and task.version != seen:
        mine = {field: sorted(dict.fromkeys(wanted))}
        refuse_conflicts([changed_meanwhile(task, _("Task"), seen, mine, {field: sorted(stored)})], session)


def delete_task(store: PlanStore, task_id: int) -> Changes:
    """Delete a task with everything below it and everything attached to them."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"))
        changes = Changes()
        note_tasks_going(session, subtree_ids(session, task_id), changes)
        close_gap(session, Task, _siblings(task.plan_id, task.parent_id), task.position, task_id)
        session.delete(task)
        return changes


def delete_tasks(store: PlanStore, task_ids: Iterable[int]) -> Changes:
    """Delete several tasks (each with everything below it) as one change."""
    with store.write() as session:
        changes = Changes()
        gone: set[int] = set()
        left: dict[tuple[int, int | None], list[int]] = {}  # the positions each (plan, parent) lost
        for task_id in dict.fromkeys(task_ids):
            if task_id in gone:
                continue  # already deleted with a group above it
            task = fetch(session, Task, task_id, _("Task"))
            subtree = subtree_ids(session, task_id)
            gone.update(subtree)
            note_tasks_going(session, subtree, changes)
            left.setdefault((task.plan_id, task.parent_id), []).append(task.position)
            session.delete(task)
            session.flush()
        for (plan_id, parent_id), positions in left.items():
            if parent_id not in gone:  # a group deleted too leaves no children to number
                close_gaps(session, Task, _siblings(plan_id, parent_id), positions)
        return changes


def move_task(
    store: PlanStore,
    task_id: int,
    *,
    parent_id: int | None,
    position: int | None = None,
    seen: int | None = None,
) -> Changes:
    """Move a task and its subtree under parent_id (None: top level) at position.

    seen: the version of the task the user saw; a task moved or edited since is not moved.
    """
    with store.write() as session:
        mine = {"parent_id": parent_id, "position": position}
        return _move(session, fetch_seen(session, Task, task_id, _("Task"), seen, mine), parent_id, position)


def indent_task(store: PlanStore, task_id: int, *, seen: int | None = None) -> Changes:
    """Make a task the last child of the sibling above it (seen: as for move_task)."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"), lock=seen is not None)
        above = session.exec(
            select(Task).where(*_siblings(task.plan_id, task.parent_id), Task.position == task.position - 1)
        ).first()
        # Where the user meant it to go (under the task now above it), to show beside where it is.
        mine = {"parent_id": above.id if above else None}
        refuse_conflicts([conflict_of(task, seen, mine, _("Task"))], session)
        if above is None:
            raise InvalidInputError(
                _("The first task of a group cannot be indented: there is no task above it.")
            )
        return _move(session, task, above.id, None)


def outdent_task(store: PlanStore, task_id: int, *, seen: int | None = None) -> Changes:
    """Move a task out of its group, to just below that group (seen: as for move_task)."""
    with store.write() as session:
        task = fetch(session, Task, task_id, _("Task"), lock=seen is not None)
        grandparent = None
        if task.parent_id is not None:
            grandparent = fetch(session, Task, task.parent_id, _("Task")).parent_id
        refuse_conflicts([conflict_of(task, seen, {"parent_id": grandparent}, _("Task"))], session)
        if task.parent_id is None:
            raise InvalidInputError(_("A top-level task cannot be outdented."))
        parent = fetch(session, Task, task.parent_id, _("Task"))
        return _move(session, task, parent.parent_id, parent.position + 1)


def _move(session: Session, task: Task, parent_id: object, position: object) -> Changes:
    assert task.id is not None
    parent = check_parent(session, Task, "plan_id", task.plan_id, parent_id, task.id, _tree_messages())
    if parent == task.parent_id and _place_among_siblings(session, task, position) == task.position:
        # Already there (the last task moved down): no change, so no step that undoes nothing.
        return Changes()
    _refuse_nesting_linked_tasks(session, task.id, parent)
    changes = Changes().update(Entity.TASK, task.id)
    changes.previous = {"parent_id": task.parent_id, "position": task.position}
    close_gap(session, Task, _siblings(task.plan_id, task.parent_id), task.position, task.id)
    task.parent_id = parent
    task.position = open_gap(session, Task, _siblings(task.plan_id, parent), position, exclude_id=task.id)
    bump_version(task)
    session.add(task)
    return changes


def _place_among_siblings(session: Session, task: Task, position: object) -> int:
    """Where a task moved among its own siblings lands: the position asked for, or the last place."""
    wanted = rules.position(position)
    others = session.exec(
        select(func.count())
        .select_from(Task)
        .where(*_siblings(task.plan_id, task.parent_id), col(Task.id) != task.id)
    ).one()
    return int(others) if wanted is None else min(wanted, int(others))


def _refuse_nesting_linked_tasks(session: Session, task_id: int, parent_id: int | None) -> None:
    """A move must not put a task inside a group it is linked with, or such a group around it."""
    groups: list[int] = []
    current = parent_id
    while current is not None:
        groups.append(current)
        current = session.exec(select(Task.parent_id).where(Task.id == current)).one()
    if not groups:
        return
    moving = subtree_ids(session, task_id)
    crossing = session.exec(
        select(Dependency.id).where(
            or_(
                col(Dependency.predecessor_id).in_(moving) & col(Dependency.successor_id).in_(groups),
                col(Dependency.predecessor_id).in_(groups) & col(Dependency.successor_id).in_(moving),
            )
        )
    ).first()
    if crossing is not None:
        raise InvalidInputError(
            _(
                "The task cannot go into that group: it is linked to the group, "
                "and a task cannot depend on its own group."
            )
        )


def _siblings(plan_id: int, parent_id: int | None) -> list[Any]:
    return sibling_conditions(Task, "plan_id", plan_id, parent_id)


def _validate(session: Session, task: Task) -> None:
    if task.lead_unit_id is not None:
        fetch(session, Unit, task.lead_unit_id, _("Lead unit"))
        if task.id is not None:
            cooperating = session.exec(
                select(TaskUnit.unit_id).where(
                    TaskUnit.task_id == task.id, TaskUnit.unit_id == task.lead_unit_id
                )
            ).first()
            if cooperating is not None:
                raise InvalidInputError(
                    _("The lead unit cannot also be a cooperating unit of the same task.")
                )
    rules.dates_in_order(task.planned_start, task.planned_end, task.name)
    rules.dates_in_order(
        task.baseline_start, task.baseline_end, _("{task} (baseline)").format(task=task.name)
    )
    rules.dates_in_order(task.actual_start, task.actual_end, _("{task} (actual)").format(task=task.name))


def _replace_units(session: Session, task_id: int, lead_unit_id: int | None, unit_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(unit_ids))
    for unit_id in wanted:
        fetch(session, Unit, rules.whole_number(unit_id, _("Cooperating unit")), _("Cooperating unit"))
        if unit_id == lead_unit_id:
            raise InvalidInputError(_("The lead unit cannot also be a cooperating unit of the same task."))
    session.execute(delete(TaskUnit).where(col(TaskUnit.task_id) == task_id))
    session.add_all(TaskUnit(task_id=task_id, unit_id=unit_id) for unit_id in wanted)


def _replace_goals(session: Session, task_id: int, plan: ActionPlan, goal_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(goal_ids))
    for goal_id in wanted:
        goal = fetch(session, Goal, rules.whole_number(goal_id, _("Goal")), _("Goal"))
        if goal.strategy_id != plan.strategy_id:
            raise InvalidInputError(_("A task can only serve goals of its own plan's strategy."))
    session.execute(delete(TaskGoal).where(col(TaskGoal.task_id) == task_id))
    session.add_all(TaskGoal(task_id=task_id, goal_id=goal_id) for goal_id in wanted)
