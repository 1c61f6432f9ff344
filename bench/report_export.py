"""Writing the progress report of a 10,000-task plan, beside XlsxWriter's and openpyxl's own writing.

The plan file is the synthetic plan (60 units, 10,000 tasks in 500 groups). Each run times, in
one process and alternating: XlsxWriter alone (constant_memory mode, as our report) and openpyxl
alone (write_only mode), each writing the report's task table (the same values, fonts, fills,
borders, wrapping and merged group names, cell by cell); and our report: read the plan, work out
every task's standing, the curves and sums, and write the header, summary, task table, late
list, curve and both charts. Prints medians (of the clock, and of this process's CPU time: the
machine may be busy) and the ratio to XlsxWriter's beside the budget (2).
With --sizes (10000,100000) it times our report alone at each size instead, and prints each
size's time and its growth from the first (the goal: at most 11 times from 10k to 100k tasks).
Run: python -m bench.report_export [--runs N] [--tasks N] [--sizes N,N...]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.excel_writers import report_openpyxl, report_xlsxwriter
from bench.large_plan_file import write_large_plan_file
from dxplanner.core.report import ReportData
from dxplanner.excel.report_writer import write_progress_report
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.report_data import read_report

BUDGET_RATIO = 2.0
AS_OF = datetime.date(2026, 6, 30)


Timing = tuple[float, float]  # (seconds by the clock, seconds of this process's CPU)


def _timed(work: Callable[[], object]) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def bare_write(data: ReportData, path: Path) -> Timing:
    """openpyxl alone: the report's task table, the same values and looks, in write_only mode."""
    return _timed(lambda: report_openpyxl(data, path))


def xlsxwriter_write(data: ReportData, path: Path) -> Timing:
    """XlsxWriter alone: the report's task table, the same values and looks, in constant_memory mode."""
    return _timed(lambda: report_xlsxwriter(data, path))


def our_report(plan_file: Path, path: Path) -> tuple[Timing, ReportData]:
    """Our whole report: read the plan, work out the numbers, write every sheet."""
    store = open_plan_file(plan_file, read_only=True)
    read: list[ReportData] = []
    try:

        def report() -> None:
            read.append(read_report(store, None, AS_OF, AS_OF))
            write_progress_report(path, read[0])

        return _timed(report), read[0]
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--sizes", help="sizes to time our report at, for its growth: 10000,100000")
    arguments = parser.parse_args()
    if arguments.sizes:
        growth([int(size) for size in arguments.sizes.split(",")], arguments.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.dxplan"
        counts = write_large_plan_file(plan_file, arguments.tasks)
        print(f"plan file: {counts}")
        _seconds, data = our_report(plan_file, Path(folder) / "warm.xlsx")
        ours, bare, floor = [], [], []
        for run in range(arguments.runs):
            bare.append(bare_write(data, Path(folder) / f"bare{run}.xlsx"))
            floor.append(xlsxwriter_write(data, Path(folder) / f"floor{run}.xlsx"))
            ours.append(our_report(plan_file, Path(folder) / f"ours{run}.xlsx")[0])
        ratio, cpu_ratio = _median(ours) / _median(floor), _median(ours, 1) / _median(floor, 1)
        print(f"median of {arguments.runs} runs, {len(data.rows):,} rows in the task table:  clock      CPU")
        print(f"  openpyxl write_only, the task table's cells      {_shown(bare)}")
        print(f"  XlsxWriter constant_memory, the same cells       {_shown(floor)}")
        print(f"  our report, reading and the engine included      {_shown(ours)}")
        print(f"  ratio to XlsxWriter's                            {ratio:6.2f}    {cpu_ratio:6.2f}", end="")
        print(f"     budget {BUDGET_RATIO}")


def _median(timings: list[Timing], which: int = 0) -> float:
    return statistics.median(timing[which] for timing in timings)


def _shown(timings: list[Timing]) -> str:
    return f"{_median(timings) * 1000:6.0f} ms {_median(timings, 1) * 1000:6.0f} ms"


def growth(sizes: list[int], runs: int) -> None:
    """Our report alone at each size (median of runs), and its growth from the first size."""
    first = None
    print(f"our report, reading and the engine included (median of {runs} runs):")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            plan_file = Path(folder) / "plan.dxplan"
            write_large_plan_file(plan_file, size)
            if first is None:
                our_report(plan_file, Path(folder) / "warm.xlsx")  # the imports, and the file cache
            seconds = statistics.median(
                our_report(plan_file, Path(folder) / f"ours{run}.xlsx")[0][0] for run in range(runs)
            )
        first = first or seconds
        print(f"  {size:>7,} tasks  {seconds * 1000:8.0f} ms   growth {seconds / first:5.1f}x")


if __name__ == "__main__":
    main()
