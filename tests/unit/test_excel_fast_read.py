"""A plan table's sheet is read by calamine as openpyxl reads it: where calamine would read a value
otherwise, hold too large a block in memory, or fail, openpyxl reads the sheet instead."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from dxplanner.excel.calamine_rows import MAX_BLOCK_CELLS, CalamineBook, can_read
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.excel.sheet_scan import scan_sheet
from dxplanner.excel.workbook import open_workbook
from tests.unit import excel_costly_inputs as costly
from tests.unit.excel_bad_inputs import TASKS

_HEADINGS = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Kinh phí (triệu đồng)"]


def _rows(path: Path) -> list[tuple[object, ...]]:
    with open_workbook(path) as workbook:
        return list(workbook.rows(workbook.sheet_names[0]))


def _plan(path: Path, *tasks: list[object]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    sheet.append(_HEADINGS)
    for task in tasks:
        sheet.append(task)
    book.save(path)
    return path


def test_an_error_cell_in_the_money_column_is_said_not_to_be_an_amount(tmp_path: Path) -> None:
    # "#REF!": the cached result of a sum whose cells were deleted. calamine reads it as empty.
    path = _plan(
        tmp_path / "error.xlsx",
        [1, "Xây dựng kho dữ liệu dùng chung", "Sở Nội vụ", "2025", 100],
        [2, "Số hóa hồ sơ thủ tục hành chính", "Sở Tài chính", "2026", "#REF!"],
    )
    with zipfile.ZipFile(path) as archive:
        assert b't="e"' in archive.read("xl/worksheets/sheet1.xml")  # written as Excel's error
    table = read_plan_table(path)
    assert [sum(amount.amount for amount in task.budget) for task in table.tasks] == [100_000_000, 0]
    assert [(problem.row, problem.column, problem.message) for problem in table.warnings] == [
        (3, "E", "“#REF!” is not an amount; no budget is read from it, and it is kept as a note.")
    ]


def test_values_are_read_as_openpyxl_gives_them(tmp_path: Path) -> None:
    path = _plan(
        tmp_path / "values.xlsx",
        [1, "Nâng cấp cổng dịch vụ công", "Sở Nội vụ", datetime.date(2025, 6, 30), 2990],
        [2.5, "Đào tạo kỹ năng số", None, datetime.datetime(2025, 7, 1, 8, 30), True],
    )
    rows = _rows(path)
    assert rows[1][:5] == (1, "Nâng cấp cổng dịch vụ công", "Sở Nội vụ", datetime.datetime(2025, 6, 30), 2990)
    assert [type(value) for value in rows[1][:5]] == [int, str, str, datetime.datetime, int]
    assert rows[2][:5] == (2.5, "Đào tạo kỹ năng số", None, datetime.datetime(2025, 7, 1, 8, 30), True)


def test_a_whole_number_past_a_floats_precision_is_read_exactly(tmp_path: Path) -> None:
    amount = 2**53 + 1  # a float would make it 2**53
    row = f'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>{amount}</v></c></row>'
    path = costly._write_sheet(tmp_path / "large.xlsx", ['<row r="1"><c r="A1"><v>0</v></c></row>', row])
    assert _rows(path)[1][:2] == (1, amount)


def test_a_sheet_whose_values_span_a_huge_block_is_not_given_to_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The table, and one stray value far right and far down: calamine would hold every cell between.
    stray = '<row r="90000"><c r="ZZ90000" t="inlineStr"><is><t>lạc</t></is></c></row>'
    path = costly._write_sheet(tmp_path / "stray.xlsx", [*costly._table(), stray])
    with zipfile.ZipFile(path) as archive:
        scan = scan_sheet(archive, "xl/worksheets/sheet1.xml")
    assert scan.columns == 702 and scan.last_row == 90_000 and MAX_BLOCK_CELLS < 702 * 90_000
    assert not can_read(scan)
    asked: list[str] = []
    monkeypatch.setattr(CalamineBook, "rows", lambda self, sheet, width: asked.append(sheet))
    table = read_plan_table(path)
    assert asked == [] and [task.name for task in table.tasks] == [task[1] for task in TASKS]


def test_a_table_of_a_hundred_thousand_tasks_is_read_by_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last row of a 100,000-task appendix (500 groups, a two-row header under title rows), in
    # one of the first 26 columns: openpyxl would read it five times slower.
    last = '<row r="100508"><c r="J100508" t="inlineStr"><is><t>ghi chú</t></is></c></row>'
    path = costly._write_sheet(tmp_path / "tall.xlsx", [*costly._table(), last])
    with zipfile.ZipFile(path) as archive:
        scan = scan_sheet(archive, "xl/worksheets/sheet1.xml")
    assert scan.columns == 26 and scan.last_row == 100_508
    assert can_read(scan)
    asked: list[str] = []
    monkeypatch.setattr(CalamineBook, "rows", lambda self, sheet, width: asked.append(sheet))
    read_plan_table(path)
    assert asked != []


class PanicException(BaseException):
    """What a panic in calamine's Rust raises (pyo3's, not an Exception)."""


@pytest.mark.parametrize("failure", [ValueError("bad XML"), PanicException("index out of bounds")])
def test_a_sheet_calamine_cannot_read_is_read_by_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = _plan(tmp_path / "plan.xlsx", [1, "Số hóa hồ sơ thủ tục hành chính", "Sở Tài chính", "2026", 50])

    def refuse(_path: str) -> object:
        raise failure

    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_path", refuse)
    table = read_plan_table(path)
    assert [(task.name, task.lead_unit) for task in table.tasks] == [
        ("Số hóa hồ sơ thủ tục hành chính", "Sở Tài chính")
    ]


def test_the_sheets_are_those_openpyxl_lists_without_loading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Ghi chú"
    notes.append(["Bảng kế hoạch ở trang sau"])
    hidden = book.create_sheet("Danh mục")
    hidden.sheet_state = "hidden"
    hidden.append(["Sở Tài chính"])
    plan = book.create_sheet("Kế hoạch")
    plan.append(_HEADINGS)
    plan.append([1, "Số hóa hồ sơ thủ tục hành chính", "Sở Tài chính", "2026", 50])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    from openpyxl import load_workbook

    listed = [sheet.title for sheet in load_workbook(path, read_only=True).worksheets]
    assert listed == ["Ghi chú", "Danh mục", "Kế hoạch"]

    def unneeded(_path: Path) -> object:
        raise AssertionError("openpyxl loaded for a workbook calamine reads whole")

    monkeypatch.setattr("dxplanner.excel.read_only_book.load_read_only", unneeded)
    with open_workbook(path) as workbook:
        assert workbook.sheet_names == listed
    table = read_plan_table(path)
    assert (table.sheet, table.sheets) == ("Kế hoạch", listed)
    assert [task.name for task in table.tasks] == ["Số hóa hồ sơ thủ tục hành chính"]
