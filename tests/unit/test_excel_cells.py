"""Importing plan tables whose cells say several things: unit lists, money in words, deadlines in words."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import openpyxl
import pytest

from dxplanner import cli
from dxplanner.core.enums import FundingSource
from dxplanner.core.plan_table import PlanTable
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.excel.values import MoneySaid, money_in_words
from dxplanner.i18n import set_language
from tests.unit import excel_cell_samples as samples

SAMPLES = {name: getattr(samples, name) for name in dir(samples) if name.startswith("build_")}
MILLION, BILLION = samples.MILLION, samples.BILLION


def _tasks(table: PlanTable) -> dict[int, dict[str, Any]]:
    return {task["row"]: task for task in cast(list[dict[str, Any]], table.as_json()["tasks"])}


@pytest.mark.parametrize("build", SAMPLES.values(), ids=SAMPLES.keys())
def test_each_row_reads_as_its_cells_mean(
    build: Callable[[Path], samples.CellSample], tmp_path: Path
) -> None:
    sample = build(tmp_path)
    table = read_plan_table(sample.path)
    assert table.errors == []
    read = _tasks(table)
    assert sorted(read) == [task["row"] for task in sample.tasks]
    for expected in sample.tasks:
        got = read[expected["row"]]
        assert {key: got[key] for key in expected} == expected, f"row {expected['row']}"
    for row, guesses in sample.guesses.items():
        assert [guess for guess in guesses if guess not in read[row]["guesses"]] == [], f"row {row}"
    said = [(problem.row, problem.message) for problem in table.warnings]
    for row, words in sample.warnings:
        assert any(at == row and words in message for at, message in said), f"row {row}: {said}"
    assert len(said) == len(sample.warnings), said


def test_unreadable_money_is_a_warning_and_the_rest_is_imported(tmp_path: Path) -> None:
    sample = samples.build_money_in_words(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["import", str(sample.path), "--into", str(tmp_path / "plan.dxplan")], out, err)
    assert status == 0, err.getvalue()
    printed = io.StringIO()
    cli.run(
        ["import", str(sample.path), "--into", str(tmp_path / "plan.dxplan"), "--dry-run", "--json"],
        printed,
        err,
    )
    said = json.loads(printed.getvalue())
    assert said["errors"] == []
    assert said["summary"]["budget"] == (2_300 + 12_000 + 500 + 300 + 1_250) * MILLION


def test_an_amount_with_a_comma_is_read_the_same_each_time_and_warned_of_where_it_may_be_thousands(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kinh phí (triệu đồng)"])
    amounts = ["1.250,5", "1,250", "1.250,5", "1,250", "2,5"]
    for number, amount in enumerate(amounts, 1):
        sheet.append([number, f"Nhiệm vụ {number}", "Sở Tài chính", amount])
    path = tmp_path / "commas.xlsx"
    book.save(path)
    table = read_plan_table(path)
    assert [sum(line.amount for line in task.budget) for task in table.tasks] == [
        1_250_500_000,
        1_250_000,
        1_250_500_000,
        1_250_000,
        2_500_000,
    ]
    # "1,250" may be a thousand written the English way: said on each row it is in, and only there.
    assert [(problem.row, problem.column) for problem in table.warnings] == [(3, "D"), (5, "D")]
    assert all("if thousands were meant, write 1.250" in problem.message for problem in table.warnings)


def test_a_ministrys_investment_budget_is_the_central_one(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["BỘ TÀI CHÍNH"],
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Kinh phí"],
        [1, "Nâng cấp hệ thống thông tin quản lý ngân sách", "Cục Tin học và Thống kê tài chính", "2026",
         "Vốn ĐTPT: 12 tỷ"],
    ):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "ministry.xlsx")
    table = read_plan_table(tmp_path / "ministry.xlsx")
    assert [(amount.source, amount.amount) for amount in table.tasks[0].budget] == [
        (FundingSource.CENTRAL_BUDGET, 12 * BILLION)
    ]


def test_a_draft_is_dated_from_the_plans_date_when_it_is_given(tmp_path: Path) -> None:
    sample = samples.build_relative_deadline_in_a_draft(tmp_path)
    table = read_plan_table(sample.path, plan_date=datetime.date(2026, 4, 1))
    first = _tasks(table)[sample.tasks[0]["row"]]
    assert (first["start"], first["end"]) == (None, "2026-06-30")
    assert "deadline counted from the plan's date 01/04/2026" in first["guesses"]
    assert table.warnings == []


def test_the_command_line_takes_the_plans_date_for_a_draft(tmp_path: Path) -> None:
    sample = samples.build_relative_deadline_in_a_draft(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    arguments = ["import", str(sample.path), "--into", str(tmp_path / "p.dxplan"), "--dry-run", "--json"]
    assert cli.run([*arguments, "--plan-date", "2026-04-01"], out, err) == 0, err.getvalue()
    assert json.loads(out.getvalue())["tasks"][0]["end"] == "2026-06-30"


def test_the_timeline_command_reads_as_the_import_does() -> None:
    # The same reading as the import's, with the plan's date the import would take from the title rows.
    out, err = io.StringIO(), io.StringIO()
    text = "90 ngày kể từ ngày ban hành Kế hoạch"
    assert cli.run(["timeline", text, "--json"], out, err) == 0
    assert json.loads(out.getvalue()) == [
        {"text": text, "start": None, "end": None, "kind": "relative", "ok": True,
         "after": {"count": 90, "unit": "days"}},
    ]  # fmt: skip
    out = io.StringIO()
    assert cli.run(["timeline", text, "--plan-date", "2026-03-12", "--json"], out, err) == 0
    reading = json.loads(out.getvalue())[0]
    assert (reading["end"], reading["kind"], reading["guesses"]) == ("2026-06-10", "until", ["plan_date"])


def test_guesses_are_said_in_vietnamese(tmp_path: Path) -> None:
    set_language("vi")
    sample = samples.build_units_in_one_cell(tmp_path)
    read = _tasks(read_plan_table(sample.path))
    row = sample.tasks[8]["row"]  # "Chủ trì: Sở Công Thương; Phối hợp: …"
    assert "Đã bỏ “Chủ trì:”" in read[row]["guesses"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("NSĐP 2.300 triệu đồng (chi thường xuyên: duy trì hệ thống)",
         [MoneySaid(FundingSource.LOCAL_BUDGET, 2_300 * MILLION)]),
        ("Vốn ĐTPT: 12 tỷ", [MoneySaid(None, 12 * BILLION, public=True)]),
        ("Kinh phí đối ứng của doanh nghiệp", [MoneySaid(FundingSource.ENTERPRISE, None)]),
        ("NSTW 500 triệu, NSĐP 1,5 tỷ",
         [MoneySaid(FundingSource.CENTRAL_BUDGET, 500 * MILLION),
          MoneySaid(FundingSource.LOCAL_BUDGET, 1_500 * MILLION)]),
        ("Ngân sách tỉnh năm 2026: 800", [MoneySaid(FundingSource.LOCAL_BUDGET, 800 * MILLION)]),
        ("Lồng ghép (khoảng 150)", [MoneySaid(None, 150 * MILLION)]),
        # "trong đó": the parts by source, when they add up to the whole; else the whole alone.
        ("2.500 triệu đồng (trong đó: NSTW 1.500; NSĐP 1.000)",
         [MoneySaid(FundingSource.CENTRAL_BUDGET, 1_500 * MILLION),
          MoneySaid(FundingSource.LOCAL_BUDGET, 1_000 * MILLION)]),
        ("Tổng 2.500, trong đó NSTW 1.500", [MoneySaid(None, 2_500 * MILLION)]),
        ("Theo dự toán được giao", None),
        ("1O0", None),
        ("500 hoặc 700", None),  # two amounts, neither said to be the one
    ],
)  # fmt: skip
def test_money_among_words(text: str, said: list[MoneySaid] | None) -> None:
    assert money_in_words(text, MILLION, True) == said


def test_a_remark_under_an_end_date_is_a_note_too(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Ngày bắt đầu", "Ngày kết thúc"],
        [1, "Trình HĐND tỉnh Đề án phát triển dữ liệu", "Sở Khoa học và Công nghệ", "01/02/2026",
         "30/06/2026\nTrình tại kỳ họp giữa năm"],
    ):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "end.xlsx")
    task = read_plan_table(tmp_path / "end.xlsx").tasks[0]
    assert (task.start, task.end, task.notes) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 6, 30),
        "Trình tại kỳ họp giữa năm",
    )
    assert "remark kept as a note" in task.guesses


def test_an_end_counted_from_another_bodys_act_is_no_error(tmp_path: Path) -> None:
    # Khánh Hòa, 11-KH/BCĐ (2026), task 4, its deadline put in an end-date column: no date, and why.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Ngày bắt đầu", "Ngày kết thúc"],
        [1, "Cập nhật Quy chế bảo vệ hệ thống mạng máy tính", "Văn phòng Tỉnh ủy", "01/08/2026",
         "30 ngày sau khi Trung ương ban hành"],
    ):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "end.xlsx")
    table = read_plan_table(tmp_path / "end.xlsx")
    assert (table.errors, table.warnings) == ([], [])
    task = table.tasks[0]
    assert (task.start, task.end) == (datetime.date(2026, 8, 1), None)
    assert "counted from another body's act, whose date the table does not give: no dates" in task.guesses


def test_text_that_looks_like_an_escape_reads_as_excel_shows_it(tmp_path: Path) -> None:
    """Excel keeps a typed "_x000D_" as "_x005F_x000D_", and a carriage return as "_x000D_"."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"])
    sheet.append([1, "Mã _x005F_x000D_ giữ nguyên", "Sở Thông tin và Truyền thông", "2026"])
    sheet.append([2, "Hai_x000D_dòng", "Sở Thông tin và Truyền thông", "2026"])
    book.save(tmp_path / "plan.xlsx")
    names = [task.name for task in read_plan_table(tmp_path / "plan.xlsx").tasks]
    assert names == ["Mã _x000D_ giữ nguyên", "Hai dòng"]
