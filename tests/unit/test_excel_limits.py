"""Workbooks that pass every check on their size yet would take a minute to read: the reading is
bounded by what the sheet holds, and a modest sheet that compresses well is not taken for a bomb."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.plan_reader import GAP_ENDS_READING, read_plan_table
from dxplanner.excel.safety import MAX_MEMBER_RATIO
from dxplanner.excel.workbook import MAX_CELLS, open_workbook
from tests.unit import excel_costly_inputs as costly


def _rows(path: Path) -> list[tuple[object, ...]]:
    with open_workbook(path) as workbook:
        return list(workbook.rows(workbook.sheet_names[0]))


def test_formatted_empty_rows_end_the_reading_at_the_last_value(tmp_path: Path) -> None:
    path = costly.build_formatted_empty_rows(tmp_path)
    assert len(_rows(path)) == costly.TABLE_ROWS  # not the 1,048,576 rows the sheet formats
    table = read_plan_table(path)
    assert [task.name for task in table.tasks][-1] == "Nâng cấp cổng dịch vụ công"
    assert table.errors == [] and len(table.tasks) == 5


def test_a_value_far_below_the_table_stops_the_reading_after_a_long_gap(tmp_path: Path) -> None:
    path = costly.build_formatted_empty_rows(tmp_path, stray=True)  # and a note in the last row
    table = read_plan_table(path)
    assert len(table.tasks) == 5 and table.errors == []
    gap_end, last = costly.TABLE_ROWS + GAP_ENDS_READING + 1, costly.EXCEL_ROWS
    assert [(problem.row, problem.message) for problem in table.warnings] == [
        (last, f"Rows {gap_end} to {last}, after a long gap, were not read as tasks.")
    ]


def test_empty_cells_across_every_column_are_not_read(tmp_path: Path) -> None:
    path = costly.build_wide_empty_rows(tmp_path, rows=60)  # a million formatted cells
    rows = _rows(path)
    assert len(rows) == costly.TABLE_ROWS
    assert len(read_plan_table(path).tasks) == 5


def test_a_sheet_with_more_cells_than_a_plan_holds_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = costly.build_wide_values(tmp_path, cells=MAX_CELLS + 1)
    with pytest.raises(InvalidInputError) as refused:
        read_plan_table(path)
    wide_rows = -(-(MAX_CELLS + 1) // costly.EXCEL_COLUMNS)
    cells = f"{wide_rows * costly.EXCEL_COLUMNS + costly.TABLE_CELLS:,}"
    assert refused.value.message == (
        f"The sheet “Kế hoạch” of wide_values.xlsx holds {cells} cells, more than a plan table "
        f"(at most {MAX_CELLS:,}). Delete the rows and columns around the table, save it, "
        "and import it again."
    )


def test_a_sheet_too_large_to_read_is_passed_over_when_another_holds_the_table(tmp_path: Path) -> None:
    path = costly.build_wide_values(tmp_path, cells=MAX_CELLS + 1, table_after=True)
    table = read_plan_table(path)
    assert table.sheet == "Kế hoạch" and len(table.tasks) == 5
    with pytest.raises(InvalidInputError, match=r"holds .* cells, more than a plan table"):
        read_plan_table(path, sheet="Dữ liệu")


def test_a_modest_sheet_that_compresses_well_is_not_taken_for_a_zip_bomb(tmp_path: Path) -> None:
    path = costly.build_long_identical_notes(tmp_path)
    unpacked, packed = costly.sheet_size(path)
    assert unpacked < 10 * 1024 * 1024 and unpacked / packed > MAX_MEMBER_RATIO  # what the issue measured
    table = read_plan_table(path)
    assert table.errors == [] and len(table.tasks) == 200
    assert all(task.notes == costly.NOTE for task in table.tasks)


def test_a_large_part_that_compresses_like_a_bomb_is_still_refused(tmp_path: Path) -> None:
    path = costly.build_long_identical_notes(tmp_path, copies=1_000)  # 48 MB that packs into 230 kB
    unpacked, packed = costly.sheet_size(path)
    assert unpacked > 40 * 1024 * 1024 and unpacked / packed > MAX_MEMBER_RATIO
    with pytest.raises(InvalidInputError, match="would unpack to more data than a plan workbook holds"):
        read_plan_table(path)


def test_a_sheet_that_states_no_size_is_not_parsed_whole_before_its_rows_are_read(tmp_path: Path) -> None:
    # openpyxl's write-only mode (our own data workbooks among them) writes no <dimension>, and
    # openpyxl then parses the whole sheet when it opens the file, only to learn that: the time
    # of a second reading. Here the sheet is damaged below its table: opening looks no further
    # than the sheet's start, and the damage is met, and said, only when the rows are read.
    path = costly.build_damaged_below_the_table_with_no_size(tmp_path)
    with open_workbook(path) as workbook:
        assert workbook.sheet_names == ["Kế hoạch"]
        assert next(workbook.rows("Kế hoạch", limit=2))[:2] == ("STT", "Nhiệm vụ")
        with pytest.raises(InvalidInputError, match="parts of it are damaged or missing"):
            list(workbook.rows("Kế hoạch"))
