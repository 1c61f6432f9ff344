"""Importing a 10,000-task Excel plan, beside openpyxl's own read-only pass over the same file.

The workbook is shaped like a decision's appendix (title rows, a two-row header, 500
groups, units in lists, timelines in words, money as numbers and as "1.250,5" text).
Each run times, in one process and alternating: openpyxl's read_only iteration of every
row's values (the bare read), calamine's bare read of every sheet's values (the floor: Rust),
and our import: read and understand the table, match its units, and write plan, units, tasks,
cooperating units and budget lines into a new plan file in one transaction. Then, as whole
processes: LibreOffice converting the workbook to CSV (soffice --convert-to csv, when soffice is
installed) beside our `import` command. Prints medians and the ratios beside the budgets (1.5 to
openpyxl's read; 2 to calamine's; never slower than LibreOffice).

The workbook is written by openpyxl's write-only mode, which states no sheet size: openpyxl's
bare read then parses the sheet twice (once at opening, to look for the size), and our reader
once. With --sized the sheet states its size, as Excel writes it, and both parse it once.
Run: python -m bench.excel_import [--runs N] [--tasks N] [--sized]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.unit.excel_samples import write_large_plan

BUDGET_RATIO = 1.5
CALAMINE_BUDGET = 2.0


def calamine_read(path: Path) -> float:
    """calamine alone: open the workbook and take every sheet's values as Python objects."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    book.close()
    return time.perf_counter() - started


def _process(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, capture_output=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    )
    return time.perf_counter() - started


def soffice_csv(path: Path, folder: Path) -> float:
    """LibreOffice converting the workbook to CSV, the whole process (its own profile, made beforehand)."""
    profile = (folder / "lo-profile").as_uri()
    return _process(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv",
                     "--outdir", str(folder / "csv"), str(path)])  # fmt: skip


def our_command(path: Path, target: Path) -> float:
    """Our `dxplanner import` command into a new plan file, the whole process."""
    return _process([sys.executable, "-m", "dxplanner", "import", str(path), "--into", str(target)])


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
        calamine_read(path)
        ours, bare, cells, rust, written = [], [], [], [], 0
        for run in range(arguments.runs):
            bare.append(bare_read(path))
            cells.append(bare_read(path, values_only=False))
            rust.append(calamine_read(path))
            seconds, written = our_import(path, Path(folder) / f"run{run}.dxplan")
            ours.append(seconds)
        office, command = [], []
        if shutil.which("soffice") is not None:
            soffice_csv(path, Path(folder))  # makes its profile
            for run in range(arguments.runs):
                office.append(soffice_csv(path, Path(folder)))
                command.append(our_command(path, Path(folder) / f"command{run}.dxplan"))
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
        floor = statistics.median(ours) / statistics.median(rust)
        print(f"  calamine, every sheet's values       {statistics.median(rust) * 1000:7.0f} ms")
        print(f"  ratio to calamine's read             {floor:7.2f}    budget {CALAMINE_BUDGET}")
        if office:
            print("whole processes:")
            print(f"  soffice --convert-to csv             {statistics.median(office) * 1000:7.0f} ms")
            print(f"  dxplanner import (a new plan file)   {statistics.median(command) * 1000:7.0f} ms")
            ratio = statistics.median(command) / statistics.median(office)
            print(f"  ratio                                {ratio:7.2f}    budget 1.0")


if __name__ == "__main__":
    main()
