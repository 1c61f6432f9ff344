"""Writing a progress form: one unit's tasks, the cells it fills, and hidden identifiers with a checksum.

Written by XlsxWriter, several times faster than openpyxl writes the same cells (bench/excel_writers.py),
and able to do all a form needs: protection, lists of values, a very hidden sheet.
"""

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
    BORDER,
    FILL_COLOUR,
    TO_FILL,
    FormSheet,
    clean,
    fill_checks,
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
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    from dxplanner.excel.saving import saving_to

    with speaking("vi"), saving_to(path) as temporary:  # the form goes to the units: always in Vietnamese
        # Text is always written as text: never taken for a formula, a number or a link.
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_formulas": False, "strings_to_urls": False})
        formats: dict[tuple[tuple[str, Any], ...], Any] = {}
        title = _("Progress form")[:31]
        sheet = FormSheet(book, book.add_worksheet(title), formats)
        _title_rows(sheet, form)
        _headings(sheet)
        _task_rows(sheet, form)
        fill_checks(sheet, len(form.tasks))
        write_foot(sheet, layout.FIRST_ROW + len(form.tasks) + layout.FOOT_GAP)
        _page_setup(sheet)
        _hidden_sheet(FormSheet(book, book.add_worksheet(layout.HIDDEN_SHEET), formats), form, title, key)
        try:
            book.close()
        except FileCreateError as error:  # XlsxWriter's wrapping of the system's error (a full disk)
            raise error.args[0] if error.args and isinstance(error.args[0], OSError) else error from None


def _title_rows(sheet: FormSheet, form: ProgressForm) -> None:
    chosen, unit = form.round, form.unit
    role = _("lead unit") if unit.role is FormRole.LEAD else _("cooperating unit")
    lines: list[tuple[str, dict[str, Any]]] = [
        (_("PROGRESS REPORT FORM ON THE TASKS OF THE PLAN"), {"bold": True, "font_size": 14}),
        (chosen.plan_name, {"bold": True, "font_size": 12}),
        (_("Reporting unit: {unit} ({role})").format(unit=unit.name, role=role), {"bold": True}),
        (
            _("Reporting period: {period}; figures as of {day}").format(
                period=reporting_period(chosen.as_of), day=chosen.as_of.strftime("%d/%m/%Y")
            ),
            {},
        ),
        (
            _("Please return this form by {day}.").format(day=chosen.deadline.strftime("%d/%m/%Y")),
            {"bold": True, "font_color": "#C00000"},
        ),
        (
            _(
                "Fill in the yellow cells only; do not change the other cells, the rows or the "
                "sheets, so that the form can be read back."
            ),
            {"italic": True},
        ),
    ]
    for row, (text, font) in enumerate(lines, 1):
        align = "center" if row <= 2 else "left"
        sheet.merge(row, 1, layout.LAST_COLUMN, text, align=align, valign="vcenter", text_wrap=True, **font)
    sheet.sheet.set_row(1, 32)


def _headings(sheet: FormSheet) -> None:
    heading = {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, **BORDER}
    groups = (
        (layout.NUMBER, layout.LAST_STATUS, _("Task (as the plan holds it)"), _PLAN_COLOUR),
        (layout.PROGRESS, layout.PROPOSAL, _("Reported by the unit"), FILL_COLOUR),
    )
    for first, last, text, colour in groups:
        sheet.merge(layout.GROUP_HEADING_ROW, first, last, text, bg_color=f"#{colour}", pattern=1, **heading)
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
        sheet.write(layout.HEADING_ROW, column, text, **heading)
    sheet.sheet.set_row(layout.HEADING_ROW - 1, 45)
    for column, width in _WIDTHS.items():
        sheet.sheet.set_column(column - 1, column - 1, width)


def _task_rows(sheet: FormSheet, form: ProgressForm) -> None:
    # Each column's look: bordered and wrapped; dates as dates; the unit's cells yellow and unlocked.
    looks: dict[int, dict[str, Any]] = {}
    for column in range(1, layout.LAST_COLUMN + 1):
        look: dict[str, Any] = {"valign": "top", "text_wrap": True, **BORDER}
        if column in (layout.START, layout.END, layout.ACTUAL_START, layout.ACTUAL_END):
            look["num_format"] = layout.DATE_FORMAT
        if column in layout.FILL_COLUMNS:
            look |= TO_FILL
        if column == layout.PROGRESS:
            look["num_format"] = "0"
        looks[column] = look
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
            sheet.write(row, column, values.get(column), **looks[column])
        # No spreadsheet program sizes rows to wrapped text it did not lay out itself: say how tall.
        lines = max(
            _FILL_LINES, _lines(task.name, _WIDTHS[layout.NAME]), _lines(task.code, _WIDTHS[layout.CODE])
        )
        sheet.sheet.set_row(row - 1, lines * _LINE_HEIGHT + 3)


def _page_setup(form: FormSheet) -> None:
    sheet = form.sheet
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    sheet.repeat_rows(layout.GROUP_HEADING_ROW - 1, layout.HEADING_ROW - 1)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=1, bottom=1)
    sheet.freeze_panes(layout.FIRST_ROW - 1, layout.START - 1)


def _hidden_sheet(hidden: FormSheet, form: ProgressForm, sheet_title: str, key: bytes | None) -> None:
    rows = hidden_rows(form, sheet_title)
    for number, row in enumerate([*rows, [layout.CHECKSUM_MARK, form_checksum(rows, key)]], 1):
        for column, value in enumerate(row, 1):
            hidden.write(number, column, value)
    hidden.sheet.very_hidden()  # not listed under Unhide in Excel
    hidden.sheet.protect()


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
