"""Reading a plan table's structure: headings, numbering columns, codes, sub-groups, merged cells, guesses."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

import openpyxl
import pytest

from dxplanner import cli
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.plan_table import PlanTable, TableField
from dxplanner.excel.plan_reader import read_plan_table
from tests.unit import excel_structure_samples as samples
from tests.unit.excel_samples import Sample

SAMPLES = {name: getattr(samples, name) for name in dir(samples) if name.startswith("build_")}
# The words of the guesses this part of the reading makes (others make guesses of their own).
STRUCTURE_GUESSES = ("filled down from row", "joined to it", "A group heading", "read as more of this task")

Cell = str | int | float | None


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


def _columns(table: PlanTable) -> dict[str, TableField]:
    return {table.headings[column]: found for column, found in table.columns.items()}


@pytest.mark.parametrize("build", SAMPLES.values(), ids=SAMPLES.keys())
def test_each_table_is_read_row_by_row(build: Callable[[Path], Sample], tmp_path: Path) -> None:
    sample = build(tmp_path)
    table = read_plan_table(sample.path)
    assert (table.sheet, table.header_rows[1]) == (sample.sheet, sample.header_row)
    assert table.errors == []
    read = {task["row"]: task for task in cast(list[dict[str, Any]], table.as_json()["tasks"])}
    parents = {task.row: task.parent_row for task in table.tasks}
    assert sorted(read) == [task["row"] for task in sample.tasks]
    for expected in sample.tasks:
        row = cast(int, expected["row"])
        got = {**read[row], "parent_row": parents[row]}
        plain = {key: value for key, value in expected.items() if key != "guesses"}
        assert {key: got[key] for key in plain} == plain, f"row {row}"
        if "guesses" in expected:
            wanted = cast(list[str], expected["guesses"])
            ours = [guess for guess in got["guesses"] if any(word in guess for word in STRUCTURE_GUESSES)]
            assert sorted(ours) == sorted(wanted), f"row {row}"


def test_the_new_headings_are_given_their_roles(tmp_path: Path) -> None:
    assignment = read_plan_table(samples.build_assignment_headings(tmp_path).path)
    assert _columns(assignment) == {
        "TT": TableField.NUMBER,
        "Tên nhóm nhiệm vụ/nhiệm vụ": TableField.NAME,
        "Phân công nhiệm vụ": TableField.LEAD_UNIT,
        "Thời hạn": TableField.TIMELINE,
        "Sản phẩm": TableField.PRODUCT,
        "Nguồn lực (triệu đồng)": TableField.BUDGET,
    }
    # The whole assignment is handed on to the reading of units, the lead named first.
    lead = assignment.tasks[1].lead_unit
    assert lead is not None and "Sở Công Thương" in lead and "Sở Tài chính" not in lead
    status = read_plan_table(samples.build_status_beside_deadline(tmp_path).path)
    assert _columns(status) == {
        "STT": TableField.NUMBER,
        "Nhiệm vụ": TableField.NAME,
        "Cơ quan chủ trì theo dõi, đánh giá": TableField.LEAD_UNIT,
        "Tiến độ": TableField.PROGRESS,
        "Thời gian hoàn thành": TableField.TIMELINE,
        "Ghi chú": TableField.NOTES,
    }
    numbered = read_plan_table(samples.build_two_numbering_columns(tmp_path).path)
    assert _columns(numbered)["Chi tiết"] is TableField.SUB_NUMBER
    coded = read_plan_table(samples.build_task_codes(tmp_path).path)
    assert _columns(coded)["Mã nhiệm vụ"] is TableField.CODE


def test_a_progress_column_in_words_gives_figures_or_notes(tmp_path: Path) -> None:
    table = read_plan_table(samples.build_status_beside_deadline(tmp_path).path)
    assert [task.progress for task in table.tasks] == [None, 100.0, 0.0]


@pytest.mark.parametrize("beside", [None, "Ngày bắt đầu"])
def test_tien_do_without_a_deadline_column_is_still_the_timeline(beside: str | None, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "tien_do.xlsx",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Tiến độ", beside],
            [1, "Số hóa hồ sơ", "Sở Tư pháp", "Quý II/2026", "01/04/2026" if beside else None],
        ],
    )
    table = read_plan_table(path)
    assert _columns(table)["Tiến độ"] is TableField.TIMELINE
    assert table.tasks[0].timeline_text == "Quý II/2026"


@pytest.mark.parametrize(
    "rows",
    [
        [["Nhiệm vụ", "Chi tiết", "Đơn vị chủ trì"], ["Số hóa hồ sơ", "a", "Sở Tư pháp"]],
        [
            ["STT", "Nhiệm vụ", "Chi tiết", "Mã", "Đơn vị chủ trì"],
            [1, "Số hóa hồ sơ", "Hồ sơ hộ tịch từ năm 2020", "Theo Kế hoạch số 12/KH-UBND", "Sở Tư pháp"],
            [None, None, "đến năm 2025", None, None],
        ],
    ],
    ids=["no numbering column", "sentences"],
)
def test_chi_tiet_and_ma_over_words_are_no_numbers(rows: list[list[Cell]], tmp_path: Path) -> None:
    table = read_plan_table(_book(tmp_path / "chi_tiet.xlsx", rows))
    assert not {TableField.SUB_NUMBER, TableField.CODE} & set(table.columns.values())
    assert [task.name for task in table.tasks] == ["Số hóa hồ sơ"]


def _refusal(path: Path) -> str:
    with pytest.raises(InvalidInputError) as refused:
        read_plan_table(path)
    return refused.value.message


def test_no_table_names_the_headings_seen_and_the_missing_task_names(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "no_names.xlsx",
        [
            ["UBND TỈNH"],
            [],
            ["TT", "Việc cần làm", "Đơn vị thực hiện", "Hạn"],
            [1, "Số hóa hồ sơ", "Sở Tư pháp", "Quý II/2026"],
        ],
    )
    message = _refusal(path)
    assert message.startswith("No plan table was found in no_names.xlsx")
    assert "row 3" in message and "“Kế hoạch”" in message
    for heading in ("“TT”", "“Việc cần làm”", "“Đơn vị thực hiện”", "“Hạn”"):
        assert heading in message
    assert "task names" in message
    assert "STT" not in message  # the row is headed "TT": it is not said to lack one
    assert "\n" not in message


def test_no_table_says_when_only_the_task_names_were_found(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "names_only.xlsx",
        [["Nhiệm vụ", "Người theo dõi", "Hạn chót"], ["Số hóa hồ sơ", "Anh Minh", "30/6"]],
    )
    message = _refusal(path)
    assert "row 1" in message and "“Nhiệm vụ”" in message and "“Người theo dõi”" in message
    assert "lead unit" in message and "task names" not in message


def test_a_numbered_row_under_a_task_is_never_joined_to_it(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "sub_numbers.xlsx",
        [
            ["TT", "Chi tiết", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            [1, None, "Chuyển đổi số trong y tế", "Sở Y tế", "Năm 2026"],
            [None, "1.1", "Bệnh án điện tử tại bệnh viện tuyến tỉnh"],
            [None, "1.2", "Sổ sức khỏe điện tử", "Sở Y tế", "Quý III/2026"],
            [2, None, "Chuyển đổi số trong giáo dục", "Sở Giáo dục và Đào tạo", "Năm 2026"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.code, task.name, task.parent_row) for task in table.tasks] == [
        ("1", "Chuyển đổi số trong y tế", None),
        ("1.1", "Bệnh án điện tử tại bệnh viện tuyến tỉnh", 2),
        ("1.2", "Sổ sức khỏe điện tử", 2),
        ("2", "Chuyển đổi số trong giáo dục", None),
    ]


def test_money_merged_over_several_tasks_is_counted_once(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "money.xlsx",
        [
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kinh phí (triệu đồng)"],
            [1, "Nâng cấp Cổng dịch vụ công", "Văn phòng UBND tỉnh", 900],
            [2, "Nâng cấp Hệ thống một cửa điện tử", None, None],
            [3, "Kết nối với Cổng dịch vụ công quốc gia", None, None],
        ],
        merges=["C2:C4", "D2:D4"],
    )
    table = read_plan_table(path)
    assert [task.lead_unit for task in table.tasks] == ["Văn phòng UBND tỉnh"] * 3
    assert [sum(amount.amount for amount in task.budget) for task in table.tasks] == [900_000_000, 0, 0]


def test_a_dry_run_prints_each_rows_guesses(tmp_path: Path) -> None:
    sample = samples.build_merged_over_tasks(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(
        ["import", str(sample.path), "--into", str(tmp_path / "new.dxplan"), "--dry-run", "--json"], out, err
    )
    assert status == 0, err.getvalue()
    tasks = {task["row"]: task for task in json.loads(out.getvalue())["tasks"]}
    assert "Lead unit filled down from row 6 (one merged cell)." in tasks[7]["guesses"]
    assert tasks[6]["guesses"] == []


def test_parts_numbered_2a_2b_lie_under_task_2_and_share_its_merged_deadline(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "parts.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", None, None],
            ["2a", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", "Quý III/2026"],
            ["2b", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", None],
        ],
        merges=["D3:D4"],
    )
    table = read_plan_table(path)
    assert [(task.code, task.parent_row, task.timeline_text) for task in table.tasks] == [
        ("2", None, None),
        ("2a", 2, "Quý III/2026"),
        ("2b", 2, "Quý III/2026"),
    ]
    assert table.tasks[2].guesses == ["Timeline filled down from row 3 (one merged cell)."]


def test_a_heading_under_a_groups_own_row_goes_under_it(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "nested.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["I", "CHÍNH QUYỀN SỐ"],
            [None, "NỀN TẢNG DÙNG CHUNG"],
            [1, "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu", "Sở Khoa học và Công nghệ", "Quý II/2026"],
            [2, "Phát triển các ứng dụng chuyên ngành"],
            [None, "ỨNG DỤNG Y TẾ"],
            ["a)", "Triển khai bệnh án điện tử", "Sở Y tế", "Năm 2026"],
            [None, "ỨNG DỤNG GIÁO DỤC"],
            ["a)", "Triển khai học bạ số", "Sở Giáo dục và Đào tạo", "Năm 2026"],
            [3, "Vận hành Trung tâm giám sát an toàn thông tin", "Công an tỉnh", "Thường xuyên"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.row, task.kind.value, task.parent_row) for task in table.tasks] == [
        (2, "group", None),
        (3, "group", 2),
        (4, "task", 3),
        (5, "group", 3),
        (6, "group", 5),
        (7, "task", 6),
        (8, "group", 5),
        (9, "task", 8),
        (10, "task", 3),
    ]


def test_a_heading_in_capitals_that_carries_on_the_one_above_is_joined_to_it(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "capitals.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["I", "PHÁT TRIỂN HẠ TẦNG SỐ"],
            [None, "VÀ NỀN TẢNG SỐ DÙNG CHUNG"],
            [1, "Nâng cấp Trung tâm dữ liệu của tỉnh", "Sở Khoa học và Công nghệ", "Năm 2026"],
            [None, "Tại cấp xã"],
            [
                "a)",
                "Kết nối mạng truyền số liệu chuyên dùng đến các xã",
                "Sở Khoa học và Công nghệ",
                "Quý II/2026",
            ],
        ],
    )
    table = read_plan_table(path)
    assert [(task.row, task.name, task.kind.value, task.parent_row) for task in table.tasks] == [
        (2, "PHÁT TRIỂN HẠ TẦNG SỐ VÀ NỀN TẢNG SỐ DÙNG CHUNG", "group", None),
        (4, "Nâng cấp Trung tâm dữ liệu của tỉnh", "task", 2),
        (5, "Tại cấp xã", "group", 2),
        (6, "Kết nối mạng truyền số liệu chuyên dùng đến các xã", "task", 5),
    ]


def test_a_row_before_a_section_is_more_of_the_task_above(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "sections.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            [1, "Rà soát, đánh giá hiện trạng hạ tầng số", "Sở Khoa học và Công nghệ", "Quý I/2026"],
            [None, "Báo cáo Ủy ban nhân dân tỉnh"],
            ["I", "NHIỆM VỤ TRỌNG TÂM"],
            [1, "Triển khai Nền tảng số dùng chung", "Sở Khoa học và Công nghệ", "Năm 2026"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.row, task.name, task.parent_row) for task in table.tasks] == [
        (2, "Rà soát, đánh giá hiện trạng hạ tầng số Báo cáo Ủy ban nhân dân tỉnh", None),
        (4, "NHIỆM VỤ TRỌNG TÂM", None),
        (5, "Triển khai Nền tảng số dùng chung", 4),
    ]


def test_stages_and_steps_numbered_in_the_time_column_hold_the_tasks_under_them(tmp_path: Path) -> None:
    # Quyết định 836/QĐ-BXD: the first column is the time, merged down over a step's tasks; "I" and
    # "1" there, with nothing past the name, mark a stage and a step in it.
    ban, vlxd, khtc = "Ban Quản lý quy hoạch", "Vụ Vật liệu xây dựng", "- Vụ Kế hoạch -Tài chính."
    path = _book(
        tmp_path / "stages.xlsx",
        [
            ["Thời gian", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["I", "GIAI ĐOẠN 1: LẬP, THẨM ĐỊNH, PHÊ DUYỆT LẬP NHIỆM VỤ"],
            ["1", "Lập nhiệm vụ quy hoạch"],
            ["10-11/2019", "Xây dựng nhiệm vụ lập quy hoạch", ban, khtc],
            [None, "Lấy ý kiến các Bộ, ngành, cơ quan ngang bộ", vlxd, khtc],
            ["2", "Thẩm định nhiệm vụ lập quy hoạch"],
            ["11-12/2019", "Trình Hội đồng thẩm định nhiệm vụ lập quy hoạch", ban, khtc],
            ["II", "GIAI ĐOẠN 2: LẬP, THẨM ĐỊNH, PHÊ DUYỆT QUY HOẠCH"],
            ["1", "Lập Quy hoạch", None, None],
            ["02-03/2020", "Lựa chọn Tư vấn lập Quy hoạch", ban, khtc],
            ["III", "GIAI ĐOẠN 3: CÔNG BỐ QUY HOẠCH"],
            ["11-12/2021", "Xây dựng kế hoạch công bố Quy hoạch", ban, khtc],
            [None, "Tổ chức Hội nghị công bố Quy hoạch", ban, khtc],
        ],
        merges=["A4:A5", "A12:A13"],
    )
    table = read_plan_table(path)
    assert [(task.row, task.kind.value, task.code, task.parent_row) for task in table.tasks] == [
        (2, "group", "I", None),
        (3, "group", "1", 2),
        (4, "task", None, 3),
        (5, "task", None, 3),
        (6, "group", "2", 2),
        (7, "task", None, 6),
        (8, "group", "II", None),
        (9, "group", "1", 8),
        (10, "task", None, 9),
        (11, "group", "III", None),
        (12, "task", None, 11),
        (13, "task", None, 11),
    ]
    groups = [task for task in table.tasks if task.kind.value == "group"]
    assert all(task.timeline_text is None and task.start is None for task in groups)
    assert all(any("time column" in guess for guess in task.guesses) for task in groups)
    assert table.tasks[3].timeline_text == "10-11/2019"  # the merged time still reaches the task under
    assert table.warnings == [] and table.errors == []


def test_a_step_in_the_time_column_with_nothing_under_it_yet_is_still_a_group(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "last_stage.xlsx",
        [
            ["Thời gian", "Nội dung công việc", "Đơn vị chủ trì"],
            ["II", "GIAI ĐOẠN 2: LẬP, THẨM ĐỊNH, PHÊ DUYỆT QUY HOẠCH"],
            ["1", "Lập Quy hoạch"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.kind.value, task.code, task.parent_row) for task in table.tasks] == [
        ("group", "II", None),
        ("group", "1", 2),
    ]


def test_a_year_in_the_time_column_of_a_row_with_a_name_only_is_its_time(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "years.xlsx",
        [
            ["Thời gian", "Nội dung công việc", "Đơn vị chủ trì"],
            ["2026", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp"],
            ["2027", "Tổng kết, đánh giá"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.kind.value, task.code, task.parent_row, task.timeline_text) for task in table.tasks] == [
        ("task", None, None, "2026"),
        ("task", None, None, "2027"),
    ]


def test_an_unnumbered_row_with_its_own_cells_stands_beside_the_task_above(tmp_path: Path) -> None:
    # Nghị quyết 88/NQ-CP: the row after task 5 has no number but its own product, lead, helpers and
    # time; it is a task of its own, and task 5 stays a task.
    tnmt = "Bộ Tài nguyên và Môi trường"
    path = _book(
        tmp_path / "nq88.xlsx",
        [
            [
                "TT",
                "Nội dung công việc",
                "Sản phẩm, hình thức văn bản",
                "Cơ quan chủ trì thực hiện",
                "Cơ quan phối hợp thực hiện",
                "Thời gian trình",
            ],
            [
                5,
                "Phê duyệt Chiến lược địa chất, khoáng sản và công nghiệp khai khoáng đến năm 2030",
                "Quyết định của Thủ tướng Chính phủ",
                tnmt,
                "Bộ Công Thương, Bộ Xây dựng",
                "Quý III, năm 2022",
            ],
            [
                None,
                "Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản trong phạm vi cả nước",
                "Đề án",
                tnmt,
                "Bộ Công Thương, Bộ Xây dựng",
                "Năm 2030",
            ],
            [
                6,
                "Trình, phê duyệt Quy hoạch điều tra cơ bản địa chất về khoáng sản",
                "Quyết định của Thủ tướng Chính phủ",
                tnmt,
                "Bộ Công Thương, Bộ Xây dựng",
                "Quý III, năm 2022",
            ],
        ],
    )
    table = read_plan_table(path)
    assert [(task.row, task.kind.value, task.code, task.parent_row) for task in table.tasks] == [
        (2, "task", "5", None),
        (3, "task", None, None),
        (4, "task", "6", None),
    ]
    assert any("beside the task above" in guess for guess in table.tasks[1].guesses)


def test_an_unnumbered_task_under_a_group_stays_in_the_group(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "in_group.xlsx",
        [
            ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["I", "CHÍNH QUYỀN SỐ"],
            [1, "Nâng cấp Cổng dịch vụ công của tỉnh", "Văn phòng UBND tỉnh", "Quý II/2026"],
            [None, "Kết nối Cổng dịch vụ công với Cổng quốc gia", "Văn phòng UBND tỉnh", "Quý III/2026"],
            [2, "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", "Năm 2026"],
        ],
    )
    table = read_plan_table(path)
    assert [(task.row, task.kind.value, task.parent_row) for task in table.tasks] == [
        (2, "group", None),
        (3, "task", 2),
        (4, "task", 2),
        (5, "task", 2),
    ]


_NQ03_HEADINGS = [
    "TT",
    "Tên nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kết quả",
    "Thời gian hoàn thành",
]


def test_a_spill_that_repeats_the_end_of_the_name_above_is_dropped(tmp_path: Path) -> None:
    # Nghị quyết 03/NQ-CP, task 128: the page break repeats the end of its name on a row of its own.
    name = (
        "Xây dựng bộ tiêu chí đánh giá hiệu quả đầu tư cho chuyển đổi số quốc gia. Xây dựng công cụ đánh "
        "giá trực tuyến và định kỳ tổ chức đánh giá, công bố kết quả."
    )
    path = _book(
        tmp_path / "spill.xlsx",
        [
            _NQ03_HEADINGS,
            [
                "128.",
                name,
                "Bộ Thông tin và Truyền thông",
                None,
                "Quyết định của Thủ tướng Chính phủ",
                "2025",
            ],
            [None, "trưc tuyến và định kỳ tổ chức đánh giá, công bố kết quả."],
            [
                "129.",
                "Xây dựng chương trình thúc đẩy tiêu dùng sản phẩm, dịch vụ trên môi trường số",
                "Các bộ, ngành, địa phương",
                None,
                "Quyết định phê duyệt Chương trình được ban hành",
                "9/2026",
            ],
        ],
    )
    table = read_plan_table(path)
    assert [(task.code, task.name) for task in table.tasks] == [
        ("128", name),
        ("129", "Xây dựng chương trình thúc đẩy tiêu dùng sản phẩm, dịch vụ trên môi trường số"),
    ]
    assert any("Row 3" in guess and "repeats" in guess for guess in table.tasks[0].guesses)


def test_a_lead_cell_spilled_into_the_cooperating_column_names_no_helper(tmp_path: Path) -> None:
    # Nghị quyết 03/NQ-CP, task 108: the end of its lead cell spills, over the page break, into the
    # cooperating column of the row that carries the rest of its name.
    leads = (
        "Bộ Công an, Bộ Lao động - Thương binh và Xã hội, Bộ Tài nguyên và Môi trường, "
        "Bộ Giao thông vận tải, Ngân hàng nhà nước Việt Nam, Bộ Nông nghiệp và Phát triển nông thôn, "
        "Bộ Khoa học và Công nghệ, "
        "Bộ Tài chính"
    )
    path = _book(
        tmp_path / "lead_spill.xlsx",
        [
            _NQ03_HEADINGS,
            [
                "108.",
                "Hoàn thành việc triển khai các nhiệm vụ phục vụ chuyển đổi số, gồm: (1) Định danh tàu;",
                leads,
                None,
                None,
                "2025",
            ],
            [
                None,
                "(5) Ứng dụng dữ liệu dân cư trong lĩnh vực ngân hàng.",
                None,
                "nghiệp và phát triển nông thôn, Bộ Khoa học và Công nghệ, Bộ Tài chính",
            ],
        ],
    )
    (task,) = read_plan_table(path).tasks
    assert task.lead_unit == "Bộ Công an"
    assert "nghiệp và phát triển nông thôn" not in task.cooperating_units
    assert len(task.cooperating_units) == 7
    assert task.name.endswith("(5) Ứng dụng dữ liệu dân cư trong lĩnh vực ngân hàng.")
    assert any("Row 3" in guess and "repeats" in guess for guess in task.guesses)


def test_a_lower_case_tail_of_a_unit_cut_by_a_page_break_is_joined_to_it(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "cut_unit.xlsx",
        [
            _NQ03_HEADINGS,
            [
                "12.",
                "Xây dựng cơ sở dữ liệu về đất đai và kết nối với",
                "Bộ Tài nguyên và Môi trường",
                "Bộ Công an, Bộ Nông",
                "Cơ sở dữ liệu",
                "2026",
            ],
            [None, "Cơ sở dữ liệu quốc gia về dân cư", None, "nghiệp và Phát triển nông thôn"],
        ],
    )
    (task,) = read_plan_table(path).tasks
    assert task.name == "Xây dựng cơ sở dữ liệu về đất đai và kết nối với Cơ sở dữ liệu quốc gia về dân cư"
    assert task.cooperating_units == ["Bộ Công an", "Bộ Nông nghiệp và Phát triển nông thôn"]
    assert any("Row 3" in guess and "cut" in guess for guess in task.guesses)


_RESPONSIBLE = "Cơ quan chịu trách nhiệm quản lý nhà nước theo quy định"


def test_the_responsible_body_leads_a_row_whose_lead_cell_is_empty(tmp_path: Path) -> None:
    # Quyết định 836/QĐ-BXD: the role column names the Prime Minister on the rows that name nobody else.
    path = _book(
        tmp_path / "responsible.xlsx",
        [
            ["Thời gian", "Nội dung công việc", _RESPONSIBLE, "Đơn vị chủ trì", "Đơn vị phối hợp"],
            [
                "12/2019",
                "Trình Thủ tướng Chính phủ phê duyệt nhiệm vụ lập Quy hoạch",
                "Cơ quan tổ chức lập quy hoạch",
                "Vụ Vật liệu xây dựng",
                "- Vụ Kế hoạch -Tài chính; - Vụ Pháp chế.",
            ],
            ["01/2020", "Phê duyệt nhiệm vụ lập quy hoạch", "Thủ tướng Chính phủ", None, None],
        ],
    )
    table = read_plan_table(path)
    assert _columns(table)["Đơn vị chủ trì"] is TableField.LEAD_UNIT
    assert [(task.lead_unit, task.cooperating_units) for task in table.tasks] == [
        ("Vụ Vật liệu xây dựng", ["Vụ Kế hoạch -Tài chính", "Vụ Pháp chế"]),
        ("Thủ tướng Chính phủ", []),
    ]
    assert any(_RESPONSIBLE in guess for guess in table.tasks[1].guesses)
    assert not any(_RESPONSIBLE in guess for guess in table.tasks[0].guesses)


def test_a_responsible_body_column_alone_is_the_lead_column(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "responsible_only.xlsx",
        [
            ["STT", "Nhiệm vụ", "Cơ quan chịu trách nhiệm", "Thời gian hoàn thành"],
            [1, "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", "Quý II/2026"],
        ],
    )
    table = read_plan_table(path)
    assert _columns(table)["Cơ quan chịu trách nhiệm"] is TableField.LEAD_UNIT
    assert table.tasks[0].lead_unit == "Sở Tư pháp"


def test_a_progress_in_words_past_100_is_warned_of_not_said_to_state_no_figure(tmp_path: Path) -> None:
    """ "150%" states a figure, one out of range: said so among the problems, kept in the notes."""
    path = _book(
        tmp_path / "qua_100.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ thực hiện (%)"],
            [1, "Số hóa hồ sơ", "Sở Tư pháp", "150%"],
        ],
    )
    table = read_plan_table(path)
    (task,) = table.tasks
    assert task.progress is None and task.notes is not None and "150%" in task.notes
    assert not any("states no figure" in guess for guess in task.guesses)
    assert [(problem.row, problem.message) for problem in table.warnings] == [
        (2, "Progress must be between 0 and 100, not 150; “150%” is kept in the notes.")
    ]
