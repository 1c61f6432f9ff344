"""The progress report's workbook (XlsxWriter) and its cells' looks: fonts, fills, borders, formats."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxplanner.excel.cell_text import MAX_CELL_TEXT, looks_like_formula, without_control_characters
from dxplanner.excel.data_sheets import DATE_FORMAT

# Excel's colours, as ARGB hex without the alpha: a light red for late rows, grey for headings.
LATE_FILL = "FDE2E1"
HEADING_FILL = "D9E1F2"
GROUP_FILL = "F2F2F2"


@dataclass(frozen=True)
class Look:
    """How one cell looks."""

    bold: bool = False
    italic: bool = False
    size: float = 11
    fill: str | None = None
    wrap: bool = False
    centre: bool = False
    border: bool = False
    number_format: str | None = None


class ReportBook:
    """The report's XlsxWriter workbook, written row by row (constant-memory mode); each look's format
    is made once, and a failed write leaves none of XlsxWriter's temporary files behind."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        # Text is always written as text: never taken for a formula, a number or a link.
        options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        self.book = xlsxwriter.Workbook(str(path), options)
        self._formats: dict[tuple[Look, bool, bool], Any] = {}
        self._seen: dict[tuple[int, bool, bool], tuple[Look, Any]] = {}

    @property
    def sheetnames(self) -> list[str]:
        """The sheets' names so far, in order."""
        return [sheet.get_name() for sheet in self.book.worksheets()]

    def create_sheet(self, name: str) -> Any:
        """A new sheet at the end."""
        return self.book.add_worksheet(name)

    def format(self, look: Look, dated: bool, quoted: bool) -> Any:
        """The workbook's format of a look (a date's with the date format; quoted: kept as typed)."""
        # Most cells take a look made once (the report's constants): found by its identity, as
        # hashing and comparing the look's eight fields at every cell took a third of the writing.
        seen = self._seen.get((id(look), dated, quoted))
        if seen is not None and seen[0] is look:
            return seen[1]
        key = (look, dated, quoted)
        if key not in self._formats:
            properties: dict[str, Any] = {
                "font_name": "Times New Roman",
                "font_size": look.size,
                "bold": look.bold,
                "italic": look.italic,
                "text_wrap": look.wrap,
                "valign": "vcenter" if look.centre else "top",
                "quote_prefix": quoted,
            }
            if look.centre:
                properties["align"] = "center"
            if look.fill:
                properties |= {"pattern": 1, "bg_color": f"#{look.fill}"}
            if look.border:
                properties |= {"border": 1, "border_color": "#808080"}
            if look.number_format is not None:
                properties["num_format"] = look.number_format
            elif dated:
                properties["num_format"] = DATE_FORMAT
            self._formats[key] = self.book.add_format(properties)
        self._seen[id(look), dated, quoted] = (
            look,
            self._formats[key],
        )  # the look kept: its id stays its own
        return self._formats[key]

    def save(self) -> None:
        """Write the workbook's file."""
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.book.close()
        except FileCreateError as error:  # XlsxWriter's wrapping of the system's error (a full disk)
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else error from None

    def discard(self) -> None:
        """Let go of the sheets' temporary files after a failed or cancelled write."""
        for sheet in self.book.worksheets():
            stream = getattr(sheet, "row_data_fh", None)
            if stream is not None:
                with suppress(OSError):
                    stream.close()
            name = getattr(sheet, "row_data_filename", None)
            if name:
                with suppress(OSError):
                    Path(name).unlink()


Cell = tuple[object, Any]  # a value and its format


@dataclass
class CellMaker:
    """Makes the report's cells: user text made safe, and the format of the look."""

    book: ReportBook
    notes: list[tuple[str, str]] = field(default_factory=list)  # (what was changed, its text's start)

    def cell(self, value: object, look: Look = Look()) -> Cell:
        """A cell holding value (user text made safe) with the look."""
        quoted = False
        if isinstance(value, str):
            value = self._safe_text(value)
            quoted = looks_like_formula(value)  # shown and kept as typed, never evaluated
        dated = isinstance(value, datetime.date)
        return value, self.book.format(look, dated, quoted)

    def _safe_text(self, text: str) -> str:
        if not text.isprintable():  # most text is: that test is far quicker than the search
            text, removed = without_control_characters(text)
            if removed:
                self.notes.append(("control", text[:60]))
        if len(text) > MAX_CELL_TEXT:
            self.notes.append(("long", text[:60]))
            text = text[: MAX_CELL_TEXT - 1] + "…"
        return text


# The tallest row Excel allows, in points.
MAX_ROW_HEIGHT = 409


class Lines:
    """A sheet written a row at a time, counting its rows; its merged ranges and page breaks."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.count = 0
        self._breaks: list[int] = []

    def append(self, cells: Sequence[Cell | None], lines: int = 1) -> None:
        """Append a row, as tall as its longest wrapped text needs (spreadsheets do not always fit it)."""
        row, sheet = self.count, self.sheet
        if lines > 1:
            # Excel allows rows up to 409 points; a longer text shows its first 27 lines.
            sheet.set_row(row, min(15 * lines, MAX_ROW_HEIGHT))
        for column, cell in enumerate(cells):
            if cell is None:
                continue
            value, look = cell
            if value is None:
                sheet.write_blank(row, column, None, look)
            elif isinstance(value, str):
                sheet.write_string(row, column, value, look)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(row, column, value, look)
            else:
                sheet.write_number(row, column, value, look)
        self.count += 1

    def merge(self, row: int, first: int, last: int) -> None:
        """Merge a row's cells from column first to last (counted from 1) when the sheet is written.

        Not XlsxWriter's merge_range: it writes the range's cells, which a sheet written row by row
        can no longer do for the rows above (the header's are merged once all of them are written).
        """
        self.sheet.merge.append([row - 1, first - 1, row - 1, last - 1])

    def page_break(self) -> None:
        """Begin a new page after the rows written so far."""
        self._breaks.append(self.count)
        self.sheet.set_h_pagebreaks(self._breaks)
