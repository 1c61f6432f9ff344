"""Opening a workbook safely and reading its sheets' rows, whatever sizes the sheets declare."""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, cast

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.plan_table import column_letter
from dxplanner.excel.calamine_rows import MAX_BLOCK_CELLS, CalamineBook, can_read
from dxplanner.excel.cell_styles import bold_rows, bold_styles
from dxplanner.excel.safety import check_workbook_file
from dxplanner.excel.sheet_scan import SheetScan, scan_sheet, sheet_parts
from dxplanner.i18n import _
from dxplanner.numbers import whole_text

# A plan table uses a dozen columns; a cell far to the right is not part of it.
MAX_COLUMNS = 64
MAX_ROWS = 200_000
# openpyxl parses every cell element, formatted empty ones too, at about 5 µs each: three million
# is more than the task sheet of a 100,000-task data workbook (2.1 million), and 15 s to read.
MAX_CELLS = 3_000_000
_BLOCK = 256

Row = tuple[Any, ...]


class SheetTooLargeError(InvalidInputError):
    """A sheet holds more cells than a plan table (another sheet may still hold the table)."""


class Workbook:
    """A workbook open for reading, one sheet at a time, row by row."""

    def __init__(
        self,
        load: Callable[[], Any],
        name: str,
        path: Path | None = None,
        *,
        fast: bool = False,
        limits: tuple[int, int] = (MAX_ROWS, MAX_CELLS),
        block_cells: int = MAX_BLOCK_CELLS,
    ) -> None:
        # openpyxl's workbook, loaded only when calamine cannot read a sheet alike or the sheets
        # cannot be told without it: importing and loading openpyxl was a tenth of an import.
        self._load = load
        self._loaded: Any = None
        self.name = name
        self._path = path
        # calamine reads the sheets openpyxl would read alike; openpyxl the others.
        self._fast = CalamineBook(path) if fast and path is not None else None
        # The rows and cells a sheet may hold: a plan table's, or a data workbook's (a whole file).
        self._max_rows, self._max_cells = limits
        self._block_cells = block_cells  # the most cells calamine is asked to hold at once
        self._fast_rows: dict[str, list[Row] | None] = {}
        self._parts: dict[str, str] | None = None
        self._scans: dict[str, SheetScan | None] = {}
        self._bold_styles: frozenset[int] | None = None
        self._bold: dict[tuple[str, int], frozenset[int]] = {}

    @property
    def _book(self) -> Any:
        if self._loaded is None:
            with reading(self.name):
                self._loaded = self._load()
        return self._loaded

    @property
    def sheet_names(self) -> list[str]:
        """The sheets that hold cells, in the workbook's order (a chart sheet holds no table)."""
        if self._fast is not None and (parts := self._sheet_parts()):
            return list(parts)  # the worksheets workbook.xml lists, as openpyxl takes them
        return [sheet.title for sheet in self._book.worksheets]

    def rows(self, sheet: str, limit: int | None = None) -> Iterator[Row]:
        """The sheet's rows from the first, each as values (None for an empty cell), at most `limit`.

        Read in full, a sheet is read up to its last value only, and refused when the cells up to
        there are more than a plan table has: rows formatted down to the bottom of the sheet, or
        across all its columns, would otherwise take a minute to read and hold nothing.
        """
        filled = 0
        number = 0
        with reading(self.name):
            scan = self._scan(sheet)  # also for a few rows: forty rows of 16,384 cells take seconds
            last = None
            if scan is not None:
                self._refuse_too_many_cells(sheet, scan)
                if scan.last_row == 0:
                    return
                last = scan.last_row
            source = self._source(sheet, scan, last)
            while limit is None or number < limit:
                # openpyxl's rows are taken a block at a time: going back and forth between its
                # parser and the caller row by row costs a tenth of the whole import.
                block = list(islice(source, _BLOCK if limit is None else min(_BLOCK, limit - number)))
                if not block:
                    return
                for row in block:
                    number += 1
                    # Only rows with something in them count: a stray cell far down is no reason to refuse.
                    if row.count(None) != len(row):
                        filled += 1
                        if filled > self._max_rows:
                            raise InvalidInputError(
                                _(
                                    "The sheet “{sheet}” has more than {rows} rows; a plan table is smaller."
                                ).format(sheet=sheet, rows=whole_text(self._max_rows))
                            )
                    yield row

    def _source(self, sheet: str, scan: SheetScan | None, last: int | None) -> Iterator[Row]:
        """The sheet's rows as values, read by calamine where it reads them as openpyxl would."""
        if self._fast is not None and scan is not None and can_read(scan, self._block_cells):
            if sheet not in self._fast_rows:
                # Read whole once: the header is looked for in the first rows, then all are read.
                self._fast_rows[sheet] = self._fast.rows(sheet, MAX_COLUMNS)
            fast = self._fast_rows[sheet]
            if fast is not None:
                return iter(fast)
        worksheet = self._book[sheet]
        # The size a sheet declares may lie (too large, or too small): read what is there.
        worksheet.reset_dimensions()
        return cast(Iterator[Row], worksheet.iter_rows(max_col=MAX_COLUMNS, max_row=last, values_only=True))

    def estimated_rows(self, sheet: str) -> int:
        """How many rows will be read (for a progress bar only: a sheet's own word may not be true)."""
        last = self.last_filled_row(sheet)
        if last is None:  # what the sheet declares, only ever used for a progress bar
            last = next(
                (sheet_of.max_row or 0 for sheet_of in self._book.worksheets if sheet_of.title == sheet), 0
            )
        return min(last, self._max_rows)

    def last_filled_row(self, sheet: str) -> int | None:
        """The number of the sheet's last row with a value in it (None when it cannot be told)."""
        with reading(self.name):
            scan = self._scan(sheet)
        return scan.last_row if scan is not None else None

    def merged_ranges(self, sheet: str) -> tuple[tuple[int, int, int, int], ...]:
        """The sheet's merged ranges: first row, first column, last row, last column (1-based)."""
        with reading(self.name):
            scan = self._scan(sheet)
        return scan.merged if scan is not None else ()

    def is_bold(self, sheet: str, column: int, row: int) -> bool:
        """Whether a cell (0-based column, 1-based row) is written in bold; False when it cannot be told.

        The sheet is read again for it, once per column asked about: only rows that may be a
        heading ask.
        """
        key = (sheet, column)
        if key not in self._bold:
            self._bold[key] = frozenset()
            # Boldness is only a hint: a sheet read so far is read on without it.
            with contextlib.suppress(Exception):
                self._bold[key] = self._bold_rows(sheet, column)
        return row in self._bold[key]

    def _bold_rows(self, sheet: str, column: int) -> frozenset[int]:
        self._scan(sheet)
        part = (self._parts or {}).get(sheet)
        if self._path is None or part is None:
            return frozenset()
        with zipfile.ZipFile(self._path) as archive:
            if self._bold_styles is None:
                self._bold_styles = bold_styles(archive)
            return bold_rows(archive, part, column_letter(column), self._bold_styles)

    def _sheet_parts(self) -> dict[str, str]:
        """Each worksheet's title and its part in the zip (empty when they cannot be told)."""
        if self._parts is None:
            self._parts = {}
            if self._path is not None:
                with reading(self.name), zipfile.ZipFile(self._path) as archive:
                    self._parts = sheet_parts(archive)
        return self._parts

    def _scan(self, sheet: str) -> SheetScan | None:
        if sheet not in self._scans:
            self._scans[sheet] = None
            part = self._sheet_parts().get(sheet)
            if self._path is not None and part is not None:
                with zipfile.ZipFile(self._path) as archive:
                    if part in archive.namelist():
                        self._scans[sheet] = scan_sheet(archive, part)
        return self._scans[sheet]

    def _refuse_too_many_cells(self, sheet: str, scan: SheetScan) -> None:
        if scan.cells > self._max_cells:
            raise SheetTooLargeError(
                _(
                    "The sheet “{sheet}” of {name} holds {cells} cells, more than a plan table (at most "
                    "{limit}). Delete the rows and columns around the table, save it, and import it again."
                ).format(
                    sheet=sheet,
                    name=self.name,
                    cells=whole_text(scan.cells),
                    limit=whole_text(self._max_cells),
                )
            )

    def close(self) -> None:
        """Let go of the file."""
        self._fast_rows.clear()
        if self._fast is not None:
            self._fast.close()
        if self._loaded is not None:
            self._loaded.close()


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Turn whatever goes wrong inside openpyxl or the XML parser into one message about the file."""
    try:
        yield
    except InvalidInputError:
        raise
    except MemoryError:
        raise InvalidInputError(_("{name} is too large to read.").format(name=name)) from None
    except Exception as error:
        from defusedxml.common import DefusedXmlException

        if any(isinstance(cause, DefusedXmlException) for cause in _causes(error)):
            raise InvalidInputError(
                _(
                    "{name} contains XML declarations that workbooks never need and attacks use; "
                    "it was not read."
                ).format(name=name)
            ) from None
        if isinstance(error, zipfile.BadZipFile | EOFError | zipfile.LargeZipFile):
            raise InvalidInputError(
                _("{name} is damaged or incomplete (perhaps cut short while copying).").format(name=name)
            ) from None
        # openpyxl's own words are for developers; the user needs to know the file is at fault.
        raise InvalidInputError(
            _("{name} cannot be read as an Excel workbook: parts of it are damaged or missing.").format(
                name=name
            )
        ) from None


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and those it was raised from or while handling."""
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


@contextmanager
def open_workbook(
    path: Path,
    *,
    limits: tuple[int, int] = (MAX_ROWS, MAX_CELLS),
    block_cells: int = MAX_BLOCK_CELLS,
) -> Iterator[Workbook]:
    """A workbook checked for what it is and for its unpacked size before openpyxl reads it.

    Its text reads as the file holds it, with Excel's escapes ("_x000D_") left for the caller to
    read (values.text_of, the data reader), read by calamine or by openpyxl alike. A sheet may
    hold at most limits' rows and cells: a plan table's, unless the caller reads a whole file;
    calamine reads a sheet in one block of at most block_cells, openpyxl a larger one.
    """
    check_workbook_file(path)

    def load() -> Any:
        from dxplanner.excel.read_only_book import load_read_only

        return load_read_only(path)

    workbook = Workbook(load, path.name, path, fast=True, limits=limits, block_cells=block_cells)
    try:
        yield workbook
    finally:
        workbook.close()
