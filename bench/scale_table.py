"""The scale table: every command, as a whole process, on plans of 1,000 to 100,000 tasks.

For each size, a synthetic plan file (bench/large_plan_file.py: 60 units, groups of tasks with
links, cooperating units and budget lines) and a decision's appendix of as many tasks (the Excel
plan table of bench/excel_import.py) are written first. Then each command runs as users run it,
`python -m dxplanner ...`, timed from spawn to exit (open: to the first painted task sheet, offscreen):

  check         dxplanner check FILE
  export        dxplanner export FILE --out data.xlsx       (the data workbook)
  import-data   dxplanner import data.xlsx --into NEW       (that workbook into a new file)
  import-table  dxplanner import plan.xlsx --into NEW       (the Excel plan table)
  report        dxplanner report FILE --out report.xlsx
  chart         dxplanner chart FILE --kind gantt --out gantt.pdf
  open          dxplanner FILE                             (the window, to the first painted sheet)

Prints the medians by size and each command's growth from 10k to 100k tasks beside the budget
(11x: ten times the tasks may take at most 11 times as long); MISSED marks a row over it. The
processes' CPU time (user and system) is given beside: on a machine shared with other work, its
growth tells a super-linear step from a busy moment better than the time on the clock.
Run: python -m bench.scale_table [--sizes 1000,10000,50000,100000] [--runs 5] [--commands check,open]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.large_plan_file import write_large_plan_file
from tests.unit.excel_samples import write_large_plan

GROWTH_BUDGET = 11.0
SIZES = (1_000, 10_000, 50_000, 100_000)
AS_OF = "2026-06-30"  # inside the synthetic plan (2025-2030): every task has a standing
COMMANDS = ("check", "export", "import-data", "import-table", "report", "chart", "open")


class Sample:
    """The files of one size: the plan file, its data workbook and an Excel plan table."""

    def __init__(self, folder: Path, tasks: int) -> None:
        self.folder = folder
        self.tasks = tasks
        self.plan = folder / "plan.dxplan"
        self.data = folder / "data.xlsx"
        self.table = folder / "table.xlsx"
        self.serial = 0

    def fresh(self, suffix: str) -> Path:
        """A new file name in the folder (a command's output, a new plan file)."""
        self.serial += 1
        return self.folder / f"out{self.serial}{suffix}"


def environment(home: Path) -> dict[str, str]:
    """The commands' environment: user folders in home, offscreen, bytecode as when installed."""
    chosen = dict(os.environ)
    chosen.pop("PYTHONDONTWRITEBYTECODE", None)
    chosen.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        DXPLANNER_LANG="en",
    )
    return chosen


class Took:
    """How long one command took: on the clock, and of the CPU (its process's user and system time)."""

    def __init__(self, seconds: float, cpu: float) -> None:
        self.seconds = seconds
        self.cpu = cpu


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(arguments: list[str], env: dict[str, str], first_paint: bool = False) -> Took:
    """How long `python -m dxplanner ARGUMENTS` took from spawn to its exit (or its first paint)."""
    cpu = _cpu()
    started = time.monotonic()
    extra = {"DXPLANNER_BENCH_FIRST_PAINT": "1"} if first_paint else {}
    result = subprocess.run(
        [sys.executable, "-m", "dxplanner", *arguments],
        env=env | extra,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    ended = time.monotonic()
    cpu = _cpu() - cpu  # the window's process quits at once after its first paint
    if result.returncode != 0:
        raise RuntimeError(f"dxplanner {' '.join(arguments)} failed: {result.stderr[-2000:]}")
    if first_paint:
        for line in result.stdout.splitlines():
            if line.startswith("first-paint "):
                return Took(float(line.split()[1]) - started, cpu)
        raise RuntimeError(f"dxplanner {arguments[0]} never painted: {result.stderr[-2000:]}")
    return Took(ended - started, cpu)


def commands(sample: Sample, env: dict[str, str]) -> dict[str, Callable[[], Took]]:
    """Each command of the table, as a call that runs it once and says how long it took."""
    plan, data, table, fresh = str(sample.plan), str(sample.data), str(sample.table), sample.fresh
    return {
        "check": lambda: run(["check", plan], env),
        "export": lambda: run(["export", plan, "--out", str(fresh(".xlsx"))], env),
        "import-data": lambda: run(["import", data, "--into", str(fresh(".dxplan"))], env),
        "import-table": lambda: run(["import", table, "--into", str(fresh(".dxplan"))], env),
        "report": lambda: run(["report", plan, "--out", str(fresh(".xlsx")), "--as-of", AS_OF], env),
        "chart": lambda: run(
            ["chart", plan, "--kind", "gantt", "--out", str(fresh(".pdf")), "--as-of", AS_OF], env
        ),
        "open": lambda: run([plan], env, first_paint=True),
    }


def prepare(sample: Sample, env: dict[str, str], wanted: list[str]) -> None:
    """Write the plan file, and the workbooks the chosen commands read."""
    write_large_plan_file(sample.plan, sample.tasks)
    if "import-data" in wanted:
        run(["export", str(sample.plan), "--out", str(sample.data)], env)
    if "import-table" in wanted:
        write_large_plan(sample.table, sample.tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES), help="tasks, by commas")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commands", default=",".join(COMMANDS), help="by commas: " + ", ".join(COMMANDS))
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    wanted = [name for name in arguments.commands.split(",") if name]
    unknown = sorted(set(wanted) - set(COMMANDS))
    if unknown:
        parser.error(f"unknown commands: {', '.join(unknown)}")

    medians: dict[str, dict[int, float]] = {name: {} for name in wanted}
    cpu_medians: dict[str, dict[int, float]] = {name: {} for name in wanted}
    with tempfile.TemporaryDirectory() as folder:
        env = environment(Path(folder))
        for tasks in sizes:
            here = Path(folder) / str(tasks)
            here.mkdir()
            sample = Sample(here, tasks)
            prepare(sample, env, wanted)
            calls = commands(sample, env)
            times: dict[str, list[Took]] = {name: [] for name in wanted}
            # Alternating: a busy moment on the shared machine hits every command alike.
            for _run in range(arguments.runs):
                for name in wanted:
                    took = calls[name]()
                    times[name].append(took)
                    print(
                        f"  {tasks:>7,} tasks  {name:<13} {took.seconds:8.2f} s  (CPU {took.cpu:.2f} s)",
                        file=sys.stderr,
                    )
            for name in wanted:
                medians[name][tasks] = statistics.median(took.seconds for took in times[name])
                cpu_medians[name][tasks] = statistics.median(took.cpu for took in times[name])
            for leftover in here.glob("out*"):
                leftover.unlink()

    print(f"median seconds of {arguments.runs} runs, each command a whole process")
    heading = "".join(f"{f'{tasks:,}':>10}" for tasks in sizes)
    growth = 10_000 in sizes and 100_000 in sizes
    print(
        f"  {'command':<13}{heading}"
        + (f"{'10k->100k':>11}{'CPU':>8}  (budget {GROWTH_BUDGET:g}x)" if growth else "")
    )
    for name in wanted:
        cells = "".join(f"{medians[name][tasks]:>10.2f}" for tasks in sizes)
        line = f"  {name:<13}{cells}"
        if growth:
            ratio = medians[name][100_000] / medians[name][10_000]
            cpu_ratio = cpu_medians[name][100_000] / cpu_medians[name][10_000]
            line += f"{ratio:>10.1f}x{cpu_ratio:>7.1f}x" + ("  MISSED" if ratio > GROWTH_BUDGET else "")
        print(line)


if __name__ == "__main__":
    main()
