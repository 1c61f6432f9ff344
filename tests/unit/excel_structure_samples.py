"""Plan tables whose structure tripped the importer: headings, numbering columns, codes, sub-groups, merges.

Each builder lays a table out row by row as agencies published it in 2025-2026 (a ministry's
assignment table, a city department's list with a "Chi tiết" column, a plan with task codes, a
province's list with unnumbered sub-groups, a list with one lead unit merged over several tasks),
and gives the reading a correct importer must make of every row.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from tests.unit.excel_samples import Sample

_Value = str | int | float | datetime.datetime | None

_HEADING = "A group heading: no number, but {}."
_QUARTERS = {
    "Quý I/2026": ("2026-01-01", "2026-03-31"),
    "Quý II/2026": ("2026-04-01", "2026-06-30"),
    "Quý III/2026": ("2026-07-01", "2026-09-30"),
    "Quý IV/2026": ("2026-10-01", "2026-12-31"),
    "Tháng 6/2026": ("2026-06-01", "2026-06-30"),
    "Tháng 10/2026": ("2026-10-01", "2026-10-31"),
    "Năm 2026": ("2026-01-01", "2026-12-31"),
    "2026-2027": ("2026-01-01", "2027-12-31"),
    "Thường xuyên": (None, None),  # no dates: done all year round, every year
}


@dataclass(frozen=True)
class Row:
    """One worksheet row from column A on; what must be read there (None: nothing, or joined above)."""

    cells: tuple[_Value, ...]
    task: dict[str, object] | None = None
    bold: bool = False  # the name cell (column of the names) written in bold
    merge: tuple[str, ...] = ()  # ranges to merge that begin on this row, such as "C7:C12"


@dataclass
class _Table:
    """A sheet being laid out: the title rows, the heading row, then the rows under it."""

    title: str
    headings: tuple[str, ...]
    name_column: int = 2  # 1-based
    rows: list[Row] = field(default_factory=list)


class _Timing(TypedDict):
    timeline_text: str
    start: str | None
    end: str | None


def when(text: str) -> _Timing:
    """The dates a timeline text reads as, with the text kept."""
    start, end = _QUARTERS[text]
    return {"timeline_text": text, "start": start, "end": end}


def task(
    code: str | None, name: str, parent: str | None, level: int, kind: str = "task", **more: object
) -> dict[str, object]:
    """What must be read from a row: its code, name, kind and place in the tree, and more fields if given."""
    return {"code": code, "name": name, "kind": kind, "parent_code": parent, "level": level, **more}


def _write(folder: Path, file_name: str, sheet_title: str, table: _Table) -> Sample:
    """Save the table under a title row and an empty row; the heading on row 3, data from row 4."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = sheet_title
    sheet.cell(row=1, column=1, value=table.title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(table.headings))
    for column, heading in enumerate(table.headings, start=1):
        sheet.cell(row=3, column=column, value=heading).font = Font(bold=True)
    expected: list[dict[str, object]] = []
    for number, row in enumerate(table.rows, start=4):
        for column, value in enumerate(row.cells, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True)
        if row.bold:
            sheet.cell(row=number, column=table.name_column).font = Font(bold=True)
        for cells in row.merge:
            sheet.merge_cells(cells)
        if row.task is not None:
            expected.append({"row": number, **row.task})
    path = folder / file_name
    book.save(path)
    return Sample(path=path, tasks=expected, sheet=sheet_title, header_row=3)


# A ministry's assignment table: one column names both roles, a "Nguồn lực" column holds the money.


def build_assignment_headings(folder: Path) -> Sample:
    """Headings "Tên nhóm nhiệm vụ/nhiệm vụ", "Phân công nhiệm vụ", "Thời hạn", "Nguồn lực (triệu đồng)"."""
    table = _Table(
        "DANH MỤC NHIỆM VỤ THÚC ĐẨY THƯƠNG MẠI ĐIỆN TỬ NĂM 2026",
        (
            "TT",
            "Tên nhóm nhiệm vụ/nhiệm vụ",
            "Phân công nhiệm vụ",
            "Thời hạn",
            "Sản phẩm",
            "Nguồn lực (triệu đồng)",
        ),
    )
    table.rows = [
        Row(
            ("I", "Hoàn thiện thể chế, chính sách"),
            task("I", "Hoàn thiện thể chế, chính sách", None, 0, "group"),
        ),
        Row(
            (
                1,
                "Xây dựng Kế hoạch phát triển thương mại điện tử giai đoạn 2026-2030",
                "Chủ trì: Sở Công Thương; Phối hợp: Sở Tài chính",
                "Quý II/2026",
                "Kế hoạch được ban hành",
            ),
            task(
                "1",
                "Xây dựng Kế hoạch phát triển thương mại điện tử giai đoạn 2026-2030",
                "I",
                1,
                **when("Quý II/2026"),
                product="Kế hoạch được ban hành",
                budget=[],
            ),
        ),
        Row(
            (
                2,
                "Rà soát quy định về quản lý hoạt động kinh doanh trên nền tảng số",
                "Chủ trì: Sở Tư pháp; Phối hợp: Sở Công Thương",
                "Quý III/2026",
                "Báo cáo rà soát",
            ),
            task(
                "2",
                "Rà soát quy định về quản lý hoạt động kinh doanh trên nền tảng số",
                "I",
                1,
                **when("Quý III/2026"),
                product="Báo cáo rà soát",
                budget=[],
            ),
        ),
        Row(
            ("II", "Phát triển hạ tầng thương mại điện tử"),
            task("II", "Phát triển hạ tầng thương mại điện tử", None, 0, "group"),
        ),
        Row(
            (
                1,
                "Đưa sản phẩm OCOP lên sàn thương mại điện tử",
                "Chủ trì: Sở Công Thương",
                "Năm 2026",
                "Sản phẩm OCOP có mặt trên sàn",
                2300,
            ),
            task(
                "1",
                "Đưa sản phẩm OCOP lên sàn thương mại điện tử",
                "II",
                1,
                **when("Năm 2026"),
                product="Sản phẩm OCOP có mặt trên sàn",
                budget=[{"source": "other", "amount": 2_300_000_000}],
            ),
        ),
    ]
    return _write(folder, "assignment_headings.xlsx", "Phụ lục", table)


# A list that follows its tasks up: who monitors them, the deadline, and how far each has come in words.


def build_status_beside_deadline(folder: Path) -> Sample:
    """ "Tiến độ" holding status words left of "Thời gian hoàn thành"; a lead column worded for monitoring."""
    table = _Table(
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHUYỂN ĐỔI SỐ QUÝ I NĂM 2026",
        (
            "STT",
            "Nhiệm vụ",
            "Cơ quan chủ trì theo dõi, đánh giá",
            "Tiến độ",
            "Thời gian hoàn thành",
            "Ghi chú",
        ),
    )
    table.rows = [
        Row(
            (
                1,
                "Cập nhật Kiến trúc chính quyền số của tỉnh phiên bản 4.0",
                "Sở Khoa học và Công nghệ",
                "Đang triển khai",
                "Quý II/2026",
            ),
            task(
                "1",
                "Cập nhật Kiến trúc chính quyền số của tỉnh phiên bản 4.0",
                None,
                0,
                lead_unit="Sở Khoa học và Công nghệ",
                **when("Quý II/2026"),
                notes="Tiến độ: Đang triển khai",
            ),
        ),
        Row(
            (
                2,
                "Kết nối Hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia",
                "Văn phòng UBND tỉnh",
                "Hoàn thành",
                "Quý I/2026",
                "Đã kết nối từ tháng 02/2026",
            ),
            task(
                "2",
                "Kết nối Hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia",
                None,
                0,
                lead_unit="Văn phòng UBND tỉnh",
                **when("Quý I/2026"),
                notes="Đã kết nối từ tháng 02/2026",
            ),
        ),
        Row(
            (3, "Số hóa sổ hộ tịch lưu trữ tại cấp xã", "Sở Tư pháp", "Chưa triển khai", "Quý IV/2026"),
            task(
                "3",
                "Số hóa sổ hộ tịch lưu trữ tại cấp xã",
                None,
                0,
                lead_unit="Sở Tư pháp",
                **when("Quý IV/2026"),
                notes=None,
            ),
        ),
    ]
    return _write(folder, "status_beside_deadline.xlsx", "Tiến độ", table)


# A city department's list: "TT" numbers the groups and top tasks, "Chi tiết" the tasks under them.


def build_two_numbering_columns(folder: Path) -> Sample:
    """Numbers in "TT" (1, 2, 3) and "Chi tiết" (a, b, c, dashes); a group numbered in the second only."""
    table = _Table(
        "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 CỦA SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ",
        (
            "TT",
            "Chi tiết",
            "Tên nhóm nhiệm vụ/nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian hoàn thành",
        ),
        name_column=3,
    )
    kh = "Sở Khoa học và Công nghệ"
    table.rows = [
        Row(
            (1, None, "Hoàn thiện thể chế về chuyển đổi số"),
            task("1", "Hoàn thiện thể chế về chuyển đổi số", None, 0, "group"),
        ),
        Row(
            (
                None,
                "a",
                "Xây dựng Quy chế quản lý, vận hành Nền tảng tích hợp, chia sẻ dữ liệu thành phố",
                kh,
                "Sở Tư pháp",
                "Quý II/2026",
            ),
            task(
                "a",
                "Xây dựng Quy chế quản lý, vận hành Nền tảng tích hợp, chia sẻ dữ liệu thành phố",
                "1",
                1,
                lead_unit=kh,
                cooperating_units=["Sở Tư pháp"],
                **when("Quý II/2026"),
            ),
        ),
        Row(
            (
                None,
                "b",
                "Ban hành Danh mục cơ sở dữ liệu dùng chung của thành phố",
                kh,
                "Văn phòng UBND thành phố",
                "Quý III/2026",
            ),
            task(
                "b",
                "Ban hành Danh mục cơ sở dữ liệu dùng chung của thành phố",
                "1",
                1,
                lead_unit=kh,
                **when("Quý III/2026"),
            ),
        ),
        Row(
            (2, None, "Phát triển hạ tầng số, nền tảng số"),
            task("2", "Phát triển hạ tầng số, nền tảng số", None, 0, "group"),
        ),
        Row(
            (
                None,
                "a",
                "Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã",
                kh,
                "VNPT Thành phố",
                "Năm 2026",
            ),
            task(
                "a",
                "Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã",
                "2",
                1,
                lead_unit=kh,
                **when("Năm 2026"),
            ),
        ),
        # Numbered only in the second column, and nothing but its name: a group, never more of task 2a.
        Row(
            (None, "b", "Nền tảng số dùng chung của thành phố"),
            task("b", "Nền tảng số dùng chung của thành phố", "2", 1, "group", lead_unit=None),
        ),
        Row(
            (
                None,
                "-",
                "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) thành phố",
                kh,
                None,
                "Quý IV/2026",
            ),
            task(
                "-",
                "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) thành phố",
                "b",
                2,
                lead_unit=kh,
                **when("Quý IV/2026"),
            ),
        ),
        Row(
            (
                None,
                "-",
                "Triển khai Nền tảng giám sát, điều hành thông minh",
                kh,
                "Công an thành phố",
                "2026-2027",
            ),
            task(
                "-",
                "Triển khai Nền tảng giám sát, điều hành thông minh",
                "b",
                2,
                lead_unit=kh,
                **when("2026-2027"),
            ),
        ),
        Row(
            (
                None,
                "c",
                "Phủ sóng 5G tại các khu công nghiệp, khu công nghệ cao",
                kh,
                "Viettel Thành phố",
                "Năm 2026",
            ),
            task(
                "c",
                "Phủ sóng 5G tại các khu công nghiệp, khu công nghệ cao",
                "2",
                1,
                lead_unit=kh,
                **when("Năm 2026"),
            ),
        ),
        Row(
            (
                3,
                None,
                "Tổ chức Ngày Chuyển đổi số thành phố năm 2026",
                kh,
                "Các sở, ban, ngành",
                "Tháng 10/2026",
            ),
            task(
                "3",
                "Tổ chức Ngày Chuyển đổi số thành phố năm 2026",
                None,
                0,
                lead_unit=kh,
                **when("Tháng 10/2026"),
            ),
        ),
        Row((4, None, "Phát triển dữ liệu số"), task("4", "Phát triển dữ liệu số", None, 0, "group")),
        Row(
            (
                None,
                "a",
                "Làm sạch cơ sở dữ liệu hộ tịch điện tử",
                "Sở Tư pháp",
                "UBND các xã, phường",
                "Tháng 6/2026",
            ),
            task(
                "a",
                "Làm sạch cơ sở dữ liệu hộ tịch điện tử",
                "4",
                1,
                lead_unit="Sở Tư pháp",
                **when("Tháng 6/2026"),
            ),
        ),
    ]
    return _write(folder, "two_numbering_columns.xlsx", "Danh mục", table)


# A ministry's plan with a code per task ("KH26_TT_N01.1"): a code that extends another is under it.


def build_task_codes(folder: Path) -> Sample:
    """A "Mã nhiệm vụ" column whose codes nest; rows under a task numbered by their code only."""
    table = _Table(
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ NGÀNH TÀI CHÍNH NĂM 2026",
        ("STT", "Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
        name_column=3,
    )
    it = "Cục Công nghệ thông tin và Chuyển đổi số"
    table.rows = [
        Row(("I", None, "NHÓM NHIỆM VỤ VỀ DỮ LIỆU"), task("I", "NHÓM NHIỆM VỤ VỀ DỮ LIỆU", None, 0, "group")),
        Row(
            (
                1,
                "KH26_TT_N01",
                "Xây dựng cơ sở dữ liệu quốc gia về tài chính",
                it,
                "Kho bạc Nhà nước",
                "Năm 2026",
            ),
            task(
                "KH26_TT_N01", "Xây dựng cơ sở dữ liệu quốc gia về tài chính", "I", 1, "group", lead_unit=it
            ),
        ),
        Row(
            (None, "KH26_TT_N01.1", "Chuẩn hóa dữ liệu thu, chi ngân sách nhà nước", it, None, "Quý II/2026"),
            task(
                "KH26_TT_N01.1",
                "Chuẩn hóa dữ liệu thu, chi ngân sách nhà nước",
                "KH26_TT_N01",
                2,
                lead_unit=it,
                **when("Quý II/2026"),
            ),
        ),
        # Its code and its name only: a task of its own, not more of the task above.
        Row(
            (None, "KH26_TT_N01.2", "Kết nối dữ liệu với Hệ thống thông tin quản lý ngân sách và kho bạc"),
            task(
                "KH26_TT_N01.2",
                "Kết nối dữ liệu với Hệ thống thông tin quản lý ngân sách và kho bạc",
                "KH26_TT_N01",
                2,
                lead_unit=None,
            ),
        ),
        Row(
            (2, "KH26_TT_N02", "Công khai dữ liệu mở về tài chính công", it, None, "Quý III/2026"),
            task(
                "KH26_TT_N02",
                "Công khai dữ liệu mở về tài chính công",
                "I",
                1,
                lead_unit=it,
                **when("Quý III/2026"),
            ),
        ),
        Row(
            ("II", None, "NHÓM NHIỆM VỤ VỀ NỀN TẢNG SỐ"),
            task("II", "NHÓM NHIỆM VỤ VỀ NỀN TẢNG SỐ", None, 0, "group"),
        ),
        Row(
            (
                3,
                "KH26_TT_N03",
                "Triển khai hóa đơn điện tử khởi tạo từ máy tính tiền",
                "Cục Thuế",
                it,
                "Quý IV/2026",
            ),
            task(
                "KH26_TT_N03",
                "Triển khai hóa đơn điện tử khởi tạo từ máy tính tiền",
                "II",
                1,
                lead_unit="Cục Thuế",
                **when("Quý IV/2026"),
            ),
        ),
    ]
    return _write(folder, "task_codes.xlsx", "Kế hoạch", table)


# A province's list: sub-groups with no number, in bold, in capitals, or over lettered tasks.


def build_unnumbered_subgroups(folder: Path) -> Sample:
    """Unnumbered headings under sections, each after a task that must stay a task; a true spill joined."""
    table = _Table(
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH NĂM 2026",
        ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
    )
    kh = "Sở Khoa học và Công nghệ"
    office = "Văn phòng UBND tỉnh"
    data = "Nhóm nhiệm vụ về dữ liệu"
    firms = "HỖ TRỢ DOANH NGHIỆP CHUYỂN ĐỔI SỐ"
    skills = "Phổ cập kỹ năng số cho người dân"
    table.rows = [
        Row(
            ("I", "PHÁT TRIỂN CHÍNH QUYỀN SỐ"),
            task("I", "PHÁT TRIỂN CHÍNH QUYỀN SỐ", None, 0, "group"),
            merge=("B4:F4",),
        ),
        Row(
            (
                1,
                "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
                office,
                kh,
                "Thường xuyên",
                "Hệ thống vận hành ổn định",
            ),
            task(
                "1",
                "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
                "I",
                1,
                lead_unit=office,
                **when("Thường xuyên"),
            ),
        ),
        Row(
            (None, data),
            task(None, data, "I", 1, "group", parent_row=4, guesses=[_HEADING.format("written in bold")]),
            bold=True,
        ),
        Row(
            (
                2,
                "Làm sạch dữ liệu đất đai",
                "Sở Nông nghiệp và Môi trường",
                None,
                "Quý III/2026",
                "Dữ liệu đúng, đủ, sạch, sống",
            ),
            task(
                "2",
                "Làm sạch dữ liệu đất đai",
                None,
                2,
                parent_row=6,
                lead_unit="Sở Nông nghiệp và Môi trường",
                **when("Quý III/2026"),
                guesses=[],
            ),
        ),
        Row(
            (
                3,
                "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh",
                kh,
                "Các sở, ban, ngành",
                "Năm 2026",
                "Nền tảng kết nối với Nền tảng quốc gia",
            ),
            task(
                "3",
                "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
                None,
                2,
                parent_row=6,
                lead_unit=kh,
                **when("Năm 2026"),
                guesses=["Row 9 joined to it: no number, only more of its text."],
            ),
        ),
        # It could be a heading, but the row under it goes back to the sections: more of task 3.
        Row((None, "(LGSP)")),
        Row(("II", "PHÁT TRIỂN KINH TẾ SỐ"), task("II", "PHÁT TRIỂN KINH TẾ SỐ", None, 0, "group")),
        Row(
            (None, firms),
            task(
                None, firms, "II", 1, "group", parent_row=10, guesses=[_HEADING.format("written in capitals")]
            ),
        ),
        Row(
            (
                1,
                "Tư vấn chuyển đổi số cho doanh nghiệp nhỏ và vừa",
                "Sở Công Thương",
                kh,
                "Năm 2026",
                "200 doanh nghiệp được tư vấn",
            ),
            task(
                "1",
                "Tư vấn chuyển đổi số cho doanh nghiệp nhỏ và vừa",
                None,
                2,
                parent_row=11,
                lead_unit="Sở Công Thương",
                **when("Năm 2026"),
            ),
        ),
        Row(
            (
                2,
                "Đưa sản phẩm OCOP của tỉnh lên sàn thương mại điện tử, kết nối với",
                "Sở Công Thương",
                None,
                "Quý III/2026",
            ),
            task(
                "2",
                "Đưa sản phẩm OCOP của tỉnh lên sàn thương mại điện tử, kết nối với "
                "Sàn giao dịch OCOP quốc gia",
                None,
                2,
                parent_row=11,
                lead_unit="Sở Công Thương",
                **when("Quý III/2026"),
                guesses=["Row 14 joined to it: no number, only more of its text."],
            ),
        ),
        # It begins with a capital, but the name above stops mid-sentence: more of task 2.
        Row((None, "Sàn giao dịch OCOP quốc gia")),
        Row(("III", "PHÁT TRIỂN XÃ HỘI SỐ"), task("III", "PHÁT TRIỂN XÃ HỘI SỐ", None, 0, "group")),
        Row(
            (1, "Duy trì hoạt động của Tổ công nghệ số cộng đồng", "UBND các xã, phường", kh, "Thường xuyên"),
            task(
                "1",
                "Duy trì hoạt động của Tổ công nghệ số cộng đồng",
                "III",
                1,
                "task",
                lead_unit="UBND các xã, phường",
                guesses=[],
            ),
        ),
        Row(
            (None, skills),
            task(
                None,
                skills,
                "III",
                1,
                "group",
                parent_row=15,
                guesses=[_HEADING.format("numbered rows follow it")],
            ),
        ),
        Row(
            (
                "a)",
                "Tổ chức lớp “Bình dân học vụ số” tại các xã, phường",
                "UBND các xã, phường",
                kh,
                "Năm 2026",
            ),
            task(
                "a",
                "Tổ chức lớp “Bình dân học vụ số” tại các xã, phường",
                None,
                2,
                parent_row=17,
                lead_unit="UBND các xã, phường",
                **when("Năm 2026"),
            ),
        ),
        Row(
            ("b)", "Hướng dẫn người dân sử dụng ứng dụng VNeID", "Công an tỉnh", None, "Quý II/2026"),
            task(
                "b",
                "Hướng dẫn người dân sử dụng ứng dụng VNeID",
                None,
                2,
                parent_row=17,
                lead_unit="Công an tỉnh",
                **when("Quý II/2026"),
            ),
        ),
        Row(
            (2, "Tổ chức Ngày Chuyển đổi số của tỉnh năm 2026", kh, "Các sở, ban, ngành", "Tháng 10/2026"),
            task(
                "2",
                "Tổ chức Ngày Chuyển đổi số của tỉnh năm 2026",
                "III",
                1,
                lead_unit=kh,
                **when("Tháng 10/2026"),
            ),
        ),
    ]
    return _write(folder, "unnumbered_subgroups.xlsx", "Kế hoạch", table)


# A list with one lead unit, one product and two deadlines merged over the tasks of a group.


def build_merged_over_tasks(folder: Path) -> Sample:
    """Lead unit merged over tasks a-f, a deadline over a-c and another over d-f, a product over a-f."""
    table = _Table(
        "DANH MỤC NHIỆM VỤ PHÁT TRIỂN NỀN TẢNG SỐ NĂM 2026",
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
    )
    kh = "Sở Khoa học và Công nghệ"
    product = "Nền tảng được đưa vào vận hành"

    def filled(what: str, row: int) -> str:
        return f"{what} filled down from row {row} (one merged cell)."

    def part(letter: str, name: str, deadline: str, guesses: list[str]) -> dict[str, object]:
        return task(letter, name, "2", 1, lead_unit=kh, **when(deadline), product=product, guesses=guesses)

    down = [filled("Lead unit", 6), filled("Product", 6)]
    table.rows = [
        Row(
            (
                1,
                "Cập nhật Kiến trúc chính quyền số của tỉnh",
                kh,
                "Các sở, ban, ngành",
                "Quý I/2026",
                "Kiến trúc phiên bản 4.0",
            ),
            task(
                "1",
                "Cập nhật Kiến trúc chính quyền số của tỉnh",
                None,
                0,
                lead_unit=kh,
                **when("Quý I/2026"),
                product="Kiến trúc phiên bản 4.0",
                guesses=[],
            ),
        ),
        Row(
            (2, "Triển khai các nền tảng số dùng chung của tỉnh"),
            task("2", "Triển khai các nền tảng số dùng chung của tỉnh", None, 0, "group", lead_unit=None),
        ),
        Row(
            ("a)", "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", kh, "Sở Tài chính", "Quý II/2026", product),
            part("a", "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "Quý II/2026", []),
            merge=("C6:C12", "E6:E8", "F6:F12"),
        ),
        Row(
            ("b)", "Nền tảng định danh và xác thực điện tử", None, "Công an tỉnh"),
            part(
                "b", "Nền tảng định danh và xác thực điện tử", "Quý II/2026", [*down, filled("Timeline", 6)]
            ),
        ),
        Row(
            ("c)", "Nền tảng họp trực tuyến kết nối đến", None, "Viettel tỉnh"),
            part(
                "c",
                "Nền tảng họp trực tuyến kết nối đến các xã, phường",
                "Quý II/2026",
                [*down, filled("Timeline", 6), "Row 9 joined to it: no number, only more of its text."],
            ),
        ),
        Row((None, "các xã, phường")),
        Row(
            ("d)", "Nền tảng bản đồ số dùng chung", None, "Sở Nông nghiệp và Môi trường", "Quý IV/2026"),
            part("d", "Nền tảng bản đồ số dùng chung", "Quý IV/2026", down),
            merge=("E10:E12",),
        ),
        Row(
            ("e)", "Nền tảng thanh toán trực tuyến", None, "Kho bạc Nhà nước khu vực"),
            part("e", "Nền tảng thanh toán trực tuyến", "Quý IV/2026", [*down, filled("Timeline", 10)]),
        ),
        Row(
            ("f)", "Nền tảng phản ánh, kiến nghị của người dân", None, "Văn phòng UBND tỉnh"),
            part(
                "f",
                "Nền tảng phản ánh, kiến nghị của người dân",
                "Quý IV/2026",
                [*down, filled("Timeline", 10)],
            ),
        ),
        Row(
            (
                3,
                "Tổ chức Ngày Chuyển đổi số của tỉnh",
                "Sở Văn hóa, Thể thao và Du lịch",
                kh,
                "Tháng 10/2026",
            ),
            task(
                "3",
                "Tổ chức Ngày Chuyển đổi số của tỉnh",
                None,
                0,
                lead_unit="Sở Văn hóa, Thể thao và Du lịch",
                product=None,
                guesses=[],
            ),
        ),
    ]
    return _write(folder, "merged_over_tasks.xlsx", "Nền tảng", table)


def rows_of(path: Path) -> Sequence[Sequence[object]]:
    """The values of a sample's first sheet, row by row (to look at a sample while debugging a test)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
