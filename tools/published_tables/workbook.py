"""Writing a published table as the agency laid it out, and its sidecar with the expected reading."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tools.published_tables.model import Table


def heading_row(table: Table) -> int:
    """Where the heading row goes: under the title rows and one blank row."""
    return len(table.titles) + 2


def _heading_spans(table: Table) -> list[tuple[int, int, int]]:
    """Each heading's column and the columns it runs to, and how many rows it runs down (1 or 2)."""
    if not table.sub_headings:
        return [(column, column, 1) for column in range(1, len(table.headings) + 1)]
    width, spans, column = len(table.sub_headings), [], 1
    for _ in table.headings:
        if table.sub_headings[column - 1] is None:  # no sub-heading: it runs down over both rows
            spans.append((column, column, 2))
            column += 1
            continue
        last = column
        while last < width and table.sub_headings[last] is not None:
            last += 1
        spans.append((column, last, 1))
        column = last + 1
    return spans


def write(table: Table, folder: Path) -> tuple[Path, Path]:
    """Save the table's workbook and its sidecar (same name, .expected.json); return both paths."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.sheet
    last = get_column_letter(max(len(table.headings), len(table.sub_headings)))
    for row, text in enumerate(table.titles, start=1):
        sheet.cell(row=row, column=1, value=text).font = Font(bold=row < len(table.titles))
        sheet.merge_cells(f"A{row}:{last}{row}")
    top = heading_row(table)
    first_body = top + (2 if table.sub_headings else 1)
    for heading, (column, to_column, down) in zip(table.headings, _heading_spans(table), strict=True):
        cell = sheet.cell(row=top, column=column, value=heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
        if to_column > column or down > 1:
            sheet.merge_cells(
                start_row=top, start_column=column, end_row=top + down - 1, end_column=to_column
            )
    for column, sub_heading in enumerate(table.sub_headings, start=1):
        if sub_heading is not None:
            cell = sheet.cell(row=top + 1, column=column, value=sub_heading)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, horizontal="center")
    rows: list[dict[str, object]] = []
    for row, body in enumerate(table.body, start=first_body):
        for column, value in enumerate(body.cells, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column <= 2 and body.bold_number:
                cell.font = Font(bold=True)
        rows.append({"row": row, **body.expected})
    for first, column, to_row, to_column in table.merges:
        sheet.merge_cells(
            start_row=first_body + first,
            start_column=column,
            end_row=first_body + to_row,
            end_column=to_column,
        )
    book_path = folder / f"{table.name}.xlsx"
    book.save(book_path)
    expected = {
        "source": table.source.__dict__,
        "kind": table.kind,
        "sheet": table.sheet,
        "heading_row": top,
        **({"sub_heading_row": top + 1} if table.sub_headings else {}),
        "rows": rows,
    }
    json_path = folder / f"{table.name}.expected.json"
    json_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return book_path, json_path
