"""Saying why a workbook holds no plan table: the headings on the row nearest to a header, and its lack."""

from __future__ import annotations

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.plan_table import TableField
from dxplanner.excel.header import HEADER_SCAN_ROWS, Header, header_at, likeliest_header
from dxplanner.excel.workbook import Workbook
from dxplanner.i18n import _


def no_table_message(workbook: Workbook, header_row: int | None) -> str:
    """The message for a workbook with no plan table: the likeliest header's headings, and what it lacks."""
    nearest: tuple[str, Header] | None = None
    for name in workbook.sheet_names:
        try:
            top = [
                tuple(row) for row in workbook.rows(name, limit=max(HEADER_SCAN_ROWS, (header_row or 0) + 2))
            ]
        except InvalidInputError:
            continue
        found = header_at(top, header_row) if header_row is not None else likeliest_header(top)
        if found is not None and (
            nearest is None
            or (found.score, len(found.headings)) > (nearest[1].score, len(nearest[1].headings))
        ):
            nearest = (name, found)
    if nearest is None:
        return _(
            "No plan table was found in {name}: no row near the top has headings such as "
            "“STT”, “Nhiệm vụ”, “Đơn vị chủ trì”, “Thời gian thực hiện” (or No., Task, Lead agency, "
            "Timeline)."
        ).format(name=workbook.name)
    sheet, header = nearest
    seen = list(dict.fromkeys(header.headings[column] for column in sorted(header.headings)))
    headings = ", ".join(f"“{_shortened(text)}”" for text in seen[:12])
    if TableField.NAME not in header.columns.values():
        lacks = _(
            "no column of task names (headed such as “Nhiệm vụ”, “Tên nhiệm vụ”, “Nội dung”); "
            "rename its heading and import again"
        )
    else:
        lacks = _(
            "nothing else the importer knows beside the tasks: no lead unit, timeline, product or budget "
            "(headed such as “Đơn vị chủ trì”, “Thời gian thực hiện”, “Sản phẩm”, “Kinh phí”)"
        )
    return _(
        "No plan table was found in {name}: the likeliest header, row {row} of the sheet “{sheet}”, "
        "has {headings}, but {lacks}."
    ).format(name=workbook.name, row=header.first_row, sheet=sheet, headings=headings, lacks=lacks)


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else text[:39].rstrip() + "…"
