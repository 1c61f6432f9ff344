"""The progress report: the official header, the engine's numbers, the table, the late list, charts, print."""

from __future__ import annotations

import csv
import datetime
import io
import re
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa

from dxplanner import cli
from dxplanner.core.as_of import node_as_of
from dxplanner.core.report import status_counts
from dxplanner.core.rollup import work_items
from dxplanner.core.status import Health, health_of_all
from dxplanner.store import queries
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_store import PlanStore
from tests.unit import excel_samples as samples

AS_OF = "2026-11-20"
PLAN = 6  # the demo's plan of 2026


def _report(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["report", *arguments], out, err)
    return status, out.getvalue(), err.getvalue()


def _engine_counts(store: PlanStore, plan_id: int, as_of: datetime.date) -> dict[str, int]:
    with store.read() as session:
        told, stated = queries.progress_reports(session, [plan_id])
        today = datetime.date.today()
        nodes = [
            node_as_of(node, told.get(node.id, ()), as_of, today, stated.get(node.id, ()))
            for node in queries.outline_nodes(session, [plan_id])
        ]
        calendar = queries.plan_calendar(session, plan_id)
        standing = health_of_all(nodes, as_of, calendar, queries.plan_weight(session, plan_id, calendar))
    # The tasks counted: leaves, and groups that hold work of their own (issue 15).
    counted = work_items(nodes)
    leaves = [state for task_id, state in standing.items() if task_id in counted]
    counts = {group.value: count for group, count in status_counts(leaves).items()}
    return {**counts, "at_risk": leaves.count(Health.AT_RISK)}


def test_the_report_has_the_header_the_engines_numbers_the_table_the_late_list_and_charts(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bao-cao.xlsx"
    status, _out, err = _report(str(demo_path), "--out", str(path), "--plan", str(PLAN), "--as-of", AS_OF)
    assert (status, err) == (0, ""), err
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Tổng hợp",
        "Nhiệm vụ",
        "Nhiệm vụ chậm",
        "Tiến độ theo thời gian",
        *("Hệ thống thông tin", "Dịch vụ công theo mức độ", "Kết nối chia sẻ dữ liệu"),  # the estate's
    ]
    summary = book["Tổng hợp"]
    # Decree 30's heading: the governing body, the agency, the number; the motto, the place and date.
    assert (summary["A1"].value, summary["A2"].value, summary["A3"].value) == (
        "CHÍNH PHỦ",
        "VĂN PHÒNG CHÍNH PHỦ",
        "Số: …/BC-VPCP",
    )
    assert summary["C1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert summary["C2"].value == "Độc lập - Tự do - Hạnh phúc"
    today = datetime.date.today()  # the day it is written and signed, not the figures' day
    assert summary["C3"].value == f"Hà Nội, ngày {today:%d} tháng {today:%m} năm {today:%Y}"
    assert str(summary["A5"].value).startswith("BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH")
    # The tables fill the page: the title spans exactly the columns the tables use.
    assert (
        "A1:B1" in summary.merged_cells
        and "C1:F1" in summary.merged_cells
        and "A5:F5" in summary.merged_cells
    )
    widths = [summary.column_dimensions[letter].width for letter in "ABCDEF"]
    assert widths[0] >= 40 and sum(widths) >= 110
    # Headings wrap in rows tall enough for them ("Tỷ lệ giải ngân (%)", "Tạm dừng hoặc hủy").
    rows = list(summary.iter_rows())
    for heading in ("Tỷ lệ giải ngân (%)", "Tạm dừng hoặc hủy"):
        row = next(row for row in rows if any(cell.value == heading for cell in row))
        assert (summary.row_dimensions[int(row[0].row or 0)].height or 0) >= 30
    # The signature block and the recipients close the summary.
    texts = [cell.value for row in rows for cell in row if cell.value]
    assert "Nơi nhận:" in texts and "THỦ TRƯỞNG CƠ QUAN" in texts
    assert "- Chính phủ (để báo cáo);" in texts and "- Lưu: VT." in texts
    fonts = {cell.font.name for row in rows for cell in row if cell.value}
    assert fonts == {"Times New Roman"}  # every text in the report's face, the recipients' too

    # The summary's counts are the engine's.
    engine = _engine_counts(demo_store, PLAN, datetime.date(2026, 11, 20))
    shown = {
        summary.cell(row=row, column=1).value: summary.cell(row=row, column=2).value for row in range(10, 16)
    }
    assert shown["Hoàn thành"] == engine["done"]
    assert shown["Đúng tiến độ"] == engine["on_schedule"]
    assert shown["Chậm tiến độ"] == engine["late"]
    assert shown["Chưa bắt đầu"] == engine["not_started"]
    assert shown["trong đó: có nguy cơ chậm"] == engine.pop("at_risk") > 0
    assert shown["Tổng cộng"] == sum(engine.values())

    _check_indicator_rows(summary)

    tasks = book["Nhiệm vụ"]
    assert [cell.value for cell in tasks[8]][:3] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì"]
    with demo_store.read() as session:
        in_plan = (
            session.connection()
            .execute(sa.text("SELECT count(*) FROM task WHERE plan_id = :plan"), {"plan": PLAN})
            .scalar_one()
        )
    assert tasks.max_row - 8 == in_plan
    group = tasks[9]
    assert group[0].value == "I" and group[1].font.b and "B9:H9" in tasks.merged_cells
    late_rows = [row for row in tasks.iter_rows(min_row=9) if str(row[9].value).startswith("Chậm tiến độ")]
    assert len(late_rows) == engine["late"]
    assert all(row[1].fill.fgColor.rgb.endswith("FDE2E1") for row in late_rows)

    late = book["Nhiệm vụ chậm"]
    listed = [row for row in late.iter_rows(min_row=9, values_only=True) if row[0]]
    assert sum(str(row[5]).startswith("Chậm tiến độ") for row in listed) == engine["late"]
    assert all(re.fullmatch(r"[IVX]+\.\d+(\.\d+)*", str(row[0])) for row in listed)

    # Printing: A4 landscape, fit to the page's width, the table's heading on every page, page numbers.
    assert tasks.page_setup.orientation == "landscape" and tasks.page_setup.paperSize == 9
    fit = tasks.sheet_properties.pageSetUpPr
    # One page wide: 1 is the file format's default, which XlsxWriter leaves unsaid.
    assert (tasks.page_setup.fitToWidth or 1) == 1 and fit is not None and fit.fitToPage
    assert tasks.print_title_rows == "$8:$8"
    footer = tasks.oddFooter
    assert footer is not None and "&P" in str(footer.center.text)
    with zipfile.ZipFile(path) as archive:
        charts = [name for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
        kinds = "".join(archive.read(name).decode("utf-8") for name in charts)
    # Excel's own charts (with or without the namespace's prefix, as each writer has it).
    assert len(charts) == 2 and re.search("<(c:)?barChart>", kinds) and re.search("<(c:)?lineChart>", kinds)


def _check_indicator_rows(summary: Any) -> None:
    """Each indicator row stands on one year: its target, its result, their ratio and the verdict."""
    lines = list(summary.iter_rows(values_only=True))
    first = next(at for at, row in enumerate(lines) if str(row[0]).startswith("III.")) + 2
    indicators = [row for row in lines[first:] if row[0] and " – " in str(row[0])]
    assert len(indicators) > 10
    for _name, _unit, target, result, reached, verdict, *_rest in indicators:
        if result is None:
            assert reached is None and verdict in ("Chưa đo", "Chưa có chỉ tiêu")
        elif reached is not None:
            assert reached in (round(result / target * 100, 1), round(target / result * 100, 1))
            assert (verdict == "Đạt") == (reached >= 100)


def test_indicators_mid_strategy_are_held_against_the_same_years_target(
    demo_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bao-cao-2024.xlsx"
    assert _report(str(demo_path), "--out", str(path), "--plan", "4", "--as-of", "2024-06-30")[0] == 0
    summary = openpyxl.load_workbook(path)["Tổng hợp"]
    assert any(cell.value == "Mục tiêu 2024" for row in summary.iter_rows() for cell in row)
    _check_indicator_rows(summary)
    # Before the strategy begins, its first year's targets are the ones ahead.
    early = tmp_path / "bao-cao-2020.xlsx"
    assert _report(str(demo_path), "--out", str(early), "--plan", "1", "--as-of", "2020-06-30")[0] == 0
    headings = [cell.value for row in openpyxl.load_workbook(early)["Tổng hợp"].iter_rows() for cell in row]
    assert "Mục tiêu 2021 (năm đầu của chiến lược)" in headings
    # After it ends, its last year's targets still stand: the heading says whose year they are.
    late = tmp_path / "bao-cao-2026.xlsx"
    assert _report(str(demo_path), "--out", str(late), "--plan", "6", "--as-of", "2026-12-06")[0] == 0
    headings = [cell.value for row in openpyxl.load_workbook(late)["Tổng hợp"].iter_rows() for cell in row]
    assert "Mục tiêu 2025 (năm cuối của chiến lược)" in headings and "Mục tiêu 2026" not in headings


def test_a_report_as_of_a_day_gone_by_shows_the_tasks_as_they_stood_then(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "truoc.xlsx"
    status, _out, err = _report(
        str(demo_path), "--out", str(path), "--plan", str(PLAN), "--as-of", "2025-12-15"
    )
    assert (status, err) == (0, "")
    tasks = openpyxl.load_workbook(path)["Nhiệm vụ"]
    heading = [cell.value for cell in tasks[8]]
    progress, standing = heading.index("Tiến độ (%)"), heading.index("Tình trạng")
    rows = [row for row in tasks.iter_rows(min_row=9, values_only=True) if row[2]]
    assert rows and all(row[progress] == 0 for row in rows)
    assert {str(row[standing]).split(" (")[0] for row in rows} == {"Chưa bắt đầu"}

    # Mid-year, tasks marked done since stand where their reports of then put them.
    path = tmp_path / "giua-nam.xlsx"
    assert _report(str(demo_path), "--out", str(path), "--plan", str(PLAN), "--as-of", "2026-06-30")[0] == 0
    summary = openpyxl.load_workbook(path)["Tổng hợp"]
    shown = {
        summary.cell(row=row, column=1).value: summary.cell(row=row, column=2).value for row in range(10, 16)
    }
    engine = _engine_counts(demo_store, PLAN, datetime.date(2026, 6, 30))
    assert shown["Hoàn thành"] == engine["done"]
    with demo_store.read() as session:
        marked_done = (
            session.connection()
            .execute(
                sa.text("SELECT count(*) FROM task WHERE plan_id = :p AND status = 'completed'"), {"p": PLAN}
            )
            .scalar_one()
        )
    assert shown["Hoàn thành"] < marked_done


def test_user_text_in_the_report_is_never_a_formula(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    with demo_store.write() as session:
        session.connection().execute(
            sa.text(
                "UPDATE task SET name = '=HYPERLINK(\"http://x\",\"y\")', notes = '+84 912' "
                "WHERE plan_id = :p"
            ),
            {"p": PLAN},
        )
    path = tmp_path / "bao-cao.xlsx"
    assert _report(str(demo_path), "--out", str(path), "--plan", str(PLAN), "--as-of", AS_OF)[0] == 0
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert not re.search(r"<f[ >]", xml)
    assert openpyxl.load_workbook(path)["Nhiệm vụ"]["B10"].value == '=HYPERLINK("http://x","y")'


def test_the_report_in_english_with_a_sheet_per_unit(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    status, _out, err = _report(
        str(demo_path),
        "--out",
        str(path),
        "--plan",
        str(PLAN),
        "--as-of",
        AS_OF,
        "--language",
        "en",
        "--by-unit",
    )
    assert (status, err) == (0, "")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Summary", "Tasks", "Late tasks", "Progress over time"]
    assert book["Summary"]["C1"].value == "SOCIALIST REPUBLIC OF VIET NAM"
    assert book.sheetnames[-3:] == ["Information systems", "Public services by level", "Data-sharing links"]
    units = book.sheetnames[4:-3]  # between the report's own sheets and the estate's appendices
    assert len(units) > 3 and all(len(name) <= 31 for name in units)
    listed = sum(book[name].max_row - 8 for name in units)
    for name in units:  # numbered in full ("I.6"), as numbers restart in each group
        codes = [row[0] for row in book[name].iter_rows(min_row=9, values_only=True)]
        assert all(re.fullmatch(r"[IVX]+\.\d+(\.\d+)*", str(code)) for code in codes), (name, codes)
        assert len(codes) == len(set(codes))
    with_lead = [row for row in book["Tasks"].iter_rows(min_row=9, values_only=True) if row[2]]
    assert listed == len(with_lead)


def test_a_plan_that_serves_no_strategy_is_reported_too(tmp_path: Path) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    target = tmp_path / "imported.dxplan"
    assert cli.run(["import", str(sample.path), "--into", str(target)], io.StringIO(), io.StringIO()) == 0
    path = tmp_path / "bao-cao.xlsx"
    status, _out, err = _report(str(target), "--out", str(path), "--as-of", "2025-06-30")
    assert (status, err) == (0, "")
    summary = openpyxl.load_workbook(path)["Tổng hợp"]
    texts = [cell.value for row in summary.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "Kế hoạch không thuộc chiến lược nào có chỉ tiêu." in texts


def test_a_plan_without_tasks_says_so_instead_of_empty_tables(
    store: PlanStore, plan_path: Path, tmp_path: Path
) -> None:
    unit = create_unit(store, code="STTTT", name="Sở Thông tin và Truyền thông").id
    create_plan(
        store,
        name="Kế hoạch 2027",
        unit_id=unit,
        start=datetime.date(2027, 1, 1),
        end=datetime.date(2027, 12, 31),
    )
    path = tmp_path / "bao-cao.xlsx"
    status, _out, err = _report(str(plan_path), "--out", str(path), "--as-of", "2027-03-31")
    assert (status, err) == (0, "")
    book = openpyxl.load_workbook(path)
    said = {
        title: {cell.value for row in book[title].iter_rows() for cell in row if isinstance(cell.value, str)}
        for title in book.sheetnames
    }
    assert "Kế hoạch chưa có nhiệm vụ nào." in said["Nhiệm vụ"]
    assert "Không có nhiệm vụ chậm hoặc có nguy cơ chậm." in said["Nhiệm vụ chậm"]
    assert "Chưa có nhiệm vụ nào có đơn vị chủ trì." in said["Tổng hợp"]
    assert (
        "Chưa có nhiệm vụ nào có thời gian thực hiện nên chưa có đường tiến độ."
        in said["Tiến độ theo thời gian"]
    )
    assert book["Tổng hợp"].row_breaks.brk == []  # no page left empty before an empty table


def test_an_unknown_plan_is_one_message(demo_path: Path, tmp_path: Path) -> None:
    status, _out, err = _report(str(demo_path), "--out", str(tmp_path / "x.xlsx"), "--plan", "999")
    assert status == 1 and "999" in err and not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("language", ["vi"])
def test_the_report_leaves_the_language_as_it_was(language: str, demo_path: Path, tmp_path: Path) -> None:
    from dxplanner.i18n import current_language

    before = current_language()
    assert _report(str(demo_path), "--out", str(tmp_path / "r.xlsx"), "--language", language)[0] == 0
    assert current_language() == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_report_and_reads_its_summary(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.xlsx"
    assert _report(str(demo_path), "--out", str(path), "--plan", str(PLAN), "--as-of", AS_OF)[0] == 0
    profile = (tmp_path / "lo-profile").as_uri()
    for target in ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76,1"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(tmp_path), str(path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    assert (tmp_path / "bao-cao.pdf").read_bytes().startswith(b"%PDF")
    with (tmp_path / "bao-cao.csv").open(encoding="utf-8", newline="") as stream:
        read = list(csv.reader(stream))  # the first sheet: the summary
    summary = openpyxl.load_workbook(path)["Tổng hợp"]
    for number in range(10, 15):
        name, count = summary.cell(row=number, column=1).value, summary.cell(row=number, column=2).value
        assert read[number - 1][:2] == [name, str(count)]


@pytest.mark.parametrize(
    ("wanted", "taken", "expected"),
    [
        ("Phòng A/B: [Thử]*?", [], "Phòng A B Thử"),
        ("Đơn vị\x01 lạ", [], "Đơn vị lạ"),
        ("???", [], "Đơn vị"),
        ("History", [], "History (2)"),
        ("sở a", ["Sở A"], "sở a (2)"),
        ("X" * 27 + "'abc", [], "X" * 27 + "'abc"),
        ("X" * 30 + "'abc", [], "X" * 30),
        ("🚀" * 30, [], "🚀" * 15),
    ],
)
def test_unit_sheet_names_are_ones_excel_accepts(wanted: str, taken: list[str], expected: str) -> None:
    from dxplanner.excel.sheet_names import sheet_name

    name = sheet_name(wanted, taken, "Đơn vị")
    assert name == expected
    assert len(name.encode("utf-16-le")) // 2 <= 31


def test_units_with_awkward_names_each_get_a_sheet_excel_opens(demo_path: Path, tmp_path: Path) -> None:
    awkward = ["Phòng A/B: [Thử]*?", "phòng a/b: [thử]*?", "Đơn vị\x01 lạ", "???", "History", "🚀" * 30]
    awkward += ["Văn phòng", "Văn phòng"]  # two units of one name: a sheet each
    with sqlite3.connect(demo_path) as connection:
        leaves = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM task WHERE plan_id = ? AND id NOT IN "
                "(SELECT parent_id FROM task WHERE parent_id IS NOT NULL) ORDER BY id LIMIT ?",
                (PLAN, len(awkward)),
            )
        ]
        for number, (name, task_id) in enumerate(zip(awkward, leaves, strict=True)):
            connection.execute(
                "INSERT INTO unit (id, code, name, kind) VALUES (?, ?, ?, 'other')",
                (900 + number, f"Z{number}", name),
            )
            connection.execute("UPDATE task SET lead_unit_id = ? WHERE id = ?", (900 + number, task_id))
    path = tmp_path / "bao-cao.xlsx"
    status, out, err = _report(str(demo_path), "--out", str(path), "--plan", str(PLAN), "--by-unit")
    assert (status, err) == (0, "")
    # The unit's name stands in three sheets' rows, but the cleaning is said once for each text, and
    # in the user's language (English here), not the report's.
    assert out.count("Control characters were taken out of “Đơn vị lạ…”") == 1, out
    names = openpyxl.load_workbook(path).sheetnames
    expected_names = ("Phòng A B Thử", "phòng a b thử (2)", "Đơn vị lạ", "Đơn vị", "History (2)", "🚀" * 15)
    for expected in (*expected_names, "Văn phòng", "Văn phòng (2)"):
        assert expected in names


def test_no_row_is_taller_than_excel_allows(demo_store: PlanStore, demo_path: Path, tmp_path: Path) -> None:
    with demo_store.write() as session:
        session.connection().execute(
            sa.text("UPDATE task SET name = :name WHERE id = (SELECT min(id) FROM task WHERE plan_id = :p)"),
            {"name": "Nhiệm vụ rất dài " * 3000, "p": PLAN},
        )
    path = tmp_path / "bao-cao.xlsx"
    assert _report(str(demo_path), "--out", str(path), "--plan", str(PLAN))[0] == 0
    tasks = openpyxl.load_workbook(path)["Nhiệm vụ"]
    heights = [dimension.height for dimension in tasks.row_dimensions.values() if dimension.height]
    # As tall as Excel allows (409 points); XlsxWriter gives heights in whole pixels of 0.75 points.
    assert 408 < max(heights) <= 409


def test_every_group_name_is_merged_across_its_row_without_looking_at_the_earlier_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan of 3,000 groups: each name merged B:H; openpyxl's range list, which compares each new
    range with every earlier one (4.5 million checks here), is not used for them (issue 20)."""
    from openpyxl.worksheet.cell_range import MultiCellRange

    from dxplanner.core.dashboard import ProgressData
    from dxplanner.core.report import ReportData, ReportRow
    from dxplanner.excel.report_writer import write_progress_report

    day = datetime.date(2026, 6, 30)
    rows = []
    for group in range(1, 3001):
        heading = (2 * group, 0, str(group), f"Nhóm {group}", True, None, "", None, None, None, None)
        task = (2 * group + 1, 1, "1", f"Việc {group}", False, "Sở A", "", None, day, day, None)
        rows += [
            ReportRow(*heading, 0, Health.NOT_STARTED, None, 0),
            ReportRow(*task, 0, Health.LATE, None, 0),
        ]
    data = ReportData(
        "Sở A", "Kế hoạch", (day, day), day, tuple(rows), (), (), (), (), ProgressData((), (), (), day)
    )
    checks = 0
    contains = MultiCellRange.__contains__

    def counted(self: MultiCellRange, coord: Any) -> bool:
        nonlocal checks
        checks += len(self.ranges)
        return contains(self, coord)

    monkeypatch.setattr(MultiCellRange, "__contains__", counted)
    path = tmp_path / "bao-cao.xlsx"
    write_progress_report(path, data, language="vi")
    assert checks < 10_000
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
    merged = set(re.findall(r'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', sheet))
    table = {f"B{row}:H{row}" for row in range(9, 9 + 2 * 3000, 2)}  # the groups' rows, under the heading
    assert table <= merged and len(merged) == len(table) + 8  # and the header's eight
