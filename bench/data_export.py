"""Exporting a 10,000-task plan file as the data workbook, beside XlsxWriter's and openpyxl's own writing.

The plan file is the synthetic plan (60 units, 10,000 tasks with links, cooperating units and
budget lines). Each run times, in one process and alternating: XlsxWriter alone (the library the
export writes with), writing the same values (every record as a row of plain values, dates as
dates) on the same sheets in constant_memory mode; openpyxl alone, the same in write_only mode;
and our export: read every table from the file, write typed cells (dd/mm/yyyy dates, user text
guarded against formulas, numbers with every digit they need), frozen headings, filters and the
marker sheet, to a temporary name moved into place. Prints medians and the ratio to XlsxWriter's
write beside the budget (1.3). Then, alternating,
the workbook read back: by openpyxl's read_only mode (every sheet's values), and by our restore's
reader (every record typed and checked).
Run: python -m bench.data_export [--runs N] [--tasks N]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from pathlib import Path

from bench.large_plan_file import write_large_plan_file
from dxplanner.excel.data_reader import read_data_workbook
from dxplanner.excel.data_sheets import DATA_SHEETS
from dxplanner.excel.data_writer import Records, write_data_workbook
from dxplanner.store.operations.whole_file import TableRecords, all_records
from dxplanner.store.plan_file import open_plan_file

BUDGET_RATIO = 1.3


def xlsxwriter_write(records: dict[str, TableRecords], path: Path) -> float:
    """XlsxWriter alone: the same rows of values, one sheet per table, in constant_memory mode."""
    import xlsxwriter

    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    dated = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, sheet_name in DATA_SHEETS:
        columns, rows = records[name]
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row(0, 0, list(columns))
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row):
                if isinstance(value, datetime.date):
                    sheet.write_datetime(number, column, value, dated)
                elif value is not None:
                    sheet.write(number, column, getattr(value, "value", value))  # an enum as its value
    book.close()
    return time.perf_counter() - started


def bare_write(records: dict[str, TableRecords], path: Path) -> float:
    """openpyxl alone: the same rows of values, one sheet per table, in write_only mode."""
    from openpyxl import Workbook

    started = time.perf_counter()
    book = Workbook(write_only=True)
    for name, sheet_name in DATA_SHEETS:
        columns, rows = records[name]
        sheet = book.create_sheet(sheet_name)
        sheet.append(list(columns))
        for row in rows:
            sheet.append([getattr(value, "value", value) for value in row])  # an enum as its value
    book.save(path)
    return time.perf_counter() - started


def our_export(plan_file: Path, path: Path) -> float:
    """Our whole export: read the file's records and write the data workbook."""
    store = open_plan_file(plan_file, read_only=True)
    try:
        started = time.perf_counter()
        records, revision = all_records(store)
        write_data_workbook(path, {name: Records(*pair) for name, pair in records.items()}, revision)
        return time.perf_counter() - started
    finally:
        store.close()


def bare_read(path: Path) -> float:
    """openpyxl alone: open read_only and go through every sheet's values."""
    from openpyxl import load_workbook

    started = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _values in sheet.iter_rows(values_only=True):
            pass
    book.close()
    return time.perf_counter() - started


def our_read(path: Path) -> float:
    """Our restore's reading of the workbook: every sheet's records, typed and checked."""
    started = time.perf_counter()
    read_data_workbook(path)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.dxplan"
        counts = write_large_plan_file(plan_file, arguments.tasks)
        store = open_plan_file(plan_file, read_only=True)
        try:
            records, _revision = all_records(store)
        finally:
            store.close()
        rows = sum(len(found) for _columns, found in records.values())
        print(f"plan file: {counts}; {rows:,} records")
        bare_write(records, Path(folder) / "warm.xlsx")
        xlsxwriter_write(records, Path(folder) / "warm2.xlsx")
        ours, bare, library = [], [], []
        for run in range(arguments.runs):
            library.append(xlsxwriter_write(records, Path(folder) / f"library{run}.xlsx"))
            bare.append(bare_write(records, Path(folder) / f"bare{run}.xlsx"))
            ours.append(our_export(plan_file, Path(folder) / f"ours{run}.xlsx"))
        ratio = statistics.median(ours) / statistics.median(library)
        print(f"median of {arguments.runs} runs:")
        print(f"  XlsxWriter constant_memory, the same values {statistics.median(library) * 1000:6.0f} ms")
        print(f"  openpyxl write_only, the same values        {statistics.median(bare) * 1000:6.0f} ms")
        print(f"  our data export, file read included         {statistics.median(ours) * 1000:6.0f} ms")
        print(f"  ratio to XlsxWriter's                       {ratio:6.2f}    budget {BUDGET_RATIO}")
        to_openpyxl = statistics.median(ours) / statistics.median(bare)
        print(f"  ratio to openpyxl's                         {to_openpyxl:6.2f}")
        written = Path(folder) / "ours0.xlsx"
        read_bare, read_ours = [], []
        for _run in range(arguments.runs):
            read_bare.append(bare_read(written))
            read_ours.append(our_read(written))
        print("reading our workbook back:")
        print(f"  openpyxl read_only, every row's values      {statistics.median(read_bare) * 1000:6.0f} ms")
        print(f"  our restore's reading and checks            {statistics.median(read_ours) * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
