"""Edits refused because someone changed the record meanwhile: what differs, and the edit to make after.

A front end makes each edit of records it shows as an `Edit`: for each record, the version the
user saw, the fields they set and the values those fields showed (the base), and how it is
written. Refused with a ConflictError, the edit is compared three ways: a field the other user
left as the user saw it is no conflict (their change was elsewhere in the record), and an edit
with no other field in conflict is made again at once (`settles_itself`). Otherwise the fields
both changed are shown as `differences` (mine and theirs, as the user reads them); the user keeps
their own values, takes the other's, or chooses per field, and `again` gives the edit to make
over the stored versions (None when nothing of the user's is left to write).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Collection, Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables whose columns name the enumerations)
from dxplanner.core.errors import ConflictError, RecordConflict
from dxplanner.i18n import N_, _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.services import estate, records
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan

__all__ = [
    "Choice",
    "ConflictError",
    "Difference",
    "Edit",
    "RecordConflict",
    "RecordDifferences",
    "again",
    "differences",
    "field_labels",
    "one_record",
    "refresh_of",
]


class Choice(enum.StrEnum):
    """What the user does about an edit someone else's change came before."""

    KEEP_MINE = "keep_mine"  # make the edit again over their version
    TAKE_THEIRS = "take_theirs"  # drop the edit: the stored version stays
    MERGE = "merge"  # choose, field by field, whose value stays


# How an edit is written: given the open plan and the edit (its versions and fields, maybe merged).
Write = Callable[[OpenPlan, "Edit"], Changes]


@dataclass(frozen=True)
class Edit:
    """An edit as the user made it: for each record of a table, the version they saw and the fields set.

    A record without a version (a target of a year, keyed by more than an id) has none in seen.
    """

    table: str
    # By record: an id, or the key of a record keyed by more than an id.
    seen: Mapping[Any, int]
    fields: Mapping[Any, Mapping[str, Any]]
    write: Write = field(repr=False, compare=False)
    # By record, the values the fields set showed when the user changed them (unknown: not there).
    base: Mapping[Any, Mapping[str, Any]] = field(default_factory=dict)

    def run(self, plan: OpenPlan) -> Changes:
        """Write the edit; ConflictError when a record changed since its version was seen."""
        return self.write(plan, self)


def one_record(
    table: str,
    record_id: Hashable,
    seen: int | None,
    fields: Mapping[str, Any],
    write: Callable[[OpenPlan, int | None, dict[str, Any]], Changes],
    base: Mapping[str, Any] | None = None,
) -> Edit:
    """The edit of one record: write(plan, seen version, fields) makes it (seen None: no version known);
    base holds what the fields showed when the user changed them."""
    return Edit(
        table,
        {} if seen is None else {record_id: seen},
        {record_id: dict(fields)},
        lambda plan, edit: write(plan, edit.seen.get(record_id), dict(edit.fields[record_id])),
        {} if base is None else {record_id: dict(base)},
    )


@dataclass(frozen=True)
class Difference:
    """A field the user set that someone else set otherwise: both values, and as the user reads them."""

    field: str
    label: str
    mine: Any
    theirs: Any
    mine_text: str
    theirs_text: str


@dataclass(frozen=True)
class RecordDifferences:
    """One record that changed since the user saw it, and the fields where the two versions differ."""

    conflict: RecordConflict
    fields: tuple[Difference, ...]
    # Who made the version stored and when ("postgres, 14:05 20/11/2026"), where the server says.
    changed: str | None = None

    @property
    def title(self) -> str:
        """The record as the user knows it ("Task “Build the LGSP”")."""
        return _("{what} “{name}”").format(what=self.conflict.what, name=self.conflict.name)


def differences(
    plan: OpenPlan, error: ConflictError, show_date: Callable[[datetime.date], str], edit: Edit | None = None
) -> list[RecordDifferences]:
    """Every record of a refused edit with the fields in conflict: the user set them, and they now hold
    something else, which (when the edit knows what they showed) someone else put there."""
    names = _Names(plan)
    found = []
    for conflict in error.conflicts:
        clashing = _clashing(edit, conflict)
        rows = tuple(
            Difference(
                name,
                _field_label(conflict.table, name),
                mine,
                conflict.theirs.get(name),
                _text(plan, conflict.table, name, mine, show_date, names),
                _text(plan, conflict.table, name, conflict.theirs.get(name), show_date, names),
            )
            for name, mine in conflict.mine.items()
            if name in clashing
        )
        found.append(RecordDifferences(conflict, rows, _changed_text(conflict, show_date)))
    return found


def _changed_text(conflict: RecordConflict, show_date: Callable[[datetime.date], str]) -> str | None:
    """Who made the version stored and when, in the user's time and date format (None: not known)."""
    if conflict.changed_by is None and conflict.changed_at is None:
        return None
    who = conflict.changed_by or _("someone")
    if conflict.changed_at is None:
        return who
    at = conflict.changed_at.astimezone() if conflict.changed_at.tzinfo else conflict.changed_at
    return _("{who}, at {time} on {day}").format(who=who, time=at.strftime("%H:%M"), day=show_date(at.date()))


def settles_itself(edit: Edit, error: ConflictError) -> bool:
    """Whether the other changes touched none of the fields the edit sets (as the user saw them): the
    edit is then made over them without asking, and nothing of either is lost."""
    return all(not _clashing(edit, conflict) for conflict in error.conflicts)


def _clashing(edit: Edit | None, conflict: RecordConflict) -> set[str]:
    """The fields an edit and another change both set to different values."""
    base = edit.base.get(conflict.record_id, {}) if edit is not None else {}
    return {
        name
        for name, mine in conflict.mine.items()
        if not _same(conflict.table, name, mine, conflict.theirs.get(name))
        and not (name in base and _same(conflict.table, name, base[name], conflict.theirs.get(name)))
    }


def again(edit: Edit, error: ConflictError, keep: Mapping[Any, Collection[str]] | None) -> Edit | None:
    """The edit to make once the user chose, over the versions now stored (None: nothing left to write).

    keep: for each record in conflict, the fields whose value the user keeps (all of them: keep mine;
    some: merged); None drops the whole edit (take theirs). A field whose two values agree is kept,
    and so is one the other change left as the user saw it.
    """
    if keep is None:
        return None
    seen = dict(edit.seen)
    fields = {record_id: dict(values) for record_id, values in edit.fields.items()}
    for conflict in error.conflicts:
        if conflict.record_id not in fields:
            continue
        values = fields[conflict.record_id]
        # The value the edit meant as the operation saw it (an indent: under the task now above).
        agreed = {
            name
            for name, value in values.items()
            if _same(conflict.table, name, conflict.mine.get(name, value), conflict.theirs.get(name))
        }
        untouched = set(values) - agreed - _clashing(edit, conflict)
        kept = (set(keep.get(conflict.record_id, ())) | untouched) - agreed
        if not kept:
            del fields[conflict.record_id]  # theirs in every field: nothing of this record to write
            seen.pop(conflict.record_id, None)
            continue
        fields[conflict.record_id] = {name: value for name, value in values.items() if name in kept | agreed}
        seen[conflict.record_id] = conflict.stored_version
    if not fields:
        return None
    return replace(edit, seen=seen, fields=fields)


def refresh_of(error: ConflictError) -> tuple[frozenset[str], dict[str, set[int]]]:
    """The tables and the rows of a refused edit, for the views to show again as they are stored."""
    rows: dict[str, set[int]] = {}
    for conflict in error.conflicts:
        rows.setdefault(conflict.table, set()).add(conflict.record_id)
    return frozenset(rows), rows


# What each field is called, by table (the words the forms and the sheet use).
_LABELS: dict[str, dict[str, str]] = {
    "task": {
        "code": N_("Number"),
        "name": N_("Task name"),
        "kind": N_("Kind"),
        "lead_unit_id": N_("Lead unit"),
        "cooperating_unit_ids": N_("Cooperating units"),
        "goal_ids": N_("Goals"),
        "product": N_("Product"),
        "timeline_text": N_("Timeline"),
        "planned_start": N_("Start"),
        "planned_end": N_("End"),
        "baseline_start": N_("Baseline start"),
        "baseline_end": N_("Baseline end"),
        "actual_start": N_("Actual start"),
        "actual_end": N_("Actual end"),
        "progress": N_("Progress"),
        "status": N_("Status"),
        "priority": N_("Priority"),
        "notes": N_("Notes"),
        "responsible_person": N_("Responsible person"),
        "parent_id": N_("Parent task"),
        "position": N_("Place in its group"),
    },
    "budget_line": {
        "source": N_("Funding source"),
        "year": N_("Year"),
        "planned": N_("Planned amount"),
        "allocated": N_("Allocated amount"),
        "disbursed": N_("Disbursed amount"),
    },
    "staff_line": {"unit_id": N_("Unit"), "person_months": N_("Person-months")},
    "progress_report": {
        "as_of": N_("Report date"),
        "progress": N_("Progress"),
        "status": N_("Status"),
        "remark": N_("Remark"),
        "author": N_("Author"),
    },
    "risk": {
        "text": N_("Risk"),
        "category": N_("Category"),
        "likelihood": N_("Likelihood"),
        "impact": N_("Impact"),
        "mitigation": N_("Mitigation"),
        "owner_unit_id": N_("Owner"),
        "status": N_("Status"),
    },
    "dependency": {"type": N_("Link type"), "lag_days": N_("Lag (days)")},
    "action_plan": {
        "name": N_("Plan name"),
        "strategy_id": N_("Strategy"),
        "unit_id": N_("Unit"),
        "start": N_("Start date"),
        "end": N_("End date"),
        "decision_no": N_("Decision number"),
        "status": N_("Status"),
        "progress_weight": N_("Progress weighting"),
    },
    "socio_economic_plan": {
        "name": N_("Name"),
        "unit_id": N_("Unit"),
        "start_year": N_("Start year"),
        "end_year": N_("End year"),
    },
    "strategy": {
        "name": N_("Name"),
        "unit_id": N_("Unit"),
        "start_year": N_("Start year"),
        "end_year": N_("End year"),
        "vision_year": N_("Vision year"),
        "vision": N_("Vision"),
        "decision_no": N_("Decision number"),
        "decision_date": N_("Decision date"),
        "status": N_("Status"),
        "sedp_id": N_("Socio-economic plan"),
    },
    "goal": {"code": N_("Goal code"), "text": N_("Goal"), "pillar": N_("Pillar"), "area": N_("Area")},
    "indicator": {
        "code": N_("Indicator code"),
        "name": N_("Indicator name"),
        "measure_unit": N_("Unit of measure"),
        "direction": N_("Direction"),
        "baseline_value": N_("Baseline value"),
        "baseline_year": N_("Baseline year"),
        "source": N_("Source"),
        "lead_unit_id": N_("Lead unit"),
        "sedp_indicator_id": N_("Socio-economic plan indicator"),
    },
    "unit": {
        "code": N_("Unit code"),
        "name": N_("Unit name"),
        "short_name": N_("Short name"),
        "kind": N_("Unit kind"),
        "parent_id": N_("Parent unit"),
    },
    # The estate: the words of the fields' own checks.
    "system": {
        "code": N_("System code"),
        "name": N_("System name"),
        "short_name": N_("Short name"),
        "kind": N_("System kind"),
        "owner_unit_id": N_("Owner unit"),
        "level": N_("Level"),
        "hosting": N_("Hosting"),
        "hosted_on_id": N_("Hosted on"),
        "security_level": N_("Security level"),
        "security_plan_approved": N_("Security plan approved"),
        "status": N_("Status"),
        "description": N_("Description"),
    },
    "data_link": {
        "from_system_id": N_("From system"),
        "to_system_id": N_("To system"),
        "via": N_("Through"),
        "data": N_("Data shared"),
        "status": N_("Status"),
    },
    "open_dataset": {
        "name": N_("Dataset name"),
        "publisher_unit_id": N_("Publisher"),
        "system_id": N_("Source system"),
        "published_at": N_("Published at"),
        "data_format": N_("Format"),
        "update_frequency": N_("Updated"),
        "status": N_("Status"),
    },
    "public_service": {
        "code": N_("Procedure code"),
        "name": N_("Procedure name"),
        "field": N_("Field"),
        "unit_id": N_("Handling unit"),
        "system_id": N_("Served through"),
        "level_old": N_("Old level"),
        "level": N_("Level of online service"),
        "on_national_portal": N_("On the national public-service portal"),
        "online_payment": N_("Online payment"),
        "online_share": N_("Share of dossiers filed online"),
    },
    "committee_member": {
        "person": N_("Person"),
        "position": N_("Position"),
        "unit_id": N_("Unit"),
        "role": N_("Role"),
        "position_in_list": N_("Place in the list"),
    },
    "task_effect": {
        "effect": N_("Effect"),
        "system_id": N_("System"),
        "data_link_id": N_("Data link"),
        "service_id": N_("Public service"),
        "service_level": N_("Level of online service"),
    },
}
# The fields of the estate that hold a system's id.
_SYSTEM_FIELDS = frozenset({"hosted_on_id", "system_id", "from_system_id", "to_system_id"})


def field_labels(table: str) -> dict[str, str]:
    """The fields of a table an edit may set, each with its name in the user's language."""
    return {name: _(title) for name, title in _LABELS.get(table, {}).items()}


def _field_label(table: str, name: str) -> str:
    title = _LABELS.get(table, {}).get(name)
    return _(title) if title else name


def _enum_class(table: str, name: str) -> type[enum.StrEnum] | None:
    found = SQLModel.metadata.tables.get(table)
    column = found.c.get(name) if found is not None else None
    if column is not None and isinstance(column.type, sa.Enum) and column.type.enum_class is not None:
        return column.type.enum_class  # type: ignore[return-value]
    return None


def _normal(table: str, name: str, value: Any) -> Any:
    """A value as stored: a member for an enumeration's text, a float for a whole number of a float column."""
    kind = _enum_class(table, name)
    if kind is not None and isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return sorted(value)
    return value


def _same(table: str, name: str, mine: Any, theirs: Any) -> bool:
    return bool(_normal(table, name, mine) == _normal(table, name, theirs))


class _Names:
    """The names of records a field holds the id of (units, tasks), read once per dialog."""

    def __init__(self, plan: OpenPlan) -> None:
        self._plan = plan
        self._units: dict[int, str] | None = None

    def unit(self, unit_id: int) -> str:
        if self._units is None:
            self._units = {unit.id: unit.label for unit in records.unit_names(self._plan)}
        return self._units.get(unit_id, f"#{unit_id}")

    def record(self, table: str, name: str, record_id: int) -> str:
        if name.endswith("unit_id") or (name == "parent_id" and table == "unit"):
            return self.unit(record_id)
        reads: dict[str, Callable[[OpenPlan, int], Any]] = {
            "parent_id": records.task,
            "strategy_id": records.strategy,
            "sedp_id": records.sedp,
            "sedp_indicator_id": records.indicator,
        }
        if name in _SYSTEM_FIELDS:
            reads[name] = estate.system
        read = reads.get(name)
        found = read(self._plan, record_id) if read is not None else None
        if found is None:
            return f"#{record_id}"
        code = getattr(found, "code", None)
        return f"{code} {found.name}".strip() if code else str(found.name)


def _text(
    plan: OpenPlan,
    table: str,
    name: str,
    value: Any,
    show_date: Callable[[datetime.date], str],
    names: _Names,
) -> str:
    """A value as the user reads it: a date in their format, a unit or task by its name, a label."""
    if name == "position":
        return _("last") if value is None else str(int(value) + 1)
    if value is None or value == "":
        return "—"
    normal = _normal(table, name, value)
    if isinstance(normal, enum.StrEnum):
        return label(normal)
    if isinstance(normal, datetime.date):
        return show_date(normal)
    if name == "cooperating_unit_ids":
        return "; ".join(names.unit(unit_id) for unit_id in normal) or "—"
    if name == "goal_ids":
        goals = [records.goal(plan, goal_id) for goal_id in normal]
        return "; ".join(f"{goal.code} {goal.text}" for goal in goals if goal is not None) or "—"
    if name.endswith("_id") and isinstance(normal, int):
        return names.record(table, name, normal)
    if isinstance(normal, bool):
        return _("yes") if normal else _("no")
    if isinstance(normal, int | float):
        return decimal_text(normal)
    return str(normal)
