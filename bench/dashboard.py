"""The dashboard on a large strategy: 10,000 tasks, 60 indicators and 5 years of progress reports.

Prints medians over fresh processes: the time to read the numbers and build and draw
the charts on screen (the page as large as in a 1366x768 window; the charts below are
built when scrolled to, timed apart), and the time for a change of filter (a unit with
its sub-units, then a pillar), beside the budgets (0.5 s and 0.15 s).
Run: QT_QPA_PLATFORM=offscreen python -m bench.dashboard [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGETS = {"whole_s": 0.5, "filter_s": 0.15}
LABELS = {
    "whole_s": "build and draw the dashboard on screen",
    "filter_s": "change of filter, drawn (median of 4)",
    "numbers_s": "of it: reading the numbers",
    "figures_s": "of it: building the figures",
    "draw_s": "of it: drawing and painting them",
    "rest_s": "the charts below, built and drawn when scrolled to",
    "whole_cpu_s": "build and draw on screen, CPU time",
    "filter_cpu_s": "change of filter, CPU time",
}
# The dashboard's part of a 1366x768 window, beside the navigator.
PAGE_WIDTH, PAGE_HEIGHT = 1080, 700


def measure_once(path: Path) -> dict[str, float]:
    """Open the dashboard on the strategy and time it (run in a child process, one per run)."""
    from PySide6.QtWidgets import QApplication

    from bench.painted import Painted
    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.dashboard.page import DashboardPage
    from dxplanner.ui.session import PlanSession

    app = QApplication.instance() or QApplication([])
    painted = Painted()
    app.installEventFilter(painted)
    store = open_plan_file(path)
    page = DashboardPage(PlanSession(store))
    page.resize(PAGE_WIDTH, PAGE_HEIGHT)
    page.show()
    app.processEvents()

    def waiting(cell: Any) -> bool:
        return bool(getattr(cell, "waiting", False))  # (the dashboard before issue 20 built every chart)

    def on_screen() -> list[Any]:
        return [cell for cell in page.cells.values() if not cell.canvas.visibleRegion().isEmpty()]

    def until_drawn(started: float) -> float:
        """Run the event loop until every chart on screen is built, drawn and painted, as the user sees it."""
        while True:
            cells = on_screen()
            if cells and all(
                not waiting(cell) and id(cell.canvas) in painted.seen and hasattr(cell.canvas, "renderer")
                for cell in cells
            ):
                return time.perf_counter() - started
            app.processEvents()

    cpu: list[float] = []

    def timed(change: Any) -> float:
        """The seconds from the change to the charts on screen painted (and the CPU time, in cpu)."""
        painted.seen.clear()
        started, processor = time.perf_counter(), time.process_time()
        change()
        seconds = until_drawn(started)
        cpu.append(time.process_time() - processor)
        return seconds

    whole = timed(lambda: page.show_strategy(1))
    numbers = page.numbers_seconds
    figures = getattr(page, "figures_seconds", page.refresh_seconds - numbers)
    filters = [
        timed(lambda combo=combo, row=row: combo.setCurrentIndex(row))
        for combo, row in ((page.unit, 1), (page.unit, 2), (page.pillar, 1), (page.pillar, 2))
    ]
    started = time.perf_counter()
    for cell in page.cells.values():
        if waiting(cell):
            cell.figure.canvas.draw()
    rest = time.perf_counter() - started
    store.close()
    return {
        "whole_s": whole,
        "filter_s": statistics.median(filters),
        "numbers_s": numbers,
        "figures_s": figures,
        "draw_s": whole - numbers - figures,
        "rest_s": rest,
        # The CPU time, which a machine busy with other work inflates less than the time on the clock.
        "whole_cpu_s": cpu[0],
        "filter_cpu_s": statistics.median(cpu[1:]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plan", type=Path, help="an existing strategy file (else one is generated)")
    parser.add_argument("--child", metavar="PLAN", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure_once(Path(arguments.child))))
        return

    from bench.strategy_file import write_strategy_file

    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        plan = arguments.plan
        if plan is None:
            plan = Path(folder) / "strategy.dxplan"
            print(f"generated {plan.name}: {write_strategy_file(plan)}")
        runs: list[dict[str, Any]] = []
        for _run in range(arguments.runs):
            result = subprocess.run(
                [sys.executable, "-m", "bench.dashboard", "--child", str(plan)],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"median of {len(runs)} fresh processes:")
    for key, label in LABELS.items():
        median = statistics.median(run[key] for run in runs)
        line = f"  {label:<40}{median * 1000:8.0f} ms"
        if key in BUDGETS:
            line += f"   budget {BUDGETS[key] * 1000:.0f} ms   ratio {median / BUDGETS[key]:.2f}"
        print(line)


if __name__ == "__main__":
    main()
