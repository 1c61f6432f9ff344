"""Plan tables as a review found them in the wild: split headers, totals, money in words, units in lists."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from dxplanner.core.plan_table import PlanTable, TableTask
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.excel.values import amount_of, unit_texts
from dxplanner.store.operations.import_table import NewPlan, import_table, match_units
from dxplanner.store.plan_store import PlanStore

Cell = str | int | float | datetime.datetime | None
MILLION, BILLION = 10**6, 10**9


def _read(
    path: Path, rows: Sequence[Sequence[Cell]], *, merges: Sequence[str] = (), sheets: int = 1
) -> PlanTable:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return read_plan_table(path)


def _money(task: TableTask) -> int:
    return sum(amount.amount for amount in task.budget)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Bắt đầu", "Kết thúc"), ("Bắt đầu", "Hoàn thành"), ("Từ", "Đến"), ("Khởi công", "Hoàn thành")],
)
def test_a_timeline_split_into_start_and_end_under_one_heading(
    first: str, second: str, tmp_path: Path
) -> None:
    table = _read(
        tmp_path / "split.xlsx",
        [
            ["KẾ HOẠCH X"],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", None, "Kinh phí (triệu đồng)"],
            [None, None, None, first, second, None],
            [1, "Nhiệm vụ một", "Sở Nội vụ", "01/2025", "06/2025", "1.500"],
            [2, "Nhiệm vụ hai", "Sở Y tế", "Quý I/2025", "Quý IV/2025", "2,5"],
        ],
        merges=["D2:E2", "A2:A3", "B2:B3", "C2:C3", "F2:F3"],
    )
    assert table.errors == []
    assert [(task.start, task.end, _money(task)) for task in table.tasks] == [
        (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 1_500 * MILLION),
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), 2_500_000),
    ]


def test_start_and_end_columns_and_a_total_beside_part_of_its_breakdown(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "columns.xlsx",
        [
            [
                "STT",
                "Nhiệm vụ",
                "Thời gian bắt đầu",
                "Thời gian kết thúc",
                "Kinh phí (triệu đồng)",
                None,
                None,
            ],
            [None, None, None, None, "Tổng số", "NSNN", "Nguồn khác"],
            [1, "Nhiệm vụ 1", datetime.datetime(2025, 3, 1), datetime.datetime(2025, 9, 30), 300, 200, 100],
        ],
        merges=["E1:G1"],
    )
    task = table.tasks[0]
    assert (task.start, task.end) == (datetime.date(2025, 3, 1), datetime.date(2025, 9, 30))
    assert _money(task) == 300 * MILLION  # the total kept, not only the part under a known source


def test_totals_however_worded_are_not_tasks_and_subtotals_count_once(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "totals.xlsx",
        [
            ["UBND HUYỆN A"],
            ["KẾ HOẠCH Y"],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian", "Kinh phí (triệu đồng)"],
            ["I", "Nhóm một", None, None, "300"],
            [1, "Nhiệm vụ 1", "Sở Nội vụ", "2025", "100"],
            [2, "Nhiệm vụ 2", "Sở Y tế", "2025", "200"],
            [None, "Cộng (I)", None, None, "300"],
            ["II", "Nhóm hai", None, None, None],
            [3, "Nhiệm vụ 3", "Sở Nội vụ", "2025", "120"],
            [None, "TỔNG KINH PHÍ DỰ KIẾN", None, None, "420"],
            [None, "Tổng nhu cầu kinh phí (I+II)", None, None, "420"],
            [None, "(Bằng chữ: Bốn trăm hai mươi triệu đồng)", None, None, None],
            [None, "1", "2", "3", "4"],
        ],
    )
    assert [task.name for task in table.tasks] == [
        "Nhóm một",
        "Nhiệm vụ 1",
        "Nhiệm vụ 2",
        "Nhóm hai",
        "Nhiệm vụ 3",
    ]
    assert sum(_money(task) for task in table.tasks) == 420 * MILLION
    assert table.errors == []


def test_a_group_amount_that_is_not_its_tasks_sum_is_said(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "group.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kinh phí (triệu đồng)"],
            ["I", "Nhóm", None, 500],
            [1, "Nhiệm vụ 1", "Sở Nội vụ", 100],
        ],
    )
    assert [_money(task) for task in table.tasks] == [0, 100 * MILLION]
    assert [warning.row for warning in table.warnings] == [2]


@pytest.mark.parametrize(
    ("text", "factor", "expected"),
    [
        ("2 tỷ 500 triệu", 1, 2_500 * MILLION),
        ("500tr", 1, 500 * MILLION),
        ("5tỷ", 1, 5 * BILLION),
        ("500.000đ", 1, 500_000),
        ("500 (dự kiến)", MILLION, 500 * MILLION),
        ("khoảng 1.250", MILLION, 1_250 * MILLION),
        ("5 (tỷ đồng)", MILLION, 5 * BILLION),
    ],
)
def test_amounts_written_in_words_and_units(text: str, factor: int, expected: int) -> None:
    assert amount_of(text, factor, True) == expected


def test_the_unit_stated_above_the_table_and_money_in_words_and_out_of_range(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "unit.xlsx",
        [
            ["UBND TỈNH X"],
            [None, None, None, "Đơn vị tính: triệu đồng"],
            ["STT", "Nhiệm vụ", "Thời gian thực hiện", "Kinh phí"],
            [1, "Nhiệm vụ 1", "2025", "1.500"],
            [2, "Nhiệm vụ 2", "2025", "Lồng ghép"],
            [3, "Nhiệm vụ 3", "2025", "99.999.999.999.999"],
            [4, "Nhiệm vụ 4", datetime.datetime(9999, 12, 31), 5],
        ],
    )
    assert [_money(task) for task in table.tasks] == [1_500 * MILLION, 0, 0, 5 * MILLION]
    assert [(problem.row, problem.column) for problem in table.warnings] == [(5, "D")]
    assert [problem.row for problem in table.errors] == [6, 7]
    assert "more money than any plan holds" in table.errors[0].message
    assert "outside the years" in table.errors[1].message
    assert table.tasks[3].end is None


def test_an_english_table_reads_commas_as_thousands(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "english.xlsx",
        [
            ["No.", "Activities", "Responsible agency", "Time frame", "Cost (million VND)"],
            [1, "Build data platform", "Department of Finance", "Q2/2025", "1,250"],
            [2, "Train staff", "Department of Home Affairs", "2025", "12,500.75"],
        ],
    )
    assert [_money(task) for task in table.tasks] == [1_250 * MILLION, 12_500_750_000]
    assert table.warnings == []


def test_the_task_sheet_is_chosen_over_a_budget_summary_by_source(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = openpyxl.Workbook()
    tasks = book.active
    assert tasks is not None
    tasks.title = "Phụ lục I"
    for row in (
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        [1, "Nhiệm vụ 1", "Sở Nội vụ", "2025"],
    ):
        tasks.append(row)
    money = book.create_sheet("Phụ lục II - Kinh phí")
    for row in (
        ["STT", "Nội dung", "Tổng", "NSTW", "NSĐP", "Vốn khác", "Nguồn vốn"],
        ["I", "Chính quyền số", 500, 200, 300, None, None],
    ):
        money.append(row)
    book.save(path)
    assert read_plan_table(path).sheet == "Phụ lục I"


def test_a_plan_title_on_the_first_line_is_no_agency(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "title.xlsx",
        [
            ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025"],
            ["STT", "Nhiệm vụ", "Thời gian thực hiện"],
            [1, "Nhiệm vụ", "30/06/2025"],
        ],
    )
    assert table.agency is None
    # A day written as text is the deadline, as a date cell is.
    assert (table.tasks[0].start, table.tasks[0].end) == (None, datetime.date(2025, 6, 30))


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Sở Y tế, UBND các huyện, thị xã, thành phố", ["Sở Y tế", "UBND các huyện, thị xã, thành phố"]),
        ("Sở Tài chính, các sở, ban, ngành liên quan", ["Sở Tài chính", "các sở, ban, ngành liên quan"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        (
            "Sở Kế hoạch và Đầu tư và các cơ quan liên quan",
            ["Sở Kế hoạch và Đầu tư", "các cơ quan liên quan"],
        ),
        ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        (
            "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp",
            ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp"],
        ),
    ],
)
def test_units_in_lists_are_split_where_a_new_unit_begins(text: str, units: list[str]) -> None:
    assert unit_texts(text) == units


def test_one_new_unit_however_the_table_abbreviates_it(tmp_path: Path, store: PlanStore) -> None:
    table = _read(
        tmp_path / "abbreviated.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
            [1, "Nhiệm vụ 1", "Sở Thông tin và Truyền thông", "2025"],
            [2, "Nhiệm vụ 2", "Sở TT&TT", "2025"],
            [3, "Nhiệm vụ 3", "Sở TTTT", "2025"],
            [4, "Nhiệm vụ 4", "Sở Nội vụ", "2025"],
        ],
    )
    match_units(store, table)
    import_table(store, table, new_plan=NewPlan(name="Kế hoạch 2025"))
    with store.read() as session:
        names = session.connection().execute(sa.text("SELECT name FROM unit ORDER BY id")).scalars().all()
    assert names == ["Sở Thông tin và Truyền thông", "Sở Nội vụ"]


def test_a_task_merged_over_the_rows_of_its_parts_is_one_task(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "merged.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Sản phẩm", "Kinh phí (triệu đồng)"],
            [1, "Triển khai hệ thống họp trực tuyến", "Sở TT&TT", "Quý II/2025", "Hệ thống", "200"],
            [None, None, "UBND các huyện", "Quý III/2025", "Điểm cầu", "100"],
            [2, "Nhiệm vụ sau", "Sở Nội vụ", "2025", None, "50"],
        ],
        merges=["A2:A3", "B2:B3"],
    )
    assert table.errors == []
    first = table.tasks[0]
    assert (first.lead_unit, first.cooperating_units) == ("Sở TT&TT", ["UBND các huyện"])
    assert (first.start, first.end) == (datetime.date(2025, 4, 1), datetime.date(2025, 9, 30))
    assert (first.product, _money(first)) == ("Hệ thống; Điểm cầu", 300 * MILLION)
    assert [warning.row for warning in table.warnings] == [3]
    assert [task.name for task in table.tasks] == ["Triển khai hệ thống họp trực tuyến", "Nhiệm vụ sau"]


def test_funding_rows_named_in_the_name_column_break_the_budget_down(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "funding.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kinh phí (triệu đồng)"],
            [1, "Nhiệm vụ có nhiều nguồn", "Sở Y tế", "500"],
            [None, "- NSTW", None, "300"],
            [None, "- NSĐP", None, "200"],
        ],
    )
    task = table.tasks[0]
    assert task.name == "Nhiệm vụ có nhiều nguồn"
    assert sorted((amount.source.value, amount.amount) for amount in task.budget) == [
        ("central_budget", 300 * MILLION),
        ("local_budget", 200 * MILLION),
    ]


def test_a_roman_section_after_unsectioned_tasks_starts_at_the_top(tmp_path: Path) -> None:
    table = _read(
        tmp_path / "sections.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì"],
            [1, "T1", "Sở A"],
            [2, "T2", "Sở B"],
            ["I", "Nhóm sau", None],
            [1, "T3", "Sở C"],
        ],
    )
    assert [(task.name, task.parent_code, task.level) for task in table.tasks] == [
        ("T1", None, 0),
        ("T2", None, 0),
        ("Nhóm sau", None, 0),
        ("T3", "I", 1),
    ]


def test_a_workbook_missing_a_sheet_it_lists_is_called_damaged(tmp_path: Path) -> None:
    import zipfile

    from dxplanner.core.errors import InvalidInputError

    whole = tmp_path / "whole.xlsx"
    _read(whole, [["STT", "Nhiệm vụ", "Thời gian thực hiện"], [1, "Nhiệm vụ", "2025"]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if not item.filename.startswith("xl/worksheets/"):
                target.writestr(item, source.read(item))
    with pytest.raises(InvalidInputError, match=r"broken\.xlsx is damaged: a sheet it lists is missing"):
        read_plan_table(broken)


def test_a_dry_run_into_a_plan_that_is_not_there_says_so(tmp_path: Path, demo_path: Path) -> None:
    import io

    from dxplanner import cli

    path = tmp_path / "plan.xlsx"
    _read(path, [["STT", "Nhiệm vụ", "Thời gian thực hiện"], [1, "Nhiệm vụ", "2025"]])
    for target in (demo_path, tmp_path / "none.dxplan"):
        out, err = io.StringIO(), io.StringIO()
        status = cli.run(["import", str(path), "--into", str(target), "--plan", "999", "--dry-run"], out, err)
        assert status == 1 and "999" in err.getvalue() and "Would import" not in out.getvalue()
    assert not (tmp_path / "none.dxplan").exists()
