"""The report's rows, written a whole row at a time, are the XML XlsxWriter writes for the same cells."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import pytest

from dxplanner.excel.cell_text import fitted, looks_like_formula, without_control_characters
from dxplanner.excel.report_cells import CellMaker, Look, ReportBook
from dxplanner.excel.xlsx_rows import Lines

LOOKS = (Look(), Look(bold=True, wrap=True, border=True, fill="FDE2E1"), Look(number_format="0.0"))
VALUES: tuple[object, ...] = (
    "plain", "Hà Nội – Sở", " leading", "trailing ", "a\tb", "two\nlines", "carriage\rreturn",
    "_x0041_ looks like an escape", "x_x00zz_", "A & B < C > D \"quoted\" 'single'", "=SUM(A1:A2)",
    "+84 912", "-minus", "@at", "#N/A", "", "\u00a0nbsp", "ends in nbsp\u00a0",
    "ends in a line feed\n", "\u2003em space", "ideographic space\u3000", "bell\x07 and vertical\x0b tab",
    "𝔘nicode 😀", "😀" * 20_000,  # (twice as many UTF-16 units as a cell holds: cut, "…" at its end)
    0, 1, -7, 12.5, 1 / 3, 1e20, 1.5e-12, 2**53 + 1, True,
    datetime.date(1900, 1, 1), datetime.date(1900, 2, 28), datetime.date(1900, 3, 1),
    datetime.date(2026, 6, 30), datetime.date(9999, 12, 31), None,
)  # fmt: skip


def _sheet_data(path: Path, number: int) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")
    dimension = re.search("<dimension[^>]*>", xml)
    rows = re.search("<sheetData>.*</sheetData>|<sheetData/>", xml, re.DOTALL)
    assert dimension is not None and rows is not None
    return dimension.group(0) + rows.group(0)


def test_rows_are_the_xml_xlsxwriter_writes_for_the_same_cells(tmp_path: Path) -> None:
    path = tmp_path / "rows.xlsx"
    book = ReportBook(path)
    ours, theirs = book.create_sheet("Ours"), book.create_sheet("XlsxWriter")
    make, out = CellMaker(book), Lines(ours)
    theirs.set_row(1, 30)  # a row's height set before it is written, as the header does
    ours.set_row(1, 30)
    out.append([])  # an empty row: nothing written
    for number, value in enumerate(VALUES):
        look = LOOKS[number % len(LOOKS)]
        cells = [make.cell(value, look), None, make.cell(value, LOOKS[0])]
        out.append(cells, lines=number % 4)
        row = number + 1
        if number % 4 > 1:
            theirs.set_row(row, min(15 * (number % 4), 409))
        for column in (0, 2):
            shown = look if column == 0 else LOOKS[0]
            quoted = isinstance(value, str) and looks_like_formula(value)
            style = book.format(shown, isinstance(value, datetime.date), quoted)
            if value is None:
                theirs.write_blank(row, column, None, style)
            elif isinstance(value, str):  # the report takes out what a workbook cannot hold, and cuts
                theirs.write_string(row, column, fitted(without_control_characters(value)[0]), style)
            elif isinstance(value, datetime.date):
                theirs.write_datetime(row, column, value, style)
            else:
                theirs.write_number(row, column, value, style)
    out.append([None, None])  # a row of no cells
    book.save()
    assert _sheet_data(path, 1) == _sheet_data(path, 2)


def test_a_number_that_is_not_one_is_refused_as_xlsxwriter_refuses_it(tmp_path: Path) -> None:
    book = ReportBook(tmp_path / "nan.xlsx")
    with pytest.raises(TypeError):
        CellMaker(book).cell(float("nan"))
    book.discard()


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Ghi chú " * 5_000, True),  # 40,000 characters
        ("🚀" * 16_384, True),  # 16,384 characters, 32,768 UTF-16 units: one too many
        ("🚀" * 16_383, False),  # 32,766 units: it fits
    ],
)
def test_a_text_longer_than_a_cell_ends_in_an_ellipsis_and_the_report_says_so(
    tmp_path: Path, text: str, cut: bool
) -> None:
    book = ReportBook(tmp_path / "long.xlsx")
    make = CellMaker(book)
    written = make.cell(text)
    book.discard()
    shown = re.search("<t[^>]*>(.*)</t>", written, re.DOTALL)
    assert shown is not None
    assert len(shown.group(1).encode("utf-16-le")) // 2 <= 32_767
    assert shown.group(1).endswith("…") == cut
    assert shown.group(1) == (fitted(text) if cut else text)
    assert make.notes == ([("long", text[:60])] if cut else [])
