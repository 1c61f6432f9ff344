"""Writing a progress form: one unit's tasks, the cells it fills, and hidden identifiers with a checksum."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dxplanner.core.progress_form import (
    FORM_MARK,
    FORM_VERSION,
    FormRole,
    ProgressForm,
    form_checksum,
    reporting_period,
)
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.progress_form_cells import (
    FILL_COLOUR,
    border,
    clean,
    column_letter,
    fill_checks,
    write_cell,
    write_foot,
)
from dxplanner.excel.progress_form_layout import date_text, number_text
from dxplanner.i18n import _, speaking
from dxplanner.labels import label

# Narrow enough for A4 landscape at about three quarters of full size; long texts wrap.
_WIDTHS = {
    layout.NUMBER: 5,
    layout.CODE: 7,
    layout.NAME: 32,
    layout.START: 10.5,
    layout.END: 10.5,
    layout.LAST_PROGRESS: 8,
    layout.LAST_STATUS: 12,
    layout.PROGRESS: 8,
    layout.STATUS: 13,
    layout.ACTUAL_START: 10.5,
    layout.ACTUAL_END: 10.5,
    layout.REMARK: 20,
    layout.DIFFICULTY: 16,
    layout.PROPOSAL: 16,
}
_LINE_HEIGHT = 15  # points, one line of the 11-point default font
_FILL_LINES = 2  # room for the unit to write two lines at least
_PLAN_COLOUR = "F2F2F2"


def hidden_rows(form: ProgressForm, sheet_title: str) -> list[list[str]]:
    """The hidden sheet's rows before the checksum, every value as text so that it reads back the same."""
    chosen, unit = form.round, form.unit
    rows = [
        [FORM_MARK, FORM_VERSION],
        ["plan_id", str(chosen.plan_id)],
        ["plan_name", chosen.plan_name],
        ["plan_start", date_text(chosen.plan_start)],
        ["plan_end", date_text(chosen.plan_end)],
        ["as_of", date_text(chosen.as_of)],
        ["deadline", date_text(chosen.deadline)],
        ["issued_at", chosen.issued_at.isoformat(timespec="seconds")],
        ["unit_id", str(unit.unit_id)],
        ["unit_code", unit.code],
        ["unit_name", unit.name],
        ["unit_short_name", unit.short_name],
        ["role", unit.role.value],
        ["sheet", sheet_title],
        ["first_row", str(layout.FIRST_ROW)],
        [layout.TASKS_MARK, "task_id", "row", "code", "name", "start", "end", "progress", "status"],
    ]
    for offset, task in enumerate(form.tasks):
        rows.append(
            [
                "",
                str(task.task_id),
                str(layout.FIRST_ROW + offset),
                task.code,
                task.name,
                date_text(task.start),
                date_text(task.end),
                number_text(task.progress),
                task.status.value,
            ]
        )
    # What a workbook cannot hold is left out here, as in the visible cells, so that both agree.
    return [[clean(value) for value in row] for row in rows]


def write_progress_form(path: Path, form: ProgressForm, key: bytes | None = None) -> None:
    """Write the form to path (written beside it first, so a failure leaves no half file)."""
    from openpyxl import Workbook

    from dxplanner.excel.saving import saving_to

    with speaking("vi"):  # the form goes to the units: always in Vietnamese
        book = Workbook()
        sheet: Any = book.active
        sheet.title = _("Progress form")[:31]
        _title_rows(sheet, form)
        _headings(sheet)
        _task_rows(sheet, form)
        fill_checks(sheet, len(form.tasks))
        write_foot(sheet, layout.FIRST_ROW + len(form.tasks) + layout.FOOT_GAP)
        _page_setup(sheet)
        _hidden_sheet(book, form, sheet.title, key)
    with saving_to(path) as temporary:
        book.save(temporary)


def _title_rows(sheet: Any, form: ProgressForm) -> None:
    from openpyxl.styles import Alignment, Font

    chosen, unit = form.round, form.unit
    role = _("lead unit") if unit.role is FormRole.LEAD else _("cooperating unit")
    lines = [
        (_("PROGRESS REPORT FORM ON THE TASKS OF THE PLAN"), Font(bold=True, size=14)),
        (chosen.plan_name, Font(bold=True, size=12)),
        (_("Reporting unit: {unit} ({role})").format(unit=unit.name, role=role), Font(bold=True)),
        (
            _("Reporting period: {period}; figures as of {day}").format(
                period=reporting_period(chosen.as_of), day=chosen.as_of.strftime("%d/%m/%Y")
            ),
            Font(),
        ),
        (
            _("Please return this form by {day}.").format(day=chosen.deadline.strftime("%d/%m/%Y")),
            Font(bold=True, color="C00000"),
        ),
        (
            _(
                "Fill in the yellow cells only; do not change the other cells, the rows or the "
                "sheets, so that the form can be read back."
            ),
            Font(italic=True),
        ),
    ]
    for row, (text, font) in enumerate(lines, 1):
        cell = write_cell(sheet, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(
            horizontal="center" if row <= 2 else "left", vertical="center", wrap_text=True
        )
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=layout.LAST_COLUMN)
    sheet.row_dimensions[2].height = 32


def _headings(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    groups = (
        (layout.NUMBER, layout.LAST_STATUS, _("Task (as the plan holds it)"), _PLAN_COLOUR),
        (layout.PROGRESS, layout.PROPOSAL, _("Reported by the unit"), FILL_COLOUR),
    )
    for first, last, text, colour in groups:
        cell = write_cell(sheet, layout.GROUP_HEADING_ROW, first, text)
        sheet.merge_cells(
            start_row=layout.GROUP_HEADING_ROW,
            start_column=first,
            end_row=layout.GROUP_HEADING_ROW,
            end_column=last,
        )
        cell.fill = PatternFill("solid", fgColor=colour)
    headings = {
        layout.NUMBER: _("No."),
        layout.CODE: _("Code"),
        layout.NAME: _("Task"),
        layout.START: _("Start"),
        layout.END: _("Finish"),
        layout.LAST_PROGRESS: _("Last progress (%)"),
        layout.LAST_STATUS: _("Last status"),
        layout.PROGRESS: _("Progress (%)"),
        layout.STATUS: _("Status"),
        layout.ACTUAL_START: _("Actual start"),
        layout.ACTUAL_END: _("Actual finish"),
        layout.REMARK: _("Result, remarks"),
        layout.DIFFICULTY: _("Difficulties"),
        layout.PROPOSAL: _("Proposals"),
    }
    for column, text in headings.items():
        write_cell(sheet, layout.HEADING_ROW, column, text)
    for row in (layout.GROUP_HEADING_ROW, layout.HEADING_ROW):
        for column in range(1, layout.LAST_COLUMN + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border()
    sheet.row_dimensions[layout.HEADING_ROW].height = 45
    for column, width in _WIDTHS.items():
        sheet.column_dimensions[column_letter(column)].width = width


def _task_rows(sheet: Any, form: ProgressForm) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection

    fill = PatternFill("solid", fgColor=FILL_COLOUR)
    for offset, task in enumerate(form.tasks):
        row = layout.FIRST_ROW + offset
        values: dict[int, object] = {
            layout.NUMBER: offset + 1,
            layout.CODE: task.code,
            layout.NAME: task.name,
            layout.START: task.start,
            layout.END: task.end,
            layout.LAST_PROGRESS: float(number_text(task.progress)),
            layout.LAST_STATUS: label(task.status),
        }
        for column in range(1, layout.LAST_COLUMN + 1):
            cell = write_cell(sheet, row, column, values.get(column))
            cell.border = border()
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if column in (layout.START, layout.END, layout.ACTUAL_START, layout.ACTUAL_END):
                cell.number_format = layout.DATE_FORMAT
            if column in layout.FILL_COLUMNS:
                cell.fill = fill
                cell.protection = Protection(locked=False)
            if column == layout.PROGRESS:
                cell.number_format = "0"
        # No spreadsheet program sizes rows to wrapped text it did not lay out itself: say how tall.
        lines = max(
            _FILL_LINES, _lines(task.name, _WIDTHS[layout.NAME]), _lines(task.code, _WIDTHS[layout.CODE])
        )
        sheet.row_dimensions[row].height = lines * _LINE_HEIGHT + 3


def _page_setup(sheet: Any) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{layout.GROUP_HEADING_ROW}:{layout.HEADING_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.freeze_panes = sheet.cell(row=layout.FIRST_ROW, column=layout.START)


def _hidden_sheet(book: Any, form: ProgressForm, sheet_title: str, key: bytes | None) -> None:
    hidden = book.create_sheet(layout.HIDDEN_SHEET)
    rows = hidden_rows(form, sheet_title)
    for number, row in enumerate([*rows, [layout.CHECKSUM_MARK, form_checksum(rows, key)]], 1):
        for column, value in enumerate(row, 1):
            write_cell(hidden, number, column, value)
    hidden.sheet_state = "veryHidden"  # not listed under Unhide in Excel
    hidden.protection.sheet = True


def _lines(text: str, width: float) -> int:
    """About how many lines a text takes in a column of that width when wrapped at words."""
    room = max(int(width) - 1, 1)
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
        lines += (len(word) - 1) // room  # a word longer than the column breaks inside
    return lines
