"""Rescheduling a task from the Gantt chart: new planned dates, refused when they would break a link."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.link_rules import broken_by_move
from dxplanner.core.models import Dependency, Task
from dxplanner.core.schedule import Link
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.changes import Changes
from dxplanner.store.operations._link_words import describe_link
from dxplanner.store.operations._records import fetch_seen
from dxplanner.store.operations.tasks import update_task_fields
from dxplanner.store.plan_store import PlanStore


def reschedule_task(
    store: PlanStore,
    task_id: int,
    planned_start: datetime.date | None,
    planned_end: datetime.date | None,
    *,
    seen: int | None = None,
) -> Changes:
    """Give a task new planned dates, unless that breaks a link its dates (or its groups' spans) keep now.

    seen: the version of the task the user saw; refused with ConflictError if it changed since.
    """
    with store.write() as session:
        mine = {"planned_start": planned_start, "planned_end": planned_end}
        task = fetch_seen(session, Task, task_id, _("Task"), seen, mine)
        has_children = session.exec(select(Task.id).where(Task.parent_id == task_id).limit(1)).first()
        if has_children is not None:
            raise InvalidInputError(
                _("The dates of the group “{task}” come from the tasks inside it: move those.").format(
                    task=task.name
                )
            )
        links, plan_ids = _links_touching(session, task.plan_id)
        nodes = queries.outline_nodes(session, plan_ids)
        calendar = queries.plan_calendar(session, task.plan_id)
        broken = broken_by_move(task_id, planned_start, planned_end, nodes, links, calendar)
        if broken:
            raise InvalidInputError(
                _("This change is refused: {rule}.").format(rule=describe_link(broken[0], session))
            )
        return update_task_fields(
            session, task_id, {"planned_start": planned_start, "planned_end": planned_end}
        )


def _links_touching(session: Session, plan_id: int) -> tuple[list[Link], set[int]]:
    """Every link with an end in the plan (links may cross into other plans), and the plans they touch."""
    task, link = queries.table(Task), queries.table(Dependency)
    before, after = task.alias("before"), task.alias("after")
    rows = session.connection().execute(
        sa.select(
            link.c.predecessor_id,
            link.c.successor_id,
            link.c.type,
            link.c.lag_days,
            before.c.plan_id,
            after.c.plan_id,
        )
        .select_from(
            link.join(before, before.c.id == link.c.predecessor_id).join(
                after, after.c.id == link.c.successor_id
            )
        )
        .where(sa.or_(before.c.plan_id == plan_id, after.c.plan_id == plan_id))
    )
    links, plans = [], {plan_id}
    for predecessor, successor, kind, lag, first_plan, second_plan in rows:
        links.append(Link(predecessor, successor, kind, lag))
        plans.update((first_plan, second_plan))
    return links, plans
