"""The Gantt chart on a large plan: 10,000 tasks and 15,000 links in the real window, offscreen.

Prints medians over fresh processes: the chart's first paint (reading the links, fitting
the plan, painting), then, with every group open (10,500 rows), the mean and worst time
of the chart's paint while scrolling from top to bottom a page at a time (the sheet
beside it painted first, and the whole frame timed too), and the time of a zoom
change (zoom, then paint), beside the budgets (0.3 s, 16 ms, 50 ms).
Run: QT_QPA_PLATFORM=offscreen python -m bench.gantt [--runs N] [--tasks N]
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

BUDGETS = {
    "first_paint_s": 0.3,
    "scroll_paint_mean_s": 0.016,
    "scroll_paint_worst_s": 0.016,
    "zoom_s": 0.05,
}
LABELS = {
    "first_paint_s": "first paint of the chart",
    "scroll_paint_mean_s": "paint while scrolling, mean",
    "scroll_paint_worst_s": "paint while scrolling, worst",
    "zoom_s": "zoom change (median)",
    "zoom_worst_s": "zoom change, worst",
    "relayout_s": "first paint after expand all",
    "open_to_chart_s": "open file to sheet and chart painted",
    "frame_mean_s": "sheet and chart repainted, mean",
    "closed_paint_mean_s": "paint, groups closed, mean",
}


def scroll_paints(sheet: Any, gantt: Any) -> tuple[list[float], list[float]]:
    """Scroll from top to bottom a page at a time: the chart's paint and the whole frame, each time."""
    scroll = sheet.view.verticalScrollBar()
    paints: list[float] = []
    frames: list[float] = []
    for value in range(0, scroll.maximum() + 1, max(1, scroll.pageStep())):
        scroll.setValue(value)
        # A repaint paints every widget of the window with something to paint: paint the
        # sheet first, so that the chart's own paint is what is timed (the frame is timed too).
        started = time.perf_counter()
        sheet.view.viewport().repaint()
        between = time.perf_counter()
        gantt.repaint()
        ended = time.perf_counter()
        paints.append(ended - between)
        frames.append(ended - started)
    return paints, frames


def measure_once(path: Path, settings_path: Path) -> dict[str, float]:
    """Open path in a fresh window and time the chart (run in a child process, one per run)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.gui import create_plan
    from dxplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan_file, create_plan)
    window.resize(1600, 900)
    window.show()
    QApplication.processEvents()

    opened = time.perf_counter()
    window.open_file(path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.viewport().repaint()
    started = time.perf_counter()
    gantt = sheet.gantt
    sheet.split.setSizes([500, 1000])
    gantt.repaint()
    first_paint = time.perf_counter() - started
    open_to_chart = time.perf_counter() - opened
    assert gantt.rows.order(), "the chart shows no rows"

    closed = scroll_paints(sheet, gantt)  # every group closed: links into groups meet on their rows

    sheet.view.expandAll()
    QApplication.processEvents()
    started = time.perf_counter()
    gantt.repaint()
    relayout = time.perf_counter() - started
    rows = len(gantt.rows.order())
    assert rows > 10_000 * 0.9, f"expand all showed {rows} rows"

    paints, frames = scroll_paints(sheet, gantt)

    zooms: list[float] = []
    for factor in (1.5, 1.5, 1.5, 1.5, 1.5, 1 / 1.5, 1 / 1.5, 1 / 1.5, 1 / 1.5, 1 / 1.5, 1 / 1.5):
        started = time.perf_counter()
        gantt.zoom_by(factor)
        gantt.repaint()
        zooms.append(time.perf_counter() - started)

    window.close()
    app.processEvents()
    return {
        "first_paint_s": first_paint,
        "open_to_chart_s": open_to_chart,
        "relayout_s": relayout,
        "scroll_paint_mean_s": statistics.fmean(paints),
        "scroll_paint_worst_s": max(paints),
        "scroll_paints": float(len(paints)),
        "frame_mean_s": statistics.fmean(frames),
        "closed_paint_mean_s": statistics.fmean(closed[0]),
        "zoom_s": statistics.median(zooms),
        "zoom_worst_s": max(zooms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--child", nargs=2, metavar=("PLAN", "SETTINGS"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure_once(Path(arguments.child[0]), Path(arguments.child[1]))))
        return

    from bench.large_plan_file import write_large_plan_file

    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "large.dxplan"
        counts = write_large_plan_file(plan, arguments.tasks)
        print(f"generated {plan.name}: {counts}")
        runs: list[dict[str, Any]] = []
        for run in range(arguments.runs):
            settings = Path(folder) / f"settings-{run}.ini"
            result = subprocess.run(
                [sys.executable, "-m", "bench.gantt", "--child", str(plan), str(settings)],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    paints = int(statistics.median(run["scroll_paints"] for run in runs))
    print(f"median of {len(runs)} fresh processes, {arguments.tasks} tasks, {paints} paints while scrolling:")
    for key, label in LABELS.items():
        median = statistics.median(run[key] for run in runs)
        budget = BUDGETS.get(key)
        line = f"  {label:<38}{median * 1000:8.1f} ms"
        if budget is not None:
            line += f"   budget {budget * 1000:.0f} ms   ratio {median / budget:.2f}"
        print(line)


if __name__ == "__main__":
    main()
