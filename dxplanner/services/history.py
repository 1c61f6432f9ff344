"""The history of a shared plan: who changed which record when, and each field before and after."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.i18n import N_, _
from dxplanner.services.field_names import field_label
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.history_lines import (
    HistoryLine,
    history_lines,
    keeps_history,
    task_names,
    tasks_numbered,
)

# Kept by every edit for the store's own checks: no user changes it, so the history does not show it.
_BOOKKEEPING = frozenset({"version"})
# A record of each table, in words (the singular).
_RECORD_WORDS = {
    "unit": N_("unit"),
    "socio_economic_plan": N_("socio-economic plan"),
    "strategy": N_("strategy"),
    "goal": N_("goal"),
    "indicator": N_("indicator"),
    "indicator_target": N_("indicator target"),
    "indicator_value": N_("measured value"),
    "action_plan": N_("action plan"),
    "plan_day_off": N_("day off"),
    "task": N_("task"),
    "task_unit": N_("cooperating unit"),
    "task_goal": N_("goal served"),
    "dependency": N_("link"),
    "budget_line": N_("budget line"),
    "staff_line": N_("staff line"),
    "progress_report": N_("progress report"),
    "risk": N_("risk"),
    "login_unit": N_("reporter's unit"),
    "system": N_("system"),
    "data_link": N_("data link"),
    "open_dataset": N_("open dataset"),
    "public_service": N_("public service"),
    "committee_member": N_("committee member"),
    "task_effect": N_("effect on the estate"),
    "risk_treatment": N_("risk treatment"),
    "form_round": N_("round of progress forms"),
    "form_round_unit": N_("unit a round of forms went to"),
    "form_receipt": N_("progress form received"),
}


class NoHistoryError(DomainError):
    """The plan is a file, which keeps no history."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a record: its value before the change and after it (None: empty, or no record)."""

    field: str
    before: Any
    after: Any
    label: str = ""  # the field as the user knows it ("Task name")


@dataclass(frozen=True)
class HistoryEntry:
    """One record changed: when, by whom, what was done, and the fields that changed."""

    at: datetime.datetime
    who: str
    table: str
    action: str  # "added", "changed" or "deleted"
    record: str  # the record in words: "task 1.2 Xây dựng…", "progress report of task 1.2 …"
    task_id: int | None  # the task the record is or hangs on
    fields: tuple[FieldChange, ...]

    @property
    def action_words(self) -> str:
        """What was done, in the user's language."""
        return {"added": _("added"), "changed": _("changed"), "deleted": _("deleted")}[self.action]


def keeps_changes(plan: OpenPlan) -> bool:
    """Whether the plan keeps a history: a plan on a server does, a plan file does not."""
    with plan.read() as session:
        return keeps_history(session.connection())


def read_history(
    plan: OpenPlan,
    *,
    task_code: str | None = None,
    task_id: int | None = None,
    since: datetime.date | None = None,
) -> list[HistoryEntry]:
    """The plan's history, oldest first: all of it, or one task's (by number or id), from a day on.

    A plan file keeps no history: NoHistoryError says so.
    """
    with plan.read() as session:
        connection = session.connection()
        if not keeps_history(connection):
            raise NoHistoryError(
                _(
                    "{name} is a plan file, and a file keeps no history of its changes: only a plan "
                    "shared on a PostgreSQL server does."
                ).format(name=plan.path.name)
            )
        task_ids: set[int] | None = None
        if task_code is not None:
            task_ids = tasks_numbered(connection, task_code)
            if not task_ids:
                raise InvalidInputError(
                    _("No task has the number {code}, now or in the history.").format(code=task_code)
                )
        elif task_id is not None:
            task_ids = {task_id}
        lines = history_lines(connection, task_ids=task_ids, since=since)
        mentioned = {task for line in lines if (task := _task_of(line)) is not None}
        names = task_names(connection, mentioned)
    return [_entry(line, names) for line in lines]


def _task_of(line: HistoryLine) -> int | None:
    """The task a line's record is, or hangs on."""
    image = line.after if line.after is not None else line.before
    assert image is not None
    if line.table == "task":
        return int(image["id"])
    for column in ("task_id", "successor_id"):
        if image.get(column) is not None:
            return int(image[column])
    return None


def _entry(line: HistoryLine, names: dict[int, tuple[str | None, str]]) -> HistoryEntry:
    before, after = line.before or {}, line.after or {}
    action = {"i": "added", "u": "changed", "d": "deleted"}[line.op]
    fields = tuple(
        FieldChange(name, before.get(name), after.get(name), field_label(line.table, name))
        for name in (after or before)
        if name not in _BOOKKEEPING and before.get(name) != after.get(name)
    )
    task_id = _task_of(line)
    return HistoryEntry(line.at, line.who, line.table, action, _record(line, task_id, names), task_id, fields)


def _record(line: HistoryLine, task_id: int | None, names: dict[int, tuple[str | None, str]]) -> str:
    """The record in words: a task by its number and name (as it is now, or as the line had it)."""
    image = line.after if line.after is not None else line.before
    assert image is not None
    what = _(_RECORD_WORDS.get(line.table, line.table))
    if task_id is None:
        # A committee member goes by the person's name, as other records by theirs.
        label = (
            image.get("name")
            or image.get("code")
            or image.get("person")
            or ", ".join(str(value) for value in line.key.values())
        )
        return f"{what} {label}"
    if line.table == "task":
        code, name = names.get(task_id, (image.get("code"), str(image.get("name"))))
    else:
        code, name = names.get(task_id, (None, f"#{task_id}"))
    task = " ".join(part for part in (code, name) if part)
    if line.table == "task":
        return _("task {task}").format(task=task)
    return _("{record} of task {task}").format(record=what, task=task)


def shown(value: Any) -> str:
    """A field's value as the history shows it (an empty field as a dash)."""
    return "—" if value is None or value == "" else str(value)


def write_history_workbook(entries: list[HistoryEntry], path: Path) -> int:
    """Write the entries to an Excel workbook, one line per field changed; return how many lines."""
    from dxplanner.excel.history_writer import write_history

    rows = [
        (
            entry.at.astimezone().replace(tzinfo=None),  # local time: Excel keeps no zone
            entry.who,
            entry.action_words,
            entry.record,
            change.label,
            shown(change.before),
            shown(change.after),
        )
        for entry in entries
        for change in (entry.fields or (FieldChange("", None, None),))
    ]
    headings = (_("When"), _("Who"), _("Action"), _("Record"), _("Field"), _("Before"), _("After"))
    write_history(path, _("History"), headings, rows)
    return len(rows)
