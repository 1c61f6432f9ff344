"""Untidy Excel action-plan tables as agencies keep them, and what a correct importer must read from each."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.worksheet import Worksheet

_Value = str | int | float | datetime.datetime | None
"""What a cell holds here; None leaves it empty."""


@dataclass(frozen=True)
class Sample:
    """One workbook on disk and the tasks, in table order, that the importer must read from it."""

    path: Path
    tasks: list[dict[str, object]]
    sheet: str
    header_row: int


@dataclass(frozen=True)
class _Line:
    """One worksheet row: its cells from column A on, and the task read there (None: skipped or joined)."""

    cells: tuple[_Value, ...] = ()
    task: dict[str, object] | None = None
    merge_name_to: str | None = None
    """The last column of a name cell merged across the row (a group's heading), if any."""


class _Timing(TypedDict):
    start: str | None
    end: str | None
    timeline_text: str | None


# What `python -m dxplanner timeline TEXT --json` prints for every timeline text used here.
_READINGS: dict[str, tuple[str | None, str | None]] = {
    "Quý I/2025": ("2025-01-01", "2025-03-31"),
    "Quý II/2025": ("2025-04-01", "2025-06-30"),
    "Quý III/2025": ("2025-07-01", "2025-09-30"),
    "Quý IV/2025": ("2025-10-01", "2025-12-31"),
    "Quý I/2026": ("2026-01-01", "2026-03-31"),
    "Quý II/2026": ("2026-04-01", "2026-06-30"),
    "Tháng 6/2025": ("2025-06-01", "2025-06-30"),
    "Tháng 9/2025": ("2025-09-01", "2025-09-30"),
    "Tháng 10/2025": ("2025-10-01", "2025-10-31"),
    "6 tháng đầu năm 2025": ("2025-01-01", "2025-06-30"),
    "6 tháng cuối năm 2025": ("2025-07-01", "2025-12-31"),
    "6 tháng cuối năm 2026": ("2026-07-01", "2026-12-31"),
    "Năm 2025": ("2025-01-01", "2025-12-31"),
    "Năm 2026": ("2026-01-01", "2026-12-31"),
    "2025": ("2025-01-01", "2025-12-31"),
    "2026": ("2026-01-01", "2026-12-31"),
    "2025-2026": ("2025-01-01", "2026-12-31"),
    "2025 – 2026": ("2025-01-01", "2026-12-31"),
    "Trước 30/9/2025": (None, "2025-09-30"),
    "Thường xuyên": (None, None),
    "Q2 2025": ("2025-04-01", "2025-06-30"),
    "Q4/2025": ("2025-10-01", "2025-12-31"),
}

_SOURCES = ("central_budget", "local_budget", "oda", "enterprise", "other")
_MILLION = 1_000_000

# The title rows and two-row heading of a decision's appendix, shared by sample 1 and the large plan:
# (cells, value), the value in the first cell of a merged range.
_APPENDIX_TOP: tuple[tuple[str, str], ...] = (
    ("A1:C1", "UBND TỈNH QUẢNG NGÃI"),
    ("E1:J1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("E2:J2", "Độc lập - Tự do - Hạnh phúc"),
    ("A4:J4", "KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH QUẢNG NGÃI NĂM 2025"),
    ("A5:J5", "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2025 của UBND tỉnh)"),
    ("A7:A8", "STT"),
    ("B7:B8", "Nhiệm vụ"),
    ("C7:C8", "Đơn vị chủ trì"),
    ("D7:D8", "Đơn vị phối hợp"),
    ("E7:E8", "Thời gian\nthực hiện"),
    ("F7:F8", "Sản phẩm"),
    ("G7:I7", "Kinh phí\n(triệu đồng)"),
    ("G8", "Ngân sách TW"),
    ("H8", "Ngân sách ĐP"),
    ("I8", "Vốn khác"),
    ("J7:J8", "Ghi chú"),
)
_APPENDIX_HEADER_ROW = 8
_APPENDIX_WIDTH = 10

_UNITS = (
    "Sở Thông tin và Truyền thông",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Ngoại vụ",
    "Sở Du lịch",
    "Văn phòng UBND tỉnh",
    "Thanh tra tỉnh",
    "Ban Dân tộc tỉnh",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Báo Quảng Ngãi",
    "Bảo hiểm xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Cục Thống kê tỉnh",
    "Ngân hàng Nhà nước Chi nhánh tỉnh",
    "Bưu điện tỉnh",
    "Viettel Quảng Ngãi",
    "VNPT Quảng Ngãi",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Trung tâm Công nghệ thông tin và Truyền thông",
    "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp",
    "Trường Đại học Phạm Văn Đồng",
    "Tỉnh đoàn",
    "Hội Nông dân tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Hiệp hội Doanh nghiệp tỉnh",
    "UBND thành phố Quảng Ngãi",
    "UBND thị xã Đức Phổ",
    "UBND huyện Bình Sơn",
    "UBND huyện Sơn Tịnh",
    "UBND huyện Tư Nghĩa",
    "UBND huyện Nghĩa Hành",
    "UBND huyện Mộ Đức",
    "UBND huyện Ba Tơ",
    "UBND huyện Minh Long",
    "UBND huyện Sơn Hà",
    "UBND huyện Sơn Tây",
    "UBND huyện Trà Bồng",
    "UBND huyện Lý Sơn",
    "Bộ Thông tin và Truyền thông",
    "Văn phòng Chính phủ",
    "Bộ Công an",
    "Bộ Nội vụ",
    "Cục Chuyển đổi số quốc gia",
    "Các sở, ban, ngành",
    "UBND các huyện, thị xã, thành phố",
)
_AREAS = (
    "PHÁT TRIỂN HẠ TẦNG SỐ",
    "PHÁT TRIỂN NỀN TẢNG VÀ DỮ LIỆU SỐ",
    "PHÁT TRIỂN CHÍNH QUYỀN SỐ",
    "PHÁT TRIỂN KINH TẾ SỐ",
    "PHÁT TRIỂN XÃ HỘI SỐ",
    "BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG",
    "PHÁT TRIỂN NGUỒN NHÂN LỰC SỐ",
)
_VERBS = ("Xây dựng", "Nâng cấp", "Triển khai", "Mở rộng", "Duy trì vận hành", "Số hóa", "Tích hợp")
_OBJECTS = (
    "Kho dữ liệu dùng chung của tỉnh",
    "Hệ thống quản lý văn bản và điều hành",
    "Hệ thống thông tin giải quyết thủ tục hành chính",
    "mạng truyền số liệu chuyên dùng",
    "cơ sở dữ liệu cán bộ, công chức, viên chức",
    "cơ sở dữ liệu đất đai",
    "Trung tâm giám sát, điều hành thông minh (IOC)",
    "nền tảng họp trực tuyến",
    "hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Cổng thông tin điện tử",
    "hệ thống camera giám sát giao thông",
    "ứng dụng Công dân số",
)
_PLACES = ("của tỉnh", "tại cấp huyện", "tại cấp xã", "trong các cơ quan nhà nước", "giai đoạn 2", "")
_PRODUCTS = (
    "Hệ thống được đưa vào vận hành",
    "Cơ sở dữ liệu được cập nhật, kết nối",
    "Báo cáo kết quả triển khai",
    "Quyết định phê duyệt",
    "100% đơn vị được kết nối",
    "",
)


# Writing cells -------------------------------------------------------------------------------------


def _new_book(sheet_title: str) -> tuple[Workbook, Worksheet]:
    """A workbook whose first sheet is named sheet_title."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = sheet_title
    return book, sheet


def _put(sheet: Worksheet, row: int, column: int, value: _Value) -> None:
    """A value in a cell as a clerk leaves it: dates shown day first, several lines wrapped."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, datetime.date):
        cell.number_format = "dd/mm/yyyy"
    elif isinstance(value, str) and "\n" in value:
        cell.alignment = Alignment(wrap_text=True)


def _write_rows(sheet: Worksheet, first_row: int, rows: Iterable[Sequence[_Value]]) -> None:
    """Rows of values from column A on; None leaves a cell empty."""
    for row, values in enumerate(rows, start=first_row):
        for column, value in enumerate(values, start=1):
            if value is not None:
                _put(sheet, row, column, value)


def _merge(sheet: Worksheet, cells: str, value: _Value = None) -> None:
    """Put value (unless None) in the first cell of cells ("A1:C1", or one cell "G8") and merge them."""
    if value is not None:
        _put(sheet, *coordinate_to_tuple(cells.split(":")[0]), value)
    if ":" in cells:
        sheet.merge_cells(cells)


def _unmerged_rows(blocks: Sequence[tuple[str, str]], width: int) -> list[list[_Value]]:
    """The rows of merged blocks as a write-only sheet holds them: the value first, None in the others."""
    height = max(coordinate_to_tuple(cells.split(":")[-1])[0] for cells, _value in blocks)
    rows: list[list[_Value]] = [[None] * width for _ in range(height)]
    for cells, value in blocks:
        row, column = coordinate_to_tuple(cells.split(":")[0])
        rows[row - 1][column - 1] = value
    return rows


def _place(sheet: Worksheet, first_row: int, lines: Sequence[_Line]) -> list[dict[str, object]]:
    """Write lines from first_row down; the tasks they hold, each with the row it was written on."""
    tasks: list[dict[str, object]] = []
    for row, line in enumerate(lines, start=first_row):
        _write_rows(sheet, row, [line.cells])
        if line.merge_name_to is not None:
            _merge(sheet, f"B{row}:{line.merge_name_to}{row}")
        if line.task is not None:
            tasks.append({"row": row, **line.task})
    return tasks


def _finish(
    book: Workbook, path: Path, tasks: list[dict[str, object]], sheet: str, header_row: int
) -> Sample:
    """Save the workbook and describe it."""
    book.save(path)
    return Sample(path=path, tasks=tasks, sheet=sheet, header_row=header_row)


# Expected readings ---------------------------------------------------------------------------------


def _when(text: str) -> _Timing:
    """The reading of a timeline written in words."""
    start, end = _READINGS[text]
    return {"start": start, "end": end, "timeline_text": text}


def _dated(start: datetime.datetime | None, end: datetime.datetime) -> _Timing:
    """The reading of date cells: start and end, or a deadline alone (start None)."""
    first = None if start is None else start.date().isoformat()
    return {"start": first, "end": end.date().isoformat(), "timeline_text": None}


def _budget(**amounts: int) -> list[dict[str, object]]:
    """The non-zero amounts in đồng, in source order (central_budget=..., local_budget=..., ...)."""
    unknown = set(amounts) - set(_SOURCES)
    if unknown:
        raise ValueError(f"not a source: {sorted(unknown)}")
    return [{"source": source, "amount": amounts[source]} for source in _SOURCES if amounts.get(source)]


def _line(
    cells: Sequence[_Value],
    code: str,
    parent: str | None,
    level: int,
    *,
    kind: str = "task",
    name: str | None = None,
    **fields: object,
) -> _Line:
    """A numbered row (name in column B); name is what must be read when the cell needs cleaning."""
    expected = cells[1] if name is None else name
    task = {"code": code, "name": expected, "kind": kind, "parent_code": parent, "level": level, **fields}
    return _Line(tuple(cells), task)


def _heading(cell: str, code: str, name: str, parent: str | None, level: int, across: str) -> _Line:
    """A group's row: its number, and its name merged from column B to column across; nothing else."""
    task: dict[str, object] = {
        "code": code,
        "name": name,
        "kind": "group",
        "parent_code": parent,
        "level": level,
        "lead_unit": None,
        "cooperating_units": [],
        "start": None,
        "end": None,
        "timeline_text": None,
        "product": None,
        "budget": [],
    }
    return _Line((cell, name), task, merge_name_to=across)


def _day(year: int, month: int, day: int) -> datetime.datetime:
    """A day as a date cell holds it (openpyxl reads dates back as datetimes)."""
    return datetime.datetime(year, month, day)


# The samples (their tables are laid out by hand, one row of cells and its reading per entry) ---------


def build_decision_appendix(folder: Path) -> Sample:
    """The appendix of a provincial decision: title rows, a two-row merged heading, money in triệu đồng."""
    book, sheet = _new_book("Phụ lục")
    for cells, value in _APPENDIX_TOP:
        _merge(sheet, cells, value)
    tic = "Sở Thông tin và Truyền thông"
    districts = "UBND các huyện, thị xã, thành phố"
    # fmt: off
    lines = [
        _heading("I", "I", "PHÁT TRIỂN HẠ TẦNG SỐ VÀ NỀN TẢNG SỐ", None, 0, "J"),
        _line(
            (1, "Nâng cấp Hệ thống quản lý văn bản và điều hành", "Văn phòng UBND tỉnh", tic, "Quý II/2025",
             "Hệ thống được nâng cấp, vận hành ổn định", None, "1.250,5"),
            "1", "I", 1, lead_unit="Văn phòng UBND tỉnh", cooperating_units=[tic], **_when("Quý II/2025"),
            product="Hệ thống được nâng cấp, vận hành ổn định", budget=_budget(local_budget=1_250_500_000),
        ),
        _line(
            (2, "Xây dựng Kho dữ liệu dùng chung của tỉnh (*)", tic, "Các sở, ban, ngành", "2025-2026",
             "Kho dữ liệu được đưa vào vận hành", 3000, 1500, None, "(*) Nhiệm vụ trọng tâm"),
            "2", "I", 1, name="Xây dựng Kho dữ liệu dùng chung của tỉnh", lead_unit=tic,
            cooperating_units=["Các sở, ban, ngành"], **_when("2025-2026"),
            product="Kho dữ liệu được đưa vào vận hành",
            budget=_budget(central_budget=3_000_000_000, local_budget=1_500_000_000),
        ),
        _line(
            (3, "Nâng cấp mạng truyền số liệu  chuyên dùng\ncấp II của tỉnh", tic,
             f"Bưu điện tỉnh; {districts}", "Năm 2025", "Mạng được kết nối đến 100% xã, phường, thị trấn",
             0, 850),
            "3", "I", 1, name="Nâng cấp mạng truyền số liệu chuyên dùng cấp II của tỉnh", lead_unit=tic,
            cooperating_units=["Bưu điện tỉnh", districts], **_when("Năm 2025"),
            product="Mạng được kết nối đến 100% xã, phường, thị trấn",
            budget=_budget(local_budget=850 * _MILLION),
        ),
        _line(
            (4, "Triển khai Trung tâm giám sát, điều hành thông minh (IOC)", tic,
             "Công an tỉnh; Sở Tài chính", "6 tháng đầu năm 2025", "Trung tâm IOC đi vào hoạt động", None,
             2400, "600"),
            "4", "I", 1, lead_unit=tic, cooperating_units=["Công an tỉnh", "Sở Tài chính"],
            **_when("6 tháng đầu năm 2025"), product="Trung tâm IOC đi vào hoạt động",
            budget=_budget(local_budget=2_400_000_000, other=600 * _MILLION),
        ),
        _line(
            (5, "Bảo đảm an toàn thông tin theo mô hình 4 lớp", "Công an tỉnh", tic, "Quý III/2025",
             "Hệ thống được giám sát an toàn thông tin 24/7", None, 320.5),
            "5", "I", 1, lead_unit="Công an tỉnh", cooperating_units=[tic], **_when("Quý III/2025"),
            product="Hệ thống được giám sát an toàn thông tin 24/7", budget=_budget(local_budget=320_500_000),
        ),
        _heading("II.", "II", "PHÁT TRIỂN CHÍNH QUYỀN SỐ, DỊCH VỤ CÔNG TRỰC TUYẾN", None, 0, "J"),
        _line(
            ("1.", "Nâng cấp Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
             "Văn phòng UBND tỉnh", f"{tic}; Các sở, ban, ngành", "Tháng 6/2025",
             "Cổng Dịch vụ công kết nối với Cổng Dịch vụ công quốc gia", "1.250,5"),
            "1", "II", 1, lead_unit="Văn phòng UBND tỉnh", cooperating_units=[tic, "Các sở, ban, ngành"],
            **_when("Tháng 6/2025"), product="Cổng Dịch vụ công kết nối với Cổng Dịch vụ công quốc gia",
            budget=_budget(central_budget=1_250_500_000),
        ),
        _line(
            ("2.", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh",
             "Trung tâm Phục vụ hành chính công tỉnh", "2025", "100% hồ sơ được số hóa", None, 1800),
            "2", "II", 1, lead_unit="Văn phòng UBND tỉnh",
            cooperating_units=["Trung tâm Phục vụ hành chính công tỉnh"], **_when("2025"),
            product="100% hồ sơ được số hóa", budget=_budget(local_budget=1_800_000_000),
        ),
        _line(
            ("3.", "Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức", "Sở Nội vụ",
             f"{tic}\nTrường Chính trị tỉnh", "Quý IV/2025", "500 lượt cán bộ được đào tạo", None, 200, 50),
            "3", "II", 1, lead_unit="Sở Nội vụ", cooperating_units=[tic, "Trường Chính trị tỉnh"],
            **_when("Quý IV/2025"), product="500 lượt cán bộ được đào tạo",
            budget=_budget(local_budget=200 * _MILLION, other=50 * _MILLION),
        ),
        _line(
            ("4.", "Triển khai nền tảng họp trực tuyến đến cấp xã", f"  {tic} ", districts,
             "6 tháng cuối năm 2025", "Hệ thống họp trực tuyến đến 100% xã", None, "975,25"),
            "4", "II", 1, lead_unit=tic, cooperating_units=[districts], **_when("6 tháng cuối năm 2025"),
            product="Hệ thống họp trực tuyến đến 100% xã", budget=_budget(local_budget=975_250_000),
        ),
        _line(
            ("5.", "Xây dựng ứng dụng Công dân số tỉnh Quảng Ngãi", tic,
             "Công an tỉnh; Viettel Quảng Ngãi; VNPT Quảng Ngãi", "2025 – 2026",
             "Ứng dụng được triển khai trên thiết bị di động", 0, None, 1000),
            "5", "II", 1, lead_unit=tic,
            cooperating_units=["Công an tỉnh", "Viettel Quảng Ngãi", "VNPT Quảng Ngãi"],
            **_when("2025 – 2026"), product="Ứng dụng được triển khai trên thiết bị di động",
            budget=_budget(other=1_000_000_000),
        ),
    ]
    # fmt: on
    tasks = _place(sheet, _APPENDIX_HEADER_ROW + 1, lines)
    return _finish(book, folder / "decision_appendix.xlsx", tasks, sheet.title, _APPENDIX_HEADER_ROW)


def build_nested_numbering(folder: Path) -> Sample:
    """Five numbering levels, A > I > 1 > 1.1 > a), with no title rows; arabic groups carry cells too."""
    book, sheet = _new_book("Kế hoạch")
    headings = (
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
        "Kết quả",
    )
    _write_rows(sheet, 1, [headings])
    tic = "Sở TT&TT"
    districts = "UBND các huyện, thị xã, thành phố"
    # fmt: off
    lines = [
        _heading("A", "A", "CHUYỂN ĐỔI SỐ TRONG CƠ QUAN NHÀ NƯỚC", None, 0, "F"),
        _heading("I", "I", "Hạ tầng số", "A", 1, "F"),
        _line(
            (1, "Nâng cấp mạng truyền số liệu chuyên dùng", tic, None, "2025-2026"),
            "1", "I", 2, kind="group", lead_unit=tic, cooperating_units=[], **_when("2025-2026"),
            product=None,
        ),
        _line(
            ("1.1", "Nâng cấp đường truyền đến UBND cấp huyện", tic, districts, "Quý II/2025",
             "Đường truyền tốc độ tối thiểu 100 Mbps"),
            "1.1", "1", 3, lead_unit=tic, cooperating_units=[districts], **_when("Quý II/2025"),
            product="Đường truyền tốc độ tối thiểu 100 Mbps",
        ),
        _line(
            ("1.2", "Mở rộng kết nối đến UBND cấp xã", tic, None, "2026"),
            "1.2", "1", 3, kind="group", lead_unit=tic, cooperating_units=[], **_when("2026"), product=None,
        ),
        _line(
            ("a)", "Khảo sát hiện trạng kết nối tại các xã", tic, districts, "Quý I/2026",
             "Báo cáo khảo sát"),
            "a", "1.2", 4, lead_unit=tic, cooperating_units=[districts], **_when("Quý I/2026"),
            product="Báo cáo khảo sát",
        ),
        _line(
            ("b)", "Triển khai kết nối cho 100% xã, phường, thị trấn", tic,
             "Viettel Quảng Ngãi; VNPT Quảng Ngãi", "6 tháng cuối năm 2026", "Các xã được kết nối"),
            "b", "1.2", 4, lead_unit=tic, cooperating_units=["Viettel Quảng Ngãi", "VNPT Quảng Ngãi"],
            **_when("6 tháng cuối năm 2026"), product="Các xã được kết nối",
        ),
        _line(
            (2, "Triển khai Trung tâm giám sát, điều hành thông minh (IOC)", tic, "Công an tỉnh",
             "Trước 30/9/2025", "Trung tâm IOC đi vào hoạt động"),
            "2", "I", 2, lead_unit=tic, cooperating_units=["Công an tỉnh"], **_when("Trước 30/9/2025"),
            product="Trung tâm IOC đi vào hoạt động",
        ),
        _heading("II", "II", "Dữ liệu số", "A", 1, "F"),
        _line(
            (1, "Xây dựng Kho dữ liệu dùng chung của tỉnh", tic, None, "2025-2026"),
            "1", "II", 2, kind="group", lead_unit=tic, cooperating_units=[], **_when("2025-2026"),
            product=None,
        ),
        _line(
            ("1.1", "Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức", "Sở Nội vụ", tic, "Tháng 9/2025",
             "CSDL được cập nhật đầy đủ"),
            "1.1", "1", 3, lead_unit="Sở Nội vụ", cooperating_units=[tic], **_when("Tháng 9/2025"),
            product="CSDL được cập nhật đầy đủ",
        ),
        _line(
            ("1.2", "Xây dựng cơ sở dữ liệu đất đai", "Sở Tài nguyên và Môi trường", f"{tic}; {districts}",
             "Năm 2026", "CSDL đất đai kết nối với Kho dữ liệu dùng chung"),
            "1.2", "1", 3, lead_unit="Sở Tài nguyên và Môi trường", cooperating_units=[tic, districts],
            **_when("Năm 2026"), product="CSDL đất đai kết nối với Kho dữ liệu dùng chung",
        ),
        _line(
            ("2.", "Xây dựng Danh mục dữ liệu mở của tỉnh", tic, "Các sở, ban, ngành", "Quý IV/2025",
             "Danh mục dữ liệu mở được công bố"),
            "2", "II", 2, lead_unit=tic, cooperating_units=["Các sở, ban, ngành"], **_when("Quý IV/2025"),
            product="Danh mục dữ liệu mở được công bố",
        ),
        _heading("B", "B", "CHUYỂN ĐỔI SỐ TRONG DOANH NGHIỆP VÀ XÃ HỘI", None, 0, "F"),
        _heading("I", "I", "Kinh tế số", "B", 1, "F"),
        _line(
            (1, "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số", "Sở Kế hoạch và Đầu tư",
             f"{tic}; Hiệp hội Doanh nghiệp tỉnh", "2025", "200 doanh nghiệp được hỗ trợ"),
            "1", "I", 2, lead_unit="Sở Kế hoạch và Đầu tư",
            cooperating_units=[tic, "Hiệp hội Doanh nghiệp tỉnh"], **_when("2025"),
            product="200 doanh nghiệp được hỗ trợ",
        ),
        _line(
            (2, "Phát triển thương mại điện tử", "Sở Công Thương", None, "2025-2026"),
            "2", "I", 2, kind="group", lead_unit="Sở Công Thương", cooperating_units=[], **_when("2025-2026"),
            product=None,
        ),
        _line(
            ("2.1", "Đưa sản phẩm OCOP lên sàn thương mại điện tử", "Sở Công Thương",
             "Sở Nông nghiệp và Phát triển nông thôn", "Quý III/2025", "100% sản phẩm OCOP có mặt trên sàn"),
            "2.1", "2", 3, lead_unit="Sở Công Thương",
            cooperating_units=["Sở Nông nghiệp và Phát triển nông thôn"], **_when("Quý III/2025"),
            product="100% sản phẩm OCOP có mặt trên sàn",
        ),
        _line(
            ("2.2", "Phổ cập thanh toán không dùng tiền mặt", "Ngân hàng Nhà nước Chi nhánh tỉnh",
             "Sở Công Thương", "Năm 2026", "Tỷ lệ giao dịch không dùng tiền mặt đạt 50%"),
            "2.2", "2", 3, lead_unit="Ngân hàng Nhà nước Chi nhánh tỉnh",
            cooperating_units=["Sở Công Thương"], **_when("Năm 2026"),
            product="Tỷ lệ giao dịch không dùng tiền mặt đạt 50%",
        ),
        _heading("II", "II", "Xã hội số", "B", 1, "F"),
        _line(
            (1, "Triển khai Tổ công nghệ số cộng đồng tại các thôn, tổ dân phố", tic, districts,
             "6 tháng đầu năm 2025", "Tổ công nghệ số cộng đồng hoạt động tại 100% thôn"),
            "1", "II", 2, lead_unit=tic, cooperating_units=[districts], **_when("6 tháng đầu năm 2025"),
            product="Tổ công nghệ số cộng đồng hoạt động tại 100% thôn",
        ),
    ]
    # fmt: on
    tasks = _place(sheet, 2, lines)
    return _finish(book, folder / "nested_numbering.xlsx", tasks, sheet.title, 1)


def build_continuous_numbering(folder: Path) -> Sample:
    """Groups I, II, III whose tasks are numbered 1..10 straight through, under three title rows."""
    book, sheet = _new_book("Danh mục nhiệm vụ")
    _merge(sheet, "A1:F1", "PHỤ LỤC")
    _merge(sheet, "A2:F2", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TỈNH BÌNH ĐỊNH NĂM 2025")
    _merge(sheet, "A3:F3", "(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 20/01/2025 của UBND tỉnh)")
    headings = ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ", "Sản phẩm dự kiến")
    _write_rows(sheet, 5, [headings])
    tic = "Sở Thông tin và Truyền thông"
    everyone = "Các sở, ban, ngành"

    def task(
        number: int, group: str, cells: tuple[str | None, ...], coop: list[str], name: str | None = None
    ) -> _Line:
        """A task row from (name, lead, cooperating, timeline, product); lead and product read as written."""
        return _line(
            (number, *cells),
            str(number),
            group,
            1,
            name=name,
            lead_unit=cells[1],
            cooperating_units=coop,
            **_when(str(cells[3])),
            product=cells[4],
        )

    # fmt: off
    lines = [
        _heading("I", "I", "NÂNG CAO NHẬN THỨC, PHÁT TRIỂN NGUỒN NHÂN LỰC SỐ", None, 0, "F"),
        task(1, "I", ("Tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng", tic,
                      "Đài Phát thanh và Truyền hình tỉnh; Báo Bình Định", "Thường xuyên",
                      "Tin, bài, phóng sự được đăng tải"),
             ["Đài Phát thanh và Truyền hình tỉnh", "Báo Bình Định"]),
        task(2, "I", ("Tổ chức Ngày Chuyển đổi số tỉnh Bình Định (1)", tic, everyone, "Tháng 10/2025",
                      "Sự kiện được tổ chức"),
             [everyone], name="Tổ chức Ngày Chuyển đổi số tỉnh Bình Định"),
        task(3, "I", ("Đào tạo, tập huấn kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ", tic,
                      "Quý II/2025", "1.000 lượt cán bộ được tập huấn"),
             [tic]),
        task(4, "I", ("Quảng bá du lịch trên nền tảng số", "Sở Văn hóa, Thể thao và Du lịch", tic, "Năm 2025",
                      "Bản đồ du lịch số được phát hành"),
             [tic]),
        _heading("II", "II", "PHÁT TRIỂN HẠ TẦNG SỐ", None, 0, "F"),
        task(5, "II", ("Phủ sóng di động 4G/5G đến 100% thôn, làng", tic, "Viettel Bình Định; VNPT Bình Định",
                       "2025-2026", "100% thôn, làng có sóng di động"),
             ["Viettel Bình Định", "VNPT Bình Định"]),
        task(6, "II", ("Nâng cấp Trung tâm dữ liệu tỉnh", "Trung tâm Công nghệ thông tin và Truyền thông",
                       None, "6 tháng cuối năm 2025", "Trung tâm dữ liệu đạt tiêu chuẩn Tier III"),
             []),
        task(7, "II", ("Triển khai Hệ thống giám sát an toàn thông tin (SOC)", tic, "Công an tỉnh",
                       "Quý IV/2025", "Hệ thống SOC vận hành 24/7"),
             ["Công an tỉnh"]),
        _heading("III", "III", "PHÁT TRIỂN DỮ LIỆU SỐ", None, 0, "F"),
        task(8, "III", ("Xây dựng Kho dữ liệu dùng chung của tỉnh", tic, everyone, "2025-2026",
                        "Kho dữ liệu được đưa vào vận hành"),
             [everyone]),
        task(9, "III", ("Xây dựng cơ sở dữ liệu ngành y tế", "Sở Y tế", "Bảo hiểm xã hội tỉnh", "Năm 2026",
                        "CSDL y tế kết nối với Kho dữ liệu dùng chung"),
             ["Bảo hiểm xã hội tỉnh"]),
        task(10, "III", ("Công bố dữ liệu mở của tỉnh", tic, everyone, "Quý I/2026",
                         "Danh mục dữ liệu mở được công bố"),
             [everyone]),
    ]
    # fmt: on
    tasks = _place(sheet, 6, lines)
    return _finish(book, folder / "continuous_numbering.xlsx", tasks, sheet.title, 5)


def build_spills_and_totals(folder: Path) -> Sample:
    """A name and product spilling onto the next row, an empty row, footnote marks, unit lists, a total."""
    book, sheet = _new_book("Kế hoạch 2025")
    _merge(sheet, "A1:H1", "KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, CHUYỂN ĐỔI SỐ NĂM 2025")
    headings = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm")
    _write_rows(sheet, 3, [(*headings, "Kinh phí (triệu đồng)", "Nguồn vốn")])
    tic = "Sở TT&TT"
    districts = "UBND các huyện, thị xã, thành phố"
    # fmt: off
    lines = [
        _line(
            (1, "Xây dựng Kho dữ liệu dùng chung của tỉnh, kết nối với", tic,
             "Sở Tài chính, Sở Kế hoạch và Đầu tư", "2025-2026", "Kho dữ liệu được", "3.600",
             "Ngân sách địa phương"),
            "1", None, 0,
            name="Xây dựng Kho dữ liệu dùng chung của tỉnh, kết nối với Nền tảng tích hợp, chia sẻ dữ liệu"
                 " quốc gia (NDXP)",
            lead_unit=tic, cooperating_units=["Sở Tài chính", "Sở Kế hoạch và Đầu tư"], **_when("2025-2026"),
            product="Kho dữ liệu được đưa vào vận hành", budget=_budget(local_budget=3_600_000_000),
        ),
        _Line((None, "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", None, None, None,
               "đưa vào vận hành")),
        _line(
            (2, "Triển khai chữ ký số cho cán bộ, công chức¹", "Sở Nội vụ", "Sở TT&TT; Sở Tài chính",
             "Quý II/2025", "100% cán bộ, công chức có chữ ký số", 150, "NSTW"),
            "2", None, 0, name="Triển khai chữ ký số cho cán bộ, công chức", lead_unit="Sở Nội vụ",
            cooperating_units=["Sở TT&TT", "Sở Tài chính"], **_when("Quý II/2025"),
            product="100% cán bộ, công chức có chữ ký số", budget=_budget(central_budget=150 * _MILLION),
        ),
        _Line(),
        _line(
            (3, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính*", "Văn phòng UBND tỉnh",
             "Sở Nội vụ\nSở Tư pháp", "Năm 2025", "Kết quả giải quyết TTHC được số hóa", "1.250,5", ""),
            "3", None, 0, name="Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            lead_unit="Văn phòng UBND tỉnh", cooperating_units=["Sở Nội vụ", "Sở Tư pháp"],
            **_when("Năm 2025"),
            product="Kết quả giải quyết TTHC được số hóa", budget=_budget(other=1_250_500_000),
        ),
        _line(
            (4, "Đào tạo kỹ năng số cho người dân", tic, "Các sở, ban, ngành", "6 tháng cuối năm 2025",
             "10.000 người dân được hướng dẫn", 500, "Xã hội hóa"),
            "4", None, 0, lead_unit=tic, cooperating_units=["Các sở, ban, ngành"],
            **_when("6 tháng cuối năm 2025"),
            product="10.000 người dân được hướng dẫn", budget=_budget(other=500 * _MILLION),
        ),
        _line(
            (5, "Phát triển hạ tầng cáp quang đến thôn, bản", tic, districts, "2025-2026",
             "100% thôn có cáp quang", 2000, "Doanh nghiệp"),
            "5", None, 0, lead_unit=tic, cooperating_units=[districts], **_when("2025-2026"),
            product="100% thôn có cáp quang", budget=_budget(enterprise=2_000_000_000),
        ),
        _line(
            (6, "Số hóa di sản văn hóa của tỉnh", tic, "Sở Văn hóa, Thể thao và Du lịch", "Quý IV/2025",
             "Thư viện số di sản", 5000, "Vốn vay ODA"),
            "6", None, 0, lead_unit=tic, cooperating_units=["Sở Văn hóa, Thể thao và Du lịch"],
            **_when("Quý IV/2025"), product="Thư viện số di sản", budget=_budget(oda=5_000_000_000),
        ),
        _Line((None, "Tổng cộng", None, None, None, None, "12.500,5")),
    ]
    # fmt: on
    tasks = _place(sheet, 4, lines)
    return _finish(book, folder / "spills_and_totals.xlsx", tasks, sheet.title, 3)


def build_english_headings(folder: Path) -> Sample:
    """An English translation of a plan: English headings, money in million VND with a Source column."""
    book, sheet = _new_book("Action plan")
    _merge(sheet, "A1:I1", "ACTION PLAN 2025")
    headings = ("No.", "Task", "Lead agency", "Cooperating agencies", "Timeline", "Output")
    _write_rows(sheet, 3, [(*headings, "Budget (million VND)", "Source", "Notes")])
    dic = "Department of Information and Communications"
    office = "Provincial People's Committee Office"
    # fmt: off
    lines = [
        _heading("I", "I", "DIGITAL INFRASTRUCTURE", None, 0, "I"),
        _line(
            (1, "Upgrade the provincial document management and administration system", office, dic,
             "Q2 2025", "System upgraded and in operation", 1200, "Local budget"),
            "1", "I", 1, lead_unit=office, cooperating_units=[dic], **_when("Q2 2025"),
            product="System upgraded and in operation", budget=_budget(local_budget=1_200_000_000),
        ),
        _line(
            (2, "Build the provincial shared data warehouse", dic,
             "Department of Finance; Department of Planning and Investment", "2025-2026",
             "Data warehouse in operation", 3500, "Central budget", "Key task"),
            "2", "I", 1, lead_unit=dic,
            cooperating_units=["Department of Finance", "Department of Planning and Investment"],
            **_when("2025-2026"), product="Data warehouse in operation",
            budget=_budget(central_budget=3_500_000_000),
        ),
        _line(
            (3, "Deploy the Intelligent Operations Centre (IOC)", dic, "Provincial Police", "2025",
             "IOC in operation", 2800.5, "ODA"),
            "3", "I", 1, lead_unit=dic, cooperating_units=["Provincial Police"], **_when("2025"),
            product="IOC in operation", budget=_budget(oda=2_800_500_000),
        ),
        _heading("II", "II", "DIGITAL GOVERNMENT", None, 0, "I"),
        _line(
            (1, "Digitise administrative procedure records", "Public Administration Service Centre",
             "All departments and agencies", "2025", "All records digitised", 450, ""),
            "1", "II", 1, lead_unit="Public Administration Service Centre",
            cooperating_units=["All departments and agencies"], **_when("2025"),
            product="All records digitised", budget=_budget(other=450 * _MILLION),
        ),
        _line(
            (2, "Train civil servants in digital skills", "Department of Home Affairs", None, "Q4/2025",
             "500 civil servants trained"),
            "2", "II", 1, lead_unit="Department of Home Affairs", cooperating_units=[], **_when("Q4/2025"),
            product="500 civil servants trained", budget=[],
        ),
        _line(
            (3, "Launch the Digital Citizen app", dic, "Provincial Police; Viettel Quang Ngai", "2025-2026",
             "App published on the app stores", 1000, "Local budget"),
            "3", "II", 1, lead_unit=dic, cooperating_units=["Provincial Police", "Viettel Quang Ngai"],
            **_when("2025-2026"), product="App published on the app stores",
            budget=_budget(local_budget=1_000_000_000),
        ),
    ]
    # fmt: on
    tasks = _place(sheet, 4, lines)
    return _finish(book, folder / "english_headings.xlsx", tasks, sheet.title, 3)


def build_date_cells_and_money_text(folder: Path) -> Sample:
    """Start and end as real date cells; amounts in đồng written as numbers or as words with units."""
    book, sheet = _new_book("Dự án")
    _merge(sheet, "A1:G1", "DANH MỤC DỰ ÁN ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2025")
    headings = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Bắt đầu", "Kết thúc", "Kinh phí (đồng)", "Nguồn vốn")
    _write_rows(sheet, 2, [headings])

    def task(
        number: int,
        cells: tuple[str, str, datetime.datetime, datetime.datetime, _Value, _Value],
        money: list[dict[str, object]],
    ) -> _Line:
        """A task row from (name, lead, start, end, amount, source)."""
        timing = _dated(cells[2], cells[3])
        return _line((number, *cells), str(number), None, 0, lead_unit=cells[1], **timing, budget=money)

    tic = "Sở Thông tin và Truyền thông"
    # fmt: off
    lines = [
        task(1, ("Nâng cấp Hệ thống quản lý văn bản và điều hành", "Văn phòng UBND tỉnh", _day(2025, 3, 1),
                 _day(2025, 9, 30), "5 tỷ đồng", "NSTW"),
             _budget(central_budget=5_000_000_000)),
        task(2, ("Xây dựng Kho dữ liệu dùng chung của tỉnh", tic, _day(2025, 4, 15), _day(2026, 6, 30),
                 "500 triệu", "NSĐP"),
             _budget(local_budget=500 * _MILLION)),
        task(3, ("Triển khai hệ thống camera giám sát an ninh, trật tự", "Công an tỉnh", _day(2025, 2, 1),
                 _day(2025, 12, 31), 1_200_000_000, "Xã hội hóa"),
             _budget(other=1_200_000_000)),
        task(4, ("Xây dựng phần mềm quản lý hồ sơ bệnh án điện tử", "Sở Y tế", _day(2025, 6, 1),
                 _day(2025, 11, 30), "2,5 tỷ", ""),
             _budget(other=2_500_000_000)),
        task(5, ("Thuê dịch vụ điện toán đám mây cho các hệ thống dùng chung", tic, _day(2025, 1, 1),
                 _day(2025, 12, 31), "750.000.000", "NSĐP"),
             _budget(local_budget=750_000_000)),
        task(6, ("Đào tạo chuyển đổi số cho cán bộ cấp xã", "Sở Nội vụ", _day(2025, 7, 1), _day(2025, 10, 31),
                 None, None),
             []),
    ]
    # fmt: on
    tasks = _place(sheet, 3, lines)
    return _finish(book, folder / "date_cells_and_money_text.xlsx", tasks, sheet.title, 2)


def build_several_sheets(folder: Path) -> Sample:
    """A cover sheet, then the table on "Phụ lục I", then a sheet of notes."""
    book, cover = _new_book("Thông tin chung")
    cover_lines = (
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025",
        None,
        "Cơ quan ban hành: Sở Thông tin và Truyền thông tỉnh Bình Định",
        "Số hiệu: 45/KH-STTTT",
        "Ngày ban hành: 20/01/2025",
        "Danh mục nhiệm vụ: xem Phụ lục I",
    )
    _write_rows(cover, 1, [(text,) for text in cover_lines])
    sheet = book.create_sheet("Phụ lục I")
    _merge(sheet, "A1:G1", "PHỤ LỤC I")
    _merge(sheet, "A2:G2", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025")
    headings = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")
    _write_rows(sheet, 4, [(*headings, "Kinh phí (triệu đồng)", "Nguồn vốn")])
    tic = "Sở TT&TT"
    districts = "UBND các huyện, thị xã, thành phố"
    # fmt: off
    lines = [
        _heading("I", "I", "CHÍNH QUYỀN SỐ", None, 0, "G"),
        _line(
            (1, "Triển khai hệ thống họp trực tuyến đến cấp xã", tic, districts, "Quý II/2025", 1200, "NSĐP"),
            "1", "I", 1, lead_unit=tic, cooperating_units=[districts], **_when("Quý II/2025"),
            budget=_budget(local_budget=1_200_000_000),
        ),
        _line(
            (2, "Nâng cấp Cổng thông tin điện tử tỉnh", "Văn phòng UBND tỉnh", tic, "Quý III/2025", "450,5",
             "Ngân sách địa phương"),
            "2", "I", 1, lead_unit="Văn phòng UBND tỉnh", cooperating_units=[tic], **_when("Quý III/2025"),
            budget=_budget(local_budget=450_500_000),
        ),
        _line(
            (3, "Triển khai nền tảng trợ lý ảo cho cán bộ, công chức", tic, "VNPT Bình Định",
             "6 tháng cuối năm 2025", 800, "Doanh nghiệp"),
            "3", "I", 1, lead_unit=tic, cooperating_units=["VNPT Bình Định"],
            **_when("6 tháng cuối năm 2025"), budget=_budget(enterprise=800 * _MILLION),
        ),
        _heading("II", "II", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", None, 0, "G"),
        _line(
            (1, "Xây dựng sàn giao dịch thương mại điện tử của tỉnh", "Sở Công Thương",
             f"{tic}; Sở Kế hoạch và Đầu tư", "2025-2026", 2500, "NSTW"),
            "1", "II", 1, lead_unit="Sở Công Thương", cooperating_units=[tic, "Sở Kế hoạch và Đầu tư"],
            **_when("2025-2026"), budget=_budget(central_budget=2_500_000_000),
        ),
        _line(
            (2, "Phổ cập kỹ năng số cho người dân", "Tỉnh đoàn", tic, "Năm 2025"),
            "2", "II", 1, lead_unit="Tỉnh đoàn", cooperating_units=[tic], **_when("Năm 2025"), budget=[],
        ),
    ]
    # fmt: on
    tasks = _place(sheet, 5, lines)
    notes = book.create_sheet("Ghi chú")
    note_lines = (
        "Ghi chú",
        "- Kinh phí là dự kiến, sẽ được thẩm định khi lập dự án.",
        "- Các đơn vị báo cáo tiến độ hằng quý về Sở Thông tin và Truyền thông.",
    )
    _write_rows(notes, 1, [(text,) for text in note_lines])
    return _finish(book, folder / "several_sheets.xlsx", tasks, sheet.title, 4)


def build_deadline_dates(folder: Path) -> Sample:
    """A "Thời gian hoàn thành" column of real date cells (deadlines), and one deadline in words."""
    book, sheet = _new_book("Đề án 06")
    _merge(sheet, "A1:F1", "KẾ HOẠCH THỰC HIỆN ĐỀ ÁN 06 NĂM 2025")
    headings = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm")
    _write_rows(sheet, 3, [headings])
    police = "Công an tỉnh"
    districts = "UBND các huyện, thị xã, thành phố"

    def task(
        number: int, cells: tuple[str, str, str, datetime.datetime | str, str], coop: list[str]
    ) -> _Line:
        """A task row from (name, lead, cooperating, deadline, product)."""
        due = cells[3]
        when = _when(due) if isinstance(due, str) else _dated(None, due)
        return _line(
            (number, *cells),
            str(number),
            None,
            0,
            lead_unit=cells[1],
            cooperating_units=coop,
            **when,
            product=cells[4],
        )

    # fmt: off
    lines = [
        task(1, ("Làm sạch dữ liệu hộ tịch, kết nối với Cơ sở dữ liệu quốc gia về dân cư", "Sở Tư pháp",
                 police, _day(2025, 6, 30), "Dữ liệu hộ tịch được làm sạch"),
             [police]),
        task(2, ("Tích hợp xác thực điện tử VNeID vào Hệ thống giải quyết thủ tục hành chính",
                 "Văn phòng UBND tỉnh", f"{police}; Sở TT&TT", _day(2025, 9, 30),
                 "Người dân đăng nhập bằng tài khoản VNeID"),
             [police, "Sở TT&TT"]),
        task(3, ("Triển khai thanh toán không dùng tiền mặt tại bệnh viện, trường học", "Sở Y tế",
                 "Sở Giáo dục và Đào tạo", _day(2025, 12, 31),
                 "100% bệnh viện công thu phí không dùng tiền mặt"),
             ["Sở Giáo dục và Đào tạo"]),
        task(4, ("Số hóa sổ hộ tịch lưu trữ tại cấp xã", "Sở Tư pháp", districts, "Trước 30/9/2025",
                 "Sổ hộ tịch được số hóa"),
             [districts]),
        task(5, ("Cấp tài khoản định danh điện tử mức 2 cho người dân", police, districts, _day(2025, 3, 31),
                 "90% người dân có tài khoản mức 2"),
             [districts]),
    ]
    # fmt: on
    tasks = _place(sheet, 4, lines)
    return _finish(book, folder / "deadline_dates.xlsx", tasks, sheet.title, 3)


# The benchmark's large plan ------------------------------------------------------------------------


def _roman(number: int) -> str:
    """A whole number from 1 up in Roman numerals."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    text = ""
    for value, letters in numerals:
        count, number = divmod(number, value)
        text += letters * count
    return text


def _vietnamese_amount(value: float) -> str:
    """An amount as a Vietnamese sheet shows it in text: 1.250,5 or 3.600."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _random_amount(rng: random.Random) -> _Value:
    """An empty money cell, a number, or a Vietnamese number as text, in triệu đồng."""
    draw = rng.random()
    if draw < 0.5:
        return None
    if draw < 0.8:
        return rng.randrange(10, 5000, 10)
    return _vietnamese_amount(rng.randrange(100, 99_999) / 10)


def _random_task(rng: random.Random, number: int, timelines: Sequence[str]) -> list[_Value]:
    """One task row of the large plan, in the columns of _APPENDIX_TOP."""
    name = " ".join(part for part in (rng.choice(_VERBS), rng.choice(_OBJECTS), rng.choice(_PLACES)) if part)
    lead = rng.choice(_UNITS)
    helpers = rng.sample(_UNITS, rng.randint(0, 3))
    cooperating = ("\n" if rng.random() < 0.2 else "; ").join(helpers) or None
    product = rng.choice(_PRODUCTS) or None
    money = [_random_amount(rng) for _ in range(3)]
    note = "Nhiệm vụ chuyển tiếp" if rng.random() < 0.05 else None
    return [number, name, lead, cooperating, rng.choice(timelines), product, *money, note]


def large_plan_rows(tasks: int = 10_000) -> Iterator[list[_Value]]:
    """The rows under the large plan's header: 500 groups numbered I..XX over and over, their tasks."""
    rng = random.Random(7)
    timelines = [text for text in _READINGS if not text.startswith("Q")]
    groups = min(500, tasks)
    for group in range(groups):
        title = f"NHÓM NHIỆM VỤ {group + 1}: {rng.choice(_AREAS)}"
        yield [_roman(group % 20 + 1), title] + [None] * (_APPENDIX_WIDTH - 2)
        count = tasks // groups + (1 if group < tasks % groups else 0)
        for number in range(1, count + 1):
            yield _random_task(rng, number, timelines)


def write_large_plan(path: Path, tasks: int = 10_000) -> None:
    """A decision's appendix of `tasks` tasks in 500 groups numbered I..XX over and over, written fast.

    Write-only mode cannot merge, so the title rows and headings hold each value in the first cell of what
    would be merged, with None in the others.
    """
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục")
    for row in _unmerged_rows(_APPENDIX_TOP, _APPENDIX_WIDTH):
        sheet.append(row)
    for row in large_plan_rows(tasks):
        sheet.append(row)
    book.save(path)
