"""Reading what the progress report shows about one plan on one day, from the file and the engine."""

from __future__ import annotations

import datetime
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, col, select

from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.errors import NotFoundError
from dxplanner.core.models import ActionPlan, ProgressReport, Task, TaskUnit, Unit
from dxplanner.core.projection import PlanProjection
from dxplanner.core.report import ReportData, ReportRow
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.report_estate import read_estate_report


def read_report(
    store: PlanStore, plan_id: int | None, as_of: datetime.date, today: datetime.date
) -> ReportData:
    """The report on a plan (by default the one running on as_of, else the latest) as of a day."""
    with store.read() as session:
        plan = _chosen_plan(session, plan_id, as_of)
        assert plan.id is not None
        chosen = DashboardFilter(strategy_id=plan.strategy_id, as_of=as_of, plan_id=plan.id)
        # One reading of the tasks, their reports and budget lines, and one roll-up of the plan,
        # for both the rows (the projection) and the charts' numbers (the dashboard's).
        reader = DashboardReader(lambda: today)
        reader.gather(session, chosen)
        projection = reader.projection(chosen)
        dashboard = reader.numbers(chosen)
        unit = queries.table(Unit)
        found = (
            session.connection()
            .execute(sa.select(unit.c.id, unit.c.name, unit.c.short_name, unit.c.parent_id))
            .all()
        )
        units = {row.id: row.name for row in found}
        rows = _rows(session, plan.id, projection, units)
        owner = units.get(plan.unit_id, "")
        owning = next((row for row in found if row.id == plan.unit_id), None)
        estate = read_estate_report(session, as_of, today, units)
    return ReportData(
        agency=owner,
        plan_name=plan.name,
        period=(plan.start, plan.end),
        as_of=as_of,
        rows=tuple(rows),
        budget=dashboard.budget.by_source,
        indicators=dashboard.indicators,
        attention=dashboard.attention,
        units=dashboard.units,
        progress=dashboard.progress,
        superior=units.get(owning.parent_id, "") if owning is not None else "",
        agency_short=owning.short_name if owning is not None else None,
        estate=estate,
    )


def chosen_plan(store: PlanStore, plan_id: int | None, as_of: datetime.date) -> int:
    """The id of the plan a report on as_of is about (NotFoundError when there is none)."""
    with store.read() as session:
        plan_id = _chosen_plan(session, plan_id, as_of).id
    assert plan_id is not None
    return plan_id


def _chosen_plan(session: Session, plan_id: int | None, as_of: datetime.date) -> ActionPlan:
    if plan_id is not None:
        plan = session.get(ActionPlan, plan_id)
        if plan is None:
            raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
        return plan
    plans = list(session.exec(select(ActionPlan).order_by(col(ActionPlan.start), col(ActionPlan.id))).all())
    if not plans:
        raise NotFoundError(_("The plan file has no action plan to report on."))
    running = [plan for plan in plans if plan.start <= as_of <= plan.end]
    return (running or [plan for plan in plans if plan.start <= as_of] or plans)[-1]


def _rows(
    session: Session, plan_id: int, projection: PlanProjection, units: dict[int, str]
) -> list[ReportRow]:
    connection = session.connection()
    task = queries.table(Task)
    facts = {
        row.id: row
        for row in connection.execute(
            sa.select(
                task.c.id, task.c.name, task.c.lead_unit_id, task.c.product, task.c.timeline_text
            ).where(task.c.plan_id == plan_id)
        )
    }
    helpers: dict[int, list[str]] = defaultdict(list)
    link = queries.table(TaskUnit)
    for task_id, unit_id in connection.execute(
        sa.select(link.c.task_id, link.c.unit_id)
        .join(task, task.c.id == link.c.task_id)
        .where(task.c.plan_id == plan_id)
        .order_by(link.c.task_id, link.c.unit_id)
    ):
        helpers[task_id].append(units.get(unit_id, ""))
    remarks = _latest_remarks(session, plan_id, projection.as_of)
    said = _latest_said(session, plan_id, projection.as_of)
    rows = []
    for each in projection:
        fact = facts[each.id]
        rows.append(
            ReportRow(
                task_id=each.id,
                level=each.depth,
                code=each.number,
                name=fact.name,
                is_group=each.has_children,
                lead=units.get(fact.lead_unit_id) if fact.lead_unit_id is not None else None,
                cooperating="; ".join(helpers.get(each.id, [])),
                timeline_text=fact.timeline_text,
                start=each.start,
                end=each.end,
                product=fact.product,
                progress=each.progress,
                health=each.health,
                remark=remarks.get(each.id),
                days_late=each.days_late,
                lead_id=fact.lead_unit_id,
                own_work=each.own_work,
                difficulty=said.get(each.id, (None, None))[0],
                proposal=said.get(each.id, (None, None))[1],
            )
        )
    return rows


def _latest_remarks(session: Session, plan_id: int, as_of: datetime.date) -> dict[int, str]:
    """Each task's latest progress remark up to the day (the later report of a day wins)."""
    report, task = queries.table(ProgressReport), queries.table(Task)
    found: dict[int, str] = {}
    for task_id, remark in session.connection().execute(
        sa.select(report.c.task_id, report.c.remark)
        .join(task, task.c.id == report.c.task_id)
        .where(task.c.plan_id == plan_id, report.c.as_of <= as_of, report.c.remark.is_not(None))
        .order_by(report.c.as_of, report.c.id)
    ):
        found[task_id] = remark
    return found


def _latest_said(
    session: Session, plan_id: int, as_of: datetime.date
) -> dict[int, tuple[str | None, str | None]]:
    """Each task's latest difficulty and latest proposal reported in the quarter up to the day.

    Only the reporting quarter's: a difficulty of an earlier quarter was reported then, and may be
    long solved.
    """
    report, task = queries.table(ProgressReport), queries.table(Task)
    since = datetime.date(as_of.year, (as_of.month - 1) // 3 * 3 + 1, 1)
    found: dict[int, tuple[str | None, str | None]] = {}
    for task_id, difficulty, proposal in session.connection().execute(
        sa.select(report.c.task_id, report.c.difficulty, report.c.proposal)
        .join(task, task.c.id == report.c.task_id)
        .where(
            task.c.plan_id == plan_id,
            report.c.as_of >= since,
            report.c.as_of <= as_of,
            sa.or_(report.c.difficulty.is_not(None), report.c.proposal.is_not(None)),
        )
        .order_by(report.c.as_of, report.c.id)
    ):
        before = found.get(task_id, (None, None))
        found[task_id] = (difficulty or before[0], proposal or before[1])
    return found
