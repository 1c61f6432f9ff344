"""The cells of a progress form (XlsxWriter): their looks, the checks on the fill cells, the foot."""

from __future__ import annotations

import datetime
from typing import Any

from dxplanner.core.enums import TaskStatus
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.cell_text import fitted, looks_like_formula, without_control_characters
from dxplanner.i18n import _
from dxplanner.labels import label

FILL_COLOUR = "FFF2CC"  # the pale yellow forms use for "write here"
BORDER = {"border": 1, "border_color": "#808080"}  # the thin grey border of the form's table cells
TO_FILL = {"bg_color": f"#{FILL_COLOUR}", "pattern": 1, "locked": False}
_FIRST_DAY, _LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)  # dates a unit may give


class FormSheet:
    """One XlsxWriter sheet of a form, written cell by cell (rows and columns from 1, as the layout
    counts them); each look becomes one of the workbook's formats, made once."""

    def __init__(self, book: Any, sheet: Any, formats: dict[tuple[tuple[str, Any], ...], Any]) -> None:
        self.book = book
        self.sheet = sheet
        self._formats = formats  # shared by the workbook's sheets

    def look(self, **properties: Any) -> Any:
        """The workbook's format of these XlsxWriter properties (None for none)."""
        if not properties:
            return None
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(properties)
        return self._formats[key]

    def write(self, row: int, column: int, value: object, **properties: Any) -> None:
        """Write a value; text a spreadsheet would take for a formula stays text (OWASP CSV injection)."""
        at = (row - 1, column - 1)
        if isinstance(value, str):
            value = clean(value)
            if looks_like_formula(value):
                properties["quote_prefix"] = True  # shown and kept as typed, never evaluated
            self.sheet.write_string(*at, value, self.look(**properties))
        elif value is None:
            self.sheet.write_blank(*at, None, self.look(**properties))
        elif isinstance(value, datetime.date):
            self.sheet.write_datetime(*at, value, self.look(**properties))
        else:
            self.sheet.write_number(*at, value, self.look(**properties))

    def merge(self, row: int, first: int, last: int, value: object, **properties: Any) -> None:
        """Merge a row's cells first..last, showing value (the range takes the look)."""
        self.sheet.merge_range(row - 1, first - 1, row - 1, last - 1, "", self.look(**properties))
        self.write(row, first, value, **properties)


def fill_checks(form: FormSheet, count: int) -> None:
    """Lists and ranges on the fill cells, and the sheet locked but for them."""
    if count:
        first, last = layout.FIRST_ROW - 1, layout.FIRST_ROW + count - 2
        statuses = [label(status) for status in TaskStatus]
        dates = {"validate": "date", "criteria": "between", "minimum": _FIRST_DAY, "maximum": _LAST_DAY}
        checks = (
            (
                {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100},
                layout.PROGRESS,
                _("Progress"),
                _("A number from 0 to 100."),
            ),
            (
                {"validate": "list", "source": statuses},
                layout.STATUS,
                _("Status"),
                _("Choose from the list."),
            ),
            (dates, layout.ACTUAL_START, _("Actual start"), _("A date, written dd/mm/yyyy.")),
            (dates, layout.ACTUAL_END, _("Actual finish"), _("A date, written dd/mm/yyyy.")),
        )
        for check, column, title, text in checks:
            said = {"error_title": title, "error_message": text, "input_title": title, "input_message": text}
            form.sheet.data_validation(first, column - 1, last, column - 1, check | said)
    # The unit may still widen columns, raise rows and filter: none of it touches what is read back.
    form.sheet.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})


def write_foot(form: FormSheet, first: int) -> None:
    """Who filled the form and how to reach them (to fill), and the head of the unit's signature block."""
    dotted = {"bottom": 4, "bottom_color": "#808080"}
    for offset, text in enumerate((_("Prepared by:"), _("Telephone, e-mail:"))):
        row = first + offset
        form.write(row, layout.NAME, text, align="right")
        form.merge(row, layout.START, layout.FOOT_FILL_LAST, None, **TO_FILL, **dotted)
    lines = (
        (_("HEAD OF THE UNIT"), {"bold": True}),
        (_("(Signature, full name and seal)"), {"italic": True}),
    )
    for offset, (text, font) in enumerate(lines):
        form.merge(first + offset, layout.SIGNATURE, layout.LAST_COLUMN, text, align="center", **font)
    # Room to sign on paper, and a line for the head's name that the unit may type in.
    name_row = first + layout.FOOT_ROWS - 2
    form.merge(name_row, layout.SIGNATURE, layout.LAST_COLUMN, None, align="center", bold=True, locked=False)


def clean(text: str) -> str:
    """The text without the control characters a workbook cannot hold (a name pasted from a PDF), cut
    to what a cell holds."""
    return fitted(without_control_characters(text)[0])
