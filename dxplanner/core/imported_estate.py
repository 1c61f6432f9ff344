"""An estate read from an architecture document (an ArchiMate exchange file), before it is written.

Plain data: each record names the others by the file's identifiers (`ref`), so that the operations
that write it into a plan can match units by name and give the new records their ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxplanner.core.enums import (
    DataLinkVia,
    EstateStatus,
    GovernmentLevel,
    Hosting,
    ServiceLevel,
    SystemKind,
)
from dxplanner.core.estate_map import RelationKind


@dataclass(frozen=True)
class ImportedUnit:
    """A unit (an ArchiMate business actor) that owns, handles or publishes something of the estate."""

    ref: str
    name: str
    key: str | None = None  # "unit:3" when dxplanner wrote the file


@dataclass(frozen=True)
class ImportedSystem:
    """An information system, portal, platform, database, piece of infrastructure or security service."""

    ref: str
    name: str
    kind: SystemKind
    owner_ref: str | None = None
    short_name: str | None = None
    level: GovernmentLevel | None = None
    hosting: Hosting | None = None
    security_level: int | None = None
    status: EstateStatus | None = None  # None: the file does not say
    description: str | None = None
    hosted_on_ref: str | None = None  # the system it runs on
    key: str | None = None  # "system:12" when dxplanner wrote the file


@dataclass(frozen=True)
class ImportedService:
    """A public service (an ArchiMate business service)."""

    ref: str
    name: str
    unit_ref: str | None = None  # the unit that handles it
    system_ref: str | None = None  # the system it is served through
    level: ServiceLevel | None = None
    status: EstateStatus | None = None
    description: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class ImportedDataset:
    """An open dataset (an ArchiMate data object)."""

    ref: str
    name: str
    publisher_ref: str | None = None
    system_ref: str | None = None  # the system the data comes from
    status: EstateStatus | None = None
    description: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class ImportedDataLink:
    """Data one system shares with another."""

    ref: str
    from_ref: str
    to_ref: str
    via: DataLinkVia | None = None  # None: the file does not say through which platform
    data: str | None = None
    status: EstateStatus | None = None
    key: str | None = None


@dataclass(frozen=True)
class SkippedConcept:
    """Something of the file the estate has no place for, said to the user rather than lost silently."""

    ref: str
    archimate_type: str
    name: str
    reason: str  # in the user's language


@dataclass(frozen=True)
class ImportedEstate:
    """Everything of the estate a file holds, and what of it was left out."""

    name: str  # the model's name
    units: tuple[ImportedUnit, ...] = ()
    systems: tuple[ImportedSystem, ...] = ()
    services: tuple[ImportedService, ...] = ()
    datasets: tuple[ImportedDataset, ...] = ()
    data_links: tuple[ImportedDataLink, ...] = ()
    skipped: tuple[SkippedConcept, ...] = ()

    def relations(self) -> list[tuple[RelationKind, str, str]]:
        """The estate's lines as the map draws them: (kind, source ref, target ref)."""
        found: list[tuple[RelationKind, str, str]] = [
            (RelationKind.HOSTED_ON, system.ref, system.hosted_on_ref)
            for system in self.systems
            if system.hosted_on_ref is not None
        ]
        found += [
            (RelationKind.SERVES, service.system_ref, service.ref)
            for service in self.services
            if service.system_ref is not None
        ]
        found += [
            (RelationKind.PUBLISHES, dataset.system_ref, dataset.ref)
            for dataset in self.datasets
            if dataset.system_ref is not None
        ]
        found += [(RelationKind.SHARES_DATA, link.from_ref, link.to_ref) for link in self.data_links]
        return found
