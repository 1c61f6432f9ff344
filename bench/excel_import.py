"""Importing a 10,000-task Excel plan, beside openpyxl's own read-only pass over the same file.

The workbook is shaped like a decision's appendix (title rows, a two-row header, 500
groups, units in lists, timelines in words, money as numbers and as "1.250,5" text).
Each run times, in one process and alternating: openpyxl's read_only iteration of every
row's values (the bare read), calamine's bare read of every sheet's values (the floor: Rust),
and our import: read and understand the table, match its units, and write plan, units, tasks,
cooperating units and budget lines into a new plan file in one transaction. Then, as whole
processes: LibreOffice converting the workbook to CSV (soffice --convert-to csv, when soffice is
installed) beside our `import` command. A floor of the write: plain sqlite3 executemany of exactly
the rows our import wrote (tasks, cooperating units, budget lines) into an empty plan file made
from resources/schema/head.sql, in one transaction, no Python understanding at all; and the best
floor found: the same rows listed in statements of up to 500 rows each (as our bulk insert
writes them). Our import is also compared with calamine's read and each floor together.
Prints medians of clock and CPU time (a subprocess's CPU time is its own, from the operating
system's account of finished children) and the ratios beside the budgets (1.5 to openpyxl's read;
2 to calamine's; never slower than LibreOffice).

The workbook is written by openpyxl's write-only mode, which states no sheet size: openpyxl's
bare read then parses the sheet twice (once at opening, to look for the size), and our reader
once. With --sized the sheet states its size, as Excel writes it, and both parse it once.
Run: python -m bench.excel_import [--runs N] [--tasks N] [--sized]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store.bulk import BLOCK_ROWS
from dxplanner.store.head_schema import head_schema_file
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.unit.excel_samples import write_large_plan

BUDGET_RATIO = 1.5
CALAMINE_BUDGET = 2.0


class Timing(NamedTuple):
    """A step's clock time and the CPU time it took (on a shared machine the CPU time is the steadier)."""

    clock: float
    cpu: float


class _Clock:
    """Times a block: clock and CPU (this process's, or its finished children's for a subprocess)."""

    def __init__(self, children: bool = False) -> None:
        self.children = children

    def _cpu(self) -> float:
        if self.children:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        return time.process_time()

    def __enter__(self) -> _Clock:
        self.started, self.cpu_started = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *_exception: object) -> None:
        self.timing = Timing(time.perf_counter() - self.started, self._cpu() - self.cpu_started)


def calamine_read(path: Path) -> Timing:
    """calamine alone: open the workbook and take every sheet's values as Python objects."""
    from python_calamine import CalamineWorkbook

    with _Clock() as clock:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
        book.close()
    return clock.timing


def _process(command: list[str]) -> Timing:
    with _Clock(children=True) as clock:
        subprocess.run(
            command, check=True, capture_output=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}
        )
    return clock.timing


def soffice_csv(path: Path, folder: Path) -> Timing:
    """LibreOffice converting the workbook to CSV, the whole process (its own profile, made beforehand)."""
    profile = (folder / "lo-profile").as_uri()
    return _process(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv",
                     "--outdir", str(folder / "csv"), str(path)])  # fmt: skip


def our_command(path: Path, target: Path) -> Timing:
    """Our `dxplanner import` command into a new plan file, the whole process."""
    return _process([sys.executable, "-m", "dxplanner", "import", str(path), "--into", str(target)])


def bare_read(path: Path, values_only: bool = True) -> Timing:
    """openpyxl alone: open read-only and go through every row's values (or its cells' values)."""
    from openpyxl import load_workbook

    with _Clock() as clock:
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
    return clock.timing


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


def our_import(path: Path, target: Path) -> tuple[Timing, int]:
    """Our whole import into a new, empty plan file (created before the clock starts)."""
    create_plan_file(target)
    store = open_plan_file(target)
    try:
        with _Clock() as clock:
            table = read_plan_table(path)
            match_units(store, table)
            outcome = import_table(store, table)
        return clock.timing, outcome.tasks + outcome.groups
    finally:
        store.close()


# The rows the floor writes, inserted in this order; the units and the plan go in before the clock.
_FLOOR_BEFORE = ("unit", "action_plan")
_FLOOR_TABLES = ("task", "task_unit", "budget_line")


def written_rows(plan: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """The columns and rows an import wrote, by table, as the driver reads them (in insertion order)."""
    with sqlite3.connect(plan) as source:
        tables: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
        for table in (*_FLOOR_BEFORE, *_FLOOR_TABLES):
            names = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            tables[table] = (names, source.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
    source.close()  # the with block commits; it does not close
    return tables


def _insert(
    connection: sqlite3.Connection,
    table: str,
    names: list[str],
    rows: list[tuple[object, ...]],
    listed: bool = False,
) -> None:
    one = "(" + ", ".join("?" * len(names)) + ")"
    head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
    if not listed:
        connection.executemany(head + one, rows)
        return
    # Rows listed in one statement as our bulk insert lists them: bound at once, stepped once.
    per = min(BLOCK_ROWS, connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(names))
    for start in range(0, len(rows), per):
        block = rows[start : start + per]
        connection.execute(head + ",".join([one] * len(block)), [v for row in block for v in row])


def write_floor(
    rows: dict[str, tuple[list[str], list[tuple[object, ...]]]], target: Path, listed: bool = False
) -> Timing:
    """Plain sqlite3: the import's tasks, cooperating units and budget lines into a new file, at once
    (executemany, or listed: statements of as many rows as our bulk insert lists in one)."""
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.executescript(head_schema_file().read_text(encoding="utf-8"))
        connection.execute("PRAGMA foreign_keys = ON")  # as every connection to a plan file
        connection.execute("BEGIN")
        for table in _FLOOR_BEFORE:
            _insert(connection, table, *rows[table])
        connection.execute("COMMIT")
        with _Clock() as clock:
            connection.execute("BEGIN IMMEDIATE")
            for table in _FLOOR_TABLES:
                _insert(connection, table, *rows[table], listed=listed)
            connection.execute("COMMIT")
        return clock.timing
    finally:
        connection.close()


def _line(what: str, timings: list[Timing], note: str = "") -> None:
    clock, cpu = _median(timings)
    print(f"  {what:<40} {clock * 1000:7.0f} ms  {cpu * 1000:7.0f} ms{note}")


def _median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.clock for t in timings), statistics.median(t.cpu for t in timings))


def _ratio(what: str, ours: list[Timing], floor: list[Timing], budget: str) -> None:
    (clock, cpu), (floor_clock, floor_cpu) = _median(ours), _median(floor)
    _print_ratio(what, clock / floor_clock, cpu / floor_cpu, budget)


def _sum_ratio(what: str, ours: list[Timing], floors: tuple[list[Timing], list[Timing]]) -> None:
    """Our median against the sum of two floors' medians (each floor timed on its own)."""
    (clock, cpu), first, second = _median(ours), _median(floors[0]), _median(floors[1])
    _print_ratio(what, clock / (first.clock + second.clock), cpu / (first.cpu + second.cpu), "-")


def _print_ratio(what: str, clock: float, cpu: float, budget: str) -> None:
    print(f"  {what:<40} {clock:7.2f}     {cpu:7.2f}     budget {budget}")


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
        ours: list[Timing] = []
        bare: list[Timing] = []
        cells: list[Timing] = []
        rust: list[Timing] = []
        floor: list[Timing] = []
        listed: list[Timing] = []
        written = 0
        rows: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
        for run in range(arguments.runs):
            bare.append(bare_read(path))
            cells.append(bare_read(path, values_only=False))
            rust.append(calamine_read(path))
            timing, written = our_import(path, Path(folder) / f"run{run}.dxplan")
            ours.append(timing)
            rows = rows or written_rows(Path(folder) / f"run{run}.dxplan")
            floor.append(write_floor(rows, Path(folder) / f"floor{run}.dxplan"))
            listed.append(write_floor(rows, Path(folder) / f"listed{run}.dxplan", listed=True))
        office: list[Timing] = []
        command: list[Timing] = []
        if shutil.which("soffice") is not None:
            soffice_csv(path, Path(folder))  # makes its profile
            for run in range(arguments.runs):
                office.append(soffice_csv(path, Path(folder)))
                command.append(our_command(path, Path(folder) / f"command{run}.dxplan"))
        print(f"median of {arguments.runs} runs (load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
        print(f"  {'':<40} {'clock':>10} {'CPU':>10}")
        _line("openpyxl read_only, every row's values", bare)
        _line("openpyxl read_only, every cell's value", cells)
        _line("calamine, every sheet's values", rust)
        _line("our import, database write included", ours, f"   ({written:,} rows)")
        counts = ", ".join(f"{len(rows[table][1]):,} {table}" for table in _FLOOR_TABLES)
        _line("floor: sqlite3 executemany of its rows", floor, f"   ({counts})")
        _line("best floor: its rows, 500 per statement", listed)
        _ratio("ratio to the values-only read", ours, bare, str(BUDGET_RATIO))
        _ratio("ratio to the cell-by-cell read", ours, cells, "-")
        _ratio("ratio to calamine's read", ours, rust, str(CALAMINE_BUDGET))
        _ratio("the write floor's ratio to calamine's", floor, rust, "-")
        _ratio("the best floor's ratio to calamine's", listed, rust, "-")
        _sum_ratio("ratio to calamine's read + write floor", ours, (rust, floor))
        _sum_ratio("ratio to calamine's read + best floor", ours, (rust, listed))
        if office:
            print("whole processes:")
            _line("soffice --convert-to csv", office)
            _line("dxplanner import (a new plan file)", command)
            _ratio("ratio", command, office, "1.0")


if __name__ == "__main__":
    main()
