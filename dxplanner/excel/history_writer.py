"""A shared plan's history as an Excel workbook: one sheet, one line per field changed."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from dxplanner.collector import collector_paused
from dxplanner.excel.cell_text import fitted, text_cell, without_control_characters
from dxplanner.excel.saving import saving_to, write_only_book

_WIDTHS = (20, 16, 12, 48, 20, 32, 32)


def write_history(
    path: Path, sheet_name: str, headings: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Write the lines under their headings (frozen, with filters); texts are never taken for formulas."""
    from openpyxl.utils import get_column_letter

    with collector_paused(), saving_to(path) as temporary, write_only_book() as book:
        sheet = book.create_sheet(sheet_name)
        sheet.freeze_panes = "A2"
        for number, width in enumerate(_WIDTHS, 1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{len(rows) + 1}"
        sheet.append(list(headings))
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
        book.save(temporary)


def _cell(sheet: object, value: object) -> object:
    if isinstance(value, datetime.datetime):
        return value
    return text_cell(sheet, fitted(without_control_characters(str(value))[0]))
