"""The figures measured from the estate on a day, read from a plan file in one query per table."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.enums import EstateMeasure, EstateStatus, ServiceLevel
from dxplanner.core.estate_indicators import LinkFacts, ServiceFacts, SystemFacts, estate_figures
from dxplanner.core.estate_state import ElementState, EstateClock, state_on
from dxplanner.core.models import DataLink, Goal, Indicator, IndicatorValue, PublicService, System
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.store.estate_data import read_effects
from dxplanner.store.queries import table


def measured_figures(
    session: Session, as_of: datetime.date, today: datetime.date
) -> dict[EstateMeasure, float | None]:
    """Every estate figure as of the day, each element as its record and tasks make it then."""
    clock = EstateClock(today, vietnam_calendar())
    effects = read_effects(session)
    connection = session.connection()

    def on_day(key: str, status: EstateStatus, level: ServiceLevel | None = None) -> ElementState:
        return state_on(status, level, effects.by_key.get(key, ()), effects.tasks, as_of, clock)

    system, service, link = table(System), table(PublicService), table(DataLink)
    systems = [
        SystemFacts(system_id, kind, on_day(f"system:{system_id}", status).status, hosting, approved)
        for system_id, kind, status, hosting, approved in connection.execute(
            sa.select(
                system.c.id, system.c.kind, system.c.status, system.c.hosting, system.c.security_plan_approved
            )
        )
    ]
    services = []
    for service_id, level, on_portal in connection.execute(
        sa.select(service.c.id, service.c.level, service.c.on_national_portal)
    ):
        now = on_day(f"public_service:{service_id}", EstateStatus.RUNNING, level)
        services.append(ServiceFacts(now.status, now.service_level, on_portal))
    links = [
        LinkFacts(giver, taker, via, on_day(f"data_link:{link_id}", status).status)
        for link_id, giver, taker, via, status in connection.execute(
            sa.select(link.c.id, link.c.from_system_id, link.c.to_system_id, link.c.via, link.c.status)
        )
    ]
    return estate_figures(systems, services, links)


def following_indicators(
    session: Session, as_of: datetime.date, strategy_id: int | None
) -> list[tuple[int, str, str, EstateMeasure, float | None]]:
    """Every indicator that follows an estate figure (of the strategy, if given), with the value
    recorded for it on as_of: (id, code, name, measure, value)."""
    indicator, goal, value = table(Indicator), table(Goal), table(IndicatorValue)
    query = (
        sa.select(
            indicator.c.id, indicator.c.code, indicator.c.name, indicator.c.estate_measure, value.c.value
        )
        .select_from(
            indicator.outerjoin(goal, goal.c.id == indicator.c.goal_id).outerjoin(
                value, sa.and_(value.c.indicator_id == indicator.c.id, value.c.as_of == as_of)
            )
        )
        .where(indicator.c.estate_measure.is_not(None))
        .order_by(indicator.c.code, indicator.c.id)
    )
    if strategy_id is not None:
        query = query.where(goal.c.strategy_id == strategy_id)
    return [(row[0], row[1], row[2], row[3], row[4]) for row in session.connection().execute(query)]
