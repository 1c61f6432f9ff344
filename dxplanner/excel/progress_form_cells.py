"""The cells of a progress form the unit fills: their checks, the foot, and writing a cell safely."""

from __future__ import annotations

from typing import Any

from dxplanner.core.enums import TaskStatus
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.cell_text import without_control_characters
from dxplanner.i18n import _
from dxplanner.labels import label

FILL_COLOUR = "FFF2CC"  # the pale yellow forms use for "write here"


def fill_checks(sheet: Any, count: int) -> None:
    """Lists and ranges on the fill cells, and the sheet locked but for them."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if count:
        last = layout.FIRST_ROW + count - 1
        statuses = ",".join(label(status) for status in TaskStatus)
        checks = (
            (
                DataValidation(type="decimal", operator="between", formula1="0", formula2="100"),
                layout.PROGRESS,
                _("Progress"),
                _("A number from 0 to 100."),
            ),
            (
                DataValidation(type="list", formula1=f'"{statuses}"'),
                layout.STATUS,
                _("Status"),
                _("Choose from the list."),
            ),
            (
                DataValidation(type="date", operator="between", formula1="36526", formula2="73051"),
                layout.ACTUAL_START,
                _("Actual start"),
                _("A date, written dd/mm/yyyy."),
            ),
            (
                DataValidation(type="date", operator="between", formula1="36526", formula2="73051"),
                layout.ACTUAL_END,
                _("Actual finish"),
                _("A date, written dd/mm/yyyy."),
            ),
        )
        for check, column, title, text in checks:
            check.allow_blank = True
            check.showErrorMessage = True
            check.errorTitle, check.error = title, text
            check.promptTitle, check.prompt = title, text
            check.showInputMessage = True
            letter = column_letter(column)
            check.add(f"{letter}{layout.FIRST_ROW}:{letter}{last}")
            sheet.add_data_validation(check)
    protection = sheet.protection
    protection.sheet = True
    # The unit may still widen columns, raise rows and filter: none of it touches what is read back.
    protection.formatColumns = False
    protection.formatRows = False
    protection.autoFilter = False


def write_foot(sheet: Any, first: int) -> None:
    """Who filled the form and how to reach them (to fill), and the head of the unit's signature block."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    for offset, text in enumerate((_("Prepared by:"), _("Telephone, e-mail:"))):
        row = first + offset
        write_cell(sheet, row, layout.NAME, text).alignment = Alignment(horizontal="right")
        cell = sheet.cell(row=row, column=layout.START)
        cell.fill = PatternFill("solid", fgColor=FILL_COLOUR)
        cell.protection = Protection(locked=False)
        cell.border = Border(bottom=Side(style="dotted", color="808080"))
        sheet.merge_cells(
            start_row=row, start_column=layout.START, end_row=row, end_column=layout.FOOT_FILL_LAST
        )
    lines = (
        (_("HEAD OF THE UNIT"), Font(bold=True)),
        (_("(Signature, full name and seal)"), Font(italic=True)),
    )
    for offset, (text, font) in enumerate(lines):
        row = first + offset
        cell = write_cell(sheet, row, layout.SIGNATURE, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        sheet.merge_cells(
            start_row=row, start_column=layout.SIGNATURE, end_row=row, end_column=layout.LAST_COLUMN
        )
    # Room to sign on paper, and a line for the head's name that the unit may type in.
    name_row = first + layout.FOOT_ROWS - 2
    name = sheet.cell(row=name_row, column=layout.SIGNATURE)
    name.protection = Protection(locked=False)
    name.alignment = Alignment(horizontal="center")
    name.font = Font(bold=True)
    sheet.merge_cells(
        start_row=name_row, start_column=layout.SIGNATURE, end_row=name_row, end_column=layout.LAST_COLUMN
    )


def write_cell(sheet: Any, row: int, column: int, value: object) -> Any:
    """Write a value; text a spreadsheet would take for a formula stays text (OWASP CSV injection)."""
    if isinstance(value, str):
        value = clean(value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type != "s":
        cell.data_type = "s"  # openpyxl made "=…" a formula and "#N/A" an error
        cell.quotePrefix = True
    elif isinstance(value, str) and value.startswith(("+", "-", "@")):
        cell.quotePrefix = True
    return cell


def clean(text: str) -> str:
    """The text without the control characters a workbook cannot hold (a name pasted from a PDF)."""
    return without_control_characters(text)[0]


def border() -> Any:
    """The thin grey border of the form's table cells."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="808080")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def column_letter(column: int) -> str:
    """A column's letters ("H" for 8)."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
