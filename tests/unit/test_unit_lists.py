"""Units named in one cell as the published tables write them: lists, collectives, brackets, cut-off words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from dxplanner.core.plan_table import PlanTable, TableTask
from dxplanner.core.unit_lists import read_units, split_units
from dxplanner.excel.plan_reader import read_plan_table

HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]


def _helpers(text: str) -> list[str]:
    reading = read_units(text, lead=False)
    assert list(reading.leads) == []
    return list(reading.cooperating)


def _table(tmp_path: Path, rows: Sequence[Sequence[str | int | None]]) -> PlanTable:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (HEADER, *rows):
        sheet.append(list(row))
    book.save(tmp_path / "plan.xlsx")
    return read_plan_table(tmp_path / "plan.xlsx")


def _task(tmp_path: Path, lead: str | None, helpers: str | None) -> TableTask:
    table = _table(tmp_path, [[1, "Số hóa hồ sơ", lead, helpers, "2026"]])
    assert table.errors == []
    return table.tasks[0]


# Nghị quyết 03/NQ-CP (2025), Phụ lục II, tasks 1 and 2: short names listed with commas.
def test_a_list_of_short_names_is_one_unit_each() -> None:
    assert _helpers("Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN") == [
        "Ban Tuyên giáo Trung ương",
        "các bộ, ngành, địa phương",
        "VTV",
        "VOV",
        "TTXVN",
    ]


def test_the_first_short_name_of_a_lead_cell_leads(tmp_path: Path) -> None:
    task = _task(tmp_path, "VTV, VOV, TTXVN, các địa phương", "Bộ Khoa học và Công nghệ")
    assert task.lead_unit == "VTV"
    assert task.cooperating_units == ["VOV", "TTXVN", "các địa phương", "Bộ Khoa học và Công nghệ"]


# Nghị quyết 03/NQ-CP, tasks 135 and 139: a collective, then other bodies after it.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Các bộ, ngành, địa phương, doanh nghiệp liên quan, các cơ quan đại diện Việt Nam ở nước ngoài",
         ["Các bộ, ngành, địa phương", "doanh nghiệp liên quan",
          "các cơ quan đại diện Việt Nam ở nước ngoài"]),
        ("Các sở, ngành, doanh nghiệp", ["Các sở, ngành", "doanh nghiệp"]),
        # Bodies of one kind stay one collective.
        ("Tập đoàn, doanh nghiệp công nghệ số", ["Tập đoàn, doanh nghiệp công nghệ số"]),
        ("Các tỉnh, thành phố trực thuộc Trung ương", ["Các tỉnh, thành phố trực thuộc Trung ương"]),
        ("Các bộ, ngành, địa phương", ["Các bộ, ngành, địa phương"]),
    ],
)  # fmt: skip
def test_a_body_of_another_kind_after_a_collective_is_a_unit_of_its_own(text: str, units: list[str]) -> None:
    assert _helpers(text) == units


# Nghị quyết 03/NQ-CP, task 90: the bodies of the State named by their own names.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Các cơ quan Đảng, Quốc hội, Tòa án nhân dân tối cao, Viện Kiểm sát nhân dân tối cao",
         ["Các cơ quan Đảng", "Quốc hội", "Tòa án nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao"]),
        ("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam",
         ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]),
        ("Bộ Tư pháp, Chính phủ", ["Bộ Tư pháp", "Chính phủ"]),
        # A kind in capitals after a collective still goes on it.
        ("UBND các huyện, Thị xã, Thành phố", ["UBND các huyện, Thị xã, Thành phố"]),
    ],
)  # fmt: skip
def test_the_bodies_of_the_state_named_alone_are_units(text: str, units: list[str]) -> None:
    assert _helpers(text) == units


# Nghị quyết 03/NQ-CP, task 8: two full names back to back, the copy's line break lost.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ",
         ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]),
        ("Sở Y tế Sở Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
        # A body inside a ministry names the ministry it belongs to.
        ("Văn phòng Bộ Tư pháp", ["Văn phòng Bộ Tư pháp"]),
        ("Thanh tra Bộ Xây dựng", ["Thanh tra Bộ Xây dựng"]),
        ("Vụ Pháp chế Bộ Tư pháp", ["Vụ Pháp chế Bộ Tư pháp"]),
        ("Sở Nội vụ Bộ phận một cửa", ["Sở Nội vụ Bộ phận một cửa"]),
        ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]),
        ("Sở Tài chính và Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    ],
)  # fmt: skip
def test_two_names_back_to_back_are_two_units(text: str, units: list[str]) -> None:
    assert _helpers(text) == units


# Nghị quyết 03/NQ-CP, task 3: the copy cuts the cell after a lone "Bộ".
def test_a_kind_cut_off_at_the_end_names_no_unit() -> None:
    reading = read_units("Bộ Thông tin và Truyền thông, Bộ Khoa học và Công nghệ, Bộ", lead=False)
    assert list(reading.cooperating) == ["Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]
    assert list(reading.dropped) == ["Bộ"]


def test_a_kind_cut_off_is_dropped_with_a_warning(tmp_path: Path) -> None:
    table = _table(
        tmp_path,
        [[1, "Học tập số", "Các bộ, ngành, địa phương", "Bộ Thông tin và Truyền thông, Bộ", "2026"]],
    )
    assert table.tasks[0].cooperating_units == ["Bộ Thông tin và Truyền thông"]
    assert [(warning.row, warning.column) for warning in table.warnings if "“Bộ”" in warning.message] == [
        (2, "D")
    ]


@pytest.mark.parametrize("text", ["UBND tỉnh, huyện", "Sở, ban, ngành", "Các Sở, Ban, Ngành"])
def test_a_kind_that_goes_on_a_list_is_not_cut_off(text: str) -> None:
    reading = read_units(text, lead=False)
    assert (list(reading.cooperating), list(reading.dropped)) == ([text], [])


# Nghị quyết 03/NQ-CP, tasks 12 and 37: the lead written again among the helpers.
@pytest.mark.parametrize(
    ("lead", "helpers", "cooperating"),
    [
        ("Các bộ, ngành", "Bộ Tư pháp, các bộ, ngành", ["Bộ Tư pháp"]),
        ("Bộ, ngành, địa phương", "Các bộ, ngành, địa phương", []),
        ("Sở Tài chính", "SỞ TÀI CHÍNH; Sở Nội vụ", ["Sở Nội vụ"]),
    ],
)
def test_the_lead_is_not_its_own_helper(
    tmp_path: Path, lead: str, helpers: str, cooperating: list[str]
) -> None:
    task = _task(tmp_path, lead, helpers)
    assert (task.lead_unit, task.cooperating_units) == (lead, cooperating)
    assert any("leads; not also one of its cooperating units" in guess for guess in task.guesses)


# Quyết định 836/QĐ-BXD (2019): the planning board and the consultant it chooses.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Ban Quản lý quy hoạch /Tư vấn được lựa chọn", ["Ban Quản lý quy hoạch", "Tư vấn được lựa chọn"]),
        ("Vụ Kế hoạch- Tài chính/ Ban Quản lý quy hoạch.",
         ["Vụ Kế hoạch- Tài chính", "Ban Quản lý quy hoạch"]),
        ("Sở Xây dựng/Đơn vị tư vấn", ["Sở Xây dựng", "Đơn vị tư vấn"]),
        ("UBND xã/phường", ["UBND xã/phường"]),
        ("Sở Nội vụ (Phòng Tổ chức/Ban Thi đua)", ["Sở Nội vụ (Phòng Tổ chức/Ban Thi đua)"]),
    ],
)  # fmt: skip
def test_a_slash_between_two_bodies_splits(text: str, units: list[str]) -> None:
    assert _helpers(text) == units


def test_the_body_before_a_slash_leads_and_the_other_cooperates(tmp_path: Path) -> None:
    task = _task(tmp_path, "Ban Quản lý quy hoạch /Tư vấn được lựa chọn", "Vụ Pháp chế")
    assert (task.lead_unit, task.cooperating_units) == (
        "Ban Quản lý quy hoạch",
        ["Tư vấn được lựa chọn", "Vụ Pháp chế"],
    )


# Kế hoạch 11-KH/BCĐ tỉnh Khánh Hòa (2026), tasks 12, 14, 28-31 and 43.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Các sở, ban, ngành và UBND xã, phường", ["Các sở, ban, ngành", "UBND xã, phường"]),
        ("Các cơ quan, đơn vị thuộc 04 khối (Đảng, HĐND, UBND, UBM TTQ Việt Nam) và UBND xã, phường",
         ["Các cơ quan, đơn vị thuộc 04 khối (Đảng, HĐND, UBND, UBM TTQ Việt Nam)", "UBND xã, phường"]),
        ("Công an tỉnh, các sở, ban, ngành, UBND xã, phường",
         ["Công an tỉnh", "các sở, ban, ngành", "UBND xã, phường"]),
        ("Các sở, ban, ngành, các đảng ủy trực thuộc Tỉnh ủy, UBND xã, phường",
         ["Các sở, ban, ngành", "các đảng ủy trực thuộc Tỉnh ủy", "UBND xã, phường"]),
        # Nghị quyết 88/NQ-CP (2022), task 11: the people's committees of both kinds of locality.
        ("Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
         ["Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]),
        ("UBND các tỉnh và thành phố trực thuộc Trung ương",
         ["UBND các tỉnh và thành phố trực thuộc Trung ương"]),
    ],
)  # fmt: skip
def test_a_collective_then_another_body_is_two(text: str, units: list[str]) -> None:
    assert _helpers(text) == units


# Kế hoạch 11-KH/BCĐ tỉnh Khánh Hòa, task 17: the bodies in brackets are examples of one.
def test_no_split_on_a_comma_inside_brackets() -> None:
    assert _helpers("Công an tỉnh, Đơn vị vận hành hệ thống (Sở KH&CN, Văn phòng UB tỉnh,...)") == [
        "Công an tỉnh",
        "Đơn vị vận hành hệ thống (Sở KH&CN, Văn phòng UB tỉnh,...)",
    ]


# Kế hoạch 11-KH/BCĐ tỉnh Khánh Hòa, task 34: what the unit does, in brackets after it.
def test_a_role_in_brackets_after_a_unit_is_trimmed() -> None:
    reading = read_units("Văn phòng UBND tỉnh (theo dõi, đôn đốc, tổng hợp chung)", lead=False)
    assert list(reading.cooperating) == ["Văn phòng UBND tỉnh"]
    assert list(reading.trimmed) == ["(theo dõi, đôn đốc, tổng hợp chung)"]


def test_a_trimmed_role_is_shown_among_the_guesses(tmp_path: Path) -> None:
    task = _task(tmp_path, "Sở Tư pháp", "Văn phòng UBND tỉnh (theo dõi, đôn đốc, tổng hợp chung)")
    assert task.cooperating_units == ["Văn phòng UBND tỉnh"]
    assert any("theo dõi, đôn đốc, tổng hợp chung" in guess for guess in task.guesses)


# Quyết định 836/QĐ-BXD, step 2: the lead cell says who will decide, not who leads.
@pytest.mark.parametrize(
    "text", ["Do Chủ tịch Hội đồng thẩm định quyết định (*)", "Theo phân công của Ủy ban nhân dân tỉnh"]
)
def test_a_wording_that_names_no_body_is_no_lead(text: str) -> None:
    reading = read_units(text, lead=True)
    assert (list(reading.leads), list(reading.cooperating), list(reading.unnamed)) == ([], [], [text])


def test_a_lead_cell_naming_no_body_leaves_the_task_without_a_lead(tmp_path: Path) -> None:
    task = _task(
        tmp_path, "Do Chủ tịch Hội đồng thẩm định quyết định (*)", "Vụ Pháp chế; Vụ Vật liệu xây dựng"
    )
    assert (task.lead_unit, task.cooperating_units) == (None, ["Vụ Pháp chế", "Vụ Vật liệu xây dựng"])
    assert any("Do Chủ tịch Hội đồng thẩm định quyết định" in guess for guess in task.guesses)


# Bộ Nội vụ's units: "Viên chức" (civil servants) folds like "Viện" (an institute), "Số hóa"
# (digitisation) like "Sở" (a department); a word with other marks begins no unit's name.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Vụ Công chức - Viên chức", ["Vụ Công chức - Viên chức"]),
        ("Trung tâm Dữ liệu - Số hóa", ["Trung tâm Dữ liệu - Số hóa"]),
        ("Viện Chiến lược - Viện Khoa học", ["Viện Chiến lược", "Viện Khoa học"]),
        ("Sở Y tế - Sở Nội vụ", ["Sở Y tế", "Sở Nội vụ"]),
        ("VIỆN CHIẾN LƯỢC - SỞ NỘI VỤ", ["VIỆN CHIẾN LƯỢC", "SỞ NỘI VỤ"]),
        ("So Y te - Vien Khoa hoc", ["So Y te", "Vien Khoa hoc"]),  # typed without marks: as before
    ],
)
def test_a_word_that_only_folds_like_a_kind_of_body_splits_no_name(text: str, units: list[str]) -> None:
    assert split_units(text) == units
