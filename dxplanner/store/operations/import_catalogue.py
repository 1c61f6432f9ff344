"""Writing a catalogue read from Excel into the estate: new records added, those already there updated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from dxplanner.core import rules
from dxplanner.core.catalogue_table import CatalogueTable, TableService, TableSystem
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import TableKind
from dxplanner.core.matching import name_key
from dxplanner.core.models import PublicService, System
from dxplanner.core.plan_table import MatchKind, Problem
from dxplanner.core.text import fold
from dxplanner.core.unit_matching import UnitMatcher
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.capture import inserted_in_bulk
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations.import_table import _UnitMaker, problems_message
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.sequences import advance_past_ids

# The record's columns each field of a row fills; a value the list does not give (None) is left as it is.
_SERVICE_COLUMNS = (
    "name",
    "field",
    "level_old",
    "level",
    "on_national_portal",
    "online_payment",
    "online_share",
)
_SYSTEM_COLUMNS = ("kind", "level", "hosting", "security_level", "security_plan_approved", "status")


@dataclass(frozen=True)
class CatalogueImportOutcome:
    """What an import of a catalogue wrote."""

    kind: TableKind
    added: int
    updated: int
    new_units: int
    changes: Changes


def code_key(code: str) -> str:
    """A procedure's code as it is compared: folded, without spaces ("1.001234", "2.000123.000.00.00.H56")."""
    return fold(code).replace(" ", "")


def match_catalogue(store: PlanStore, table: CatalogueTable) -> None:
    """Find the file's unit for each unit the list names, and the record each row would update."""
    with store.read() as session:
        matcher = UnitMatcher(queries.unit_names(session), table.title or "")
        connection = session.connection()
        table.units = matcher.match_all(table.unit_texts())
        units = {text: match.unit_id for text, match in table.units.items()}
        _find_existing(connection, table, units)
    for text, match in table.units.items():
        if match.how is MatchKind.FUZZY:
            message = _("“{text}” is taken to be the unit “{unit}”.").format(text=text, unit=match.unit_name)
        elif match.ambiguous:
            message = _("{count} units go by “{text}”; a new unit is made unless you choose one.").format(
                count=len(match.candidates), text=text
            )
        else:
            continue
        row = next(item.row for item in table.rows if text in _units_of(item))
        table.warnings.append(Problem(row, None, message))


def find_updates(store: PlanStore, table: CatalogueTable, unit_choices: Mapping[str, int | None]) -> None:
    """Find again the record each row would update, once the user has chosen units for some texts."""
    units = {text: match.unit_id for text, match in table.units.items()}
    units.update({text: chosen for text, chosen in unit_choices.items() if text in units})
    with store.read() as session:
        _find_existing(session.connection(), table, units)


def import_catalogue(
    store: PlanStore, table: CatalogueTable, *, unit_choices: Mapping[str, int | None] | None = None
) -> CatalogueImportOutcome:
    """Write the list's rows into the estate in one transaction, all or none.

    A procedure already in the file under the same code and unit, or a system under the same
    name and owner, is updated rather than added again; a value the list leaves empty keeps
    what the record has.
    """
    if table.errors:
        raise InvalidInputError(problems_message(table.errors))
    if not table.rows:
        raise InvalidInputError(_("The list has nothing to import."))
    with store.write() as session:
        connection = session.connection()
        changes = Changes()
        maker = _UnitMaker(connection, changes)
        chosen = {text: match.unit_id for text, match in table.units.items()}
        chosen.update(unit_choices or {})
        units: dict[str, int | None] = {
            text: maker.unit_for(text, chosen.get(text)) for text in table.unit_texts()
        }
        _find_existing(connection, table, units)
        items = table.services if table.kind is TableKind.PROCEDURES else table.systems
        added, updated = _write(connection, changes, _KINDS[table.kind], items, units)
    return CatalogueImportOutcome(table.kind, added, updated, maker.made, changes)


def _units_of(item: TableService | TableSystem) -> tuple[str | None]:
    return (item.unit if isinstance(item, TableService) else item.owner,)


def _find_existing(connection: sa.Connection, table: CatalogueTable, units: Mapping[str, int | None]) -> None:
    """Note on each row the record it updates: a service by code within its unit, a system by name
    within its owner (a unit still to be made holds nothing yet)."""
    if table.kind is TableKind.PROCEDURES:
        service = queries.table(PublicService)
        known = {
            (code_key(code), unit_id): record_id
            for record_id, code, unit_id in connection.execute(
                sa.select(service.c.id, service.c.code, service.c.unit_id).where(service.c.code.is_not(None))
            )
        }
        for item in table.services:
            unit_id = units.get(item.unit) if item.unit else None
            new_unit = item.unit is not None and unit_id is None
            item.existing_id = None if new_unit else known.get((code_key(item.code), unit_id))
        return
    system = queries.table(System)
    by_name = {
        (name_key(name), owner): record_id
        for record_id, name, owner in connection.execute(
            sa.select(system.c.id, system.c.name, system.c.owner_unit_id)
        )
    }
    for entry in table.systems:
        owner_id = units.get(entry.owner) if entry.owner else None
        new_owner = entry.owner is not None and owner_id is None
        entry.existing_id = None if new_owner else by_name.get((name_key(entry.name), owner_id))


@dataclass(frozen=True)
class _Kind:
    """How one catalogue's rows become records: the table, the key columns, the fields written."""

    model: type[PublicService] | type[System]
    entity: Entity
    keys: tuple[str, str]  # the text that names a record, and its unit's column
    columns: tuple[str, ...]  # written from the row as they are (None keeps what a record has)


_KINDS = {
    TableKind.PROCEDURES: _Kind(PublicService, Entity.PUBLIC_SERVICE, ("code", "unit_id"), _SERVICE_COLUMNS),
    TableKind.SYSTEMS: _Kind(System, Entity.SYSTEM, ("name", "owner_unit_id"), _SYSTEM_COLUMNS),
}


def _write(
    connection: sa.Connection,
    changes: Changes,
    kind: _Kind,
    items: Sequence[TableService | TableSystem],
    units: Mapping[str, int | None],
) -> tuple[int, int]:
    """Add the rows no record matched and update the others, each in one statement; (added, updated)."""
    table = queries.table(kind.model)
    for item in items:
        if isinstance(item, TableService):
            rules.required_text(item.code, _("Procedure code"))
            rules.required_text(item.name, _("Procedure name"))
        else:
            rules.required_text(item.name, _("System name"))
    new = [item for item in items if item.existing_id is None]
    rows = []
    for item in new:
        key = item.code if isinstance(item, TableService) else item.name
        unit = _units_of(item)[0]
        rows.append((key, units.get(unit) if unit else None, *(getattr(item, name) for name in kind.columns)))
    for record_id in _add(connection, table, (*kind.keys, *kind.columns), rows):
        changes.create(kind.entity, record_id)
    old = [item for item in items if item.existing_id is not None]
    _update(connection, table, kind.columns, old)
    for item in old:
        assert item.existing_id is not None
        changes.update(kind.entity, item.existing_id)
    return len(new), len(old)


def _add(
    connection: sa.Connection, table: sa.Table, columns: tuple[str, ...], rows: list[tuple[object, ...]]
) -> list[int]:
    """Insert the rows in one executemany with ids given here, logged as one range for undo.

    A value the list leaves empty takes the column's default (a system's kind, its status).
    """
    if not rows:
        return []
    defaults = [_default(table.c[name]) for name in columns]
    # The write transaction holds the file's write lock: no other writer can take these ids.
    first = int(connection.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one()) + 1
    ids = list(range(first, first + len(rows)))
    filled = [
        (
            record_id,
            *(default if value is None else value for value, default in zip(row, defaults, strict=True)),
        )
        for record_id, row in zip(ids, rows, strict=True)
    ]
    with inserted_in_bulk(connection, table):
        bulk_insert(connection, table, ("id", *columns), filled)
    advance_past_ids(connection, [table])
    return ids


def _update(
    connection: sa.Connection,
    table: sa.Table,
    columns: tuple[str, ...],
    items: Sequence[TableService | TableSystem],
) -> None:
    """Update the records in one executemany; a value the list leaves empty (None) keeps the record's own."""
    if not items:
        return
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("record_id"))
        .values(
            {
                name: sa.func.coalesce(sa.bindparam(f"new_{name}", type_=table.c[name].type), table.c[name])
                for name in columns
            }
            | {"version": table.c.version + 1}
        )
    )
    connection.execute(
        statement,
        [
            {"record_id": item.existing_id, **{f"new_{name}": getattr(item, name) for name in columns}}
            for item in items
        ],
    )


def _default(column: sa.Column[object]) -> object:
    """A column's constant default (None when it has none)."""
    default = column.default
    return (
        getattr(default, "arg", None)
        if default is not None and getattr(default, "is_scalar", False)
        else None
    )
