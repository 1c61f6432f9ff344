"""The estate as the progress report's appendices show it on the report's day: systems, services, links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind


@dataclass(frozen=True)
class ChangingTask:
    """A task with an effect on the estate, as the appendices name it."""

    id: int
    name: str
    plan_name: str


@dataclass(frozen=True)
class SystemLine:
    """An information system as it stands on the report's day, and the tasks that change it."""

    name: str
    owner: str | None
    kind: SystemKind
    level: GovernmentLevel
    hosting: Hosting | None
    security_level: int | None
    security_plan_approved: bool
    status: EstateStatus
    task_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ServiceLine:
    """A public service offered on the report's day, at the level it has then."""

    code: str | None
    name: str
    field: str | None
    unit: str | None
    level: ServiceLevel | None
    on_national_portal: bool
    online_payment: bool


@dataclass(frozen=True)
class LinkLine:
    """A data-sharing link as it stands on the report's day."""

    giver: str
    taker: str
    via: DataLinkVia
    data: str | None
    status: EstateStatus


@dataclass(frozen=True)
class ServiceTally:
    """How far the services of one unit (or all of them) are online."""

    unit: str
    full_process: int = 0
    partial: int = 0
    other: int = 0  # information only, or no level recorded
    on_national_portal: int = 0
    online_payment: int = 0

    @property
    def total(self) -> int:
        return self.full_process + self.partial + self.other


@dataclass(frozen=True)
class EstateReport:
    """The estate's appendices of a report; a table with nothing in it gets no sheet."""

    systems: tuple[SystemLine, ...]
    services: tuple[ServiceLine, ...]  # those not retired by the day, by unit, field and name
    links: tuple[LinkLine, ...]
    tasks: dict[int, ChangingTask]  # every task some system line names

    @property
    def is_empty(self) -> bool:
        return not (self.systems or self.services or self.links)


def tally_services(services: Iterable[ServiceLine], no_unit: str) -> list[ServiceTally]:
    """The services counted by handling unit, in the order the units first appear."""
    counts: dict[str, list[int]] = {}
    for service in services:
        count = counts.setdefault(service.unit or no_unit, [0, 0, 0, 0, 0])
        if service.level is ServiceLevel.FULL_PROCESS_ONLINE:
            count[0] += 1
        elif service.level is ServiceLevel.PARTIAL_ONLINE:
            count[1] += 1
        else:
            count[2] += 1
        count[3] += service.on_national_portal
        count[4] += service.online_payment
    return [ServiceTally(unit, *count) for unit, count in counts.items()]


def total_tally(tallies: Iterable[ServiceTally], name: str) -> ServiceTally:
    """The sum of the units' tallies, under a name ("Total")."""
    found = list(tallies)
    return ServiceTally(
        name,
        sum(each.full_process for each in found),
        sum(each.partial for each in found),
        sum(each.other for each in found),
        sum(each.on_national_portal for each in found),
        sum(each.online_payment for each in found),
    )
