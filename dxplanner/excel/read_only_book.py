"""openpyxl's read-only workbook, without a whole pass over each sheet that states no size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.reader import excel
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet import _read_only
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defusedxml's, as openpyxl's own reading uses

# openpyxl's own classes, extended below where their stubs do not follow them.
_ExcelReader: Any = excel.ExcelReader
_ReadOnlyWorksheet: Any = _read_only.ReadOnlyWorksheet

_DIMENSION = f"{{{SHEET_MAIN_NS}}}dimension"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"


class _SizeFromTheTop(_ReadOnlyWorksheet):  # type: ignore[misc]
    """A read-only sheet that looks for the size it states only where it can stand: before its rows."""

    _min_column: int | None
    _min_row: int | None
    _max_column: int | None
    _max_row: int | None

    def _get_size(self) -> None:
        # openpyxl waits for the end of <dimension> or of <sheetData>: a sheet that states no
        # size (openpyxl's write-only mode writes none, our data workbooks among them) is parsed
        # whole to learn so, before a row is read, which doubles the time to read it.
        with self._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag == _DIMENSION:
                    reference = element.get("ref")
                    if reference:
                        self._min_column, self._min_row, self._max_column, self._max_row = range_boundaries(
                            reference
                        )
                    return
                if element.tag == _SHEET_DATA:
                    return


class _Reader(_ExcelReader):  # type: ignore[misc]
    """openpyxl's reader of a read-only workbook, with sheets that find their size from the top."""

    def read_worksheets(self) -> None:
        for sheet, relation in self.parser.find_sheets():
            if relation.target not in self.valid_files:
                continue
            if "chartsheet" in relation.Type:
                self.read_chartsheet(sheet, relation)
                continue
            worksheet = _SizeFromTheTop(self.wb, sheet.name, relation.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)


def load_read_only(path: Path) -> Any:
    """The workbook at path as openpyxl's load_workbook(read_only=True, data_only=True) gives it."""
    reader = _Reader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False, rich_text=False)
    reader.read()
    return reader.wb
