"""The engine on the demo plan, read through the store: schedule, status, budget, indicators."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import select

from dxplanner.core.attainment import AttainmentStatus, IndicatorFacts, attainment
from dxplanner.core.budget import by_source, grand_total
from dxplanner.core.models import ActionPlan, Indicator, IndicatorTarget, IndicatorValue
from dxplanner.core.schedule import critical_path
from dxplanner.core.status import Health, health_of_all
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore

AS_OF = datetime.date(2026, 11, 15)


def test_every_demo_plan_schedules_and_has_a_status_for_every_task(demo_store: PlanStore) -> None:
    with demo_store.read() as session:
        plan_ids = list(session.exec(select(ActionPlan.id)).all())
        for plan_id in plan_ids:
            assert plan_id is not None
            calendar = queries.plan_calendar(session, plan_id)
            nodes = queries.outline_nodes(session, [plan_id])
            timings = critical_path(nodes, queries.plan_links(session, [plan_id]), calendar)
            assert any(timing.critical for timing in timings.values())
            states = health_of_all(nodes, AS_OF, calendar, queries.plan_weight(session, plan_id, calendar))
            assert set(states) == {node.id for node in nodes}
    # The demo reports a few late tasks (past their end, unfinished) in every year.
    assert Health.LATE in states.values()


def test_budget_totals_match_the_stored_lines(demo_store: PlanStore) -> None:
    with demo_store.read() as session:
        plan_ids = list(session.exec(select(ActionPlan.id)).all())
        facts = queries.budget_facts(session, plan_ids)  # type: ignore[arg-type]
        stored = (
            session.connection()
            .execute(sa.text("SELECT sum(planned), sum(disbursed) FROM budget_line"))
            .one()
        )
    total = grand_total(facts)
    assert (total.planned, total.disbursed) == tuple(stored)
    assert sum(money.planned for money in by_source(facts).values()) == total.planned


def test_every_demo_indicator_has_an_attainment_for_2025(demo_store: PlanStore) -> None:
    with demo_store.read() as session:
        indicators = session.exec(select(Indicator).where(Indicator.goal_id != None)).all()  # noqa: E711
        statuses = []
        for indicator in indicators:
            targets = {
                row.year: row.value
                for row in session.exec(
                    select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator.id)
                )
                if row.value is not None  # a target in words has no number to reach
            }
            values = [
                (row.as_of, row.value)
                for row in session.exec(
                    select(IndicatorValue).where(IndicatorValue.indicator_id == indicator.id)
                )
            ]
            facts = IndicatorFacts(
                indicator.direction, targets, values, indicator.baseline_value, indicator.baseline_year
            )
            statuses.append(attainment(facts, 2025).status)
    assert AttainmentStatus.MET in statuses and AttainmentStatus.BEHIND in statuses
