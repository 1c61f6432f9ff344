"""Reading the two catalogues agencies publish: procedures with their online level, information systems."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core import catalogue_words as words
from dxplanner.core.catalogue_words import UnreadWordError
from dxplanner.core.enums import EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import TableKind
from dxplanner.excel.catalogue_reader import read_catalogue
from tests.unit import catalogue_samples as samples


def test_procedures_are_read_under_merged_titles_with_their_group_rows(tmp_path: Path) -> None:
    table = read_catalogue(samples.procedures(tmp_path), TableKind.PROCEDURES)
    assert table.errors == []
    assert table.title == samples.PROCEDURE_TITLE
    assert table.header_rows == (5, 5)
    assert [item.row for item in table.services] == [8, 9, 11, 12]  # groups, (1) (2) … and the footer skipped
    first, second, birth, marriage = table.services
    assert (first.code, first.name) == ("1.001234", "Đăng ký đất đai lần đầu")
    assert second.code == "2.000123.000.00.00.H56"
    # The field comes from the group row above, in sentence case, unless the row gives its own.
    assert [item.field for item in table.services] == ["Đất đai", "Đất đai", "Hộ tịch", "Hộ tịch"]
    assert first.unit == "Sở Tài nguyên và Môi trường"
    assert (first.on_national_portal, first.online_payment, first.online_share) == (True, True, 85.5)
    assert (second.on_national_portal, second.online_payment, second.online_share) == (True, False, 40.0)
    assert birth.online_share == 62.0
    assert marriage.online_share is None


def test_new_level_words_and_old_levels_are_told_apart(tmp_path: Path) -> None:
    table = read_catalogue(samples.procedures(tmp_path), TableKind.PROCEDURES)
    levels = [(item.level_old, item.level) for item in table.services]
    assert levels == [
        (None, ServiceLevel.FULL_PROCESS_ONLINE),
        (None, ServiceLevel.PARTIAL_ONLINE),
        (4, None),  # "Mức độ 4" does not say "toàn trình"
        (3, None),  # "Mức 3"
    ]


def test_a_level_marked_under_toan_trinh_or_mot_phan_and_a_unit_group_row(tmp_path: Path) -> None:
    table = read_catalogue(samples.procedures_with_marks(tmp_path), TableKind.PROCEDURES)
    assert table.errors == []
    assert table.header_rows == (2, 3)
    assert [item.level for item in table.services] == [
        ServiceLevel.FULL_PROCESS_ONLINE,
        ServiceLevel.PARTIAL_ONLINE,
    ]
    assert {item.unit for item in table.services} == {"SỞ XÂY DỰNG"}  # the group row names the unit


def test_a_bad_level_and_a_missing_code_are_one_error_each_on_their_rows(tmp_path: Path) -> None:
    rows = samples.procedures_rows()
    rows[7][5] = "Mức độ 7"
    rows[10][1] = None
    table = read_catalogue(samples.procedures(tmp_path, rows), TableKind.PROCEDURES)
    assert [(problem.row, problem.column) for problem in table.errors] == [(8, "F"), (11, "B")]
    assert "Mức độ 7" in table.errors[0].message
    assert "Đăng ký khai sinh" in table.errors[1].message and "code" in table.errors[1].message
    # A row without its code is left out; the others are still read, to be shown in the preview.
    assert [item.row for item in table.services] == [8, 9, 12]


def test_a_code_listed_twice_for_the_same_unit_is_refused_on_the_second_row(tmp_path: Path) -> None:
    rows = samples.procedures_rows()
    rows[8][1] = "1.001234"
    table = read_catalogue(samples.procedures(tmp_path, rows), TableKind.PROCEDURES)
    assert [(problem.row, problem.column) for problem in table.errors] == [(9, "B")]
    assert "row 8" in table.errors[0].message


def test_systems_are_read_with_owner_kind_level_hosting_security_and_status(tmp_path: Path) -> None:
    table = read_catalogue(samples.systems(tmp_path), TableKind.SYSTEMS)
    assert table.errors == [] and table.warnings == []
    assert [item.name for item in table.systems] == [
        "Hệ thống thông tin giải quyết thủ tục hành chính",
        "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
        "Cơ sở dữ liệu đất đai",
        "Cổng thông tin điện tử Sở Y tế",
    ]
    assert [
        (item.owner, item.kind, item.level, item.hosting, item.security_level, item.security_plan_approved)
        for item in table.systems
    ] == [
        (
            "Văn phòng UBND tỉnh",
            SystemKind.APPLICATION,
            GovernmentLevel.MINISTRY_PROVINCE,
            Hosting.PROVINCIAL_DATA_CENTRE,
            3,
            True,
        ),
        (
            "Sở Thông tin và Truyền thông",
            SystemKind.PLATFORM,
            GovernmentLevel.MINISTRY_PROVINCE,
            Hosting.GOVERNMENT_CLOUD,
            3,
            True,
        ),
        (
            "Sở Tài nguyên và Môi trường",
            SystemKind.DATABASE,
            GovernmentLevel.DEPARTMENT,
            Hosting.OWN_SERVER_ROOM,
            2,
            False,
        ),
        ("Sở Y tế", SystemKind.PORTAL, GovernmentLevel.DEPARTMENT, Hosting.COMMERCIAL_CLOUD, 2, False),
    ]
    assert [item.status for item in table.systems] == [
        EstateStatus.RUNNING,
        EstateStatus.RUNNING,
        EstateStatus.BUILDING,
        EstateStatus.RUNNING,
    ]


def test_a_bad_security_level_is_an_error_and_an_unknown_kind_a_warning(tmp_path: Path) -> None:
    rows = samples.systems_rows()
    rows[4][6] = "Cấp độ 6"
    rows[5][3] = "Máy tính bảng"
    table = read_catalogue(samples.systems(tmp_path, rows), TableKind.SYSTEMS)
    assert [(problem.row, problem.column) for problem in table.errors] == [(5, "G")]
    assert [(problem.row, problem.column) for problem in table.warnings] == [(6, "D")]
    assert table.systems[1].kind is None  # left out: a new system takes the default, an old one keeps its own


def test_a_workbook_without_the_catalogue_asked_for_is_refused_with_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"No catalogue of this kind was found in he-thong\.xlsx"):
        read_catalogue(samples.systems(tmp_path), TableKind.PROCEDURES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toàn trình", (None, ServiceLevel.FULL_PROCESS_ONLINE)),
        ("DVC trực tuyến một phần", (None, ServiceLevel.PARTIAL_ONLINE)),
        ("Mức độ 3", (3, None)),
        ("Mức 4", (4, None)),
        ("4", (4, None)),
        ("Mức độ 4 (toàn trình)", (4, ServiceLevel.FULL_PROCESS_ONLINE)),
        ("", (None, None)),
    ],
)
def test_level_words(text: str, expected: tuple[int | None, ServiceLevel | None]) -> None:
    assert words.service_level(text) == expected


@pytest.mark.parametrize("text", ["Mức độ 5", "trực tiếp", "Mức độ 0"])
def test_words_that_are_no_level_are_refused(text: str) -> None:
    with pytest.raises(UnreadWordError, match="no level of online service"):
        words.service_level(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("x", True),
        ("X", True),
        ("có", True),
        ("Có", True),
        ("✓", True),
        (1, True),
        ("1", True),
        (None, False),
        ("", False),
        ("không", False),
        (0, False),
    ],
)
def test_yes_and_no_marks(value: object, expected: bool) -> None:
    assert words.yes_or_no(value) is expected


def test_a_mark_that_is_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(UnreadWordError, match="neither yes nor no"):
        words.yes_or_no("đang làm")


def test_a_unit_and_a_field_merged_down_over_their_rows_belong_to_each(tmp_path: Path) -> None:
    rows: list[list[samples.Cell]] = [
        ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện", "Mức độ"],
        [1, "1.010001", "Cấp phép A", "Giao thông", "Sở Giao thông vận tải", "Toàn trình"],
        [2, "1.010002", "Cấp phép B", None, None, "Một phần"],
        [3, "1.010003", "Cấp phép C", None, None, "Toàn trình"],
    ]
    path = samples.workbook(tmp_path, rows, ["D2:D4", "E2:E4"])
    table = read_catalogue(path, TableKind.PROCEDURES)
    assert table.errors == []
    read = [(item.field, item.unit) for item in table.services]
    assert read == [("Giao thông", "Sở Giao thông vận tải")] * 3


def test_a_code_excel_keeps_as_a_number_is_read_with_its_six_decimals(tmp_path: Path) -> None:
    rows = samples.procedures_rows()
    rows[7][1] = 1.00123  # "1.001230" typed into a cell formatted as a number
    table = read_catalogue(samples.procedures(tmp_path, rows), TableKind.PROCEDURES)
    assert table.services[0].code == "1.001230"


def test_levels_marked_in_columns_named_dvc_truc_tuyen_toan_trinh_and_mot_phan(tmp_path: Path) -> None:
    rows: list[list[samples.Cell]] = [
        ["STT", "Mã thủ tục", "Tên thủ tục", "DVC trực tuyến toàn trình", "DVC trực tuyến một phần"],
        [1, "1.010001", "Cấp phép A", "x", None],
        [2, "1.010002", "Cấp phép B", None, "x"],
        [3, "1.010003", "Cấp phép C", None, None],
    ]
    table = read_catalogue(samples.workbook(tmp_path, rows, []), TableKind.PROCEDURES)
    assert table.errors == []
    assert [item.level for item in table.services] == [
        ServiceLevel.FULL_PROCESS_ONLINE,
        ServiceLevel.PARTIAL_ONLINE,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đang vận hành", EstateStatus.RUNNING),
        ("Đưa vào sử dụng", EstateStatus.RUNNING),
        ("Đang xây dựng", EstateStatus.BUILDING),
        ("Đang triển khai", EstateStatus.BUILDING),
        ("Dự kiến xây dựng năm 2027", EstateStatus.PLANNED),
        ("Chưa triển khai", EstateStatus.PLANNED),
        ("Ngừng hoạt động", EstateStatus.RETIRED),
        ("Đã dừng vận hành", EstateStatus.RETIRED),
    ],
)
def test_status_words(text: str, expected: EstateStatus) -> None:
    assert words.status(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quốc gia", GovernmentLevel.NATIONAL),
        ("Cấp bộ, tỉnh", GovernmentLevel.MINISTRY_PROVINCE),
        ("Tỉnh", GovernmentLevel.MINISTRY_PROVINCE),
        ("Sở, ngành", GovernmentLevel.DEPARTMENT),
        ("Cấp huyện", GovernmentLevel.DEPARTMENT),
    ],
)
def test_government_level_words(text: str, expected: GovernmentLevel) -> None:
    assert words.government_level(text) is expected


@pytest.mark.parametrize(("value", "expected"), [("Cấp độ 3", 3), (4, 4), (2.0, 2), ("III", 3), ("cấp 5", 5)])
def test_security_levels(value: object, expected: int) -> None:
    assert words.security_level(value) == expected


@pytest.mark.parametrize("value", ["Chưa xác định", "Đang lập hồ sơ cấp độ", "-"])
def test_a_security_level_not_yet_given_is_left_empty(value: str) -> None:
    assert words.security_level(value) is None
