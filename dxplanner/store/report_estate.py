"""Reading the estate for the progress report's appendices: each table once, each element as of the day."""

from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.enums import EstateStatus, ServiceLevel
from dxplanner.core.estate_state import ElementState, EstateClock, state_on
from dxplanner.core.models import ActionPlan, DataLink, PublicService, System, Task
from dxplanner.core.report_estate import ChangingTask, EstateReport, LinkLine, ServiceLine, SystemLine
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.store.estate_data import read_effects
from dxplanner.store.queries import table


def read_estate_report(
    session: Session, as_of: datetime.date, today: datetime.date, units: dict[int, str]
) -> EstateReport | None:
    """The systems, services and links as they stand on as_of (None: the file has no estate)."""
    connection = session.connection()
    system, service, link = table(System), table(PublicService), table(DataLink)
    system_rows = list(
        connection.execute(
            sa.select(
                system.c.id,
                system.c.name,
                system.c.owner_unit_id,
                system.c.kind,
                system.c.level,
                system.c.hosting,
                system.c.security_level,
                system.c.security_plan_approved,
                system.c.status,
            ).order_by(system.c.id)
        )
    )
    service_rows = list(
        connection.execute(
            sa.select(
                service.c.id,
                service.c.code,
                service.c.name,
                service.c.field,
                service.c.unit_id,
                service.c.level,
                service.c.on_national_portal,
                service.c.online_payment,
            )
        )
    )
    if not system_rows and not service_rows:
        return None  # a link joins two systems: with no system there is none
    clock = EstateClock(today, vietnam_calendar())
    effects = read_effects(session)

    def on_day(key: str, status: EstateStatus, level: ServiceLevel | None = None) -> ElementState:
        return state_on(status, level, effects.by_key.get(key, ()), effects.tasks, as_of, clock)

    def unit(unit_id: int | None) -> str | None:
        return units.get(unit_id) if unit_id is not None else None

    systems = []
    names = {}
    for row in system_rows:
        names[row.id] = row.name
        now = on_day(f"system:{row.id}", row.status)
        systems.append(
            SystemLine(
                row.name,
                unit(row.owner_unit_id),
                row.kind,
                row.level,
                row.hosting,
                row.security_level,
                bool(row.security_plan_approved),
                now.status,
                now.task_ids,
            )
        )
    services = []
    for found in service_rows:
        now = on_day(f"public_service:{found.id}", EstateStatus.RUNNING, found.level)
        if now.status is EstateStatus.RETIRED:
            continue  # no longer offered: not counted, as the estate's figures do not count it
        services.append(
            ServiceLine(
                found.code,
                found.name,
                found.field,
                unit(found.unit_id),
                now.service_level,
                bool(found.on_national_portal),
                bool(found.online_payment),
            )
        )
    services.sort(key=lambda line: (line.unit or "", line.field or "", line.name, line.code or ""))
    links = [
        LinkLine(names[giver], names[taker], via, data, on_day(f"data_link:{link_id}", status).status)
        for link_id, giver, taker, via, data, status in connection.execute(
            sa.select(
                link.c.id, link.c.from_system_id, link.c.to_system_id, link.c.via, link.c.data, link.c.status
            ).order_by(link.c.id)
        )
    ]
    wanted = {task_id for line in systems for task_id in line.task_ids}
    return EstateReport(tuple(systems), tuple(services), tuple(links), _tasks(session, wanted))


def _tasks(session: Session, wanted: set[int]) -> dict[int, ChangingTask]:
    if not wanted:
        return {}
    task, plan = table(Task), table(ActionPlan)
    return {
        task_id: ChangingTask(task_id, name, plan_name)
        for task_id, name, plan_name in session.connection().execute(
            sa.select(task.c.id, task.c.name, plan.c.name)
            .join(plan, plan.c.id == task.c.plan_id)
            .where(task.c.id.in_(sorted(wanted)))
        )
    }
