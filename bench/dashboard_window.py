"""The dashboard in the real window: switch from a 10,000-task plan to its strategy's dashboard and back.

Prints medians over fresh processes, beside the budgets: the first switch to the
dashboard until the charts on screen are painted (0.8 s), until the window is idle
again, the switch back to the plan until the sheet is painted (0.1 s), and the
process's memory after the dashboard (300 MB).
Run: QT_QPA_PLATFORM=offscreen python -m bench.dashboard_window [--runs N] [--png FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BUDGETS = {"to_dashboard_s": 0.8, "back_to_plan_s": 0.1, "memory_mb": 300.0}
LABELS = {
    "to_dashboard_s": "first switch to the dashboard, charts on screen painted",
    "dashboard_idle_s": "first switch to the dashboard, until idle again",
    "back_to_plan_s": "back to the plan, sheet painted",
    "again_s": "to the dashboard again, charts on screen painted",
    "memory_mb": "memory after the dashboard (resident)",
    "peak_memory_mb": "peak memory",
    "to_dashboard_cpu_s": "first switch to the dashboard, CPU time",
    "back_to_plan_cpu_s": "back to the plan, CPU time",
}
# The window's size: a common laptop screen.
WIDTH, HEIGHT = 1366, 768
# The window is idle when the event loop has found nothing costly to do for this long.
QUIET_S = 0.3


def _resident_mb() -> float:
    """The process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_once(path: Path, settings_path: Path, png: Path | None) -> dict[str, float]:
    """Open the file in a fresh window and time the switches (run in a child process, one per run)."""
    import resource

    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.painted import Painted
    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.gui import create_plan
    from dxplanner.ui.main_window import MainWindow
    from dxplanner.ui.navigator import NodeKey, NodeKind

    app = QApplication.instance() or QApplication([])
    painted = Painted()
    app.installEventFilter(painted)

    def until(done: Any, started: float) -> float:
        """Run the event loop until done() holds; the seconds since started."""
        while not done():
            app.processEvents()
        return time.perf_counter() - started

    def until_idle() -> float:
        """Run the event loop until it has nothing costly to do; the seconds up to its last costly step."""
        started = last_busy = time.perf_counter()
        while time.perf_counter() - last_busy < QUIET_S:
            before = time.perf_counter()
            app.processEvents()
            if time.perf_counter() - before > 0.002:
                last_busy = time.perf_counter()
            time.sleep(0.001)
        return last_busy - started

    def on_screen(widget: QWidget) -> bool:
        return widget.isVisible() and not widget.visibleRegion().isEmpty()

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan_file, create_plan)
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    assert window.open_file(path)
    editor = window.editor
    assert editor is not None
    plan = NodeKey(NodeKind.PLAN, 1)
    window.select(plan)
    sheet_viewport = editor.sheet.view.viewport()
    until(lambda: id(sheet_viewport) in painted.seen, time.perf_counter())
    until_idle()  # the details and the Gantt chart are built after the sheet's first paint
    # A user looks at the plan a moment before turning to the dashboard: meanwhile the charting
    # library is loaded and the first dashboard's numbers read in the background
    # (ui/dashboard/warm_up.py); wait for them as the user would.
    for thread in threading.enumerate():
        if thread.name == "dashboard-warm-up":
            thread.join()

    def charts_painted() -> bool:
        dashboard = editor.dashboard
        if editor.stack.currentWidget() is not dashboard:
            return False
        cells = [cell for cell in dashboard.cells.values() if on_screen(cell.canvas)]
        if any(getattr(cell, "waiting", False) for cell in cells):
            return False  # a chart on screen is yet to be built
        shown = [cell.canvas for cell in cells]
        # Painted with its figure drawn (a canvas painted before its first draw shows nothing).
        drawn = [isinstance(canvas, FigureCanvasQTAgg) and hasattr(canvas, "renderer") for canvas in shown]
        return bool(shown) and all(drawn) and all(id(canvas) in painted.seen for canvas in shown)

    def dashboard_trip() -> tuple[float, float, float]:
        """The seconds to the charts painted, to the window idle, and the CPU time to the charts painted."""
        painted.seen.clear()
        started, processor = time.perf_counter(), time.process_time()
        window.select(NodeKey(NodeKind.DASHBOARD, 1))
        shown = until(charts_painted, started)
        cpu = time.process_time() - processor
        idle = until_idle()
        return shown, max(shown, idle + shown), cpu

    to_dashboard, dashboard_idle, to_dashboard_cpu = dashboard_trip()
    memory = _resident_mb()
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(png / "window_dashboard.png"))
        for cell in editor.dashboard.cells.values():
            cell.build()  # the charts out of sight too
        until_idle()  # their canvases are shown and laid out
        charts = editor.dashboard.cells["progress"].parentWidget()
        assert charts is not None
        charts.grab().save(str(png / "dashboard_charts.png"))  # every chart, as if scrolled through

    painted.seen.clear()
    started, processor = time.perf_counter(), time.process_time()
    window.select(plan)
    back = until(lambda: id(sheet_viewport) in painted.seen, started)
    back_cpu = time.process_time() - processor
    until_idle()
    assert editor.stack.currentWidget() is editor.plan_page
    again, _idle, _cpu = dashboard_trip()

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    window.close()
    app.processEvents()
    return {
        "to_dashboard_s": to_dashboard,
        "dashboard_idle_s": dashboard_idle,
        "back_to_plan_s": back,
        "again_s": again,
        "memory_mb": memory,
        "peak_memory_mb": peak_kb / 1024,
        # The CPU time, which a machine busy with other work inflates less than the time on the clock.
        "to_dashboard_cpu_s": to_dashboard_cpu,
        "back_to_plan_cpu_s": back_cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--png", type=Path, help="save the window and every chart as PNG here (first run)")
    parser.add_argument("--plan", type=Path, help="an existing strategy file (else one is generated)")
    parser.add_argument("--child", nargs=2, metavar=("PLAN", "SETTINGS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure_once(Path(arguments.child[0]), Path(arguments.child[1]), arguments.png)))
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
        for run in range(arguments.runs):
            command = [sys.executable, "-m", "bench.dashboard_window", "--child", str(plan)]
            command.append(str(Path(folder) / f"settings-{run}.ini"))
            if arguments.png is not None and run == 0:
                command += ["--png", str(arguments.png)]
            result = subprocess.run(
                command, env=environment, capture_output=True, text=True, check=True, timeout=600
            )
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"median of {len(runs)} fresh processes, window {WIDTH}x{HEIGHT}:")
    for key, label in LABELS.items():
        median = statistics.median(run[key] for run in runs)
        if key.endswith("_mb"):
            line = f"  {label:<56}{median:8.0f} MB"
        else:
            line = f"  {label:<56}{median * 1000:8.0f} ms"
        if key in BUDGETS:
            unit = "MB" if key.endswith("_mb") else "ms"
            budget = BUDGETS[key] if key.endswith("_mb") else BUDGETS[key] * 1000
            line += f"   budget {budget:.0f} {unit}   ratio {median / BUDGETS[key]:.2f}"
        print(line)


if __name__ == "__main__":
    main()
