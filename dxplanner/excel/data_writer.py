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
from dxplanner.excel.cell_text import escaped_pieces, looks_like_formula
from dxplanner.excel.data_sheets import (
    DATA_SHEETS,
    DATE_FORMAT,
    FORMAT_VERSION,
    LONG_TEXT_SHEET,
    MARKER_SHEET,
    MARKER_TITLE,
    SHEET_ROWS,
)
from dxplanner.excel.saving import saving_to
from dxplanner.excel.xlsx_rows import Cell, Lines, XlsxBook
from dxplanner.i18n import _
from dxplanner.numbers import whole_text

# How a spreadsheet shows a moment (a form's sending), as openpyxl wrote it before.
MOMENT_FORMAT = "yyyy-mm-dd h:mm:ss"
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
    with collector_paused(), saving_to(path) as temporary:
        book = XlsxBook(temporary)
        try:
            writer = _SheetWriter(book, progress, total)
            for name, sheet_name in DATA_SHEETS:
                writer.write_table(sheet_name, tables.get(name, Records((), ())))
            writer.write_long_texts()
            _write_marker(writer, schema_revision, len(writer.long_texts))
        except BaseException:
            book.discard()
            raise
        book.save()
    return writer.notes


class _SheetWriter:
    """Writes sheets a row's XML at a time, keeping the pieces of long texts and the notes for the user.

    Each cell is made as the sheet's XML (xlsx_rows.Cell): through XlsxWriter's or openpyxl's cell
    objects, the writing took three times as long (README, Speed). Numbers keep every digit they
    need (XlsxWriter writes 16), so that the file comes back exactly.
    """

    def __init__(self, book: XlsxBook, progress: Progress | None, total: int) -> None:
        self.book = book
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.notes: list[WriteNote] = []
        self.long_texts: list[tuple[str, object, str, int, str]] = []
        self._bold = book.format_style({"bold": True})
        self._dated = book.format_style({"num_format": DATE_FORMAT})
        self._moment = book.format_style({"num_format": MOMENT_FORMAT})
        self._quoted = book.format_style({"quote_prefix": True})
        self._days: dict[datetime.date, str] = {}

    def sheet(self, name: str, columns: int, rows: int, widths: Sequence[float]) -> Lines:
        """A new sheet of rows under a frozen heading row, its columns as wide as given, with filters."""
        sheet = self.book.create_sheet(name)
        sheet.freeze_panes(1, 0)
        for number, width in enumerate(widths):
            sheet.set_column(number, number, width)
        if columns:
            sheet.autofilter(0, 0, rows, columns - 1)
        return Lines(sheet)

    def write_table(self, sheet_name: str, records: Records) -> None:
        if len(records.rows) >= SHEET_ROWS:  # never a workbook that restores with records missing
            raise InvalidInputError(
                _(
                    "The sheet “{sheet}” would need {rows} rows, more than a sheet holds ({limit}); "
                    "the plan cannot be exported as a data workbook. Copy it with dxplanner copy instead."
                ).format(
                    sheet=sheet_name, rows=whole_text(len(records.rows) + 1), limit=whole_text(SHEET_ROWS)
                )
            )
        columns = list(records.columns)
        widths = [12 if column.endswith("id") else 18 for column in columns]
        out = self.sheet(sheet_name, len(columns), len(records.rows), widths)
        out.append([self._heading(column) for column in columns])
        # Pieces of long texts are found again by their record's id, so sorting a sheet loses none.
        key = columns.index("id") if "id" in columns else None
        value = self._value
        for row_number, row in enumerate(records.rows, 2):
            where = (sheet_name, row_number, row[key] if key is not None else row_number)
            out.append([value(where, columns[index], cell) for index, cell in enumerate(row)])
            self.done += 1
            if (
                self.progress is not None
                and self.done % 1000 == 0
                and not self.progress(self.done, self.total)
            ):
                raise InvalidInputError(_("The export was cancelled; no file was written."))

    def _heading(self, text: str) -> Cell:
        return self._bold + _inline(text)

    def _value(self, where: tuple[str, int, object], column: str, value: object) -> Cell | None:
        kind = type(value)
        if kind is str:
            return self._text(where, column, value)  # type: ignore[arg-type]
        if kind is int:
            return f"><v>{value}</v></c>"  # every digit, past 2**53 too
        if value is None:
            return None
        if isinstance(value, enum.Enum):
            return self._value(where, column, value.value)
        if isinstance(value, bool):
            return f' t="b"><v>{int(value)}</v></c>'
        if isinstance(value, float):
            # Excel holds no NaN or infinity (a damaged file's): an empty cell, as openpyxl wrote it.
            return f"><v>{_float(value)}</v></c>" if math.isfinite(value) else None
        if isinstance(value, int):
            return f"><v>{int(value)}</v></c>"
        if isinstance(value, datetime.datetime):
            return f"{self._moment}><v>{_float(_serial(value))}</v></c>"
        if isinstance(value, datetime.date):
            return f"{self._dated}><v>{self._day(value)}</v></c>"
        return self._text(where, column, str(value))

    def _day(self, day: datetime.date) -> str:
        # A plan's tasks share a few hundred days: each one's number is worked out once.
        number = self._days.get(day)
        if number is None:
            number = self._days[day] = _float(_serial(day))
        return number

    def _text(self, where: tuple[str, int, object], column: str, text: str) -> Cell:
        pieces = escaped_pieces(text)
        if len(pieces) > 1:
            sheet_name, row_number, record = where
            self.long_texts.extend(
                (sheet_name, record, column, number, piece) for number, piece in enumerate(pieces[1:], 1)
            )
            self.notes.append(
                WriteNote(
                    sheet_name,
                    row_number,
                    column,
                    _(
                        "The text is {length} characters long, more than a cell holds; "
                        "it goes on in {pieces} rows of the sheet {sheet}."
                    ).format(length=whole_text(len(text)), pieces=len(pieces) - 1, sheet=LONG_TEXT_SHEET),
                )
            )
        return self._escaped_text(pieces[0])

    def _escaped_text(self, text: str) -> Cell:
        """A text cell for text already escaped: "=…", "#N/A" and the like are marked as typed text
        (Excel's quote prefix), never a formula or an error."""
        if not text:
            return ' t="inlineStr"/>'
        return (self._quoted if looks_like_formula(text) else "") + _inline(text)

    def write_long_texts(self) -> None:
        out = self.sheet(LONG_TEXT_SHEET, 0, 0, ())
        out.append([self._heading(text) for text in ("sheet", "record", "column", "piece", "text")])
        where = (LONG_TEXT_SHEET, 0, None)
        for sheet_name, record, column, number, piece in self.long_texts:
            cells = (sheet_name, record, column, number)
            out.append([*(self._value(where, "", value) for value in cells), self._escaped_text(piece)])


def _write_marker(writer: _SheetWriter, schema_revision: str, long_texts: int) -> None:
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
    sheet = writer.book.create_sheet(MARKER_SHEET)
    sheet.set_column(0, 0, 30)
    out = Lines(sheet)
    where = (MARKER_SHEET, 0, None)
    for line in lines:
        out.append([writer._value(where, "", value) for value in line])


def _inline(text: str) -> Cell:
    """A text cell's XML after its style: the text as it is, but for XML's own three characters."""
    # (str.isspace is what XML's whitespace handling, and openpyxl before, counted as space.)
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _float(value: float) -> str:
    """A number's shortest digits that read back the same: 16 as a rule, 17 for a few (0.1 + 0.2)."""
    text = f"{value:.16g}"
    if float(text) == value:
        return text
    return repr(value)


def _serial(moment: datetime.date) -> float:
    """A day or a moment as the number Excel keeps (the 1900 system), as openpyxl counts it."""
    from openpyxl.utils.datetime import to_excel

    return float(to_excel(moment))  # type: ignore[no-untyped-call]
