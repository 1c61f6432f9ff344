"""Finding the plan's unit and record an imported architecture document's unit or record is."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlmodel import Session

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.imported_estate import ImportedEstate
from dxplanner.core.models import DataLink, OpenDataset, PublicService, System
from dxplanner.core.plan_table import MatchKind, UnitMatch
from dxplanner.core.text import fold
from dxplanner.core.unit_matching import UnitMatcher
from dxplanner.i18n import _
from dxplanner.store import queries

R = TypeVar("R", System, PublicService, OpenDataset, DataLink)


@dataclass(frozen=True)
class UnitFound:
    """A unit of the file and the plan's unit it is taken to be (None: a new unit is made)."""

    ref: str
    name: str
    unit_id: int | None
    unit_name: str | None = None
    how: MatchKind = MatchKind.NEW
    candidates: tuple[int, ...] = ()  # the plan's units the name could mean, when it names several


def match_units(
    session: Session, estate: ImportedEstate, chosen: Mapping[str, int | None]
) -> list[UnitFound]:
    """The plan's unit for each unit of the file: the user's choice, the key our export wrote, the name."""
    names = queries.unit_names(session)
    by_id = {unit.id: unit for unit in names}
    matcher = UnitMatcher(names)
    found = []
    for unit in estate.units:
        if unit.ref in chosen:
            unit_id = chosen[unit.ref]
            if unit_id is not None and unit_id not in by_id:
                raise InvalidInputError(_("There is no unit with id {id}.").format(id=unit_id))
            how = MatchKind.NEW if unit_id is None else MatchKind.EXACT
            found.append(UnitFound(unit.ref, unit.name, unit_id, _name(by_id, unit_id), how))
            continue
        keyed = key_id(unit.key, "unit")
        # Our export names a unit by its short name or its name; a key with neither is another plan's.
        if keyed in by_id and fold(unit.name) in (
            fold(by_id[keyed].name),
            fold(by_id[keyed].short_name or ""),
        ):
            found.append(UnitFound(unit.ref, unit.name, keyed, by_id[keyed].name, MatchKind.EXACT))
            continue
        match: UnitMatch = matcher.match(unit.name)
        found.append(
            UnitFound(unit.ref, unit.name, match.unit_id, match.unit_name, match.how, match.candidates)
        )
    return found


def _name(by_id: Mapping[int, object], unit_id: int | None) -> str | None:
    unit = by_id.get(unit_id) if unit_id is not None else None
    return getattr(unit, "name", None)


def key_id(key: str | None, table: str) -> int | None:
    """The record id a dxplanner key names for a table ("system:12" -> 12), None for another table's."""
    if not key:
        return None
    prefix, _colon, number = key.partition(":")
    return int(number) if prefix == table and number.isdigit() else None


class Finder(Generic[R]):
    """Finds the plan's record a record of the file is: by its dxplanner key, else by name (each once)."""

    def __init__(self, stored: list[R], identity: Callable[[R], tuple[str, int | None]], table: str) -> None:
        self.table = table
        self.identity: Callable[[R], tuple[str, int | None]] = identity
        self.by_id: dict[int | None, R] = {record.id: record for record in stored}
        self.by_identity: dict[tuple[str, int | None], list[R]] = {}
        self.by_name: dict[str, list[R]] = {}
        for record in stored:
            key = identity(record)
            self.by_identity.setdefault(key, []).append(record)
            self.by_name.setdefault(key[0], []).append(record)
        self.used: set[int] = set()
        self.keyed = False  # whether the last record found was found by its key

    def find(self, key: str | None, identity: tuple[str, int | None], name: str) -> R | None:
        self.keyed = False
        record = self.by_id.get(key_id(key, self.table))
        if (
            record is not None
            and getattr(record, "id", None) not in self.used
            and self._same(record, identity)
        ):
            self.keyed = True
            return self._take(record)
        # By name and owner; by name alone when the file names no owner and one record has the name.
        candidates = self.by_identity.get(identity, [])
        if not candidates and identity[1] is None:
            named = self.by_name.get(name, [])
            candidates = named if len(named) == 1 else []
        free = [record for record in candidates if getattr(record, "id", None) not in self.used]
        return self._take(free[0]) if free else None

    def _same(self, record: R, identity: tuple[str, int | None]) -> bool:
        """Whether the record a key names is the file's: the same name, or (renamed since) the same owner.

        A key is only an id: a file exported from another plan names that plan's records.
        """
        name, owner = self.identity(record)
        return name == identity[0] or (owner is not None and owner == identity[1])

    def _take(self, record: R) -> R:
        record_id = getattr(record, "id", None)
        assert isinstance(record_id, int)
        self.used.add(record_id)
        return record
