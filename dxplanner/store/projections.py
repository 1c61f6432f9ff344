"""A plan's projection read from the file: its tasks as they stood on a day, weighed and numbered."""

from __future__ import annotations

import datetime

from sqlmodel import Session

from dxplanner.core.as_of import tasks_as_of
from dxplanner.core.projection import PlanProjection, project_plan
from dxplanner.store import queries


def plan_projection(
    session: Session, plan_id: int, as_of: datetime.date, today: datetime.date
) -> PlanProjection:
    """The plan as every view shows it on as_of; a day before today is told by the progress reports."""
    calendar = queries.plan_calendar(session, plan_id)
    nodes = queries.outline_nodes(session, [plan_id])
    if as_of < today:
        told, stated = queries.progress_reports(session, [plan_id])
        nodes = tasks_as_of(nodes, told, stated, as_of, today)
    weight = queries.plan_weight(session, plan_id, calendar)
    return project_plan(nodes, calendar, as_of, weight, queries.task_codes(session, plan_id))
