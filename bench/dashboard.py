"""The dashboard on a large strategy: 10,000 tasks, 60 indicators and 5 years of progress reports.

Prints medians over fresh processes: the time to read the numbers and build and draw
every chart of the dashboard, and the time for a change of filter (a unit with its
sub-units, then a pillar), beside the budgets (1 s and 0.3 s).
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

BUDGETS = {"whole_s": 1.0, "filter_s": 0.3}
LABELS = {
    "whole_s": "build and draw the whole dashboard",
    "filter_s": "change of filter, drawn (median of 4)",
    "numbers_s": "of it: reading the numbers",
    "figures_s": "of it: building the figures",
    "draw_s": "of it: drawing them",
}


def measure_once(path: Path) -> dict[str, float]:
    """Open the dashboard on the strategy and time it (run in a child process, one per run)."""
    from PySide6.QtWidgets import QApplication

    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.dashboard.page import DashboardPage
    from dxplanner.ui.session import PlanSession

    app = QApplication.instance() or QApplication([])
    store = open_plan_file(path)
    page = DashboardPage(PlanSession(store))
    page.resize(1400, 900)
    page.show()
    app.processEvents()
    import dxplanner.ui.dashboard.page  # noqa: F401  (imported above: matplotlib is loaded before timing)

    drawn: dict[str, object] = {}

    def draw_all() -> float:
        """Draw the charts whose figure is new, as the screen does (a chart left as it was is not redrawn)."""
        started = time.perf_counter()
        for name, cell in page.cells.items():
            if drawn.get(name) is not cell.figure:
                cell.canvas.draw()  # type: ignore[no-untyped-call]
                drawn[name] = cell.figure
        return time.perf_counter() - started

    started = time.perf_counter()
    page.show_strategy(1)
    refresh = time.perf_counter() - started
    draw = draw_all()
    whole = refresh + draw
    numbers = page.numbers_seconds
    filters = []
    for combo, row in ((page.unit, 1), (page.unit, 2), (page.pillar, 1), (page.pillar, 2)):
        started = time.perf_counter()
        combo.setCurrentIndex(row)
        filters.append(time.perf_counter() - started + draw_all())
    store.close()
    return {
        "whole_s": whole,
        "filter_s": statistics.median(filters),
        "numbers_s": numbers,
        "figures_s": refresh - numbers,
        "draw_s": draw,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", metavar="PLAN", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure_once(Path(arguments.child))))
        return

    from bench.strategy_file import write_strategy_file

    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
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
