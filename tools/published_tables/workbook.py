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


def write(table: Table, folder: Path) -> tuple[Path, Path]:
    """Save the table's workbook and its sidecar (same name, .expected.json); return both paths."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.sheet
    last = get_column_letter(len(table.headings))
    for row, text in enumerate(table.titles, start=1):
        sheet.cell(row=row, column=1, value=text).font = Font(bold=row < len(table.titles))
        sheet.merge_cells(f"A{row}:{last}{row}")
    first_body = heading_row(table) + 1
    for column, heading in enumerate(table.headings, start=1):
        cell = sheet.cell(row=first_body - 1, column=column, value=heading)
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
    book_path = folder / f"{table.name}.xlsx"
    book.save(book_path)
    expected = {
        "source": table.source.__dict__,
        "kind": table.kind,
        "sheet": table.sheet,
        "heading_row": first_body - 1,
        "rows": rows,
    }
    json_path = folder / f"{table.name}.expected.json"
    json_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return book_path, json_path
