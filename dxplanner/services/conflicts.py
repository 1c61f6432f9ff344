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
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.services import estate, records
from dxplanner.services.edits import Changes
from dxplanner.services.field_names import field_label, field_labels
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
                field_label(conflict.table, name),
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


# The fields of the estate that hold a system's id.
_SYSTEM_FIELDS = frozenset({"hosted_on_id", "system_id", "from_system_id", "to_system_id"})


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
