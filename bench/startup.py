"""Start-up time: process start to the first painted main window on the demo plan.

Prints the median of several runs of `python -m dxplanner DEMO` beside a bare
script that imports sqlmodel and PySide6 and paints an empty QMainWindow, and
their ratio (the budget is 1.4), with each one's CPU time until then. Bytecode is
written and used as in an installed dxplanner (pip compiles it, and the bare script's
packages have theirs): PYTHONDONTWRITEBYTECODE is dropped and every case runs once,
untimed, first. `--base PATH` adds the demo file opened by the code of another checkout (a
worktree of the commit before a change), alternating with the others in the same run.
Run: python bench/startup.py [--runs N] [--base PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_RATIO = 1.4

BARE_SCRIPT = """
import time
import sqlmodel
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            print(f"first-paint {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
window = QMainWindow()
window.resize(1360, 820)
painted = FirstPaint(app)
window.installEventFilter(painted)
window.show()
app.exec()
"""


def time_to_first_paint(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning command to the first-paint line it prints, and its CPU seconds until then."""
    started = time.monotonic()
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120, check=True)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            _word, painted, cpu = line.split()
            return float(painted) - started, float(cpu)
    raise RuntimeError(f"{command} never painted: {result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--base", type=Path, help="a checkout whose code opens the demo file too, to compare")
    options = parser.parse_args()
    runs, base = options.runs, options.base

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ else "xcb")
        environment.update(
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_STATE_HOME=str(home / "state"),
            DXPLANNER_BENCH_FIRST_PAINT="1",
        )
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        demo = home / "demo.dxplan"
        subprocess.run(
            [sys.executable, "-m", "dxplanner", "new", str(demo), "--demo"], env=environment, check=True
        )

        cases = {
            "bare (sqlmodel + PySide6, empty QMainWindow)": [sys.executable, "-c", BARE_SCRIPT],
            "dxplanner DEMO_FILE (demo plan, first window)": [sys.executable, "-m", "dxplanner", str(demo)],
            "dxplanner --demo (builds a fresh demo first)": [sys.executable, "-m", "dxplanner", "--demo"],
        }
        if base is not None:
            # The other checkout's code, before the installed one (python -c puts no folder first).
            load_base = f"import sys; sys.path.insert(0, {str(base.resolve())!r}); import runpy;"
            run_base = "sys.argv[1:] = [sys.argv.pop()]; runpy.run_module('dxplanner', run_name='__main__')"
            cases["dxplanner DEMO_FILE, the base checkout's code"] = [
                sys.executable, "-c", load_base + run_base, str(demo)
            ]  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu_times: dict[str, list[float]] = {name: [] for name in cases}
        # Interleaved, so that a noisy moment on the shared machine hits every case alike.
        for run in range(runs + 1):
            for name, command in cases.items():
                took, cpu = time_to_first_paint(command, environment)
                if run:  # the first run writes the bytecode
                    times[name].append(took)
                    cpu_times[name].append(cpu)

    platform = environment["QT_QPA_PLATFORM"]
    load = os.getloadavg()[0]
    print(f"platform: {platform}, runs: {runs}, load average {load:.1f}; medians, start to first paint")
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu_times.items()}
    for name, median in medians.items():
        spread = f"{min(times[name]):.3f}-{max(times[name]):.3f}"
        print(f"  {name:<48} {median:.3f} s  (range {spread}), CPU {cpu_medians[name]:.3f} s")
    bare, *_ = medians.values()
    bare_cpu, *_ = cpu_medians.values()
    for name, median in list(medians.items())[1:]:
        ratio = median / bare
        missed = "  MISSED" if ratio > BUDGET_RATIO else ""
        cpu_ratio = cpu_medians[name] / bare_cpu
        print(
            f"  ratio {name.split(' (')[0]:<24} / bare: {ratio:.2f} (budget {BUDGET_RATIO}){missed};"
            f" of CPU time {cpu_ratio:.2f}"
        )


if __name__ == "__main__":
    main()
