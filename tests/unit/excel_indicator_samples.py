"""Tables of indicators as agencies publish them ("Danh mục các chỉ tiêu"), and what must be read from each.

Laid out from a reading of published digital-transformation plans (a province's yearly plan
with its appendix of indicators, the national programme's targets by horizon, a city's
reporting table of targets beside results): the wording of the cells here is our own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.worksheet import Worksheet

_Value = str | int | float | None


@dataclass(frozen=True)
class IndicatorSample:
    """One workbook on disk, and the groups and indicators (in table order) the reading must give."""

    path: Path
    indicators: list[dict[str, object]]
    groups: list[dict[str, object]]
    sheet: str
    header_row: int  # the header's last row


@dataclass(frozen=True)
class _Line:
    """One worksheet row from column A on, and what is read there (None: nothing, or joined above)."""

    cells: tuple[_Value, ...]
    indicator: dict[str, object] | None = None
    group: dict[str, object] | None = None
    merge_to: str | None = None  # a group's heading merged from column A to this column


def _new_book(title: str) -> tuple[Workbook, Worksheet]:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    return book, sheet


def _merge(sheet: Worksheet, cells: str, value: _Value = None) -> None:
    """Put value in the first cell of cells ("A1:F1", or one cell) and merge them."""
    if value is not None:
        row, column = coordinate_to_tuple(cells.split(":")[0])
        cell = sheet.cell(row=row, column=column, value=value)
        cell.alignment = Alignment(wrap_text=True)
    if ":" in cells:
        sheet.merge_cells(cells)


def _place(
    sheet: Worksheet, first_row: int, lines: Sequence[_Line]
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Write the lines from first_row down; the indicators and groups they hold, with their rows."""
    indicators: list[dict[str, object]] = []
    groups: list[dict[str, object]] = []
    for row, line in enumerate(lines, start=first_row):
        for column, value in enumerate(line.cells, start=1):
            if value is not None:
                cell = sheet.cell(row=row, column=column, value=value)
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True)
        if line.merge_to is not None:
            sheet.merge_cells(f"A{row}:{line.merge_to}{row}")
        if line.indicator is not None:
            indicators.append({"row": row, **line.indicator})
        if line.group is not None:
            groups.append({"row": row, **line.group})
    return indicators, groups


def _target(
    year: int, text: str, value: float | None = None, comparison: str | None = None, scope: str | None = None
) -> dict[str, object]:
    return {"year": year, "text": text, "value": value, "comparison": comparison, "scope": scope}


def _indicator(
    cells: Sequence[_Value],
    code: str,
    group: str | None,
    targets: list[dict[str, object]],
    *,
    name: str | None = None,
    measure_unit: str = "",
    lead_unit: str | None = None,
    **more: object,
) -> _Line:
    """An indicator's row: name in column B unless said otherwise."""
    expected: dict[str, object] = {
        "code": code,
        "name": cells[1] if name is None else name,
        "group": group,
        "measure_unit": measure_unit,
        "lead_unit": lead_unit,
        "targets": targets,
        **more,
    }
    return _Line(tuple(cells), indicator=expected)


def _group(
    cells: Sequence[_Value],
    code: str | None,
    name: str,
    parent_row: int | None = None,
    year: int | None = None,
    merge_to: str | None = None,
) -> _Line:
    return _Line(
        tuple(cells),
        group={"code": code, "name": name, "parent_row": parent_row, "year": year},
        merge_to=merge_to,
    )


_TIC = "Sở Thông tin và Truyền thông"
_OFFICE = "Văn phòng UBND tỉnh"


def build_province_yearly_indicators(folder: Path) -> IndicatorSample:
    """A province's appendix of this year's indicators: sections I-III, last year's results beside them."""
    book, sheet = _new_book("Phụ lục I")
    _merge(sheet, "A1:C1", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")
    _merge(sheet, "A3:F3", "Phụ lục I")
    _merge(sheet, "A4:F4", "DANH MỤC CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025")
    _merge(sheet, "A5:F5", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2025 của UBND tỉnh)")
    header = ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2024", "Mục tiêu năm 2025",
              "Cơ quan chủ trì theo dõi, đánh giá")  # fmt: skip
    for column, text in enumerate(header, start=1):
        sheet.cell(row=7, column=column, value=text)
    # fmt: off
    lines = [
        _Line(("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")),
        _group(("I", "CHÍNH QUYỀN SỐ"), "I", "CHÍNH QUYỀN SỐ"),
        _indicator(
            (1, "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "38,5", "≥ 40", _TIC),
            "I.1", "CHÍNH QUYỀN SỐ", [_target(2025, "≥ 40", 40.0, ">=")], measure_unit="%", lead_unit=_TIC,
            results=[{"year": 2024, "value": 38.5}],
        ),
        _indicator(
            (2, "Tỷ lệ hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng", "%", 95, "100%",
             _OFFICE),
            "I.2", "CHÍNH QUYỀN SỐ", [_target(2025, "100%", 100.0)], measure_unit="%", lead_unit=_OFFICE,
            results=[{"year": 2024, "value": 95.0}],
        ),
        _indicator(
            (3, "Tỷ lệ cơ quan nhà nước cấp tỉnh công bố dữ liệu mở", "%", None, "Tối thiểu 30%", _TIC),
            "I.3", "CHÍNH QUYỀN SỐ", [_target(2025, "Tối thiểu 30%", 30.0, ">=")], measure_unit="%",
            lead_unit=_TIC, results=[],
        ),
        _group(("II", "KINH TẾ SỐ"), "II", "KINH TẾ SỐ"),
        _indicator(
            (1, "Tỷ trọng kinh tế số trong GRDP của tỉnh", "%", "9,2", "10 - 12", "Thống kê tỉnh"),
            "II.1", "KINH TẾ SỐ",
            [_target(2025, "10 - 12", 10.0, ">="), _target(2025, "10 - 12", 12.0, "<=")],
            measure_unit="%", lead_unit="Thống kê tỉnh",
            results=[{"year": 2024, "value": 9.2}],
        ),
        _indicator(
            (2, "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "%", None, "Trên 50%", "Sở Tài chính"),
            "II.2", "KINH TẾ SỐ", [_target(2025, "Trên 50%", 50.0, ">")], measure_unit="%",
            lead_unit="Sở Tài chính", results=[],
        ),
        _group(("III", "XÃ HỘI SỐ"), "III", "XÃ HỘI SỐ"),
        # A percentage cell: Excel keeps 0.9 for the 90% it shows.
        _indicator(
            (1, "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", 0.82, 0.9, _TIC),
            "III.1", "XÃ HỘI SỐ", [_target(2025, "0.9", 90.0)], measure_unit="%", lead_unit=_TIC,
            results=[{"year": 2024, "value": 82.0}],
        ),
        _indicator(
            (2, "Mức độ hài lòng của người dân khi sử dụng dịch vụ công trực tuyến", None, None,
             "Đạt mức khá", "Sở Nội vụ"),
            "III.2", "XÃ HỘI SỐ", [_target(2025, "Đạt mức khá")], lead_unit="Sở Nội vụ", results=[],
        ),
        _Line(("Nơi nhận:",)),
    ]
    # fmt: on
    indicators, groups = _place(sheet, 8, lines)
    book.save(folder / "province_indicators.xlsx")
    return IndicatorSample(folder / "province_indicators.xlsx", indicators, groups, sheet.title, 7)


def build_national_targets_by_horizon(folder: Path) -> IndicatorSample:
    """The national programme's targets: one "Mục tiêu" column, dated by group rows "Đến năm 2025/2030"."""
    book, sheet = _new_book("Chỉ tiêu")
    _merge(sheet, "A1:E1", "DANH MỤC CÁC CHỈ TIÊU CỦA CHƯƠNG TRÌNH")
    for column, text in enumerate(
        ("TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu", "Cơ quan chủ trì theo dõi, đánh giá"), start=1
    ):
        sheet.cell(row=3, column=column, value=text)
    ministry = "Bộ Khoa học và Công nghệ"
    # fmt: off
    lines = [
        _group(("Đến năm 2025",), None, "Đến năm 2025", year=2025, merge_to="E"),
        _indicator(
            (1, "Xếp hạng Chỉ số phát triển Chính phủ điện tử (EGDI)", "Thứ hạng", "≤ 5 ASEAN; ≤ 60 thế giới",
             ministry),
            "2025.1", "Đến năm 2025",
            [_target(2025, "≤ 5 ASEAN", 5.0, "<=", "ASEAN"),
             _target(2025, "≤ 60 thế giới", 60.0, "<=", "thế giới")],
            measure_unit="Thứ hạng", lead_unit=ministry, direction="decrease",
        ),
        _indicator(
            (2, "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
             "%", "≥ 80", "Văn phòng Chính phủ"),
            "2025.2", "Đến năm 2025", [_target(2025, "≥ 80", 80.0, ">=")], measure_unit="%",
            lead_unit="Văn phòng Chính phủ", direction="increase",
        ),
        _indicator(
            (3, "Xếp hạng Chỉ số an toàn thông tin mạng toàn cầu (GCI)", "Thứ hạng", "Nhóm 40 nước dẫn đầu",
             "Bộ Công an"),
            "2025.3", "Đến năm 2025", [_target(2025, "Nhóm 40 nước dẫn đầu")], measure_unit="Thứ hạng",
            lead_unit="Bộ Công an",
        ),
        _group(("Đến năm 2030",), None, "Đến năm 2030", year=2030, merge_to="E"),
        _indicator(
            (1, "Quy mô kinh tế số so với GDP", "% GDP", "Tối thiểu 30%", "Bộ Tài chính"),
            "2030.1", "Đến năm 2030", [_target(2030, "Tối thiểu 30%", 30.0, ">=")], measure_unit="% GDP",
            lead_unit="Bộ Tài chính",
        ),
        _indicator(
            (2, "Mức độ phát triển Chính phủ số", None, "Đạt mức khá của khu vực", ministry),
            "2030.2", "Đến năm 2030", [_target(2030, "Đạt mức khá của khu vực")], lead_unit=ministry,
        ),
        _indicator(
            (3, "Xếp hạng Chỉ số phát triển Chính phủ điện tử (EGDI)", "Thứ hạng",
             "ASEAN: ≤ 3\nThế giới: ≤ 50", ministry),
            "2030.3", "Đến năm 2030",
            [_target(2030, "ASEAN: ≤ 3", 3.0, "<=", "ASEAN"),
             _target(2030, "Thế giới: ≤ 50", 50.0, "<=", "Thế giới")],
            measure_unit="Thứ hạng", lead_unit=ministry,
        ),
    ]
    # fmt: on
    indicators, groups = _place(sheet, 4, lines)
    book.save(folder / "national_targets.xlsx")
    return IndicatorSample(folder / "national_targets.xlsx", indicators, groups, sheet.title, 3)


def build_years_under_one_heading(folder: Path) -> IndicatorSample:
    """A city's table: "Mục tiêu" merged over "Năm 2026" and "Năm 2030", parts of an indicator on rows of
    their own ("- Cấp thành phố"), and a name wrapped onto a second row."""
    book, sheet = _new_book("Sheet1")
    _merge(sheet, "A1:F1", "KẾ HOẠCH CHUYỂN ĐỔI SỐ THÀNH PHỐ GIAI ĐOẠN 2026-2030")
    _merge(sheet, "A3:A4", "STT")
    _merge(sheet, "B3:B4", "Tên chỉ tiêu")
    _merge(sheet, "C3:C4", "ĐVT")
    _merge(sheet, "D3:E3", "Mục tiêu")
    _merge(sheet, "D4", "Năm 2026")
    _merge(sheet, "E4", "Năm 2030")
    _merge(sheet, "F3:F4", "Đơn vị chủ trì")
    digital = "Sở Khoa học và Công nghệ"
    parts = "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình, trong đó:"
    # fmt: off
    lines = [
        _group(("A", "CHÍNH QUYỀN SỐ"), "A", "CHÍNH QUYỀN SỐ"),
        _group((1, parts), "1", parts, parent_row=5),
        _indicator(
            (None, "- Cấp thành phố", "%", 90, 100, digital), "1.1", parts,
            [_target(2026, "90", 90.0), _target(2030, "100", 100.0)],
            name="Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình – Cấp thành phố",
            measure_unit="%", lead_unit=digital,
        ),
        _indicator(
            (None, "- Cấp xã", "%", 70, "≥ 90", "UBND các xã, phường"), "1.2", parts,
            [_target(2026, "70", 70.0), _target(2030, "≥ 90", 90.0, ">=")],
            name="Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình – Cấp xã",
            measure_unit="%", lead_unit="UBND các xã, phường",
        ),
        _indicator(
            (2, "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "%", 80, 100, digital),
            "2", "CHÍNH QUYỀN SỐ", [_target(2026, "80", 80.0), _target(2030, "100", 100.0)],
            name="Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa (không kể hồ sơ mật)",
            measure_unit="%", lead_unit=digital,
        ),
        _Line((None, "(không kể hồ sơ mật)")),
        _group(("B", "XÃ HỘI SỐ"), "B", "XÃ HỘI SỐ"),
        _indicator(
            (1, "Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng", "%", "≥ 85", "100%",
             "Sở Khoa học và Công nghệ, các doanh nghiệp viễn thông"),
            "1", "XÃ HỘI SỐ", [_target(2026, "≥ 85", 85.0, ">="), _target(2030, "100%", 100.0)],
            name="Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng", measure_unit="%",
            lead_unit=digital,
        ),
    ]
    # fmt: on
    indicators, groups = _place(sheet, 5, lines)
    book.save(folder / "city_indicators.xlsx")
    return IndicatorSample(folder / "city_indicators.xlsx", indicators, groups, sheet.title, 4)


def build_targets_beside_results(folder: Path) -> IndicatorSample:
    """A department's report: "Năm 2025" merged over "Mục tiêu" and "Kết quả", with a code column and a
    heading ("Nội dung chỉ tiêu") that a task table could also use."""
    book, sheet = _new_book("Báo cáo chỉ tiêu")
    _merge(sheet, "A1:G1", "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025")
    _merge(sheet, "A3:A4", "TT")
    _merge(sheet, "B3:B4", "Mã chỉ tiêu")
    _merge(sheet, "C3:C4", "Nội dung chỉ tiêu")
    _merge(sheet, "D3:D4", "Đơn vị tính")
    _merge(sheet, "E3:F3", "Năm 2025")
    _merge(sheet, "E4", "Mục tiêu")
    _merge(sheet, "F4", "Kết quả")
    _merge(sheet, "G3:G4", "Cơ quan chủ trì theo dõi, đánh giá")
    office = "Văn phòng Sở"
    # fmt: off
    lines = [
        _indicator((1, "CĐS.01", "Tỷ lệ văn bản đi được ký số", "%", "≥ 95", 97.5, office),
                   "CĐS.01", None, [_target(2025, "≥ 95", 95.0, ">=")], name="Tỷ lệ văn bản đi được ký số",
                   measure_unit="%", lead_unit=office, results=[{"year": 2025, "value": 97.5}]),
        _indicator((2, "CĐS.02", "Số cuộc họp trực tuyến được tổ chức", "Cuộc", "Không dưới 24", "30",
                    office),
                   "CĐS.02", None, [_target(2025, "Không dưới 24", 24.0, ">=")],
                   name="Số cuộc họp trực tuyến được tổ chức", measure_unit="Cuộc", lead_unit=office,
                   results=[{"year": 2025, "value": 30.0}]),
        _indicator((3, "CĐS.03", "Thời gian trung bình xử lý một hồ sơ", "Ngày", "Không quá 5 ngày", "Đạt",
                    "Phòng Hành chính"),
                   "CĐS.03", None, [_target(2025, "Không quá 5 ngày", 5.0, "<=")],
                   name="Thời gian trung bình xử lý một hồ sơ", measure_unit="Ngày",
                   lead_unit="Phòng Hành chính",
                   results=[], direction="decrease"),
    ]
    # fmt: on
    indicators, groups = _place(sheet, 5, lines)
    book.save(folder / "department_report.xlsx")
    return IndicatorSample(folder / "department_report.xlsx", indicators, groups, sheet.title, 4)


def build_tasks_and_indicators(folder: Path) -> Path:
    """A plan workbook: its tasks on the first sheet, its indicators on the second."""
    book, tasks = _new_book("Nhiệm vụ")
    for column, text in enumerate(("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"), start=1):
        tasks.cell(row=1, column=column, value=text)
    task_rows: tuple[tuple[_Value, ...], ...] = (
        (1, "Nâng cấp Cổng dịch vụ công của tỉnh", _OFFICE, "Quý II/2025"),
        (2, "Xây dựng Kho dữ liệu dùng chung", _TIC, "Năm 2025"),
    )
    for row, cells in enumerate(task_rows, start=2):
        for column, value in enumerate(cells, start=1):
            tasks.cell(row=row, column=column, value=value)
    sheet = book.create_sheet("Chỉ tiêu")
    for column, text in enumerate(("TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2025"), start=1):
        sheet.cell(row=1, column=column, value=text)
    indicator_rows: tuple[tuple[_Value, ...], ...] = (
        (1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "≥ 40"),
        (2, "Tỷ lệ dữ liệu mở", "%", "Đạt 100%"),
    )
    for row, cells in enumerate(indicator_rows, start=2):
        for column, value in enumerate(cells, start=1):
            sheet.cell(row=row, column=column, value=value)
    path = folder / "plan_with_indicators.xlsx"
    book.save(path)
    return path


def build_targets_without_a_year(folder: Path) -> Path:
    """A table whose "Mục tiêu" column, title and groups name no year: the targets cannot be dated."""
    book, sheet = _new_book("Chỉ tiêu")
    for column, text in enumerate(("TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu"), start=1):
        sheet.cell(row=1, column=column, value=text)
    cells: tuple[_Value, ...] = (1, "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 40")
    for column, value in enumerate(cells, start=1):
        sheet.cell(row=2, column=column, value=value)
    path = folder / "undated_targets.xlsx"
    book.save(path)
    return path


def build_tasks_with_persons(folder: Path) -> tuple[Path, list[dict[str, object]]]:
    """A district's task list where some rows name a person ("đ/c Minh") where a unit is expected."""
    book, sheet = _new_book("Kế hoạch")
    for column, text in enumerate(
        ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"), start=1
    ):
        sheet.cell(row=1, column=column, value=text)
    rows: list[tuple[tuple[_Value, ...], dict[str, object]]] = [
        (
            (
                1,
                "Rà soát danh mục thủ tục hành chính trực tuyến toàn trình",
                "đ/c Minh",
                "Phòng Nội vụ",
                "Quý I/2026",
            ),
            {"lead_unit": None, "cooperating_units": ["Phòng Nội vụ"], "responsible_person": "đ/c Minh"},
        ),
        (
            (2, "Số hóa hồ sơ hộ tịch", "Phòng Tư pháp\nĐồng chí Lan", None, "Quý II/2026"),
            {"lead_unit": "Phòng Tư pháp", "cooperating_units": [], "responsible_person": "Đồng chí Lan"},
        ),
        (
            (3, "Vận hành Bộ phận một cửa", "Văn phòng HĐND và UBND", "Phòng Văn hóa; Đ/c Hùng", "Năm 2026"),
            {
                "lead_unit": "Văn phòng HĐND và UBND",
                "cooperating_units": ["Phòng Văn hóa"],
                "responsible_person": "Đ/c Hùng",
            },
        ),
        (
            (4, "Tuyên truyền về chuyển đổi số", "Phòng Văn hóa", "Đài Truyền thanh", "Năm 2026"),
            {
                "lead_unit": "Phòng Văn hóa",
                "cooperating_units": ["Đài Truyền thanh"],
                "responsible_person": None,
            },
        ),
    ]
    expected = []
    for number, (cells, reading) in enumerate(rows, start=2):
        for column, value in enumerate(cells, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
        expected.append({"row": number, **reading})
    path = folder / "tasks_with_persons.xlsx"
    book.save(path)
    return path, expected


def build_ranges_and_notes(folder: Path) -> IndicatorSample:
    """Targets written as a range ("40 - 50", "20% - 50%") and a figure with words after it, as in the
    national programme's appendix of indicators (Nghị quyết 03/NQ-CP, 2025, Phụ lục I)."""
    book, sheet = _new_book("Chỉ tiêu")
    _merge(sheet, "A1:E1", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ")
    for column, text in enumerate(
        ("TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu", "Cơ quan chủ trì theo dõi, đánh giá"), start=1
    ):
        sheet.cell(row=3, column=column, value=text)
    science, finance, police = "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Bộ Công an"
    growing = "≥ 3% và tăng dần theo yêu cầu phát triển"
    # fmt: off
    lines = [
        _group(("Đến năm 2030",), None, "Đến năm 2030", year=2030, merge_to="E"),
        _indicator(
            (1, "Tổ chức khoa học và công nghệ được xếp hạng khu vực và thế giới", "Tổ chức", "40 - 50",
             science),
            "1", "Đến năm 2030",
            [_target(2030, "40 - 50", 40.0, ">="), _target(2030, "40 - 50", 50.0, "<=")],
            measure_unit="Tổ chức", lead_unit=science, direction="increase",
        ),
        _indicator(
            (2, "Chi ngân sách hằng năm cho khoa học, công nghệ, đổi mới sáng tạo", "% tổng chi NSNN",
             growing, finance),
            "2", "Đến năm 2030", [_target(2030, growing, 3.0, ">=")],
            measure_unit="% tổng chi NSNN", lead_unit=finance,
        ),
        _indicator(
            (3, "Làm chủ một số công nghệ chiến lược ứng dụng trong bảo đảm an ninh quốc gia", "%",
             "20% - 50%", police),
            "3", "Đến năm 2030",
            [_target(2030, "20% - 50%", 20.0, ">="), _target(2030, "20% - 50%", 50.0, "<=")],
            measure_unit="%", lead_unit=police,
        ),
        # Percentages for a count: not a range of the indicator's unit, so kept as written.
        _indicator(
            (4, "Doanh nghiệp công nghệ số được hỗ trợ", "Doanh nghiệp", "20% - 50%", science),
            "4", "Đến năm 2030", [_target(2030, "20% - 50%")],
            measure_unit="Doanh nghiệp", lead_unit=science,
        ),
    ]
    # fmt: on
    indicators, groups = _place(sheet, 4, lines)
    path = folder / "ranges_and_notes.xlsx"
    book.save(path)
    return IndicatorSample(path, indicators, groups, sheet.title, 3)
