"""A workbook read back cell by cell into lines that say everything a reader sees of it.

Each sheet gives its setup (widths, heights, merges, panes, printing) and one line a row
listing each cell's value, number format, font, fill, border, alignment and quote prefix;
the charts and drawings are given by their XML. The progress report's lines, as written
before its writing was made faster, are kept as digests in tests/data/report_fingerprints.json.
Run `python -m tests.unit.report_fingerprint` to write them again, only after a change of the
report that is meant.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from dxplanner.services import reports
from dxplanner.store.plan_file import open_plan_file

FINGERPRINTS = Path(__file__).parent.parent / "data" / "report_fingerprints.json"
TODAY = datetime.date(2026, 12, 6)  # the day the report is written on: its heading's date
PLAN = 6  # the demo's plan of 2026
GENERATED_TASKS = 600
# (name, plan id, as of, by unit, language): a day gone by (told by the progress reports) by unit,
# mid-year in English, and the generated plan on the benchmark's day (as of the day it is written).
CASES = (
    ("demo-november", PLAN, datetime.date(2026, 11, 20), True, "vi"),
    ("demo-mid-year", PLAN, datetime.date(2026, 6, 30), False, "en"),
    ("generated", None, datetime.date(2026, 6, 30), True, "vi"),
)


def report_lines(plan_file: Path, out: Path, plan_id: int | None, as_of: datetime.date,
                 by_unit: bool, language: str) -> dict[str, list[str]]:  # fmt: skip
    """The report on the plan written to out, read back: its lines by sheet (and "charts")."""
    today = as_of if plan_id is None else TODAY  # the generated plan has no progress reports to tell
    store = open_plan_file(plan_file, read_only=True)
    try:
        reports.write_report(store, reports.ReportChoice(plan_id, as_of, language, by_unit), out, today)
    finally:
        store.close()
    return workbook_lines(out)


def workbook_lines(path: Path) -> dict[str, list[str]]:
    """Every sheet's lines, in order, and the charts' and drawings' XML."""
    book = openpyxl.load_workbook(path)
    found = {"sheets": [str(book.sheetnames)]}
    for sheet in book.worksheets:
        found[sheet.title] = _sheet_lines(sheet)
    with zipfile.ZipFile(path) as archive:
        parts = sorted(name for name in archive.namelist() if re.match(r"xl/(charts|drawings)/", name))
        found["charts"] = [f"{name} {archive.read(name).decode('utf-8')}" for name in parts]
    return found


def _sheet_lines(sheet: Any) -> list[str]:
    setup = sheet.page_setup
    lines = [
        f"dimensions {sheet.dimensions} panes {sheet.freeze_panes} titles {sheet.print_title_rows}",
        f"merged {sorted(str(merged) for merged in sheet.merged_cells.ranges)}",
        f"widths {sorted((key, value.width) for key, value in sheet.column_dimensions.items())}",
        f"heights {sorted((key, row.height) for key, row in sheet.row_dimensions.items() if row.height)}",
        f"breaks {[brk.id for brk in sheet.row_breaks.brk]}",
        f"page {setup.orientation} {setup.paperSize} {setup.fitToWidth} {setup.fitToHeight}",
        f"footer {sheet.oddFooter.center.text} margins {sheet.page_margins.left} {sheet.page_margins.top}",
    ]
    for row in sheet.iter_rows():
        lines.append(" | ".join(_cell(cell) for cell in row if cell.has_style or cell.value is not None))
    return lines


def _cell(cell: Any) -> str:
    font, fill, border, align = cell.font, cell.fill, cell.border, cell.alignment
    sides = ",".join(
        f"{side.style}:{side.color.rgb if side.color is not None else None}"
        for side in (border.left, border.right, border.top, border.bottom)
    )
    return (
        f"{cell.coordinate}={cell.value!r} {cell.data_type} [{cell.number_format}]"
        f" font({font.name},{font.sz},{font.b},{font.i}) fill({fill.fill_type},{fill.fgColor.rgb})"
        f" border({sides}) align({align.horizontal},{align.vertical},{align.wrap_text})"
        f" quote({cell.quotePrefix})"
    )


def digests(lines: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each line's digest (the lines themselves would make a file of megabytes)."""
    return {
        part: [hashlib.sha256(line.encode("utf-8")).hexdigest()[:16] for line in texts]
        for part, texts in lines.items()
    }


def generated_plan(path: Path) -> Path:
    """The benchmark's synthetic plan, small."""
    from bench.large_plan_file import write_large_plan_file

    write_large_plan_file(path, GENERATED_TASKS)
    return path


def main() -> None:
    """Write the fingerprints of the report as the code now writes it."""
    from dxplanner.store.demo import load_demo
    from dxplanner.store.plan_file import create_plan_file

    with tempfile.TemporaryDirectory() as folder:
        demo = create_plan_file(Path(folder) / "demo.dxplan", fill=load_demo)
        generated = generated_plan(Path(folder) / "generated.dxplan")
        kept = {}
        for name, plan_id, as_of, by_unit, language in CASES:
            plan_file = generated if name == "generated" else demo
            lines = report_lines(plan_file, Path(folder) / f"{name}.xlsx", plan_id, as_of, by_unit, language)
            kept[name] = digests(lines)
    FINGERPRINTS.write_text(json.dumps(kept, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
