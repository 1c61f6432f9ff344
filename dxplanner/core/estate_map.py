"""The estate as the map shows it on a day: elements in layers and the relations between them.

Neutral data, built from the plan by the service layer (as of a day, filtered) and drawn by the
window's map view or written to SVG, PDF, PNG and the ArchiMate Open Exchange format.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass

from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind


class MapLayer(enum.StrEnum):
    """The map's bands, top to bottom, as the guide lays out an architecture."""

    SERVICES = "services"
    APPLICATIONS = "applications"
    DATA = "data"
    PLATFORMS = "platforms"  # platforms and integration (LGSP, NDXP)
    INFRASTRUCTURE = "infrastructure"
    SECURITY = "security"


class ElementKind(enum.StrEnum):
    """What an element of the map stands for (a system's own kind, or another record of the estate)."""

    APPLICATION = SystemKind.APPLICATION.value
    PORTAL = SystemKind.PORTAL.value
    PLATFORM = SystemKind.PLATFORM.value
    DATABASE = SystemKind.DATABASE.value
    INFRASTRUCTURE = SystemKind.INFRASTRUCTURE.value
    SECURITY = SystemKind.SECURITY.value
    PUBLIC_SERVICE = "public_service"
    OPEN_DATASET = "open_dataset"


# The layer each kind of element is drawn in.
LAYER_OF: dict[ElementKind, MapLayer] = {
    ElementKind.PUBLIC_SERVICE: MapLayer.SERVICES,
    ElementKind.APPLICATION: MapLayer.APPLICATIONS,
    ElementKind.PORTAL: MapLayer.APPLICATIONS,
    ElementKind.DATABASE: MapLayer.DATA,
    ElementKind.OPEN_DATASET: MapLayer.DATA,
    ElementKind.PLATFORM: MapLayer.PLATFORMS,
    ElementKind.INFRASTRUCTURE: MapLayer.INFRASTRUCTURE,
    ElementKind.SECURITY: MapLayer.SECURITY,
}


class RelationKind(enum.StrEnum):
    """How two elements of the map are related."""

    HOSTED_ON = "hosted_on"  # a system runs on an infrastructure element
    SHARES_DATA = "shares_data"  # a data-sharing link, from the giver to the taker
    SERVES = "serves"  # a system serves a public service
    PUBLISHES = "publishes"  # a system is the source of an open dataset


@dataclass(frozen=True)
class MapElement:
    """One element of the estate as it stands on the map's day."""

    key: str  # unique on the map: "system:12", "public_service:3", "open_dataset:4"
    table: str  # the record's table, to open its form
    record_id: int
    kind: ElementKind
    name: str
    short_name: str | None
    unit_id: int | None  # the owner, the unit that handles the service, the publisher
    unit_name: str | None
    level: GovernmentLevel | None
    status: EstateStatus  # as of the map's day: what the tasks done by then made of it
    service_level: ServiceLevel | None = None  # a public service's, as of the map's day
    # The tasks that change it, and whether any of them is late (so the change will be).
    task_ids: tuple[int, ...] = ()
    late: bool = False
    # A system's hosting and approved security level (1-5), written to the ArchiMate exchange file.
    hosting: Hosting | None = None
    security_level: int | None = None
    # A task that changes it (without building, connecting, raising or retiring it) will have by the day.
    changed: bool = False

    @property
    def layer(self) -> MapLayer:
        return LAYER_OF[self.kind]


@dataclass(frozen=True)
class MapRelation:
    """A line of the map, between two elements' keys."""

    key: str  # unique on the map: "data_link:7", "hosted_on:12"
    kind: RelationKind
    source: str
    target: str
    status: EstateStatus = EstateStatus.RUNNING
    via: DataLinkVia | None = None  # a data-sharing link's platform
    label: str | None = None  # what data a link shares
    record_id: int | None = None  # the data link's id, to open its form


@dataclass(frozen=True)
class EstateMap:
    """The map of the estate on a day ("as is" today, "to be" at a plan's end)."""

    as_of: datetime.date
    elements: tuple[MapElement, ...]
    relations: tuple[MapRelation, ...]
