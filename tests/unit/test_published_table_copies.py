"""The published tables under tests/data are exactly what their copied cells and written readings build."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tools.make_published_tables import FOLDER, TABLES
from tools.published_tables import ctr104_lao_cai as ctr104
from tools.published_tables import nq88
from tools.published_tables import qd836_bxd as qd836
from tools.published_tables.copied import Group, Skip, Task, cells_missing_from_crawl, pair, read_copy
from tools.published_tables.model import NO_DATES, Table
from tools.published_tables.nq03_group_5 import COPY, readings
from tools.published_tables.workbook import write


def _cells(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("make", TABLES, ids=[make.__name__ for make in TABLES])
def test_each_kept_table_is_what_its_copy_and_reading_build(
    make: Callable[[], Table], tmp_path: Path
) -> None:
    # A sidecar edited by hand, or a copy changed without rebuilding, would measure the importer
    # against a reading nobody wrote down beside its source.
    book, sidecar = write(make(), tmp_path)
    kept = FOLDER / book.name
    assert json.loads(sidecar.read_text("utf-8")) == json.loads((FOLDER / sidecar.name).read_text("utf-8"))
    assert _cells(book) == _cells(kept)


def test_a_reading_out_of_step_with_the_copied_rows_is_refused() -> None:
    copy = read_copy(COPY)
    shifted = [spec for spec in readings() if not isinstance(spec, Skip)]  # the continuations forgotten
    shifted += [Task(None, [], NO_DATES), Task(None, [], NO_DATES)]  # and the count made up
    with pytest.raises(ValueError, match="read as a task but has no number"):
        pair(copy, shifted)


def test_every_cell_rebuilt_from_a_text_crawl_is_a_run_of_the_crawls_words() -> None:
    # A table rebuilt from a crawl that flattened it must add, drop or reorder no word of a cell;
    # only the line breaks and the padding of justified lines go.
    assert cells_missing_from_crawl(ctr104.COPY_TASKS, ctr104.CRAWL_TASKS) == []
    assert (
        cells_missing_from_crawl(ctr104.COPY_INDICATORS, ctr104.CRAWL_INDICATORS, ctr104.PAGE_BREAK_SPLIT)
        == []
    )


def test_a_rebuilt_cell_that_is_not_one_run_of_the_crawl_is_reported() -> None:
    # Indicator 8 runs over a page break; undeclared, its name is not one run and must be caught.
    missing = cells_missing_from_crawl(ctr104.COPY_INDICATORS, ctr104.CRAWL_INDICATORS)
    assert len(missing) == 1 and missing[0].startswith(ctr104.PAGE_BREAK_SPLIT[0])


def test_a_numbered_task_row_read_as_a_group_is_refused() -> None:
    # Groups of a crawl without type styles are told by their Roman numerals; "1" is no group.
    copy = read_copy(ctr104.COPY_TASKS)
    wrong = [Group(), Group(), *ctr104.nhiem_vu_readings()[2:]]
    with pytest.raises(ValueError, match="read as a group but is not one"):
        pair(copy, wrong)


def test_a_task_the_source_left_unnumbered_is_read_only_where_the_number_is_missing() -> None:
    # NQ 88's list has one task with no number after task 5; reading it as numbered, or task 6 as
    # the unnumbered one, would put every reading below it on the wrong row.
    copy = read_copy(nq88.COPY)
    specs = nq88.readings()
    unnumbered = next(index for index, spec in enumerate(specs) if isinstance(spec, Task) and spec.unnumbered)
    assert copy.rows[unnumbered][0] is None
    swapped = [*specs[:unnumbered], specs[unnumbered + 1], specs[unnumbered], *specs[unnumbered + 2 :]]
    with pytest.raises(ValueError, match="is read as a task but has no number"):
        pair(copy, swapped)


def test_a_table_with_two_heading_rows_and_merged_cells_is_laid_out_as_its_extraction_shows(
    tmp_path: Path,
) -> None:
    # The extraction of QĐ 836/QĐ-BXD writes a merged cell once: "Thực hiện" over two sub-headings,
    # a stage's name across its row, a time down over the tasks of one step.
    book, _ = write(qd836.qd836_noi_dung_chi_tiet(), tmp_path)
    sheet = load_workbook(book).active
    assert sheet is not None
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:C4", "D3:E3"} <= merged  # the headings
    assert {"B5:E5", "A7:A10"} <= merged  # stage I's name; "10-11/2019" over four tasks
    assert "A19:A20" not in merged  # a step's row, its other cells blank, runs down over nothing
    assert [cell.value for cell in sheet[4]] == [None, None, None, "Đơn vị chủ trì", "Đơn vị phối hợp"]


def test_in_a_table_without_task_numbers_a_numeral_marks_a_group_and_a_time_a_task() -> None:
    copy = read_copy(qd836.COPY, heading_lines=2)
    specs = qd836.readings()
    with pytest.raises(ValueError, match="read as a group but is not one"):
        pair(copy, [specs[0], specs[1], Group("1"), *specs[3:]], numbered=False)  # "10-11/2019"
    with pytest.raises(ValueError, match="read as a task but is a group's"):
        pair(copy, [specs[0], specs[2], *specs[2:]], numbered=False)  # the step "1"
