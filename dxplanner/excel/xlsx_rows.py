"""Workbooks written by XlsxWriter a row's XML at a time: the book, and the rows of its sheets."""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

# A cell as the sheet's XML has it, after its reference: ' s="4" t="inlineStr"><is><t>Hà Nội</t></is></c>'.
Cell = str
# The tallest row Excel allows, in points.
MAX_ROW_HEIGHT = 409


class XlsxBook:
    """An XlsxWriter workbook written row by row (constant-memory mode); a failed write leaves none of
    XlsxWriter's temporary files behind."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        # XlsxWriter keeps each sheet's rows, then each part of the file, in temporary files until
        # the zip is written: in a folder of their own, removed whole however the writing ends (a
        # full disk midway through the zip left a plan's sheets behind in the system's folder).
        self._parts = tempfile.mkdtemp(prefix="dxplanner-xlsx-")
        # Text is always written as text: never taken for a formula, a number or a link.
        options = {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "tmpdir": self._parts,
        }
        self.book = xlsxwriter.Workbook(str(path), options)

    @property
    def sheetnames(self) -> list[str]:
        """The sheets' names so far, in order."""
        return [sheet.get_name() for sheet in self.book.worksheets()]

    def create_sheet(self, name: str) -> Any:
        """A new sheet at the end."""
        return self.book.add_worksheet(name)

    def format_style(self, properties: dict[str, Any]) -> str:
        """A new format's style attribute for a cell's XML (' s="4"')."""
        return f' s="{self.book.add_format(properties)._get_xf_index()}"'

    def save(self) -> None:
        """Write the workbook's file."""
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.book.close()
        except FileCreateError as error:  # XlsxWriter's wrapping of the system's error (a full disk)
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else error from None
        finally:
            shutil.rmtree(self._parts, ignore_errors=True)

    def discard(self) -> None:
        """Let go of the sheets' temporary files after a failed or cancelled write."""
        for sheet in self.book.worksheets():
            stream = getattr(sheet, "row_data_fh", None)
            if stream is not None:
                with suppress(OSError):
                    stream.close()
        shutil.rmtree(self._parts, ignore_errors=True)


class Lines:
    """A sheet written a row at a time, counting its rows; its merged ranges and page breaks."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.count = 0
        self._breaks: list[int] = []

    def append(self, cells: Sequence[Cell | None], lines: int = 1) -> None:
        """Append a row, as tall as its longest wrapped text needs (spreadsheets do not always fit it).

        The row's XML is written at once, where XlsxWriter writes rows in constant-memory mode (the
        sheet is an XlsxBook's): its writing cell by cell was most of the report's (README, Speed).
        """
        row, sheet = self.count, self.sheet
        self.count += 1
        if lines > 1:
            # Excel allows rows up to 409 points; a longer text shows its first 27 lines.
            sheet.set_row(row, min(15 * lines, MAX_ROW_HEIGHT))
        written = [(column, cell) for column, cell in enumerate(cells) if cell is not None]
        info = sheet.row_info.get(row)
        if written and (
            sheet._check_dimensions(row, written[0][0]) or sheet._check_dimensions(row, written[-1][0])
        ):
            return  # beyond a sheet's last row or column: XlsxWriter leaves such a cell out too
        # The rows up to this one are written: XlsxWriter writes none of them again.
        sheet.previous_row = row + 1
        if not written and info is None:
            return
        number = row + 1
        start = f'<row r="{number}"'
        height = sheet.default_row_height if info is None else info.height
        if height != sheet.original_row_height or height != sheet.default_row_height:
            start += f' ht="{height * 0.75:.16g}" customHeight="1"'
        if not written:
            sheet.fh.write(f"{start}/>")
            return
        letters = _letters(len(cells))
        row_cells = "".join([f'<c r="{letters[column]}{number}"{cell}' for column, cell in written])
        sheet.fh.write(f"{start}>{row_cells}</row>")

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


@functools.cache
def _letters(columns: int) -> tuple[str, ...]:
    """The letters of a sheet's first columns (A, B, … AA …)."""
    from xlsxwriter.utility import xl_col_to_name

    return tuple(xl_col_to_name(column) for column in range(columns))
