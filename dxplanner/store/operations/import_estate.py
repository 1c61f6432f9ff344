"""Writing an estate read from an architecture document into a plan: one transaction, one undoable step.

Each record of the file is matched to the plan's before anything is written: by the dxplanner key
our own export writes ("system:12"), else by name (systems with their owner, data links by their two
systems). A matched record is updated where the file says something else; the rest are added. The
same matching, run without writing, is the preview.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session, SQLModel, select

from dxplanner.core.enums import DataLinkVia, SystemKind
from dxplanner.core.imported_estate import ImportedEstate, ImportedSystem, SkippedConcept
from dxplanner.core.models import DataLink, OpenDataset, PublicService, System
from dxplanner.core.text import fold
from dxplanner.core.unit_matching import expanded
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._estate_matching import Finder, R, UnitFound, key_id, match_units
from dxplanner.store.operations._records import bump_version, new_id
from dxplanner.store.operations.import_table import _UnitMaker
from dxplanner.store.plan_store import PlanStore

# The kinds of records an import counts, as the preview and the command line name them.
KINDS = ("systems", "services", "datasets", "data_links")


@dataclass(frozen=True)
class Tally:
    """How many records of one kind an import adds, changes, and finds already as the file has them."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class EstateImport:
    """What an import does (or did): its units, its counts by kind, and what it leaves out, and why."""

    units: tuple[UnitFound, ...]
    tallies: Mapping[str, Tally]
    skipped: tuple[SkippedConcept, ...]
    changes: Changes = field(default_factory=Changes)

    @property
    def new_units(self) -> int:
        """How many units the import makes (one per name)."""
        return len({expanded(unit.name) for unit in self.units if unit.unit_id is None})

    @property
    def changes_nothing(self) -> bool:
        """Whether every record of the file is in the plan as the file has it already."""
        return not self.new_units and all(
            not tally.new and not tally.updated for tally in self.tallies.values()
        )


def preview_estate(
    store: PlanStore, estate: ImportedEstate, unit_choices: Mapping[str, int | None] | None = None
) -> EstateImport:
    """What importing the estate would do, written nowhere.

    unit_choices: the user's unit for a unit of the file, by its ref (None: make a new unit).
    """
    with store.read() as session:
        return _Import(session, estate, unit_choices or {}, write=False).run()


def import_estate(
    store: PlanStore, estate: ImportedEstate, unit_choices: Mapping[str, int | None] | None = None
) -> EstateImport:
    """Write the estate into the plan, all or nothing; the outcome's changes make one undoable step."""
    with store.write() as session:
        return _Import(session, estate, unit_choices or {}, write=True).run()


class _Import:
    """One import (or its preview): matches each record, then adds or updates it in order."""

    def __init__(
        self, session: Session, estate: ImportedEstate, chosen: Mapping[str, int | None], *, write: bool
    ) -> None:
        self.session = session
        self.estate = estate
        self.chosen = chosen
        self.write = write
        self.changes = Changes()
        self.skipped: list[SkippedConcept] = list(estate.skipped)
        self.tallies: dict[str, dict[str, int]] = {
            kind: {"new": 0, "updated": 0, "unchanged": 0} for kind in KINDS
        }
        self._placeholder = 0  # a preview's ids of records it would add: negative, so they match nothing
        self.unit_of: dict[str, int] = {}
        self.system_of: dict[str, int] = {}
        self.kind_of: dict[int, SystemKind] = {}
        self.host_of: dict[int, int | None] = {}

    def run(self) -> EstateImport:
        units = match_units(self.session, self.estate, self.chosen)
        self._units(units)
        self._systems()
        self._services()
        self._datasets()
        self._links()
        tallies = {kind: Tally(**counts) for kind, counts in self.tallies.items()}
        return EstateImport(tuple(units), tallies, tuple(self.skipped), self.changes)

    # Writing (or, in a preview, pretending to).

    def _added(self, record: SQLModel, entity: Entity) -> int:
        if not self.write:
            self._placeholder -= 1
            return self._placeholder
        record_id = new_id(self.session, record)
        self.changes.create(entity, record_id)
        return record_id

    def _update(self, record: R, values: Mapping[str, object], entity: Entity, kind: str) -> None:
        """Set the values that differ from the record's; count it as updated or unchanged."""
        different = {name: value for name, value in values.items() if getattr(record, name) != value}
        if not different:
            self.tallies[kind]["unchanged"] += 1
            return
        self.tallies[kind]["updated"] += 1
        if not self.write:
            return
        for name, value in different.items():
            setattr(record, name, value)
        bump_version(record)
        self.session.add(record)
        record_id = getattr(record, "id", None)
        assert isinstance(record_id, int)
        self.changes.update(entity, record_id)

    def _new(self, record: SQLModel, entity: Entity, kind: str) -> int:
        self.tallies[kind]["new"] += 1
        return self._added(record, entity)

    # Units.

    def _units(self, units: Iterable[UnitFound]) -> None:
        maker = _UnitMaker(self.session.connection(), self.changes) if self.write else None
        new_by_name: dict[str, int] = {}
        for unit in units:
            if unit.unit_id is not None:
                self.unit_of[unit.ref] = unit.unit_id
            elif maker is not None:
                self.unit_of[unit.ref] = maker.unit_for(unit.name, None)
            else:
                # One new unit per name ("Sở TT&TT" is "Sở Thông tin và Truyền thông"), as the maker does.
                if expanded(unit.name) not in new_by_name:
                    self._placeholder -= 1
                    new_by_name[expanded(unit.name)] = self._placeholder
                self.unit_of[unit.ref] = new_by_name[expanded(unit.name)]

    def _unit(self, ref: str | None) -> int | None:
        return self.unit_of.get(ref) if ref is not None else None

    # Systems, then where each runs (once every system has its id).

    def _systems(self) -> None:
        stored = list(self.session.exec(select(System)).all())
        for system in stored:
            assert system.id is not None
            self.kind_of[system.id] = system.kind
            self.host_of[system.id] = system.hosted_on_id
        finder = Finder(stored, lambda system: (fold(system.name), system.owner_unit_id), "system")
        found: list[tuple[ImportedSystem, System, dict[str, object], bool]] = []
        for imported in self.estate.systems:
            owner = self._unit(imported.owner_ref)
            record = finder.find(imported.key, (fold(imported.name), owner), fold(imported.name))
            values = self._system_values(imported, owner, keyed=record is not None and finder.keyed)
            if record is None:
                record = System.model_validate(values)
                system_id = self._new(record, Entity.SYSTEM, "systems")
                self.host_of[system_id] = None
                found.append((imported, record, values, True))
            else:
                assert record.id is not None
                system_id = record.id
                found.append((imported, record, values, False))
            self.system_of[imported.ref] = system_id
            self.kind_of[system_id] = imported.kind
        hosts = [self._host(imported) for imported, *_rest in found]  # every host first: they chain
        hosting = set(self.host_of.values())
        for (imported, record, values, added), host in zip(found, hosts, strict=True):
            if added:
                if host is not None and self.write:
                    record.hosted_on_id = host  # the host has its id only now
                    self.session.add(record)
                continue
            if host is not None:
                values["hosted_on_id"] = host
            if record.id in hosting and values["kind"] is not SystemKind.INFRASTRUCTURE:
                # Systems of the plan run on it: it stays what they run on.
                values["kind"] = record.kind
                reason = _("It stays infrastructure: other systems of the plan run on it.")
                self.skipped.append(SkippedConcept(imported.ref, imported.kind.value, imported.name, reason))
            self._update(record, values, Entity.SYSTEM, "systems")

    @staticmethod
    def _system_values(imported: ImportedSystem, owner: int | None, *, keyed: bool) -> dict[str, object]:
        """What the file says of a system; what it does not say stays as the plan has it."""
        values: dict[str, object] = {"name": imported.name, "kind": imported.kind}
        said = {
            "owner_unit_id": owner,
            "short_name": imported.short_name,
            "level": imported.level,
            "hosting": imported.hosting,
            "security_level": imported.security_level,
            "description": imported.description,
            # Our export writes the status as of the map's day, with the tasks done by then: taken
            # back onto the record it came from, it would count those tasks twice.
            "status": None if keyed else imported.status,
        }
        values.update({name: value for name, value in said.items() if value is not None})
        return values

    def _host(self, imported: ImportedSystem) -> int | None:
        """The system's host, when the file names one it can run on (else it is listed as skipped)."""
        if imported.hosted_on_ref is None:
            return None
        system_id = self.system_of[imported.ref]
        host_id = self.system_of.get(imported.hosted_on_ref)
        reason = self._why_not_host(system_id, host_id)
        if reason is not None:
            self.skipped.append(SkippedConcept(imported.ref, "Assignment", imported.name, reason))
            return None
        self.host_of[system_id] = host_id
        return host_id

    def _why_not_host(self, system_id: int, host_id: int | None) -> str | None:
        """Why a system cannot run on a host (None: it can)."""
        if host_id is None:
            return _("It runs on something the file does not hold.")
        if host_id == system_id:
            return _("A system cannot run on itself.")
        if self.kind_of.get(host_id) is not SystemKind.INFRASTRUCTURE:
            return _("A system runs on infrastructure, and what it is said to run on is not.")
        current, seen = self.host_of.get(host_id), {host_id}
        while current is not None and current not in seen:
            if current == system_id:
                return _("It would run on something that runs on it.")
            seen.add(current)
            current = self.host_of.get(current)
        return None

    # Services and datasets.

    def _services(self) -> None:
        stored = list(self.session.exec(select(PublicService)).all())
        finder = Finder(stored, lambda service: (fold(service.name), service.unit_id), "public_service")
        for imported in self.estate.services:
            unit_id = self._unit(imported.unit_ref)
            record = finder.find(imported.key, (fold(imported.name), unit_id), fold(imported.name))
            said = {
                "unit_id": unit_id,
                "system_id": self.system_of.get(imported.system_ref or ""),
                # Our export writes the level as of the map's day (see the systems' status).
                "level": None if record is not None and finder.keyed else imported.level,
            }
            values = {"name": imported.name} | {
                name: value for name, value in said.items() if value is not None
            }
            if record is not None:
                self._update(record, values, Entity.PUBLIC_SERVICE, "services")
            else:
                self._new(PublicService.model_validate(values), Entity.PUBLIC_SERVICE, "services")

    def _datasets(self) -> None:
        stored = list(self.session.exec(select(OpenDataset)).all())
        finder = Finder(stored, lambda dataset: (fold(dataset.name), None), "open_dataset")
        for imported in self.estate.datasets:
            record = finder.find(imported.key, (fold(imported.name), None), fold(imported.name))
            said = {
                "publisher_unit_id": self._unit(imported.publisher_ref),
                "system_id": self.system_of.get(imported.system_ref or ""),
                "status": None if record is not None and finder.keyed else imported.status,
            }
            values = {"name": imported.name} | {
                name: value for name, value in said.items() if value is not None
            }
            if record is not None:
                self._update(record, values, Entity.OPEN_DATASET, "datasets")
            else:
                self._new(OpenDataset.model_validate(values), Entity.OPEN_DATASET, "datasets")

    # Data links, between systems that now all have ids.

    def _links(self) -> None:
        stored = list(self.session.exec(select(DataLink)).all())
        by_key = {link.id: link for link in stored}
        used: set[int] = set()
        for imported in self.estate.data_links:
            source = self.system_of.get(imported.from_ref)
            target = self.system_of.get(imported.to_ref)
            if source is None or target is None or source == target:
                self.skipped.append(
                    SkippedConcept(
                        imported.ref,
                        "Flow",
                        imported.data or "",
                        _("A data link joins two different systems."),
                    )
                )
                continue
            record = by_key.get(key_id(imported.key, "data_link"))
            keyed = record is not None and (record.from_system_id, record.to_system_id) == (source, target)
            if not keyed:
                same_ends = [
                    link
                    for link in stored
                    if (link.from_system_id, link.to_system_id) == (source, target) and link.id not in used
                ]
                same_ends.sort(key=lambda link: link.via != imported.via)  # the same platform first
                record = same_ends[0] if same_ends else None
            said = {
                "via": imported.via,
                "data": imported.data,
                "status": None if keyed else imported.status,
            }
            values: dict[str, object] = {"from_system_id": source, "to_system_id": target}
            values |= {name: value for name, value in said.items() if value is not None}
            if record is not None:
                assert record.id is not None
                used.add(record.id)
                self._update(record, values, Entity.DATA_LINK, "data_links")
            else:
                values.setdefault("via", DataLinkVia.LGSP)
                self._new(DataLink.model_validate(values), Entity.DATA_LINK, "data_links")


__all__ = ["KINDS", "EstateImport", "Tally", "UnitFound", "import_estate", "match_units", "preview_estate"]
