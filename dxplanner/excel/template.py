"""Our own plan workbook: an empty table in the shape the importer reads best, with a sheet of guidance."""

from __future__ import annotations

from pathlib import Path

from dxplanner.excel.saving import saving_to

# The headings, top line and (under a merged heading) second line; the budget's sources in order.
_COLUMNS = (
    ("STT", None, 7),
    ("Nhiệm vụ", None, 48),
    ("Đơn vị chủ trì", None, 24),
    ("Đơn vị phối hợp", None, 28),
    ("Thời gian thực hiện", None, 18),
    ("Sản phẩm", None, 30),
    ("Kinh phí (triệu đồng)", "Ngân sách TW", 13),
    (None, "Ngân sách ĐP", 13),
    (None, "ODA", 11),
    (None, "Doanh nghiệp", 13),
    (None, "Vốn khác", 11),
    ("Ghi chú", None, 20),
)
_GUIDANCE = (
    "Cách điền bảng (How to fill in the table)",
    "• Nhóm nhiệm vụ đánh số La Mã: I, II, III…; nhiệm vụ đánh số 1, 2, 3… (hoặc 1.1, 1.2 cho nhiệm vụ con).",
    "• Thời gian thực hiện viết như trong văn bản: “Quý II/2025”, “Năm 2025”, “2025-2026”.",
    "• Nhiều đơn vị phối hợp cách nhau bằng dấu chấm phẩy: “Sở Tài chính; Sở Nội vụ”.",
    "• Kinh phí ghi bằng triệu đồng, theo từng nguồn vốn.",
    "• Groups are numbered I, II, III; tasks 1, 2, 3 (1.1, 1.2 below them); timelines as written;",
    "  several units separated by semicolons; budgets in millions of đồng by source.",
)


def write_template(path: Path) -> None:
    """Write an empty plan table with its title rows and two-line header (to a temporary name first)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet["A1"] = "TÊN CƠ QUAN"
    sheet["H1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet["H2"] = "Độc lập - Tự do - Hạnh phúc"
    sheet["A4"] = "KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, CHUYỂN ĐỔI SỐ NĂM …"
    sheet.merge_cells("A4:L4")
    for cell in ("A1", "H1", "H2", "A4"):
        sheet[cell].font = bold
    sheet["A4"].alignment = centre
    for number, (top, below, width) in enumerate(_COLUMNS, start=1):
        column = get_column_letter(number)
        sheet.column_dimensions[column].width = width
        for row, text in ((6, top), (7, below)):
            heading = sheet.cell(row=row, column=number, value=text)
            heading.font, heading.alignment = bold, centre
        if top is not None and below is None:
            sheet.merge_cells(f"{column}6:{column}7")
    sheet.merge_cells("G6:K6")
    sheet.freeze_panes = "C8"
    guide = book.create_sheet("Hướng dẫn")
    for row, line in enumerate(_GUIDANCE, start=1):
        guide.cell(row=row, column=1, value=line).font = bold if row == 1 else Font()
    guide.column_dimensions["A"].width = 110
    _save(book, path)


def _save(book: object, path: Path) -> None:
    """Save beside the target and move into place, so a failed save never leaves half a file there."""
    with saving_to(path) as temporary:
        book.save(temporary)  # type: ignore[attr-defined]
