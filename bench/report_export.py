"""Writing the progress report of a 10,000-task plan, beside openpyxl's own write_only writing.

The plan file is the synthetic plan (60 units, 10,000 tasks in 500 groups). Each run times, in
one process and alternating: openpyxl alone, writing the report's task table (the same values,
the same fonts, fills, borders and wrapping, cell by cell) in write_only mode; and our report:
read the plan, work out every task's standing, the curves and sums, and write the header,
summary, task table, late list, curve and both charts. Prints medians and the ratio beside the
budget (1.3).
Run: python -m bench.report_export [--runs N] [--tasks N]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from pathlib import Path

from bench.large_plan_file import write_large_plan_file
from dxplanner.core.report import ReportData
from dxplanner.excel.report_writer import write_progress_report
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.report_data import read_report

BUDGET_RATIO = 1.3
AS_OF = datetime.date(2026, 6, 30)


def bare_write(data: ReportData, path: Path) -> float:
    """openpyxl alone: the report's task table, the same values and looks, in write_only mode."""
    from openpyxl import Workbook

    rows = [
        (row.code, row.name, row.lead, row.cooperating, row.timeline_text, row.start, row.end, row.product,
         round(row.progress), row.health.value, row.remark)
        for row in data.rows
    ]  # fmt: skip
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tasks")
    thin = Side(style="thin", color="808080")
    font, border = Font(name="Times New Roman", size=11), Border(left=thin, right=thin, top=thin, bottom=thin)
    wrapped, centred = (
        Alignment(wrap_text=True, vertical="top"),
        Alignment(horizontal="center", vertical="center"),
    )
    for values in rows:
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value="" if value is None else value)  # type: ignore[arg-type]
            cell.font, cell.border = font, border
            cell.alignment = centred if index in (5, 6) else wrapped
            if index in (5, 6) and value is not None:
                cell.number_format = "dd/mm/yyyy"
            cells.append(cell)
        sheet.append(cells)
    book.save(path)
    return time.perf_counter() - started


def our_report(plan_file: Path, path: Path) -> tuple[float, ReportData]:
    """Our whole report: read the plan, work out the numbers, write every sheet."""
    store = open_plan_file(plan_file, read_only=True)
    try:
        started = time.perf_counter()
        data = read_report(store, None, AS_OF, AS_OF)
        write_progress_report(path, data)
        return time.perf_counter() - started, data
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.dxplan"
        counts = write_large_plan_file(plan_file, arguments.tasks)
        print(f"plan file: {counts}")
        _seconds, data = our_report(plan_file, Path(folder) / "warm.xlsx")
        ours, bare = [], []
        for run in range(arguments.runs):
            bare.append(bare_write(data, Path(folder) / f"bare{run}.xlsx"))
            ours.append(our_report(plan_file, Path(folder) / f"ours{run}.xlsx")[0])
        ratio = statistics.median(ours) / statistics.median(bare)
        print(f"median of {arguments.runs} runs, {len(data.rows):,} rows in the task table:")
        print(f"  openpyxl write_only, the task table's cells  {statistics.median(bare) * 1000:6.0f} ms")
        print(f"  our report, reading and the engine included  {statistics.median(ours) * 1000:6.0f} ms")
        print(f"  ratio                                        {ratio:6.2f}    budget {BUDGET_RATIO}")


if __name__ == "__main__":
    main()
