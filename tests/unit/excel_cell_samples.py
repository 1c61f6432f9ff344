"""Plan tables whose cells say more than one thing, as 2025-2026 plans write them, and what each must read as.

The cells follow how published plans word them: a province's appendix "Kèm theo Kế hoạch số …/KH-UBND
ngày …", lead and cooperating units listed in one cell with commas, slashes, line breaks and role
words ("Chủ trì:", "Đề nghị phối hợp:", "… thực hiện tại địa phương"), money with its source in
words ("NSĐP 2.300 triệu đồng (chi thường xuyên: …)", "Vốn ĐTPT: 12 tỷ"), and deadlines in words
("90 ngày kể từ ngày ban hành Kế hoạch", a date with a remark under it, several dates in one cell).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

_Value = str | int | float | datetime.datetime | None
MILLION, BILLION = 10**6, 10**9


@dataclass(frozen=True)
class CellSample:
    """A workbook on disk; the tasks it must read, row by row, the guesses rows must show, its warnings."""

    path: Path
    tasks: list[dict[str, Any]]
    guesses: dict[int, list[str]] = field(default_factory=dict)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (row, words the warning holds)


@dataclass(frozen=True)
class _Row:
    """A task's row: its cells from column A on, what must be read from it, and the guesses it must show."""

    cells: tuple[_Value, ...]
    read: dict[str, object]
    guesses: tuple[str, ...] = ()
    warning: str | None = None


def _write(path: Path, top: Sequence[str], header: Sequence[str], rows: Sequence[_Row]) -> CellSample:
    """A sheet of title lines (column A), the header, then the rows; saved, and described."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Phụ lục"
    for line in top:
        sheet.append([line])
    sheet.append(list(header))
    first = len(top) + 2
    tasks, guesses, warnings = [], {}, []
    for number, row in enumerate(rows, start=first):
        for column, value in enumerate(row.cells, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True)
        tasks.append({"row": number, **row.read})
        if row.guesses:
            guesses[number] = list(row.guesses)
        if row.warning:
            warnings.append((number, row.warning))
    book.save(path)
    return CellSample(path, tasks, guesses, warnings)


def _budget(*amounts: tuple[str, int]) -> list[dict[str, object]]:
    return [{"source": source, "amount": amount} for source, amount in amounts]


_PROVINCE_TOP = (
    "UBND TỈNH QUẢNG TRỊ",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh)",
)
_DRAFT_TOP = (
    "UBND TỈNH QUẢNG TRỊ",
    "DỰ THẢO",
    "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026",
    "(Kèm theo Kế hoạch số        /KH-UBND ngày      /     /2026 của UBND tỉnh)",
)


def build_units_in_one_cell(folder: Path) -> CellSample:
    """Lead and cooperating cells naming several bodies, collectives, slashes and role words."""
    header = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
    rows = [
        _Row(
            (1, "Triển khai bệnh án điện tử tại các cơ sở khám, chữa bệnh", "Sở Y tế",
             "Sở Giáo dục và Đào tạo, Công an tỉnh, Bảo hiểm xã hội tỉnh, các địa phương", "Quý IV/2026"),
            {"lead_unit": "Sở Y tế",
             "cooperating_units": ["Sở Giáo dục và Đào tạo", "Công an tỉnh", "Bảo hiểm xã hội tỉnh",
                                   "các địa phương"]},
            ("split into 4 units: Sở Giáo dục và Đào tạo | Công an tỉnh | Bảo hiểm xã hội tỉnh | "
             "các địa phương",),
        ),
        _Row(
            (2, "Hoàn thiện cơ sở dữ liệu về cán bộ, công chức, viên chức", "Bộ Tài chính\nBộ Nội vụ", None,
             "2026"),
            {"lead_unit": "Bộ Tài chính", "cooperating_units": ["Bộ Nội vụ"]},
            ("split into 2 units: Bộ Tài chính | Bộ Nội vụ", "first named unit leads, the rest cooperate"),
        ),
        _Row(
            (3, "Kết nối Hệ thống thông tin giải quyết thủ tục hành chính với Cổng Dịch vụ công quốc gia",
             "Văn phòng UBND tỉnh", "Các tỉnh, thành phố trực thuộc Trung ương", "Quý II/2026"),
            {"lead_unit": "Văn phòng UBND tỉnh",
             "cooperating_units": ["Các tỉnh, thành phố trực thuộc Trung ương"]},
        ),
        _Row(
            (4, "Phát triển nền tảng số phục vụ chuyển đổi số doanh nghiệp", "Sở Khoa học và Công nghệ",
             "Tập đoàn, doanh nghiệp công nghệ số; Sở, ban, ngành", "Năm 2026"),
            {"lead_unit": "Sở Khoa học và Công nghệ",
             "cooperating_units": ["Tập đoàn, doanh nghiệp công nghệ số", "Sở, ban, ngành"]},
            ("split into 2 units: Tập đoàn, doanh nghiệp công nghệ số | Sở, ban, ngành",),
        ),
        _Row(
            (5, "Triển khai vé điện tử trên xe buýt nội tỉnh", "Sở Xây dựng",
             "Sở Giao thông vận tải/các doanh nghiệp vận tải hành khách", "Quý III/2026"),
            {"lead_unit": "Sở Xây dựng",
             "cooperating_units": ["Sở Giao thông vận tải", "các doanh nghiệp vận tải hành khách"]},
            ("split into 2 units: Sở Giao thông vận tải | các doanh nghiệp vận tải hành khách",),
        ),
        _Row(
            (6, "Phổ cập kỹ năng số cho người dân qua Tổ công nghệ số cộng đồng",
             "UBND các xã, phường thực hiện tại địa phương", "Tỉnh đoàn", "Thường xuyên"),
            {"lead_unit": "UBND các xã, phường", "cooperating_units": ["Tỉnh đoàn"]},
            ("“thực hiện tại địa phương” trimmed",),
        ),
        _Row(
            (7, "Bảo đảm an toàn thông tin cho hệ thống camera giám sát", "Công an tỉnh",
             "Đề nghị phối hợp: các cơ quan liên quan", "Quý IV/2026"),
            {"lead_unit": "Công an tỉnh", "cooperating_units": ["các cơ quan liên quan"]},
            ("“Đề nghị phối hợp:” trimmed",),
        ),
        _Row(
            (8, "Số hóa hồ sơ lưu trữ của các cơ quan nhà nước", "Văn phòng UBND tỉnh, các sở, ngành", None,
             "Năm 2026"),
            {"lead_unit": "Văn phòng UBND tỉnh", "cooperating_units": ["các sở, ngành"]},
            ("first named unit leads, the rest cooperate",),
        ),
        _Row(
            (9, "Xây dựng sàn thương mại điện tử của tỉnh",
             "Chủ trì: Sở Công Thương; Phối hợp: Sở Tài chính, Sở Xây dựng", None, "Quý II/2026"),
            {"lead_unit": "Sở Công Thương", "cooperating_units": ["Sở Tài chính", "Sở Xây dựng"]},
            ("“Chủ trì:” trimmed", "“Phối hợp:” trimmed"),
        ),
    ]  # fmt: skip
    return _write(folder / "units.xlsx", _PROVINCE_TOP, header, rows)


def build_money_in_words(folder: Path) -> CellSample:
    """A money column whose cells name their source among words, and two cells it cannot read."""
    header = ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Kinh phí (triệu đồng)", "Ghi chú")
    note = "Funding: "
    rows = [
        _Row(
            (1, "Duy trì Trung tâm giám sát, điều hành thông minh", "Sở Khoa học và Công nghệ", "Năm 2026",
             "NSĐP 2.300 triệu đồng (chi thường xuyên: duy trì, vận hành hệ thống)"),
            {"budget": _budget(("local_budget", 2_300 * MILLION)),
             "notes": note + "NSĐP 2.300 triệu đồng (chi thường xuyên: duy trì, vận hành hệ thống)"},
            ("money read from the words: Local budget 2,300,000,000 đ; the words kept as a note",),
        ),
        _Row(
            (2, "Đầu tư Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "2026-2027", "Vốn ĐTPT: 12 tỷ"),
            # A province's plan: its investment budget is the local one.
            {"budget": _budget(("local_budget", 12 * BILLION)), "notes": note + "Vốn ĐTPT: 12 tỷ"},
        ),
        _Row(
            (3, "Phát triển ứng dụng du lịch thông minh", "Sở Văn hóa, Thể thao và Du lịch", "Quý III/2026",
             "Kinh phí đối ứng của doanh nghiệp", "Theo hình thức hợp tác công tư"),
            {"budget": _budget(("enterprise", 0)),
             "notes": "Theo hình thức hợp tác công tư; " + note + "Kinh phí đối ứng của doanh nghiệp"},
            ("money read from the words: Enterprise no amount; the words kept as a note",),
        ),
        _Row(
            (4, "Nâng cấp mạng truyền số liệu chuyên dùng", "Sở Khoa học và Công nghệ", "Quý II/2026",
             "NSTW: 500; NSĐP: 300"),
            {"budget": _budget(("central_budget", 500 * MILLION), ("local_budget", 300 * MILLION))},
        ),
        _Row(
            (5, "Đào tạo kỹ năng số cho cán bộ, công chức", "Sở Nội vụ", "Năm 2026", "1.250"),
            {"budget": _budget(("other", 1_250 * MILLION)), "notes": None},
        ),
        _Row(
            (6, "Tuyên truyền về chuyển đổi số", "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên",
             "Theo dự toán được giao hằng năm"),
            {"budget": [], "notes": note + "Theo dự toán được giao hằng năm"},
            warning="“Theo dự toán được giao hằng năm” is not an amount",
        ),
        _Row(
            (7, "Số hóa tài liệu lưu trữ", "Sở Nội vụ", "Năm 2026", "1O0"),  # a letter O typed for a 0
            {"budget": [], "notes": note + "1O0"},
            warning="“1O0” is not an amount",
        ),
    ]  # fmt: skip
    return _write(folder / "money.xlsx", _PROVINCE_TOP, header, rows)


def build_deadlines_in_words(folder: Path) -> CellSample:
    """A "Thời hạn" column in words: counted from the plan's date, with remarks, several dates, visions."""
    header = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành")
    rows = [
        _Row(
            (1, "Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ",
             "90 ngày kể từ ngày ban hành Kế hoạch"),
            {"start": None, "end": "2026-06-10", "timeline_text": "90 ngày kể từ ngày ban hành Kế hoạch"},
            ("deadline counted from the plan's date 12/03/2026",),
        ),
        _Row(
            (2, "Rà soát, tái cấu trúc quy trình thủ tục hành chính", "Văn phòng UBND tỉnh",
             "15/05/2026\nĐề xuất thực hiện thường xuyên"),
            {"start": None, "end": "2026-05-15", "timeline_text": "15/05/2026",
             "notes": "Đề xuất thực hiện thường xuyên"},
            ("remark kept as a note",),
        ),
        _Row(
            (3, "Xây dựng quy chế quản lý, khai thác Kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ",
             "Trình UBND tỉnh trước ngày 10/4/2026; ban hành trước ngày 30/04/2026"),
            {"start": None, "end": "2026-04-30"},
            ("several dates: the last is the deadline",),
        ),
        _Row(
            (4, "Hoàn thành chuyển đổi IPv6 cho hệ thống thông tin của tỉnh", "Sở Khoa học và Công nghệ",
             "Đến năm 2025, định hướng đến năm 2030"),
            {"start": None, "end": "2025-12-31"},
            ("the orientation year is not the task's deadline",),
        ),
        _Row(
            (5, "Phát triển đô thị thông minh bền vững", "Sở Xây dựng", "Tầm nhìn 2050"),
            {"start": None, "end": None, "timeline_text": "Tầm nhìn 2050"},
            ("the orientation year is not the task's deadline",),
        ),
        _Row(
            (6, "Triển khai trạm phát sóng 5G tại khu công nghiệp", "Sở Khoa học và Công nghệ",
             "Theo GP 45/GP-UBND ngày 02/3/2026; hoàn thành Quý II/2026"),
            {"start": "2026-04-01", "end": "2026-06-30"},
            ("a document's date in the cell is not the task's",),
        ),
        _Row(
            (7, "Tổ chức Ngày Chuyển đổi số của tỉnh", "Sở Khoa học và Công nghệ", "Quý IV/2026"),
            {"start": "2026-10-01", "end": "2026-12-31", "timeline_text": "Quý IV/2026"},
        ),
    ]  # fmt: skip
    return _write(folder / "deadlines.xlsx", _PROVINCE_TOP, header, rows)


def build_relative_deadline_in_a_draft(folder: Path) -> CellSample:
    """A draft whose plan number and date are left blank: a deadline counted from that date has none yet."""
    header = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành")
    rows = [
        _Row(
            (1, "Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ",
             "90 ngày kể từ ngày ban hành Kế hoạch"),
            {"start": None, "end": None, "timeline_text": "90 ngày kể từ ngày ban hành Kế hoạch"},
            warning="counts from the plan's date, which the table does not state",
        ),
        _Row(
            (2, "Tổ chức Ngày Chuyển đổi số của tỉnh", "Sở Khoa học và Công nghệ", "Quý IV/2026"),
            {"start": "2026-10-01", "end": "2026-12-31"},
        ),
    ]  # fmt: skip
    return _write(folder / "draft.xlsx", _DRAFT_TOP, header, rows)


def build_deadlines_worded_as_published(folder: Path) -> CellSample:
    """The wordings of published tables' time cells (tests/data/excel/published), under a dated plan.

    From Khánh Hòa's 11-KH/BCĐ (2026), Nghị quyết 88/NQ-CP (2022) and Quyết định 836/QĐ-BXD (2019).
    """
    header = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn")
    rows = [
        _Row(
            (1, "Triển khai thực hiện Quy chế về tổ chức, quản lý, sử dụng và bảo vệ hệ thống mạng máy "
             "tính của Đảng", "Văn phòng Tỉnh ủy", "30 ngày sau khi Trung ương ban hành"),
            {"start": None, "end": None, "timeline_text": "30 ngày sau khi Trung ương ban hành"},
            ("counted from another body's act, whose date the table does not give: no dates",),
        ),
        _Row(
            (2, "Rà soát, đưa các TTHC lên dịch vụ công quốc gia", "Văn phòng UBND tỉnh",
             "Hoàn thành trước ngày 30/9/2026 và duy trì liên tục"),
            {"start": None, "end": "2026-09-30"},
            ("the work goes on after the deadline, which is its end",),
        ),
        _Row(
            (3, "Vận hành bảng theo dõi tiến độ 100 ngày làm việc", "Văn phòng Tỉnh ủy",
             "Báo cáo đầu tiên trước ngày 25/7/2026; cập nhật hằng tháng"),
            {"start": None, "end": "2026-07-25"},
            ("the work goes on after the deadline, which is its end",),
        ),
        _Row(
            (4, "Rà soát, sửa đổi, bổ sung quy định bất cập về địa chất, khoáng sản", "Bộ Tài nguyên và Môi "
             "trường", "Năm 2022 và hàng năm"),
            {"start": "2022-01-01", "end": None},
        ),
        _Row(
            (5, "Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản trong phạm vi cả nước",
             "Bộ Tài nguyên và Môi trường", "Năm 2025; Năm 2030"),
            {"start": None, "end": "2030-12-31"},
            ("several dates: the last is the deadline",),
        ),
        _Row(
            (6, "Xây dựng nhiệm vụ lập quy hoạch", "Ban Quản lý quy hoạch", "10-11/2019"),
            {"start": "2019-10-01", "end": "2019-11-30"},
        ),
    ]  # fmt: skip
    return _write(folder / "published_wordings.xlsx", _PROVINCE_TOP, header, rows)
