"""Builders of workbooks that pass every check on their size yet cost much to read, written fast.

Each holds the small plan table of excel_bad_inputs (a header and five tasks) and then what makes it
costly: every row of the sheet formatted, rows as wide as Excel allows, or the same long note many
times over. The sheet's XML is streamed into the zip, so little memory is used.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from tests.unit.excel_bad_inputs import _SHEET, TASKS, _members, _plan_workbook, _write_zip, _zip_info

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
TABLE_ROWS = 1 + len(TASKS)
"""The header and the five tasks: the rows that hold values."""
TABLE_CELLS = 4 * TABLE_ROWS
"""Their cells: number, name, lead unit and timeline."""

NOTE = ("Đúng tiến độ. " * 2_300)[:32_000].rstrip()
"""A note about as long as a cell holds (Excel's limit is 32,767), as repetitive as pasted text can be."""


def _text(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def _table(notes: bool = False) -> Iterator[str]:
    """The plan table as rows of XML, with a column of long notes when asked for."""
    headers = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"] + (["Ghi chú"] if notes else [])
    yield (
        '<row r="1">'
        + "".join(_text(f"{get_column_letter(i)}1", h) for i, h in enumerate(headers, 1))
        + "</row>"
    )
    for row, (number, name, lead, timeline) in enumerate(TASKS, 2):
        cells = f'<c r="A{row}"><v>{number}</v></c>' + _text(f"B{row}", name) + _text(f"C{row}", lead)
        cells += _text(f"D{row}", timeline) + (_text(f"E{row}", NOTE) if notes else "")
        yield f'<row r="{row}">{cells}</row>'


def _write_sheet(path: Path, rows: Iterable[str], table_after: bool = False) -> Path:
    """A workbook whose first sheet holds `rows` (XML of <row> elements), streamed into the zip;
    with `table_after`, a second sheet holds the plan table."""
    book = _plan_workbook(tasks=0)
    if table_after:
        first = book.active
        assert first is not None
        first.title = "Dữ liệu"
        table = book.create_sheet("Kế hoạch")
        table.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"])
        for task in TASKS:
            table.append(list(task))
    members = _members(book)
    head, rest = members.pop(_SHEET).decode().split("<sheetData>", 1)
    tail = rest.split("</sheetData>", 1)[1]  # the header openpyxl wrote goes: ours comes in its place
    path = _write_zip(path, members)
    with (
        zipfile.ZipFile(path, "a") as archive,
        archive.open(_zip_info(_SHEET), "w", force_zip64=True) as sheet,
    ):
        sheet.write((head + "<sheetData>").encode())
        block: list[str] = []
        for row in rows:
            block.append(row)
            if len(block) == 10_000:
                sheet.write("".join(block).encode())
                block.clear()
        sheet.write("".join(block).encode())
        sheet.write(("</sheetData>" + tail).encode())
    return path


def build_formatted_empty_rows(folder: Path, stray: bool = False) -> Path:
    """The plan table, then every other row of the sheet formatted and empty (a format applied to
    whole rows): 1,048,576 rows in all, 6 of them with values (7 with `stray`: one in the last row)."""
    last = EXCEL_ROWS - 1 if stray else EXCEL_ROWS
    formatted = (f'<row r="{row}" s="1" customFormat="1"/>' for row in range(TABLE_ROWS + 1, last + 1))
    bottom = [f'<row r="{EXCEL_ROWS}">' + _text(f"B{EXCEL_ROWS}", "Ghi chú lạc") + "</row>"] if stray else []
    return _write_sheet(folder / "formatted_rows.xlsx", (*_table(), *formatted, *bottom))


def build_wide_empty_rows(folder: Path, rows: int = 60) -> Path:
    """The plan table, then `rows` rows formatted in all 16,384 columns, with no value in any."""
    letters = [get_column_letter(column) for column in range(1, EXCEL_COLUMNS + 1)]

    def wide(row: int) -> str:
        return f'<row r="{row}">' + "".join(f'<c r="{letter}{row}" s="1"/>' for letter in letters) + "</row>"

    last = TABLE_ROWS + rows
    return _write_sheet(
        folder / "wide_rows.xlsx", (*_table(), *(wide(row) for row in range(TABLE_ROWS + 1, last + 1)))
    )


def build_wide_values(folder: Path, cells: int, table_after: bool = False) -> Path:
    """The plan table, then rows of 16,384 numbers each, at least `cells` cells in all; with
    `table_after`, only the numbers, and the plan table on a second sheet."""
    values = "".join(f"<c><v>{column}</v></c>" for column in range(EXCEL_COLUMNS))  # r is optional
    count = -(-cells // EXCEL_COLUMNS)
    rows = (f'<row r="{row}">{values}</row>' for row in range(TABLE_ROWS + 1, TABLE_ROWS + count + 1))
    top = () if table_after else tuple(_table())
    return _write_sheet(folder / "wide_values.xlsx", (*top, *rows), table_after)


def build_long_identical_notes(folder: Path, copies: int = 200) -> Path:
    """The plan table with a notes column, then `copies` - 5 more tasks: each with the same note of
    32,000 characters (a sheet of about 9 MB that compresses over 200 times)."""
    extra = (
        f'<row r="{row}"><c r="A{row}"><v>{row - 1}</v></c>'
        + _text(f"B{row}", f"Nhiệm vụ số {row - 1}")
        + _text(f"C{row}", "Sở Nội vụ")
        + _text(f"D{row}", "2026")
        + _text(f"E{row}", NOTE)
        + "</row>"
        for row in range(TABLE_ROWS + 1, copies + 2)
    )
    return _write_sheet(folder / "long_notes.xlsx", (*_table(notes=True), *extra))


def sheet_size(path: Path) -> tuple[int, int]:
    """The sheet's XML size unpacked and packed, in bytes."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(_SHEET)
    return info.file_size, info.compress_size


def build_damaged_below_the_table_with_no_size(folder: Path) -> Path:
    """The plan table on a sheet that states no size (no <dimension>, as openpyxl's write-only mode
    writes it), with a cell cut short far below the table."""
    members = _members(_plan_workbook(tasks=0))
    head, rest = members[_SHEET].decode().split("<sheetData>", 1)
    tail = rest.split("</sheetData>", 1)[1]
    head = re.sub(r"<dimension[^>]*/>", "", head)
    broken = '<row r="5000"><c r="A5000"><v>1</v></row>'  # its </c> is missing
    members[_SHEET] = (head + "<sheetData>" + "".join(_table()) + broken + "</sheetData>" + tail).encode()
    return _write_zip(folder / "damaged_no_size.xlsx", members)
