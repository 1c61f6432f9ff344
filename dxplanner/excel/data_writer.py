"""Writing a plan file's records as our data workbook: one sheet per kind of record, typed cells."""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxplanner.collector import collector_paused
from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.cell_text import escaped_pieces, text_cell
from dxplanner.excel.data_sheets import (
    DATA_SHEETS,
    DATE_FORMAT,
    FORMAT_VERSION,
    LONG_TEXT_SHEET,
    MARKER_SHEET,
    MARKER_TITLE,
)
from dxplanner.excel.saving import saving_to, write_only_book
from dxplanner.i18n import _

# Whole numbers up to this many are written exactly with 16 digits.
_EXACT_WHOLE = 2**53
Progress = Callable[[int, int], bool]  # (rows written, rows in all) -> go on?


@dataclass(frozen=True)
class Records:
    """One table's rows, each a tuple in the order of the columns; read ones know their sheet rows."""

    columns: Sequence[str]
    rows: Sequence[tuple[Any, ...]]
    sheet: str = ""
    row_numbers: Sequence[int] = ()

    def where(self, index: int) -> str:
        """Where the record at index stands in the workbook, in words."""
        row = self.row_numbers[index] if index < len(self.row_numbers) else index + 2
        return _("Sheet “{sheet}”, row {row}").format(sheet=self.sheet, row=row)


@dataclass(frozen=True)
class WriteNote:
    """Something the writing had to change or spread out, said to the user (sheet, row, column)."""

    sheet: str
    row: int
    column: str
    message: str


def write_data_workbook(
    path: Path,
    tables: Mapping[str, Records],
    schema_revision: str,
    progress: Progress | None = None,
) -> list[WriteNote]:
    """Write every table on its sheet (header row frozen, with filters) and the marker sheet.

    Returns what had to be changed (control characters taken out) or spread out (text longer
    than a cell holds, continued on the long_texts sheet). A cancel raises InvalidInputError and
    leaves any file already at path untouched.
    """

    total = sum(len(tables[name].rows) for name, _sheet in DATA_SHEETS if name in tables)
    writer = _SheetWriter(progress, total)
    with collector_paused(), saving_to(path) as temporary, write_only_book() as book:
        for name, sheet_name in DATA_SHEETS:
            records = tables.get(name, Records((), ()))
            writer.write_table(book.create_sheet(sheet_name), sheet_name, records)
        writer.write_long_texts(book.create_sheet(LONG_TEXT_SHEET))
        _write_marker(book.create_sheet(MARKER_SHEET), schema_revision, len(writer.long_texts))
        book.save(temporary)
    return writer.notes


class _SheetWriter:
    """Writes sheets row by row, keeping the pieces of long texts and the notes for the user."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.notes: list[WriteNote] = []
        self.long_texts: list[tuple[str, object, str, int, str]] = []
        self._cell = WriteOnlyCell
        self._bold = Font(bold=True)

    def write_table(self, sheet: Any, sheet_name: str, records: Records) -> None:
        from openpyxl.utils import get_column_letter

        columns = list(records.columns)
        width = max(len(columns), 1)
        sheet.freeze_panes = "A2"
        for number, column in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(number)].width = 12 if column.endswith("id") else 18
        if columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{len(records.rows) + 1}"
        state_size(sheet, len(records.rows) + 1, width)
        sheet.append([self._heading(sheet, column) for column in columns])
        # Pieces of long texts are found again by their record's id, so sorting a sheet loses none.
        key = columns.index("id") if "id" in columns else None
        for row_number, row in enumerate(records.rows, 2):
            record = row[key] if key is not None else row_number
            sheet.append(
                [
                    self._value(sheet, sheet_name, (row_number, record), columns[index], value)
                    for index, value in enumerate(row)
                ]
            )
            self.done += 1
            if (
                self.progress is not None
                and self.done % 1000 == 0
                and not self.progress(self.done, self.total)
            ):
                raise InvalidInputError(_("The export was cancelled; no file was written."))

    def _heading(self, sheet: Any, text: str) -> object:
        cell = self._cell(sheet, value=text)
        cell.font = self._bold
        return cell

    def _value(
        self, sheet: Any, sheet_name: str, row: tuple[int, object], column: str, value: object
    ) -> object:
        if isinstance(value, enum.Enum):
            return value.value
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return self._number(sheet, value)
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            cell = self._cell(sheet, value=value)  # type: ignore[arg-type]
            cell.number_format = DATE_FORMAT
            return cell
        if isinstance(value, datetime.datetime):
            return value
        return self._text(sheet, sheet_name, row, column, str(value))

    def _number(self, sheet: Any, value: float) -> object:
        # openpyxl writes numbers with 16 digits; a few floats (0.1 + 0.2) and whole numbers past
        # 2**53 need more to read back the same, so those get their exact digits.
        if -_EXACT_WHOLE <= value <= _EXACT_WHOLE and (isinstance(value, int) or value.is_integer()):
            return value  # the common case, checked first: whole amounts and percentages
        if isinstance(value, float):
            exact = not math.isfinite(value) or float(f"{value:.16g}") == value  # Excel holds no inf or NaN
        else:
            exact = f"{value:.16g}" == str(value)
        if exact:
            return value
        cell: Any = self._cell(sheet, value=value)
        cell._value = repr(value)  # openpyxl writes a string as it is: a number cell with these digits
        return cell

    def _text(self, sheet: Any, sheet_name: str, row: tuple[int, object], column: str, text: str) -> object:
        pieces = escaped_pieces(text)
        if len(pieces) > 1:
            row_number, record = row
            self.long_texts.extend(
                (sheet_name, record, column, number, piece) for number, piece in enumerate(pieces[1:], 1)
            )
            self.notes.append(
                WriteNote(
                    sheet_name,
                    row_number,
                    column,
                    _(
                        "The text is {length:,} characters long, more than a cell holds; "
                        "it goes on in {pieces} rows of the sheet {sheet}."
                    ).format(length=len(text), pieces=len(pieces) - 1, sheet=LONG_TEXT_SHEET),
                )
            )
        return text_cell(sheet, pieces[0])

    def write_long_texts(self, sheet: Any) -> None:
        sheet.freeze_panes = "A2"
        state_size(sheet, len(self.long_texts) + 1, 5)
        sheet.append([self._heading(sheet, text) for text in ("sheet", "record", "column", "piece", "text")])
        for sheet_name, record, column, number, piece in self.long_texts:
            sheet.append([sheet_name, record, column, number, text_cell(sheet, piece)])


def state_size(sheet: Any, rows: int, columns: int) -> None:
    """Have a write-only sheet, before its first row, state the size of its rows (A1 to the last cell).

    openpyxl writes <dimension> for a sheet that can tell its size, which a write-only one cannot
    before its rows are written; without it, openpyxl's read-only mode (and tools built on it)
    parses the whole sheet once only to size it, then again to read it.
    """
    from openpyxl.utils import get_column_letter

    reference = f"A1:{get_column_letter(max(columns, 1))}{max(rows, 1)}"
    sheet.calculate_dimension = lambda: reference


def _write_marker(sheet: Any, schema_revision: str, long_texts: int) -> None:
    lines = (
        (MARKER_TITLE,),
        ("format", FORMAT_VERSION),
        ("schema", schema_revision),
        ("long_texts", long_texts),  # so that a lost piece of a long text is noticed
        (
            _(
                "Every record of a plan file, one sheet per kind. Importing this workbook into a new "
                "plan file (dxplanner import WORKBOOK --into NEW.dxplan) restores it whole."
            ),
        ),
    )
    # Before the rows: a write-only sheet writes its columns' widths and its size ahead of them.
    sheet.column_dimensions["A"].width = 30
    state_size(sheet, len(lines), max(len(line) for line in lines))
    for line in lines:
        sheet.append(list(line))
