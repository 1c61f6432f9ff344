"""Reading a returned progress form: whose it is, whether it is intact, and what the unit wrote."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dxplanner.core.enums import TaskStatus
from dxplanner.core.progress_form import (
    FORM_MARK,
    FilledRow,
    FormProblem,
    FormRole,
    FormRound,
    FormTask,
    FormUnit,
    ProblemKind,
    ReturnedForm,
    form_checksum,
)
from dxplanner.core.text import fold
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.progress_form_layout import date_text, number_text
from dxplanner.excel.progress_form_values import (
    date_value,
    progress_value,
    raw_text,
    shown_date,
    shown_number,
    status_value,
    text_of,
)
from dxplanner.i18n import _
from dxplanner.labels import names_in_every_language

# The key of a round's checksums; LookupError for a round whose key is not known here.
RoundKey = Callable[[FormRound], bytes | None]


def _no_key(_round: FormRound) -> bytes | None:
    return None


def read_progress_form(path: Path, key_of: RoundKey = _no_key) -> ReturnedForm:
    """The form in the workbook at path, its checksum checked with the key key_of gives for its round
    (unchecked when key_of does not know the round: such a form is refused for that);
    InvalidInputError when it is no workbook that can be read."""
    from openpyxl import load_workbook

    from dxplanner.excel.safety import check_workbook_file
    from dxplanner.excel.workbook import reading

    check_workbook_file(path)
    with reading(path.name):
        book = load_workbook(path, data_only=True)
        try:
            return _read(book, path.name, key_of)
        finally:
            book.close()


def _read(book: Any, name: str, key_of: RoundKey) -> ReturnedForm:
    hidden = next((sheet for sheet in book.worksheets if raw_text(sheet.cell(1, 1).value) == FORM_MARK), None)
    if hidden is None:
        return _not_a_form(name)
    rows = [[raw_text(value) for value in row] for row in hidden.iter_rows(values_only=True)]
    rows = [_trimmed(row) for row in rows]
    ends = [number for number, row in enumerate(rows) if row and row[0] == layout.CHECKSUM_MARK]
    if not ends:
        return _not_a_form(name)
    fields, stated = rows[: ends[0]], rows[ends[0]][1] if len(rows[ends[0]]) > 1 else ""
    try:
        chosen, unit, tasks, sheet_title = _identity(fields)
    except (KeyError, ValueError, IndexError, StopIteration):  # identifiers missing or unreadable
        return _not_a_form(name)
    problems: list[FormProblem] = []
    try:
        intact = form_checksum(fields, key_of(chosen)) == stated
    except LookupError:  # a round this plan file did not send: refused as such, whatever its checksum
        intact = True
    if not intact:
        problems.append(
            FormProblem(
                ProblemKind.TAMPERED,
                _("{name}: the form's hidden identifiers were changed; it cannot be trusted.").format(
                    name=name
                ),
            )
        )
    others = [sheet for sheet in book.worksheets if sheet is not hidden]
    # A unit may rename the sheet's tab: then the form's sheet is the one sheet beside the hidden one.
    sheet = book[sheet_title] if sheet_title in book.sheetnames else others[0] if len(others) == 1 else None
    if sheet is None:
        problems.append(
            FormProblem(ProblemKind.TAMPERED, _("{name}: the form's sheet is missing.").format(name=name))
        )
        return ReturnedForm(chosen, unit, (), tuple(problems))
    filled: list[FilledRow] = []
    for row, task in tasks:
        problems.extend(_edited(sheet, row, task))
        found, bad = _filled(sheet, row, task.task_id)
        filled.append(found)
        problems.extend(bad)
    below = layout.FIRST_ROW + len(tasks)
    problems.extend(_added(sheet, below))
    foot = below + layout.FOOT_GAP
    reporter, contact = (text_of(sheet.cell(row, layout.START).value) or None for row in (foot, foot + 1))
    return ReturnedForm(chosen, unit, tuple(filled), tuple(problems), reporter, contact)


def _not_a_form(name: str) -> ReturnedForm:
    message = _("{name} is not a progress form written by dxplanner.").format(name=name)
    return ReturnedForm(None, None, (), (FormProblem(ProblemKind.NOT_A_FORM, message),))


def _identity(fields: list[list[str]]) -> tuple[FormRound, FormUnit, list[tuple[int, FormTask]], str]:
    """The round, the unit, the tasks with their rows, and the form's sheet, as the hidden sheet says."""
    at = next(number for number, row in enumerate(fields) if row and row[0] == layout.TASKS_MARK)
    values = {row[0]: (row[1] if len(row) > 1 else "") for row in fields[1:at] if row}
    day = datetime.date.fromisoformat
    chosen = FormRound(
        int(values["plan_id"]),
        values["plan_name"],
        day(values["plan_start"]),
        day(values["plan_end"]),
        day(values["as_of"]),
        day(values["deadline"]),
        datetime.datetime.fromisoformat(values["issued_at"]),
    )
    unit = FormUnit(
        int(values["unit_id"]),
        values["unit_code"],
        values["unit_name"],
        values["unit_short_name"],
        FormRole(values["role"]),
    )
    tasks = []
    for row in fields[at + 1 :]:
        cells = [*row, *[""] * (9 - len(row))]
        task = FormTask(
            int(cells[1]),
            cells[3],
            cells[4],
            day(cells[5]) if cells[5] else None,
            day(cells[6]) if cells[6] else None,
            float(cells[7]),
            TaskStatus(cells[8]),
        )
        tasks.append((int(cells[2]), task))
    return chosen, unit, tasks, values["sheet"]


def _edited(sheet: Any, row: int, task: FormTask) -> list[FormProblem]:
    """A problem when the row's plan cells differ from those sent (the copy in the hidden sheet)."""
    shown = {
        layout.CODE: text_of(sheet.cell(row, layout.CODE).value),
        layout.NAME: text_of(sheet.cell(row, layout.NAME).value),
        layout.START: shown_date(sheet.cell(row, layout.START).value),
        layout.END: shown_date(sheet.cell(row, layout.END).value),
        layout.LAST_PROGRESS: shown_number(sheet.cell(row, layout.LAST_PROGRESS).value),
    }
    sent = {
        layout.CODE: task.code.strip(),
        layout.NAME: task.name.strip(),
        layout.START: date_text(task.start),
        layout.END: date_text(task.end),
        layout.LAST_PROGRESS: number_text(task.progress),
    }
    changed = [column for column in shown if shown[column] != sent[column]]
    status = fold(text_of(sheet.cell(row, layout.LAST_STATUS).value))
    if status not in {fold(name) for name in names_in_every_language(task.status)}:
        changed.append(layout.LAST_STATUS)
    if not changed:
        return []
    return [
        FormProblem(
            ProblemKind.EDITED_ROW,
            _("Row {row} (task {code}): cells the unit was not to fill were changed.").format(
                row=row, code=task.code
            ),
            row,
            task.task_id,
        )
    ]


def _filled(sheet: Any, row: int, task_id: int) -> tuple[FilledRow, list[FormProblem]]:
    problems: list[FormProblem] = []

    def bad(what: str, value: object) -> None:
        problems.append(
            FormProblem(
                ProblemKind.BAD_VALUE,
                _("Row {row}: {what} “{value}” cannot be read.").format(row=row, what=what, value=value),
                row,
                task_id,
            )
        )

    progress_cell = sheet.cell(row, layout.PROGRESS)
    progress = progress_value(progress_cell.value, str(progress_cell.number_format or ""))
    if progress is None and text_of(progress_cell.value):
        bad(_("progress"), progress_cell.value)
    status_text = text_of(sheet.cell(row, layout.STATUS).value)
    status = status_value(status_text)
    if status is None and status_text:
        bad(_("status"), status_text)
    dates: list[datetime.date | None] = []
    for column, what in ((layout.ACTUAL_START, _("actual start")), (layout.ACTUAL_END, _("actual finish"))):
        value = sheet.cell(row, column).value
        day = date_value(value)
        if day is None and text_of(value):
            bad(what, value)
        dates.append(day)
    texts = [
        text_of(sheet.cell(row, column).value) or None
        for column in (layout.REMARK, layout.DIFFICULTY, layout.PROPOSAL)
    ]
    found = FilledRow(task_id, row, progress, status, dates[0], dates[1], *texts)
    return found, problems


def _added(sheet: Any, below: int) -> list[FormProblem]:
    """Problems for what is written under the table or right of it: rows the form has no place for."""
    problems = []
    foot = range(below + layout.FOOT_GAP, below + layout.FOOT_GAP + layout.FOOT_ROWS)
    for row in sheet.iter_rows(min_row=layout.FIRST_ROW, max_row=max(sheet.max_row, below)):
        number = row[0].row
        cells = row if number >= below and number not in foot else row[layout.LAST_COLUMN :]
        if any(text_of(cell.value) for cell in cells):
            problems.append(
                FormProblem(
                    ProblemKind.ADDED_ROW,
                    _(
                        "Row {row} is not part of the form (written outside its table); it was not read."
                    ).format(row=number),
                    number,
                )
            )
    return problems


def _trimmed(row: Sequence[str]) -> list[str]:
    """A row without its empty cells at the end (a spreadsheet may keep more or fewer of them)."""
    cells = list(row)
    while cells and not cells[-1]:
        cells.pop()
    return cells
