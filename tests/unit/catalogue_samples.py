"""Catalogues as agencies publish them: the procedures list and the information-systems list.

Laid out as a province publishes its list of online public services (title rows merged over the
table, a header of two rows with "Toàn trình" and "Một phần" under "Mức độ DVCTT", procedures
grouped under "I. LĨNH VỰC …" rows) and its list of information systems with their security
levels; the wording of the cells is our own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None

PROCEDURE_TITLE = "DANH MỤC THỦ TỤC HÀNH CHÍNH CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2026"


def _book(rows: Sequence[Sequence[Cell]], merges: Sequence[str], title: str = "Danh mục") -> Workbook:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for merged in merges:
        sheet.merge_cells(merged)
    return book


def workbook(tmp_path: Path, rows: Sequence[Sequence[Cell]], merges: Sequence[str]) -> Path:
    """Any rows written to a workbook, with the ranges given merged."""
    path = tmp_path / "danh-muc.xlsx"
    _book(rows, merges).save(path)
    return path


def procedures_rows() -> list[list[Cell]]:
    """A procedures list: merged titles, a two-row header, group rows, old and new level words."""
    return [
        ["UBND TỈNH THANH HÓA"],  # 1
        [PROCEDURE_TITLE],  # 2
        ["(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/3/2026)"],  # 3
        [],  # 4
        # 5-6: the header; "Mức độ" is written as words, "Tích hợp" is a yes/no column.
        [
            "STT",
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Cơ quan thực hiện",
            "Mức độ DVCTT",
            "Tích hợp Cổng DVC quốc gia",
            "Thanh toán trực tuyến",
            "Tỷ lệ hồ sơ trực tuyến (%)",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],  # 6
        ["I. LĨNH VỰC ĐẤT ĐAI"],  # 7: a group row merged across the table
        [
            1,
            "1.001234",
            "Đăng ký đất đai lần đầu",
            None,
            "Sở Tài nguyên và Môi trường",
            "Toàn trình",
            "x",
            "x",
            85.5,
        ],
        [
            2,
            "2.000123.000.00.00.H56",
            "Cung cấp dữ liệu đất đai",
            None,
            "Sở Tài nguyên và Môi trường",
            "Một phần",
            "Có",
            None,
            0.4,
        ],  # 9: a share kept by Excel as a fraction
        ["II. LĨNH VỰC HỘ TỊCH"],  # 10
        [3, "1.000894", "Đăng ký khai sinh", None, "Sở Tư pháp", "Mức độ 4", "x", "", "62%"],
        [4, "1.001193", "Đăng ký kết hôn", "Hộ tịch", "Sở Tư pháp", "Mức 3", "", "", None],
        [],
        ["Nơi nhận:"],
    ]


def procedures(tmp_path: Path, rows: list[list[Cell]] | None = None, name: str = "thu-tuc.xlsx") -> Path:
    """The procedures list written to a workbook (its title rows and groups merged across)."""
    path = tmp_path / name
    _book(rows or procedures_rows(), ["A1:I1", "A2:I2", "A3:I3", "A7:I7", "A10:I10"]).save(path)
    return path


def plan_then_procedures(tmp_path: Path) -> Path:
    """A plan's tasks on the first sheet, its appendix of procedures on the second."""
    book = _book(
        [
            ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"],
            ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            [1, "Nâng cấp Hệ thống thông tin giải quyết TTHC", "Văn phòng UBND tỉnh", "Quý II/2026"],
            [2, "Số hóa hồ sơ đất đai", "Sở Tài nguyên và Môi trường", "Quý IV/2026"],
        ],
        ["A1:D1"],
        title="Nhiệm vụ",
    )
    appendix = book.create_sheet("Phụ lục TTHC")
    for row in procedures_rows():
        appendix.append(list(row))
    path = tmp_path / "ke-hoach-va-phu-luc.xlsx"
    book.save(path)
    return path


def procedures_with_marks(tmp_path: Path) -> Path:
    """A procedures list whose level is a mark under "Toàn trình" or "Một phần", merged "Mức độ" above."""
    rows: list[list[Cell]] = [
        ["DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH, MỘT PHẦN"],
        ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Đơn vị giải quyết", "Mức độ DVCTT", None],
        [None, None, None, None, "Toàn trình", "Một phần"],
        ["A. SỞ XÂY DỰNG"],
        [1, "1.009972", "Cấp giấy phép xây dựng", None, "x", None],
        [2, "1.009973", "Điều chỉnh giấy phép xây dựng", None, None, "x"],
    ]
    path = tmp_path / "dvc-muc-do.xlsx"
    _book(rows, ["A1:F1", "E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "A4:F4"]).save(path)
    return path


def systems_rows() -> list[list[Cell]]:
    """An information-systems list with its owners, hosting and security levels."""
    return [
        ["DANH MỤC HỆ THỐNG THÔNG TIN CỦA TỈNH"],
        [],
        [
            "STT",
            "Tên hệ thống",
            "Đơn vị chủ quản",
            "Loại",
            "Cấp (quốc gia/bộ-tỉnh/sở-ngành)",
            "Nơi triển khai / hạ tầng",
            "Cấp độ ATTT",
            "Phương án ATTT đã phê duyệt",
            "Tình trạng",
        ],
        ["I. HỆ THỐNG DÙNG CHUNG CỦA TỈNH"],
        [
            1,
            "Hệ thống thông tin giải quyết thủ tục hành chính",
            "Văn phòng UBND tỉnh",
            "Hệ thống thông tin",
            "Bộ, tỉnh",
            "Trung tâm dữ liệu tỉnh",
            "Cấp độ 3",
            "Đã phê duyệt",
            "Đang vận hành",
        ],
        [
            2,
            "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
            "Sở Thông tin và Truyền thông",
            "Nền tảng",
            "Tỉnh",
            "Đám mây Chính phủ",
            3,
            "x",
            "Đang vận hành",
        ],
        [
            3,
            "Cơ sở dữ liệu đất đai",
            "Sở Tài nguyên và Môi trường",
            "Cơ sở dữ liệu",
            "Sở, ngành",
            "Phòng máy riêng",
            "II",
            "Chưa",
            "Đang xây dựng",
        ],
        [
            4,
            "Cổng thông tin điện tử Sở Y tế",
            "Sở Y tế",
            "Cổng thông tin",
            "Sở, ngành",
            "Đám mây thương mại",
            2,
            "",
            "Đang vận hành",
        ],
    ]


def systems(tmp_path: Path, rows: list[list[Cell]] | None = None, name: str = "he-thong.xlsx") -> Path:
    """The information-systems list written to a workbook."""
    path = tmp_path / name
    _book(rows or systems_rows(), ["A1:I1", "A4:I4"], title="HTTT").save(path)
    return path
