"""A sheet's values read by calamine as openpyxl's read-only rows give them, or not where they would differ.

calamine parses a sheet in Rust, eight times faster than openpyxl does in Python, but into one
block of memory as tall and wide as the cells holding values, and with its own idea of a few
values: errors ("#N/A") read as empty, whole numbers as floats, dates without their time. Those
are given back here as openpyxl gives them; a sheet whose values cannot be (an error cell, a
whole number past a float's precision) or whose block would be too large is left to openpyxl.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from dxplanner.excel.cell_text import escaped
from dxplanner.excel.sheet_scan import SheetScan

Row = tuple[Any, ...]

# The most cells (tall by wide, empty ones too) calamine is asked to hold at once: about 128 MB.
# A sheet's width is counted as 26 columns unless a cell lies further right, so this is a table of
# about 150,000 rows: with two million, a 100,000-task plan (100,508 rows) went to openpyxl and
# read five times slower (6.2 s of CPU against 14.8 s; 290 MB at most against 249 MB).
MAX_BLOCK_CELLS = 4_000_000
# A float holds every whole number up to this exactly; openpyxl reads larger ones as exact ints.
_EXACT = 2**53


class _InexactError(Exception):
    """A value calamine read differently from openpyxl, and which cannot be put back."""


def can_read(scan: SheetScan, block_cells: int = MAX_BLOCK_CELLS) -> bool:
    """Whether calamine reads a sheet so scanned as openpyxl would, in a block of at most block_cells."""
    return (
        scan.errors == 0  # calamine reads an error cell as empty: openpyxl gives its text
        and scan.last_row is not None
        and scan.columns is not None
        and scan.last_row * scan.columns <= block_cells
    )


class CalamineBook:
    """A workbook opened by calamine, read one sheet at a time; None for a sheet it cannot read alike.

    calamine reads Excel's escapes in text ("_x000D_" is a carriage return); its text is escaped
    again as the file holds it, as openpyxl gives it, and the readers read the escapes themselves
    (values.text_of, the data reader): read twice, a typed "_x000D_" came out as a line break.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._book: Any = None
        self._failed = False

    def rows(self, sheet: str, width: int) -> list[Row] | None:
        """The sheet's rows from the first to the last holding a value, each at most `width` values
        (None for an empty cell); None when calamine cannot give what openpyxl would."""
        if self._failed:
            return None
        try:
            if self._book is None:
                from python_calamine import CalamineWorkbook

                self._book = CalamineWorkbook.from_path(str(self._path))
            values = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            return [_row(row, width) for row in values]
        except _InexactError:
            return None
        except BaseException as error:
            # A file calamine refuses, and a panic in its Rust (raised as a BaseException), are
            # openpyxl's to read or to refuse with the message the user gets.
            if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
                raise
            self._failed = True
            return None

    def close(self) -> None:
        """Let go of the file."""
        if self._book is not None:
            self._book.close()
            self._book = None


def _row(values: list[Any], width: int) -> Row:
    """One row as openpyxl gives it: None for empty, whole numbers as int, dates as datetime, text
    with Excel's escapes as the file holds them."""
    if len(values) > width:
        values = values[:width]
    # Most cells are text or empty: only the others go through a call.
    return tuple((escaped(value) or None) if type(value) is str else _value(value) for value in values)


def _value(value: Any) -> Any:
    kind = type(value)
    if kind is float:
        if not value.is_integer():
            return value
        if not -_EXACT < value < _EXACT:
            raise _InexactError  # "12345678901234567": calamine rounded it; openpyxl did not
        return int(value)
    if kind is datetime.date:
        return datetime.datetime(value.year, value.month, value.day)
    return value  # int, bool, datetime, time, timedelta: the same as openpyxl's
