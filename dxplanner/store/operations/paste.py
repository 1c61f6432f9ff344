"""Pasting a block of rows (from Excel, or copied in the sheet) as new tasks, all or nothing."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from dxplanner.core import cells
from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.matching import UnitIndex
from dxplanner.core.models import ActionPlan
from dxplanner.core.progress_status import progress_after_status, status_after_progress
from dxplanner.core.status import REPORTED_STATUS
from dxplanner.core.timeline import dates_for
from dxplanner.i18n import _
from dxplanner.labels import label, names_in_every_language
from dxplanner.store import queries
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import fetch
from dxplanner.store.operations.dependencies import insert_dependencies
from dxplanner.store.operations.tasks import insert_task, make_room, sibling_numbers
from dxplanner.store.plan_store import PlanStore


class PasteField(enum.StrEnum):
    """The task fields a pasted column can fill, in the order of the task sheet."""

    CODE = "code"
    NAME = "name"
    KIND = "kind"
    LEAD_UNIT = "lead_unit"
    COOPERATING = "cooperating"
    TIMELINE = "timeline_text"
    START = "planned_start"
    END = "planned_end"
    PROGRESS = "progress"
    STATUS = "status"
    PRODUCT = "product"
    NOTES = "notes"
    PERSON = "responsible_person"


def paste_tasks(
    store: PlanStore,
    plan_id: int,
    columns: Sequence[PasteField | None],
    rows: Sequence[Sequence[str]],
    *,
    parent_id: int | None = None,
    position: int | None = None,
    levels: Sequence[int] | None = None,
    links: Sequence[tuple[int, int, str, int]] = (),
    copied: bool = False,
) -> Changes:
    """Add one task per non-empty row, columns[i] saying what cell i holds (None: ignore it).

    levels, when given, is each row's level: 0 goes at position under parent_id, and a row one
    level deeper goes under the nearest row above it one level up (a group copied with its tasks).
    links are (predecessor row, successor row, type, lag), rows numbered from 1 as in `rows`: each
    is made between the two rows' tasks (one with a row not pasted is left out). copied: the rows
    were copied in a sheet, each task's own values as they are (no dates read from timeline words)
    but not its number, which the new place gives; a link their dates break is left out, not refused.
    A row or a link that cannot be made stops the whole paste with a message naming the rows.
    """
    with store.write() as session:
        plan = fetch(session, ActionPlan, plan_id, _("Action plan"))
        units = UnitIndex(queries.unit_names(session))
        changes = Changes()
        filled = [(number, row) for number, row in enumerate(rows, start=1) if cells.any_text(row)]
        if not filled:
            raise InvalidInputError(_("There is nothing to paste: every pasted row is empty."))
        depths = _depths(
            [levels[number - 1] if levels and number <= len(levels) else 0 for number, _row in filled]
        )
        # Room for every top row at once: the tasks after them move once, not once per row.
        first = make_room(session, plan, parent_id, position, depths.count(0))
        # A number a task here already shows is not given twice: copies pasted beside the tasks they
        # were copied from showed 2, 2, 3, 3. Such a row takes the number its place gives.
        taken = {parent_id: sibling_numbers(session, plan, parent_id)}
        # The parent of each level: the last row pasted one level up; and the next place under each.
        parents: list[int | None] = [parent_id]
        places = {parent_id: first}
        made: dict[int, int] = {}  # each pasted row's task
        for (number, row), depth in zip(filled, depths, strict=True):
            del parents[depth + 1 :]
            parent = parents[depth]
            try:
                fields, cooperating = _task_fields(columns, row, units, plan, copied)
                if copied:  # a copy is numbered by its new place: "II" kept under IV read as a heading
                    fields.pop(PasteField.CODE.value, None)
                code = fields.get(PasteField.CODE.value)
                if isinstance(code, str):
                    if code in taken[parent]:
                        del fields[PasteField.CODE.value]
                    taken[parent].add(code)
                task_id = insert_task(
                    session, plan, parent, places[parent], fields, cooperating, room_made=True
                )
            except DomainError as error:
                raise InvalidInputError(
                    _("Pasted row {row}: {reason}").format(row=number, reason=error.message)
                ) from None
            places[parent] += 1
            # A new task has nothing under it yet: its tasks take the places from 0, no room to make.
            parents.append(task_id)
            places[task_id], taken[task_id] = 0, set()
            changes.create(Entity.TASK, task_id)
            made[number] = task_id
        # Links between rows not pasted (empty, or not in the rows) are left out.
        kept = [
            (before, after, kind, lag)
            for before, after, kind, lag in links
            if before in made and after in made
        ]
        made_links = insert_dependencies(
            session,
            [(made[before], made[after], kind, lag) for before, after, kind, lag in kept],
            lambda index, reason: _("Pasted rows {first} and {second}: {reason}").format(
                first=kept[index][0], second=kept[index][1], reason=reason
            ),
            # The copy of a link the plan held broken, or one the plan's days off break here.
            leave_out_broken=copied,
        )
        for link_id in made_links:
            changes.create(Entity.DEPENDENCY, link_id)
        return changes


def _depths(levels: Sequence[int]) -> list[int]:
    """The levels as a tree can take them: the first at 0, and none more than one below the row above."""
    depths: list[int] = []
    for level in levels:
        depths.append(max(0, min(level, depths[-1] + 1 if depths else 0)))
    return depths


def _task_fields(
    columns: Sequence[PasteField | None], row: Sequence[str], units: UnitIndex, plan: ActionPlan, copied: bool
) -> tuple[dict[str, object], list[int]]:
    fields: dict[str, object] = {}
    cooperating: list[int] = []
    for field, cell in zip(columns, row, strict=False):
        text = cell.strip()
        if field is None or not text:
            continue
        if field is PasteField.KIND:
            fields["kind"] = cells.choice_cell(text, TaskKind, _names, _("Kind"))
        elif field is PasteField.STATUS:
            fields["status"] = cells.choice_cell(text, TaskStatus, _status_names, _("Status"))
        elif field is PasteField.LEAD_UNIT:
            fields["lead_unit_id"] = _unit(units, text, _("Lead unit"))
        elif field is PasteField.COOPERATING:
            cooperating = [_unit(units, item, _("Cooperating unit")) for item in cells.split_list(text)]
        elif field in (PasteField.START, PasteField.END):
            fields[field.value] = cells.date_cell(text, _("Start") if field is PasteField.START else _("End"))
        elif field is PasteField.PROGRESS:
            fields["progress"] = cells.number_cell(text, _("Progress"))
        else:
            fields[field.value] = text
    if not copied:  # a task copied in a sheet brings its own dates, or has none
        _dates_from_timeline(fields, plan)
    _status_and_figure_agree(fields)
    return fields, cooperating


def _status_and_figure_agree(fields: dict[str, object]) -> None:
    """A pasted figure brings its status with it, as a typed one does; a status alone brings its figure.

    A group copied from the sheet carries its rolled-up figure beside its own status ("26%",
    "Done"): stored as they came, the task would show 100% and not what was pasted.
    """
    progress, status = fields.get("progress"), fields.get("status")
    if isinstance(progress, int | float):
        fields["status"] = status_after_progress(
            float(progress), status if isinstance(status, TaskStatus) else TaskStatus.NOT_STARTED
        )
    elif isinstance(status, TaskStatus):
        figure = progress_after_status(status, 0.0)
        if figure is not None:
            fields["progress"] = figure


def _dates_from_timeline(fields: dict[str, object], plan: ActionPlan) -> None:
    """A task given only its timeline in words gets the dates the words name (or the plan's period)."""
    text = fields.get("timeline_text")
    if not isinstance(text, str) or "planned_start" in fields or "planned_end" in fields:
        return
    dates = dates_for(text, plan.start, plan.end)
    if dates is not None:
        fields["planned_start"], fields["planned_end"] = dates


def _unit(units: UnitIndex, text: str, what: str) -> int:
    found = units.find(text)
    if found is None:
        raise InvalidInputError(units.not_one(text, what))
    return found.id


def _names(member: TaskKind | TaskStatus) -> list[str]:
    """The current language's name first (it is the one an error lists), then every other."""
    return [label(member), *names_in_every_language(member)]


def _status_names(member: TaskStatus) -> list[str]:
    """A status's names, and those of the standings the sheet shows for it (copied rows carry those)."""
    standings = [health for health, status in REPORTED_STATUS.items() if status is member]
    return [*_names(member), *(name for health in standings for name in names_in_every_language(health))]
