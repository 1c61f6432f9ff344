"""Operations on the links between tasks, refusing links that would form a cycle or that the dates break.

A link the tasks' planned dates break at once ("B comes after A" while B starts
before A ends) is refused with the rule and a way out, as a move on the Gantt chart
that would break a link is: the plan never holds a link its dates contradict
without the user having seen it. (Rescheduling the successor instead was the other
choice; it would move dates the user did not touch, and what follows them.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import DependencyType
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.link_rules import broken_links
from dxplanner.core.links import LAG_LIMIT_DAYS, check_link
from dxplanner.core.models import Dependency, Task
from dxplanner.core.rollup import TaskNode
from dxplanner.core.schedule import Link, ScheduleCycleError, critical_path
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._link_words import link_refusal
from dxplanner.store.operations._records import Checkers, apply_fields, fetch, new_id, update_checked
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "type": lambda value: rules.member(DependencyType, value, _("Link type")),
        "lag_days": lambda value: rules.whole_number(
            value, _("Lag (days)"), low=-LAG_LIMIT_DAYS, high=LAG_LIMIT_DAYS
        ),
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
        (made,) = insert_dependencies(session, [(predecessor_id, successor_id, type, lag_days)])
        return Changes().create(Entity.DEPENDENCY, made)


# A link to insert: (predecessor task, successor task, type, lag in working days).
NewLink = tuple[int, int, DependencyType | str, int]


def insert_dependencies(
    session: Session,
    links: Sequence[NewLink],
    refused: Callable[[int, str], str] = lambda _index, why: why,
    *,
    leave_out_broken: bool = False,
) -> list[int]:
    """Insert checked links inside an open write transaction, all checked together; their ids.

    Each is checked as a link the user draws (its two tasks, a cycle, the dates), and all of them
    against cycles through groups; refused(index, reason) words the refusal of the link at index.
    leave_out_broken: a link the tasks' dates break is left out rather than refused (a copy of
    links the plan already held broken). (Checked one by one, each link read the whole plan and
    scheduled it: 19 pasted links in a plan of 10,000 tasks took 7.5 s.)
    """
    if not links:
        return []  # (an Excel paste has none: no need to read the plan's links)
    made: list[Dependency] = []
    plan_of: dict[int, int] = {}
    names: dict[int, str] = {}
    for index, (predecessor_id, successor_id, kind, lag) in enumerate(links):
        try:
            for task_id, what in (
                (predecessor_id, _("Predecessor task")),
                (successor_id, _("Successor task")),
            ):
                task = fetch(session, Task, task_id, what)
                plan_of[task_id], names[task_id] = task.plan_id, task.name
            dependency = Dependency(predecessor_id=predecessor_id, successor_id=successor_id)
            apply_fields(dependency, {"type": kind, "lag_days": lag}, _checkers())
        except DomainError as error:
            raise _worded(error, refused(index, error.message)) from None
        made.append(dependency)
    plan_ids = set(plan_of.values())
    nodes = queries.outline_nodes(session, plan_ids)
    parents, successors = {node.id: node.parent_id for node in nodes}, _graph(session)
    for index, dependency in enumerate(made):
        try:
            check_link(
                dependency.predecessor_id,
                dependency.successor_id,
                parents,
                successors,
                lambda task_id: names.get(task_id, str(task_id)),
            )
        except DomainError as error:
            raise _worded(error, refused(index, error.message)) from None
        successors[dependency.predecessor_id].append(dependency.successor_id)
    new = [_as_link(dependency) for dependency in made]
    _refuse_cycles_through_groups(session, plan_ids, new, nodes)
    # Lags count the working days of the plan the waiting task belongs to.
    calendars = {plan_id: queries.plan_calendar(session, plan_id) for plan_id in plan_ids}
    broken: set[Link] = set()
    for plan_id, calendar in calendars.items():
        waiting = [link for link in new if plan_of[link.successor] == plan_id]
        broken.update(broken_links(waiting, nodes, calendar))
    if broken and not leave_out_broken:
        first = min(new.index(link) for link in broken)
        raise InvalidInputError(refused(first, link_refusal(new[first], session)))
    return [
        new_id(session, dependency) for dependency, link in zip(made, new, strict=True) if link not in broken
    ]


def _worded(error: DomainError, reason: str) -> DomainError:
    """The refusal as refused() words it; the error itself (its kind kept) when that changes nothing."""
    return error if reason == error.message else InvalidInputError(reason)


def update_dependency(
    store: PlanStore, dependency_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change the type or lag of a link, unless the planned dates break the link as changed.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        before = _as_link(fetch(session, Dependency, dependency_id, _("Link")))
        changes = update_checked(
            session,
            Dependency,
            dependency_id,
            _("Link"),
            fields,
            _checkers(),
            _no_more_checks,
            Entity.DEPENDENCY,
            seen=seen,
        )
        _refuse_broken(session, _as_link(fetch(session, Dependency, dependency_id, _("Link"))), before)
        return changes


def delete_dependency(store: PlanStore, dependency_id: int) -> Changes:
    """Remove a link between two tasks."""
    with store.write() as session:
        session.delete(fetch(session, Dependency, dependency_id, _("Link")))
        return Changes().delete(Entity.DEPENDENCY, dependency_id)


def _no_more_checks(_session: Session, _dependency: Dependency) -> None:
    """Type and lag are checked field by field; the tasks a link joins do not change."""


def _refuse_cycles_through_groups(
    session: Session, plan_ids: set[int], new: Sequence[Link], nodes: list[TaskNode]
) -> None:
    """A link to a group binds every task in it, which can close a circle no single link shows."""
    links = [*queries.plan_links(session, plan_ids), *new]
    names = dict(session.exec(select(Task.id, Task.name).where(col(Task.plan_id).in_(plan_ids))).all())
    try:
        critical_path(nodes, links, vietnam_calendar(), lambda task_id: str(names.get(task_id, task_id)))
    except ScheduleCycleError as error:
        raise InvalidInputError(
            _("This link would make a cycle through a group: {cycle}").format(cycle=error.message)
        ) from None


def _as_link(dependency: Dependency) -> Link:
    kind = DependencyType(dependency.type)
    return Link(dependency.predecessor_id, dependency.successor_id, kind, dependency.lag_days)


def _refuse_broken(session: Session, link: Link, before: Link | None = None) -> None:
    """Refuse a link the planned dates break, unless it was broken before this change too."""
    plans = dict(
        session.exec(
            select(Task.id, Task.plan_id).where(col(Task.id).in_([link.predecessor, link.successor]))
        ).all()
    )
    nodes = queries.outline_nodes(session, set(plans.values()))
    # Lags count the working days of the plan the waiting task belongs to.
    calendar = queries.plan_calendar(session, plans[link.successor])
    broken = broken_links([link] if before is None else [link, before], nodes, calendar)
    if link in broken and (before is None or before not in broken):
        raise InvalidInputError(link_refusal(link, session))


def _graph(session: Session) -> dict[int, list[int]]:
    successors: dict[int, list[int]] = defaultdict(list)
    for predecessor, successor in session.exec(select(Dependency.predecessor_id, Dependency.successor_id)):
        successors[predecessor].append(successor)
    return successors
