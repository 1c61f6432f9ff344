"""A catalogue read from a spreadsheet, as plain data: the procedures list or the information-systems list."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from dxplanner.core.enums import EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind
from dxplanner.core.indicator_table import TableKind
from dxplanner.core.plan_table import Problem, UnitMatch, column_letter

# The two kinds of table that are catalogues of the estate.
CATALOGUE_KINDS = (TableKind.PROCEDURES, TableKind.SYSTEMS)


class CatalogueField(enum.StrEnum):
    """What a column of a catalogue holds."""

    NUMBER = "number"
    CODE = "code"
    NAME = "name"
    FIELD = "field"
    UNIT = "unit"  # the handling unit of a procedure, the owner of a system
    LEVEL = "level"  # a procedure's level of online service, written in words
    FULL_PROCESS = "full_process"  # a mark under "Toàn trình"
    PARTIAL = "partial"  # a mark under "Một phần"
    PORTAL = "portal"
    PAYMENT = "payment"
    SHARE = "share"
    SYSTEM_KIND = "system_kind"
    GOVERNMENT_LEVEL = "government_level"
    HOSTING = "hosting"
    SECURITY_LEVEL = "security_level"
    SECURITY_PLAN = "security_plan"
    STATUS = "status"
    NOTES = "notes"


@dataclass
class TableService:
    """A procedure as the list states it, with the row it came from.

    None for a value the list does not give: a re-import leaves the record's own value there.
    """

    row: int
    code: str
    name: str
    field: str | None = None
    unit: str | None = None
    level_old: int | None = None
    level: ServiceLevel | None = None
    on_national_portal: bool | None = None
    online_payment: bool | None = None
    online_share: float | None = None
    existing_id: int | None = None  # the file's service it updates (found when matched)


@dataclass
class TableSystem:
    """An information system as the list states it, with the row it came from."""

    row: int
    name: str
    owner: str | None = None
    kind: SystemKind | None = None
    level: GovernmentLevel | None = None
    hosting: Hosting | None = None
    security_level: int | None = None
    security_plan_approved: bool | None = None
    status: EstateStatus | None = None
    existing_id: int | None = None  # the file's system it updates (found when matched)


@dataclass
class CatalogueTable:
    """Everything read from one sheet of a catalogue; nothing is written anywhere by reading it."""

    kind: TableKind
    sheet: str
    sheets: list[str]
    header_rows: tuple[int, int]
    columns: dict[int, CatalogueField]
    headings: dict[int, str]
    title: str | None
    services: list[TableService] = field(default_factory=list)
    systems: list[TableSystem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    units: dict[str, UnitMatch] = field(default_factory=dict)
    owner: UnitMatch | None = None  # the preview's unit choices ask for it; a catalogue has no owner

    @property
    def rows(self) -> Sequence[TableService | TableSystem]:
        """The records the table lists, of its kind."""
        return self.services if self.kind is TableKind.PROCEDURES else self.systems

    @property
    def updated(self) -> int:
        """How many records of the file the import would update (known once matched)."""
        return sum(item.existing_id is not None for item in self.rows)

    @property
    def new(self) -> int:
        """How many records the import would add (known once matched)."""
        return len(self.rows) - self.updated

    def unit_texts(self) -> list[str]:
        """Every unit the rows name, in the order first named."""
        named = (item.unit if isinstance(item, TableService) else item.owner for item in self.rows)
        return list(dict.fromkeys(text for text in named if text))

    def as_json(self) -> dict[str, object]:
        """The table as the command line prints it, with keys that do not change with the language."""
        listed: list[dict[str, object]] = [
            _service_json(item) if isinstance(item, TableService) else _system_json(item)
            for item in self.rows
        ]
        return {
            self.kind.value: listed,
            "errors": [_problem_json(problem) for problem in self.errors],
            "warnings": [_problem_json(problem) for problem in self.warnings],
            "summary": {
                "kind": self.kind.value,
                "sheet": self.sheet,
                "sheets": self.sheets,
                "header_rows": list(self.header_rows),
                "columns": {
                    column_letter(column): found.value for column, found in sorted(self.columns.items())
                },
                "title": self.title,
                "rows": len(self.rows),
                "new": self.new,
                "updated": self.updated,
                "units": {
                    text: {"unit_id": match.unit_id, "unit": match.unit_name, "match": match.how.value}
                    for text, match in self.units.items()
                },
                "new_units": sum(match.unit_id is None for match in self.units.values()),
            },
        }


def _value(member: enum.StrEnum | None) -> str | None:
    return None if member is None else member.value


def _service_json(item: TableService) -> dict[str, object]:
    return {
        "row": item.row,
        "code": item.code,
        "name": item.name,
        "field": item.field,
        "unit": item.unit,
        "level_old": item.level_old,
        "level": _value(item.level),
        "on_national_portal": item.on_national_portal,
        "online_payment": item.online_payment,
        "online_share": item.online_share,
        "existing_id": item.existing_id,
    }


def _system_json(item: TableSystem) -> dict[str, object]:
    return {
        "row": item.row,
        "name": item.name,
        "owner": item.owner,
        "kind": _value(item.kind),
        "level": _value(item.level),
        "hosting": _value(item.hosting),
        "security_level": item.security_level,
        "security_plan_approved": item.security_plan_approved,
        "status": _value(item.status),
        "existing_id": item.existing_id,
    }


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"row": problem.row, "column": problem.column, "message": problem.message}
