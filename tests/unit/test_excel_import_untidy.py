"""Importing the untidier parts of real plan tables: what lies under them, money by year or by row, units."""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa
from openpyxl.chart import BarChart, Reference

from dxplanner import cli
from dxplanner.core.enums import FundingSource, UnitKind
from dxplanner.core.models import ActionPlan, Unit
from dxplanner.core.plan_table import Amount, PlanTable, TableField
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.excel.template import write_template
from dxplanner.store.operations.import_table import NewPlan, import_table, match_units
from dxplanner.store.plan_store import PlanStore

Cell = str | int | float | datetime.datetime | None
HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]


def _book(path: Path, rows: Sequence[Sequence[Cell]], *, merges: Sequence[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _names(table: PlanTable) -> list[tuple[str | None, str]]:
    return [(task.code, task.name) for task in table.tasks]


def _budget_lines(store: PlanStore) -> list[tuple[str, int, int]]:
    with store.read() as session:
        line = sa.table("budget_line", sa.column("source"), sa.column("year"), sa.column("planned"))
        rows = session.connection().execute(sa.select(line.c.source, line.c.year, line.c.planned)).all()
    return sorted((str(source), int(year), int(planned)) for source, year, planned in rows)


def _unit(store: PlanStore, code: str, name: str, kind: UnitKind = UnitKind.DEPARTMENT) -> int:
    with store.write() as session:
        unit = Unit(code=code, name=name, kind=kind)
        session.add(unit)
        session.flush()
        assert unit.id is not None
        return unit.id


def _count(store: PlanStore, model: type) -> int:
    with store.read() as session:
        return int(session.connection().execute(sa.select(sa.func.count()).select_from(model)).scalar_one())


def test_subtotals_repeated_headers_legends_and_signatures_are_not_tasks(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "footer.xlsx",
        [
            ["UBND TỈNH NINH BÌNH"],
            HEADER,
            ["I", "Hạ tầng số"],
            [1, "Nâng cấp mạng LAN", "Sở Nội vụ", None, "Năm 2026"],
            [None, "Cộng mục I", None, None, None],
            HEADER,  # the header again: a second page pasted under the first
            ["II", "Dữ liệu số"],
            ["1", "Xây dựng kho dữ liệu", "Sở Tài chính", None, "Quý III/2026"],
            [None, "Ghi chú: (*) nhiệm vụ chuyển tiếp"],
            [None, None],
            ["Nơi nhận:", None, None, None, "KT. CHỦ TỊCH"],
            ["- Như trên;", None, None, None, "PHÓ CHỦ TỊCH"],
        ],
    )
    table = read_plan_table(path)
    assert table.errors == []
    assert _names(table) == [
        ("I", "Hạ tầng số"),
        ("1", "Nâng cấp mạng LAN"),
        ("II", "Dữ liệu số"),
        ("1", "Xây dựng kho dữ liệu"),
    ]
    assert table.tasks[3].parent_code == "II"
    assert any(warning.row == 9 and "were not read" in warning.message for warning in table.warnings)


def test_a_stray_cell_far_below_the_table_is_neither_a_task_nor_too_many_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (HEADER, [1, "Số hóa hồ sơ", "Sở Nội vụ", None, "2026"]):
        sheet.append(row)
    sheet.cell(row=250_000, column=2, value="x")  # beyond the row limit, but only one cell
    book.save(tmp_path / "stray.xlsx")
    table = read_plan_table(tmp_path / "stray.xlsx")
    assert table.errors == []
    assert _names(table) == [("1", "Số hóa hồ sơ")]
    assert any(warning.row == 250_000 for warning in table.warnings)


def test_a_budget_split_by_year_is_imported_year_by_year(tmp_path: Path, store: PlanStore) -> None:
    path = _book(
        tmp_path / "years.xlsx",
        [
            [*HEADER, "Kinh phí (triệu đồng)", None, None],
            [None, None, None, None, None, "Tổng số", "2026", "2027"],
            [1, "Cổng dữ liệu mở", "Sở Nội vụ", None, "2026-2027", 800, 300, 500],
            [2, "Bản đồ số", "Sở Nội vụ", None, "2027", 250, None, None],
        ],
        merges=["F1:H1", *(f"{column}1:{column}2" for column in "ABCDE")],
    )
    table = read_plan_table(path)
    assert table.errors == []
    assert table.tasks[0].budget == [
        Amount(FundingSource.OTHER, 300_000_000, 2026),
        Amount(FundingSource.OTHER, 500_000_000, 2027),
    ]
    assert table.tasks[1].budget == [Amount(FundingSource.OTHER, 250_000_000)]  # only a total: its start
    match_units(store, table)
    import_table(store, table, new_plan=NewPlan("Kế hoạch"))
    assert _budget_lines(store) == [
        ("other", 2026, 300_000_000),
        ("other", 2027, 250_000_000),
        ("other", 2027, 500_000_000),
    ]


def test_funding_rows_under_a_task_break_its_budget_down_by_source(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "funding.xlsx",
        [
            [*HEADER, "Kinh phí (triệu đồng)", "Nguồn vốn"],
            [1, "Trung tâm điều hành", "Sở Nội vụ", None, "2026", 800, None],
            [None, None, None, None, None, 500, "NSTW"],
            [None, None, None, None, None, 300, "NSĐP"],
            [2, "Hội nghị trực tuyến", "Sở Nội vụ", None, "2026", None, None],
            [None, None, None, None, None, 120, "Ngân sách tỉnh"],
            [3, "Chữ ký số", "Sở Nội vụ", None, "2026", 100, None],
            [None, None, None, None, None, 70, "NSTW"],  # adds up to less than the task's own 100
        ],
    )
    table = read_plan_table(path)
    assert table.errors == []
    assert [task.budget for task in table.tasks] == [
        [Amount(FundingSource.CENTRAL_BUDGET, 500_000_000), Amount(FundingSource.LOCAL_BUDGET, 300_000_000)],
        [Amount(FundingSource.LOCAL_BUDGET, 120_000_000)],
        [Amount(FundingSource.OTHER, 100_000_000)],
    ]
    assert any(warning.row == 7 and "do not add up" in warning.message for warning in table.warnings)


def test_a_column_given_a_role_by_hand_keeps_its_headings_money_unit(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "by_hand.xlsx",
        [
            [*HEADER, "Chi phí dự kiến (tỷ đồng)", "Mức độ ưu tiên"],
            [1, "Cổng dịch vụ công", "Sở Nội vụ", None, "2026", "1,5", "Cao"],
        ],
    )
    found = read_plan_table(path)
    assert found.headings[5] == "Chi phí dự kiến (tỷ đồng)"  # offered to the user though not recognised
    assert found.headings[6] == "Mức độ ưu tiên"
    assert TableField.BUDGET not in found.columns.values()
    chosen = read_plan_table(path, columns={**found.columns, 5: TableField.BUDGET})
    assert chosen.tasks[0].budget == [Amount(FundingSource.OTHER, 1_500_000_000)]


def test_section_numbers_progress_in_percent_and_units_joined_by_and(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "sections.xlsx",
        [
            [*HEADER, "Tiến độ thực hiện (%)"],
            ["I", "Chính quyền số"],
            ["I.1", "Nền tảng tích hợp", "Sở Tài chính và Sở Nội vụ", None, "2026", 40],
            [
                "I.1.1",
                "Kết nối cơ sở dữ liệu",
                "Sở Nội vụ",
                "Sở Lao động - Thương binh và Xã hội",
                "2026",
                10,
            ],
            ["I.2", "Một cửa điện tử", "Văn phòng UBND tỉnh", None, "2026", 100],
            ["II", "Kinh tế số"],
            ["II.1", "Sàn thương mại điện tử", "Sở Công Thương", None, "2027", 0],
        ],
    )
    table = read_plan_table(path)
    assert table.errors == []
    parents = [(task.code, task.parent_code) for task in table.tasks]
    assert parents == [
        ("I", None),
        ("I.1", "I"),
        ("I.1.1", "I.1"),
        ("I.2", "I"),
        ("II", None),
        ("II.1", "II"),
    ]
    nested = table.tasks[1]
    assert (nested.lead_unit, nested.cooperating_units) == ("Sở Tài chính", ["Sở Nội vụ"])
    assert table.tasks[2].cooperating_units == ["Sở Lao động - Thương binh và Xã hội"]
    assert [task.progress for task in table.tasks if task.kind.value == "task"] == [10.0, 100.0, 0.0]


def test_a_unit_sent_to_a_new_unit_never_lands_on_an_existing_one(tmp_path: Path, store: PlanStore) -> None:
    path = _book(tmp_path / "units.xlsx", [HEADER, [1, "Số hóa", "Sở Nội vụ", "Sở TT&TT", "2026"]])
    home = _unit(store, "SNV", "Sở Nội vụ")
    for province in ("QN", "NB"):
        _unit(store, f"STTTT-{province}", "Sở Thông tin và Truyền thông")
    with store.write() as session:
        session.execute(sa.text("UPDATE unit SET short_name = 'Sở TT&TT' WHERE code LIKE 'STTTT-%'"))
    table = read_plan_table(path)
    match_units(store, table)
    assert table.units["Sở Nội vụ"].unit_id == home
    assert table.units["Sở TT&TT"].ambiguous
    before = _count(store, Unit)
    import_table(store, table, new_plan=NewPlan("Kế hoạch"), unit_choices={"Sở Nội vụ": None})
    with store.read() as session:
        made = session.connection().execute(
            sa.text("SELECT id, name FROM unit WHERE id > :id"), {"id": before}
        )
        assert sorted(name for _id, name in made) == ["Sở Nội vụ", "Sở TT&TT"]
    assert _count(store, Unit) == before + 2


def test_the_agency_at_the_top_owns_the_new_plan_when_abbreviated(tmp_path: Path, store: PlanStore) -> None:
    agency = _unit(store, "STTTT", "Sở Thông tin và Truyền thông")
    path = _book(tmp_path / "owner.xlsx", [["SỞ TT&TT"], HEADER, [1, "Số hóa", "Sở Nội vụ", None, "2026"]])
    table = read_plan_table(path)
    match_units(store, table)
    assert table.owner is not None and table.owner.unit_id == agency
    outcome = import_table(store, table, new_plan=NewPlan("Kế hoạch"))
    with store.read() as session:
        assert session.get(ActionPlan, outcome.plan_id).unit_id == agency  # type: ignore[union-attr]


def test_our_templates_placeholder_is_no_agency(tmp_path: Path) -> None:
    write_template(tmp_path / "template.xlsx")
    book = openpyxl.load_workbook(tmp_path / "template.xlsx")
    book["Kế hoạch"].append([1, "Số hóa", "Sở Nội vụ", None, "2026"])
    book.save(tmp_path / "filled.xlsx")
    assert read_plan_table(tmp_path / "filled.xlsx").agency is None


def test_a_failed_import_into_a_new_file_leaves_no_file(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "bad.xlsx",
        [HEADER, [1, "Số hóa", "Sở Nội vụ", None, datetime.datetime(9999, 12, 31)]],
    )
    target = tmp_path / "new.dxplan"
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["import", str(path), "--into", str(target)], out, err) != 0
    assert "outside the years a plan can hold" in err.getvalue()
    assert list(tmp_path.glob("new.dxplan*")) == []


def test_a_chart_sheet_before_the_table_is_passed_over(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bảng"
    for row in (HEADER, [1, "Số hóa", "Sở Nội vụ", None, "2026"]):
        sheet.append(row)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Biểu đồ", 0).add_chart(chart)
    book.save(tmp_path / "chart.xlsx")
    table = read_plan_table(tmp_path / "chart.xlsx")
    assert (table.sheet, table.sheets) == ("Bảng", ["Bảng"])


@pytest.mark.parametrize("text", ["Sở TT&TT; Sở Tài chính", "Sở Thông tin và Truyền thông"])
def test_unit_lists_keep_names_with_and_whole(text: str, tmp_path: Path) -> None:
    path = _book(tmp_path / "one.xlsx", [HEADER, [1, "Số hóa", text, None, "2026"]])
    lead = read_plan_table(path).tasks[0].lead_unit
    assert lead == text.split(";")[0]


def test_a_comma_before_three_digits_is_read_as_decimal_and_flagged(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "comma.xlsx",
        [[*HEADER, "Kinh phí (triệu đồng)"], [1, "Số hóa", "Sở Nội vụ", None, "2026", "1,250"]],
    )
    table = read_plan_table(path)
    assert table.tasks[0].budget == [Amount(FundingSource.OTHER, 1_250_000)]
    assert [(warning.row, warning.column) for warning in table.warnings if "1.250" in warning.message] == [
        (2, "F")
    ]
