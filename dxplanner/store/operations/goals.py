"""Operations on a strategy's goals: create, edit, move in the tree, delete."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Goal, Strategy
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_goals_going
from dxplanner.store.operations._records import Checkers, bump_version, fetch, insert_checked, update_checked
from dxplanner.store.operations._siblings import (
    TreeMessages,
    check_parent,
    close_gap,
    open_gap,
    sibling_conditions,
)
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "code": lambda value: rules.required_text(value, _("Goal code")),
        "text": lambda value: rules.required_text(value, _("Goal")),
        "pillar": lambda value: rules.member(Pillar, value, _("Pillar")),
        "area": lambda value: rules.member(Area, value, _("Area")),
    }


def _tree_messages() -> TreeMessages:
    return TreeMessages(
        parent=_("Parent goal"),
        other_owner=_("A goal can only be placed under a goal of the same strategy."),
        into_itself=_("A goal cannot be placed under itself or one of its own sub-goals."),
    )


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
        parent = check_parent(session, Goal, "strategy_id", strategy_id, parent_id, None, _tree_messages())
        goal = Goal(strategy_id=strategy_id, parent_id=parent, code="", text="")
        goal.position = open_gap(session, Goal, _siblings(strategy_id, parent), position)
        goal_id = insert_checked(session, goal, fields, _checkers(), _check_code, required=("code", "text"))
        return Changes().create(Entity.GOAL, goal_id)


def update_goal(store: PlanStore, goal_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a goal's code, text, pillar or area.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session, Goal, goal_id, _("Goal"), fields, _checkers(), _check_code, Entity.GOAL, seen=seen
        )


def move_goal(
    store: PlanStore, goal_id: int, *, parent_id: int | None, position: int | None = None
) -> Changes:
    """Move a goal (with the goals below it) under another parent or to another position."""
    with store.write() as session:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        parent = check_parent(
            session, Goal, "strategy_id", goal.strategy_id, parent_id, goal_id, _tree_messages()
        )
        changes = Changes().update(Entity.GOAL, goal_id)
        changes.previous = {"parent_id": goal.parent_id, "position": goal.position}
        close_gap(session, Goal, _siblings(goal.strategy_id, goal.parent_id), goal.position, goal_id)
        goal.parent_id = parent
        goal.position = open_gap(
            session, Goal, _siblings(goal.strategy_id, parent), position, exclude_id=goal_id
        )
        bump_version(goal)
        session.add(goal)
        return changes


def delete_goal(store: PlanStore, goal_id: int) -> Changes:
    """Delete a goal with the goals and indicators below it."""
    with store.write() as session:
        goal = fetch(session, Goal, goal_id, _("Goal"))
        changes = Changes()
        note_goals_going(session, [goal_id], changes)
        close_gap(session, Goal, _siblings(goal.strategy_id, goal.parent_id), goal.position, goal_id)
        session.delete(goal)
        return changes


def _siblings(strategy_id: int, parent_id: int | None) -> list[Any]:
    return sibling_conditions(Goal, "strategy_id", strategy_id, parent_id)


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
