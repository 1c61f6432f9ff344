"""Operations on a strategy's goals: create, edit, move in the tree, delete."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Goal, Strategy
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import Checkers, apply_fields, fetch, new_id
from dxplanner.store.operations._siblings import close_gap, open_gap
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "code": lambda value: rules.required_text(value, _("Goal code")),
        "text": lambda value: rules.required_text(value, _("Goal")),
        "pillar": lambda value: rules.member(Pillar, value, _("Pillar")),
        "area": lambda value: rules.member(Area, value, _("Area")),
    }


def create_goal(
    store: PlanStore,
    strategy_id: int,
    *,
    parent_id: int | None = None,
    position: int | None = None,
    **fields: object,
) -> Changes:
    """Add a goal to a strategy, under parent_id, at position among its siblings (last by default)."""
    with store.write() as session:
        fetch(session, Strategy, strategy_id, _("Strategy"))
        _check_parent(session, strategy_id, parent_id, moving_id=None)
        goal = Goal(strategy_id=strategy_id, parent_id=parent_id, code="", text="")
        apply_fields(goal, {"code": None, "text": None} | fields, _checkers())
        _check_code(session, goal)
        goal.position = open_gap(session, Goal, _siblings(strategy_id, parent_id), position)
        return Changes().create(Entity.GOAL, new_id(session, goal))


def update_goal(store: PlanStore, goal_id: int, **fields: object) -> Changes:
    """Change a goal's code, text, pillar or area."""
    with store.write() as session:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        previous = apply_fields(goal, fields, _checkers())
        _check_code(session, goal)
        session.add(goal)
        changes = Changes().update(Entity.GOAL, goal_id)
        changes.previous = previous
        return changes


def move_goal(
    store: PlanStore, goal_id: int, *, parent_id: int | None, position: int | None = None
) -> Changes:
    """Move a goal (with the goals below it) under another parent or to another position."""
    with store.write() as session:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        _check_parent(session, goal.strategy_id, parent_id, moving_id=goal_id)
        changes = Changes().update(Entity.GOAL, goal_id)
        changes.previous = {"parent_id": goal.parent_id, "position": goal.position}
        close_gap(session, Goal, _siblings(goal.strategy_id, goal.parent_id), goal.position, goal_id)
        goal.parent_id = parent_id
        goal.position = open_gap(
            session, Goal, _siblings(goal.strategy_id, parent_id), position, exclude_id=goal_id
        )
        session.add(goal)
        return changes


def delete_goal(store: PlanStore, goal_id: int) -> Changes:
    """Delete a goal with the goals and indicators below it."""
    with store.write() as session:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        close_gap(session, Goal, _siblings(goal.strategy_id, goal.parent_id), goal.position, goal_id)
        session.delete(goal)
        return Changes().delete(Entity.GOAL, goal_id)


def _siblings(strategy_id: int, parent_id: int | None) -> list[object]:
    parent_condition = (
        col(Goal.parent_id).is_(None) if parent_id is None else col(Goal.parent_id) == parent_id
    )
    return [col(Goal.strategy_id) == strategy_id, parent_condition]


def _check_code(session: Session, goal: Goal) -> None:
    duplicate = session.exec(
        select(Goal.id).where(
            Goal.strategy_id == goal.strategy_id, Goal.code == goal.code, col(Goal.id) != goal.id
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(
            _("This strategy already has a goal with the code {code}.").format(code=goal.code)
        )


def _check_parent(session: Session, strategy_id: int, parent_id: int | None, moving_id: int | None) -> None:
    current = parent_id
    while current is not None:
        parent = fetch(session, Goal, current, _("Parent goal"))
        if parent.strategy_id != strategy_id:
            raise InvalidInputError(_("A goal can only be placed under a goal of the same strategy."))
        if current == moving_id:
            raise InvalidInputError(_("A goal cannot be placed under itself or one of its own sub-goals."))
        current = parent.parent_id
