"""The figures measured from the estate on a day, which a strategy's indicators may follow.

Each figure is taken over the elements as they stand on the day (see core.estate_state):

- full-process and national-portal service shares: of the public services not retired;
- shared-hosting share: of the running systems other than infrastructure (a data centre or a
  cloud is what the others are hosted on), those in a provincial data centre or a cloud; a
  system whose hosting is not recorded counts as not shown to be shared;
- security-plan share: of every running system (infrastructure included: Decree 85/2016 covers
  it too), those whose security plan is approved;
- platform-connected count: the running systems at either end of a running data-sharing link
  through LGSP or NDXP, each counted once.

A share with nothing to measure (no services, no running systems) is None: no figure, not 0%.
Shares are in per cent, to two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dxplanner.core.enums import DataLinkVia, EstateMeasure, EstateStatus, Hosting, ServiceLevel, SystemKind

SHARED_HOSTING = frozenset(
    {Hosting.PROVINCIAL_DATA_CENTRE, Hosting.GOVERNMENT_CLOUD, Hosting.COMMERCIAL_CLOUD}
)
THROUGH_PLATFORM = frozenset({DataLinkVia.LGSP, DataLinkVia.NDXP})


@dataclass(frozen=True)
class SystemFacts:
    """What the figures need of a system on the day."""

    id: int
    kind: SystemKind
    status: EstateStatus
    hosting: Hosting | None
    security_plan_approved: bool


@dataclass(frozen=True)
class ServiceFacts:
    """What the figures need of a public service on the day."""

    status: EstateStatus
    level: ServiceLevel | None
    on_national_portal: bool


@dataclass(frozen=True)
class LinkFacts:
    """What the figures need of a data-sharing link on the day."""

    from_system_id: int
    to_system_id: int
    via: DataLinkVia
    status: EstateStatus


# Shares are given to two decimals: what a person would type, and what the dashboard compares.
DECIMALS = 2


def _share(count: int, total: int) -> float | None:
    return None if total == 0 else round(100.0 * count / total, DECIMALS)


def estate_figures(
    systems: Iterable[SystemFacts], services: Iterable[ServiceFacts], links: Iterable[LinkFacts]
) -> dict[EstateMeasure, float | None]:
    """Every figure measured from the estate as it stands (percentages, and a count)."""
    running = [system for system in systems if system.status is EstateStatus.RUNNING]
    hosted = [system for system in running if system.kind is not SystemKind.INFRASTRUCTURE]
    offered = [service for service in services if service.status is not EstateStatus.RETIRED]
    running_ids = {system.id for system in running}
    connected = {
        end
        for link in links
        if link.status is EstateStatus.RUNNING and link.via in THROUGH_PLATFORM
        for end in (link.from_system_id, link.to_system_id)
        if end in running_ids
    }
    return {
        EstateMeasure.FULL_PROCESS_SERVICE_SHARE: _share(
            sum(service.level is ServiceLevel.FULL_PROCESS_ONLINE for service in offered), len(offered)
        ),
        EstateMeasure.NATIONAL_PORTAL_SERVICE_SHARE: _share(
            sum(service.on_national_portal for service in offered), len(offered)
        ),
        EstateMeasure.SHARED_HOSTING_SHARE: _share(
            sum(system.hosting in SHARED_HOSTING for system in hosted), len(hosted)
        ),
        EstateMeasure.SECURITY_PLAN_SHARE: _share(
            sum(system.security_plan_approved for system in running), len(running)
        ),
        EstateMeasure.PLATFORM_CONNECTED_COUNT: float(len(connected)),
    }
