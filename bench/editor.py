"""The editor on a large plan: open a 10,000-task plan file in the real window and time what staff do.

Prints medians over several fresh processes: time from opening the file to the painted
task sheet, time to expand every group, one edit + save + undo round trip, and the
process's peak memory, beside the budgets (0.5 s, 1 s, 50 ms, 300 MB).
Run: QT_QPA_PLATFORM=offscreen python -m bench.editor [--runs N] [--tasks N]
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

BUDGETS = {"show_s": 0.5, "expand_all_s": 1.0, "edit_round_trip_s": 0.05, "peak_memory_mb": 300.0}
LABELS = {
    "show_s": "open file to painted task sheet",
    "expand_all_s": "expand all",
    "edit_round_trip_s": "one edit + save + undo",
    "peak_memory_mb": "peak memory",
}


def measure_once(path: Path, settings_path: Path) -> dict[str, float]:
    """Open path in a fresh window and time the gestures (run in a child process, one per run)."""
    import resource

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.gui import create_plan
    from dxplanner.ui.main_window import MainWindow
    from dxplanner.ui.sheet_model import SheetColumn

    class Painted(QObject):
        """Notes when its target is painted."""

        seen = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def until_painted(painted: Painted) -> None:
        painted.seen = False
        while not painted.seen:
            QApplication.processEvents()

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan_file, create_plan)
    window.resize(1360, 820)
    window.show()
    QApplication.processEvents()

    started = time.perf_counter()
    window.open_file(path)
    assert window.editor is not None and window.session is not None
    sheet = window.editor.sheet
    painted = Painted()
    sheet.view.viewport().installEventFilter(painted)
    until_painted(painted)
    shown = time.perf_counter() - started
    assert sheet.model.counts()[0] > 0, "the plan has no tasks on the sheet"

    started = time.perf_counter()
    sheet.view.expandAll()
    until_painted(painted)
    expanded = time.perf_counter() - started

    order = sheet.model.reading_order()
    task_id = next(task for task in order[len(order) // 2 :] if not sheet.model.has_children(task))
    index = sheet.model.index_of(task_id, SheetColumn.NAME)
    before = sheet.model.sheet_row(task_id)
    assert before is not None
    sheet.view.scrollTo(index)
    until_painted(painted)
    started = time.perf_counter()
    assert sheet.model.setData(index, before.name + " (sửa)")
    until_painted(painted)
    window.session.undo_stack.undo()
    until_painted(painted)
    round_trip = time.perf_counter() - started
    after = sheet.model.sheet_row(task_id)
    assert after is not None and after.name == before.name, "undo did not restore the name"

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    window.close()
    app.processEvents()
    return {
        "show_s": shown,
        "expand_all_s": expanded,
        "edit_round_trip_s": round_trip,
        "peak_memory_mb": peak_kb / 1024,
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
        started = time.perf_counter()
        counts = write_large_plan_file(plan, arguments.tasks)
        print(f"generated {plan.name}: {counts} in {time.perf_counter() - started:.1f} s")
        runs: list[dict[str, Any]] = []
        for run in range(arguments.runs):
            settings = Path(folder) / f"settings-{run}.ini"
            result = subprocess.run(
                [sys.executable, "-m", "bench.editor", "--child", str(plan), str(settings)],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"median of {len(runs)} fresh processes, {arguments.tasks} tasks:")
    for key, budget in BUDGETS.items():
        median = statistics.median(run[key] for run in runs)
        if key == "peak_memory_mb":
            figure, limit = f"{median:7.0f} MB", f"{budget:.0f} MB"
        else:
            figure, limit = f"{median * 1000:7.1f} ms", f"{budget * 1000:.0f} ms"
        print(f"  {LABELS[key]:<34}{figure}   budget {limit}   ratio {median / budget:.2f}")


if __name__ == "__main__":
    main()
