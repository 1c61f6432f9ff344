"""Operations on the links between tasks, refusing links that would form a cycle."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, select

from dxplanner.core import rules
from dxplanner.core.enums import DependencyType
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Dependency, Task
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import Checkers, apply_fields, fetch, new_id
from dxplanner.store.operations.tasks import subtree_ids
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "type": lambda value: rules.member(DependencyType, value, _("Link type")),
        "lag_days": lambda value: rules.whole_number(value, _("Lag (days)"), low=-3650, high=3650),
    }


def add_dependency(
    store: PlanStore,
    predecessor_id: int,
    successor_id: int,
    *,
    type: DependencyType | str = DependencyType.FS,
    lag_days: int = 0,
) -> Changes:
    """Link two tasks so that the successor follows the predecessor."""
    with store.write() as session:
        predecessor = fetch(session, Task, predecessor_id, _("Predecessor task"))
        successor = fetch(session, Task, successor_id, _("Successor task"))
        if predecessor_id == successor_id:
            raise InvalidInputError(_("A task cannot depend on itself."))
        if predecessor_id in subtree_ids(session, successor_id) or successor_id in subtree_ids(
            session, predecessor_id
        ):
            raise InvalidInputError(_("A task cannot depend on its own group or on a task inside it."))
        existing = session.exec(
            select(Dependency.id).where(
                Dependency.predecessor_id == predecessor_id, Dependency.successor_id == successor_id
            )
        ).first()
        if existing is not None:
            raise InvalidInputError(
                _("{successor} already depends on {predecessor}.").format(
                    successor=successor.name, predecessor=predecessor.name
                )
            )
        if rules.reaches(_graph(session), successor_id, predecessor_id):
            raise InvalidInputError(
                _(
                    "This link would make a cycle: {predecessor} already depends, directly or through other "
                    "tasks, on {successor}."
                ).format(predecessor=predecessor.name, successor=successor.name)
            )
        dependency = Dependency(predecessor_id=predecessor_id, successor_id=successor_id)
        apply_fields(dependency, {"type": type, "lag_days": lag_days}, _checkers())
        return Changes().create(Entity.DEPENDENCY, new_id(session, dependency))


def update_dependency(store: PlanStore, dependency_id: int, **fields: object) -> Changes:
    """Change the type or lag of a link."""
    with store.write() as session:
        dependency = fetch(session, Dependency, dependency_id, _("Link"))
        previous = apply_fields(dependency, fields, _checkers())
        session.add(dependency)
        changes = Changes().update(Entity.DEPENDENCY, dependency_id)
        changes.previous = previous
        return changes


def delete_dependency(store: PlanStore, dependency_id: int) -> Changes:
    """Remove a link between two tasks."""
    with store.write() as session:
        session.delete(fetch(session, Dependency, dependency_id, _("Link")))
        return Changes().delete(Entity.DEPENDENCY, dependency_id)


def _graph(session: Session) -> dict[int, list[int]]:
    successors: dict[int, list[int]] = defaultdict(list)
    for predecessor, successor in session.exec(select(Dependency.predecessor_id, Dependency.successor_id)):
        successors[predecessor].append(successor)
    return successors
