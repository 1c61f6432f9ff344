"""Importing a 10,000-task Excel plan, beside openpyxl's own read-only pass over the same file.

The workbook is shaped like a decision's appendix (title rows, a two-row header, 500
groups, units in lists, timelines in words, money as numbers and as "1.250,5" text).
Each run times, in one process and alternating: openpyxl's read_only iteration of every
row's values (the bare read), and our import: read and understand the table, match its
units, and write plan, units, tasks, cooperating units and budget lines into a new plan
file in one transaction. Prints medians and the ratio beside the budget (1.5).

The workbook is written by openpyxl's write-only mode, which states no sheet size: openpyxl's
bare read then parses the sheet twice (once at opening, to look for the size), and our reader
once. With --sized the sheet states its size, as Excel writes it, and both parse it once.
Run: python -m bench.excel_import [--runs N] [--tasks N] [--sized]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.unit.excel_samples import write_large_plan

BUDGET_RATIO = 1.5


def bare_read(path: Path, values_only: bool = True) -> float:
    """openpyxl alone: open read-only and go through every row's values (or its cells' values)."""
    from openpyxl import load_workbook

    started = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        if values_only:
            for _values in sheet.iter_rows(values_only=True):
                pass
        else:
            for row in sheet.iter_rows():
                for cell in row:
                    _value = cell.value
    book.close()
    return time.perf_counter() - started


def state_the_size(path: Path) -> None:
    """Write into the workbook's sheet the size Excel states (<dimension ref="A1:L10508"/>)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/sheet"))
    rows = re.findall(rb'<row r="(\d+)"', members[sheet])
    columns = set(re.findall(rb'<c r="([A-Z]+)\d+"', members[sheet]))
    last = max(columns, key=lambda letters: (len(letters), letters)).decode()
    members[sheet] = members[sheet].replace(
        b"<sheetViews>", f'<dimension ref="A1:{last}{int(rows[-1])}"/><sheetViews>'.encode(), 1
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def our_import(path: Path, target: Path) -> tuple[float, int]:
    """Our whole import into a new, empty plan file (created before the clock starts)."""
    create_plan_file(target)
    store = open_plan_file(target)
    try:
        started = time.perf_counter()
        table = read_plan_table(path)
        match_units(store, table)
        outcome = import_table(store, table)
        return time.perf_counter() - started, outcome.tasks + outcome.groups
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--sized", action="store_true", help="the sheet states its size, as Excel writes it")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        write_large_plan(path, arguments.tasks)
        if arguments.sized:
            state_the_size(path)
        sized = "its size stated" if arguments.sized else "no size stated"
        print(f"workbook: {path.stat().st_size / 1e6:.1f} MB, {arguments.tasks:,} tasks, {sized}")
        bare_read(path)  # warm the file cache and the imports alike for both
        ours, bare, cells, written = [], [], [], 0
        for run in range(arguments.runs):
            bare.append(bare_read(path))
            cells.append(bare_read(path, values_only=False))
            seconds, written = our_import(path, Path(folder) / f"run{run}.dxplan")
            ours.append(seconds)
        ratio = statistics.median(ours) / statistics.median(bare)
        print(f"median of {arguments.runs} runs:")
        print(f"  openpyxl read_only, every row's values {statistics.median(bare) * 1000:5.0f} ms")
        print(f"  openpyxl read_only, every cell's value {statistics.median(cells) * 1000:5.0f} ms")
        print(
            f"  our import, database write included  {statistics.median(ours) * 1000:7.0f} ms"
            f"   ({written:,} rows)"
        )
        print(f"  ratio to the values-only read        {ratio:7.2f}    budget {BUDGET_RATIO}")
        by_cell = statistics.median(ours) / statistics.median(cells)
        print(f"  ratio to the cell-by-cell read       {by_cell:7.2f}")


if __name__ == "__main__":
    main()
