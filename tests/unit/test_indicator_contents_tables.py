"""Indicator tables headed "Nội dung | Mục tiêu" with no unit column: told from tasks, read with units."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

from dxplanner.core.enums import Comparison
from dxplanner.core.indicator_table import IndicatorTable
from dxplanner.core.plan_table import PlanTable
from dxplanner.excel.tables import read_table

Cell = str | int | float | None
# Chương trình hành động 104-CTr/TU của Tỉnh ủy Lào Cai, Phụ lục 1: no unit column; the leader who
# answers for each row in the last column.
_TITLE = [
    ["PHỤ LỤC 1"],
    ["CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030"],
    ["(Kèm theo Chương trình hành động số CTr/TU ngày /8/2026 của Tỉnh uỷ Lào Cai)"],
    [],
]
_HEADINGS = [
    "TT",
    "Nội dung",
    "Mục tiêu",
    "Cơ quan, tổ chức đảng chủ trì",
    "Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc",
]
_PARTY = "Đảng ủy UBND tỉnh"
_LEADER = "Đồng chí Phan Trung Bá - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"


def _book(path: Path, rows: Sequence[Sequence[Cell]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phụ lục 1"
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def _lao_cai(path: Path) -> Path:
    return _book(
        path,
        [
            *_TITLE,
            _HEADINGS,
            [
                "1",
                "Tỷ lệ chi sự nghiệp bảo vệ môi trường trong tổng chi ngân sách nhà nước hằng năm",
                "Tối thiểu 2%",
                _PARTY,
                _LEADER,
            ],
            [
                "2",
                "Tỷ lệ các nguồn nước thải, khí thải lớn được quan trắc tự động, liên tục",
                "100%",
                _PARTY,
                _LEADER,
            ],
            ["11", "Tỷ lệ khu công nghiệp sinh thái trên toàn tỉnh", "01 khu", _PARTY, _LEADER],
            [
                "12",
                "Tỷ trọng năng lượng tái tạo trong tổng cung năng lượng sơ cấp đạt tối thiểu",
                "26,1%",
                _PARTY,
                _LEADER,
            ],
            ["13", "Giảm tiêu hao năng lượng tính trên GRDP/năm", "1,0-1,5%", _PARTY, _LEADER],
            ["14", "Số công trình xây dựng xanh được chứng nhận", ">25", _PARTY, _LEADER],
        ],
    )


def test_a_contents_and_target_table_of_figures_is_read_as_indicators(tmp_path: Path) -> None:
    table = read_table(_lao_cai(tmp_path / "chi_tieu.xlsx"))
    assert isinstance(table, IndicatorTable), "read as a task table"
    assert [(item.code, item.lead_unit) for item in table.indicators] == [
        (code, _PARTY) for code in ("1", "2", "11", "12", "13", "14")
    ]
    assert {target.year for item in table.indicators for target in item.targets} == {2030}


def test_the_unit_written_with_a_target_is_the_indicators_unit_where_no_column_gives_one(
    tmp_path: Path,
) -> None:
    table = read_table(_lao_cai(tmp_path / "chi_tieu.xlsx"))
    assert isinstance(table, IndicatorTable)
    read = {
        item.code: (item.measure_unit, [bound for target in item.targets for bound in target.bounds()])
        for item in table.indicators
    }
    assert read == {
        "1": ("%", [(2.0, Comparison.AT_LEAST)]),
        "2": ("%", [(100.0, None)]),
        "11": ("khu", [(1.0, None)]),
        "12": ("%", [(26.1, Comparison.AT_LEAST)]),
        "13": ("%", [(1.0, Comparison.AT_LEAST), (1.5, Comparison.AT_MOST)]),
        "14": ("", [(25.0, Comparison.ABOVE)]),
    }
    guesses = {item.code: item.guesses for item in table.indicators}
    assert any("unit of measure" in guess and "“khu”" in guess for guess in guesses["11"])
    assert not any("unit of measure" in guess for guess in guesses["14"])
    assert any("taken from the name" in guess for guess in guesses["12"])


def test_a_contents_and_target_table_of_sentences_stays_a_task_table(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "nhiem_vu.xlsx",
        [
            ["TT", "Nội dung", "Mục tiêu", "Cơ quan chủ trì"],
            ["1", "Số hóa hồ sơ hộ tịch", "Nâng cao chất lượng phục vụ người dân", "Sở Tư pháp"],
            [
                "2",
                "Nâng cấp Cổng dịch vụ công",
                "100% thủ tục được cung cấp trực tuyến toàn trình",
                "Văn phòng UBND tỉnh",
            ],
        ],
    )
    table = read_table(path)
    assert isinstance(table, PlanTable)
    assert [task.name for task in table.tasks] == ["Số hóa hồ sơ hộ tịch", "Nâng cấp Cổng dịch vụ công"]
