"""The progress report's estate appendices: systems, public services by level, data-sharing links."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dxplanner.core.enums import EstateMeasure
from dxplanner.services import reports
from dxplanner.services.estate_view import estate_map
from dxplanner.store.estate_measures import measured_figures
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import without_estate

D = datetime.date
TODAY = D(2026, 11, 20)  # the report's "today": its figures on that day are the record's
PLAN = 6  # the demo's plan of 2026
ESTATE_SHEETS = ["Hệ thống thông tin", "Dịch vụ công theo mức độ", "Kết nối chia sẻ dữ liệu"]
FIRST_ROW = 9  # under the header block and the table's heading row


def write(path: Path, out: Path, as_of: datetime.date = TODAY, **choice: Any) -> openpyxl.Workbook:
    store = open_plan_file(path)
    try:
        reports.write_report(store, reports.ReportChoice(PLAN, as_of, "vi", **choice), out, TODAY)
    finally:
        store.close()
    return openpyxl.load_workbook(out)


def table(sheet: Any, first: int = FIRST_ROW) -> list[tuple[Any, ...]]:
    """The rows of a table from its first row to the first empty one."""
    rows = []
    for row in sheet.iter_rows(min_row=first, values_only=True):
        if all(value is None for value in row):
            break
        rows.append(row)
    return rows


def figures_on(path: Path, as_of: datetime.date) -> dict[EstateMeasure, float | None]:
    store = open_plan_file(path)
    try:
        with store.read() as session:
            return measured_figures(session, as_of, TODAY)
    finally:
        store.close()


def test_the_report_closes_with_the_systems_as_they_stand_and_the_tasks_that_change_them(
    demo_path: Path, tmp_path: Path
) -> None:
    book = write(demo_path, tmp_path / "r.xlsx", by_unit=True)
    assert book.sheetnames[:4] == ["Tổng hợp", "Nhiệm vụ", "Nhiệm vụ chậm", "Tiến độ theo thời gian"]
    assert book.sheetnames[-3:] == ESTATE_SHEETS  # appendices, after the units' sheets
    with sqlite3.connect(demo_path) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM system ORDER BY id")]
        plan_tasks = dict(connection.execute("SELECT name, plan_id FROM task"))
    rows = table(book["Hệ thống thông tin"])
    assert [row[0] for row in rows] == list(range(1, len(names) + 1))
    assert [row[1] for row in rows] == names
    store = open_plan_file(demo_path)
    try:
        shown = {element.name: element for element in estate_map(store, TODAY, today=lambda: TODAY).elements}
    finally:
        store.close()
    status_words = {"running": "Đang vận hành", "building": "Đang xây dựng", "planned": "Kế hoạch"}
    by_name = {row[1]: row for row in rows}
    for name, element in shown.items():
        if element.table == "system" and element.status.value in status_words:
            assert by_name[name][8] == status_words[element.status.value], name
    changed = [row for row in rows if row[9]]
    assert changed, "the demo's tasks build and change systems"
    codes = set(table(book["Nhiệm vụ"]))  # the Tasks sheet: a task's own number and its name
    own = {row[1]: row[0] for row in codes}
    seen_here = seen_elsewhere = 0
    for row in changed:
        for line in str(row[9]).split("\n"):
            task_name = next(name for name in plan_tasks if line.endswith(name) or f"{name} (" in line)
            if plan_tasks[task_name] == PLAN:
                # Numbered as on the unit sheets, in full ("II.3."), ending with its own number.
                number = line.removesuffix(task_name).removesuffix(". ")
                assert number.split(".")[-1] == str(own[task_name]), line
                seen_here += 1
            else:
                assert line.endswith(")") and "Kế hoạch" in line, line  # named with its plan
                seen_elsewhere += 1
    assert seen_here and seen_elsewhere
    yes_no = {row[7] for row in rows}
    assert yes_no == {"Có", "Không"}


def test_the_services_sheet_counts_by_unit_and_level_as_the_estate_figures_do(
    demo_path: Path, tmp_path: Path
) -> None:
    book = write(demo_path, tmp_path / "r.xlsx")
    sheet = book["Dịch vụ công theo mức độ"]
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    summary = table(sheet, texts.index("I. DỊCH VỤ CÔNG THEO ĐƠN VỊ GIẢI QUYẾT VÀ MỨC ĐỘ") + 3)
    *units, total = summary
    assert total[1] == "Tổng cộng"
    for column in range(2, 8):
        assert total[column] == sum(row[column] for row in units)
    for row in units:
        assert row[2] == row[3] + row[4] + row[5]  # every service at one level
    listed = table(sheet, texts.index("II. DANH MỤC DỊCH VỤ CÔNG") + 3)
    assert len(listed) == total[2]
    assert sum(1 for row in listed if row[3] == "Trực tuyến toàn trình") == total[3]
    assert sum(1 for row in listed if row[6] == "Có") == total[6]
    assert sum(1 for row in listed if row[7] == "Có") == total[7]
    figures = figures_on(demo_path, TODAY)
    assert round(100 * total[3] / total[2], 2) == figures[EstateMeasure.FULL_PROCESS_SERVICE_SHARE]
    assert round(100 * total[6] / total[2], 2) == figures[EstateMeasure.NATIONAL_PORTAL_SERVICE_SHARE]
    assert {row[5] for row in listed} == {row[1] for row in units}  # by handling unit
    # The list's headings repeat on each page; the summary's do not.
    heading_row = texts.index("II. DANH MỤC DỊCH VỤ CÔNG") + 2
    assert sheet.print_title_rows == f"${heading_row}:${heading_row}"


def test_a_report_on_the_plans_end_shows_the_estate_to_be(demo_path: Path, tmp_path: Path) -> None:
    end = D(2026, 12, 31)
    as_is = table(write(demo_path, tmp_path / "now.xlsx")["Dịch vụ công theo mức độ"], 12)
    to_be = table(write(demo_path, tmp_path / "end.xlsx", as_of=end)["Dịch vụ công theo mức độ"], 12)
    now_total, end_total = as_is[-1], to_be[-1]
    assert end_total[3] > now_total[3]  # tasks of 2026 not yet done raise services by its end
    figures = figures_on(demo_path, end)
    assert round(100 * end_total[3] / end_total[2], 2) == figures[EstateMeasure.FULL_PROCESS_SERVICE_SHARE]


def test_the_links_sheet_lists_every_link_with_its_platform(demo_path: Path, tmp_path: Path) -> None:
    book = write(demo_path, tmp_path / "r.xlsx")
    rows = table(book["Kết nối chia sẻ dữ liệu"])
    with sqlite3.connect(demo_path) as connection:
        expected = list(
            connection.execute(
                "SELECT giver.name, taker.name, link.via, link.data FROM data_link AS link"
                " JOIN system AS giver ON giver.id = link.from_system_id"
                " JOIN system AS taker ON taker.id = link.to_system_id ORDER BY link.id"
            )
        )
    via = {"lgsp": "LGSP", "ndxp": "NDXP", "direct": "Kết nối trực tiếp"}
    assert [(row[1], row[2], row[3], row[4]) for row in rows] == [
        (giver, taker, via[through], data or None) for giver, taker, through, data in expected
    ]
    assert {row[5] for row in rows} <= {"Đang vận hành", "Đang xây dựng", "Kế hoạch", "Đã dừng hoạt động"}


def test_a_file_with_no_estate_gets_no_estate_sheets_and_an_empty_table_gets_none(
    demo_path: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("DELETE FROM task_effect WHERE service_id IS NOT NULL")
        connection.execute("DELETE FROM public_service")
    book = write(demo_path, tmp_path / "no-services.xlsx")
    assert book.sheetnames[4:] == ["Hệ thống thông tin", "Kết nối chia sẻ dữ liệu"]
    book = write(without_estate(demo_path), tmp_path / "none.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Nhiệm vụ", "Nhiệm vụ chậm", "Tiến độ theo thời gian"]


@pytest.mark.parametrize("title", ESTATE_SHEETS)
def test_each_estate_sheet_is_printed_like_the_others_its_tables_spanning_the_page(
    demo_path: Path, tmp_path: Path, title: str
) -> None:
    book = write(demo_path, tmp_path / "r.xlsx")
    sheet, tasks = book[title], book["Nhiệm vụ"]
    setup, fitting = sheet.page_setup, sheet.sheet_properties.pageSetUpPr
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # A4
    # One page wide: 1 is the file format's default, which XlsxWriter leaves unsaid.
    assert (setup.fitToWidth or 1) == 1 and fitting is not None and fitting.fitToPage
    assert sheet.oddFooter is not None and tasks.oddFooter is not None
    footer, tasks_footer = sheet.oddFooter.center, tasks.oddFooter.center
    assert footer is not None and tasks_footer is not None and footer.text == tasks_footer.text
    # Decree 30's heading, as on the task sheet: the superior, then the agency in bold.
    assert (sheet["A1"].value, sheet["A2"].value) == (tasks["A1"].value, tasks["A2"].value)
    assert sheet["A2"].value and sheet["A2"].font.bold
    assert sheet.print_title_rows  # the table's headings repeat on every page
    # The title and the national motto end at the table's last column: nothing prints beside it.
    last = sheet.max_column
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    letter = openpyxl.utils.get_column_letter(last)
    assert f"A5:{letter}5" in merged and any(cells.endswith(f":{letter}1") for cells in merged)
    widths, task_widths = _widths(sheet, last), _widths(tasks, 11)
    # As wide as the task table, within a tenth: printed one page wide, at about its scale.
    assert abs(sum(widths) - sum(task_widths)) <= sum(task_widths) / 10
    headings = [cell.value for cell in sheet[FIRST_ROW - 1]] if title != ESTATE_SHEETS[1] else None
    if headings is not None:
        assert headings[0] == "STT" and all(headings) and sheet.cell(FIRST_ROW - 1, 2).font.bold


def _widths(sheet: Any, last: int) -> list[float]:
    """The widths of columns 1..last; one <col> element may give several adjacent columns theirs."""
    given = {
        number: dimension.width
        for dimension in sheet.column_dimensions.values()
        for number in range(dimension.min or 0, (dimension.max or 0) + 1)
    }
    return [given.get(number, 0.0) for number in range(1, last + 1)]
