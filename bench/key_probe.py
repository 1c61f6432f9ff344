"""Edits with real key events: Enter (or Ctrl+Z) sent by xdotool under Xvfb, until the sheet has painted.

Starts the real window on a generated plan of 10,000 tasks under Xvfb and drives it with real
key events: for N tasks it opens the name cell (F2), types a new name and presses Enter; then the
progress cell, a new figure, Enter; then Ctrl+Z for every one of those edits. Each figure is the
time from just before xdotool is started to send Enter (or Ctrl+Z) to the first paint of the
sheet's viewport after the change has reached the sheet. The floor is the same keys sent, in the
same run, to a bare QTableView over a trivial model: what Qt, X and xdotool cost by themselves.
Prints medians and worsts over every edit of every run, beside the budgets (30 ms median, 50 ms
worst; undo 30 ms), and the floor's; and each process's first edit of a kind apart from the others.
Run: python -m bench.key_probe [--runs N] [--edits N] [--tasks N]   (needs xvfb-run and xdotool)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BUDGETS = {"name": (0.030, 0.050), "progress": (0.030, 0.050), "undo": (0.030, None)}
LABELS = {"name": "name edit, Enter", "progress": "progress edit, Enter", "undo": "undo, Ctrl+Z"}
WAIT_S = 5.0  # a key that brings no paint in this long is a failure, not a figure


class _Probe:
    """Sends keys with xdotool from a thread while the event loop waits; notes when the viewport paints."""

    def __init__(self, viewport: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        probe = self

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                kind = event.type()
                if kind == QEvent.Type.Paint and watched is viewport and probe.changed_at is not None:
                    if probe.painted_at is None:
                        probe.painted_at = time.perf_counter()
                        probe.cpu_at = time.process_time()
                        # The rest of the window (the chart, the details) is painted in the same
                        # pass: a zero timer fires once the whole frame is done.
                        QTimer.singleShot(0, probe.frame_done)
                elif (
                    kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and probe.arrived_at is None
                ):
                    probe.arrived_at = time.perf_counter()
                return False

        self.watch = Watch()
        viewport.installEventFilter(self.watch)
        self.changed_at: float | None = None
        self.painted_at: float | None = None
        self.framed_at: float | None = None
        self.cpu_at = self.cpu_sent = 0.0  # the process's CPU time: what the load of others leaves out
        self.arrived_at: float | None = None
        self.sent_at = 0.0
        self._loop: Any = None
        # The cycle collector's passes (generation, start, end): which edits held one, and for how long.
        self.passes: list[tuple[int, float, float]] = []
        self._pass_started = 0.0
        gc.callbacks.append(self._on_pass)

    def _on_pass(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._pass_started = time.perf_counter()
        else:
            self.passes.append((info["generation"], self._pass_started, time.perf_counter()))

    def note_change(self, *_args: object) -> None:
        """The change has reached the sheet (the model said so): the next paint shows it."""
        if self.changed_at is None:
            self.changed_at = time.perf_counter()

    def frame_done(self) -> None:
        if self.framed_at is None:
            self.framed_at = time.perf_counter()
        self.quit()

    def quit(self) -> None:
        if self._loop is not None:
            self._loop.quit()

    def xdotool(self, *arguments: str) -> None:
        """Run xdotool and wait for the keys to be handled (untimed: typing, moving the cursor)."""
        subprocess.run(["xdotool", *arguments], check=True)
        self.settle()

    def settle(self, seconds: float = 0.05) -> None:
        from PySide6.QtWidgets import QApplication

        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            QApplication.processEvents()
            time.sleep(0.002)

    def timed_key(self, key: str, focus: Any) -> dict[str, float]:
        """Send key, wait for the change to be painted; the times from sending and from arrival."""
        import shiboken6
        from PySide6.QtCore import QEventLoop, QTimer

        self.changed_at = self.painted_at = self.framed_at = self.arrived_at = None
        focus.installEventFilter(self.watch)
        loop = QEventLoop()
        self._loop = loop
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(int(WAIT_S * 1000))

        self.cpu_sent = time.process_time()
        self.passes.clear()

        def send() -> None:
            self.sent_at = time.perf_counter()
            subprocess.run(["xdotool", "key", key], check=True)

        sender = threading.Thread(target=send)
        sender.start()
        loop.exec()
        sender.join()
        timer.stop()
        self._loop = None
        if shiboken6.isValid(focus):  # a cell editor is gone once Enter has closed it
            focus.removeEventFilter(self.watch)
        if self.painted_at is None or self.framed_at is None:
            raise RuntimeError(f"{key}: no paint of the change within {WAIT_S} s")
        arrived = self.arrived_at if self.arrived_at is not None else self.sent_at
        inside = [
            (generation, end - start) for generation, start, end in self.passes if start < self.painted_at
        ]
        return {
            "sent": self.painted_at - self.sent_at,
            "arrived": self.painted_at - arrived,
            "frame": self.framed_at - self.sent_at,
            "cpu": self.cpu_at - self.cpu_sent,
            "collector": sum(duration for _generation, duration in inside),
            "full": float(any(generation == 2 for generation, _duration in inside)),
        }


def _focus(window: Any) -> None:
    """Give the window the X keyboard focus (Xvfb runs no window manager)."""
    from PySide6.QtWidgets import QApplication

    window.raise_()
    window.activateWindow()
    geometry = window.frameGeometry()
    subprocess.run(
        ["xdotool", "mousemove", str(geometry.center().x()), str(geometry.center().y())], check=True
    )
    for _ in range(50):
        QApplication.processEvents()
        if QApplication.activeWindow() is window:
            return
        time.sleep(0.01)
    raise RuntimeError("the window did not get the keyboard focus")


def _editor_text(view: Any) -> str | None:
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

    focused = QApplication.focusWidget()
    if isinstance(focused, QAbstractSpinBox):
        return focused.lineEdit().text() if focused.lineEdit() is not None else None
    if isinstance(focused, QLineEdit) and focused.parent() is view.viewport():
        return focused.text()
    if isinstance(focused, QLineEdit):
        return focused.text()
    return None


def _type_into_cell(probe: _Probe, view: Any, index: Any, text: str, shown: str) -> Any:
    """Make index current, open its editor with F2 and type text over what it holds (untimed)."""
    from PySide6.QtWidgets import QApplication

    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.setFocus()
    probe.settle(0.02)
    probe.xdotool("key", "F2")
    probe.xdotool("key", "ctrl+a")
    probe.xdotool("type", "--delay", "1", text)
    for _ in range(200):
        if _editor_text(view) == shown:
            break
        probe.settle(0.01)
    else:
        raise RuntimeError(f"the editor shows {_editor_text(view)!r}, not {shown!r}")
    probe.settle(0.05)  # idle, as the app is when a person presses Enter
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def _edits(
    probe: _Probe,
    view: Any,
    cells: list[Any],
    typed: Callable[[int], str],
    shown: Callable[[int], str],
) -> list[dict[str, float]]:
    times = []
    for number, index in enumerate(cells):
        focus = _type_into_cell(probe, view, index, typed(number), shown(number))
        times.append(probe.timed_key("Return", focus))
        probe.settle(0.05)
    return times


def _undos(probe: _Probe, view: Any, count: int) -> list[dict[str, float]]:
    times = []
    for _ in range(count):
        view.setFocus()
        probe.settle(0.05)
        times.append(probe.timed_key("ctrl+z", view))
    return times


def _figures(samples: list[dict[str, float]]) -> dict[str, list[float]]:
    return {
        clock: [each[clock] for each in samples]
        for clock in ("sent", "arrived", "frame", "cpu", "collector", "full")
    }


def measure_app(path: Path, settings_path: Path, edits: int) -> dict[str, Any]:
    """Open path in the real window and time name edits, progress edits and undos (one child process)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dxplanner import collector
    from dxplanner.services.outline import SheetRow
    from dxplanner.store.plan_file import open_plan_file
    from dxplanner.ui.gui import create_plan
    from dxplanner.ui.main_window import MainWindow
    from dxplanner.ui.sheet_model import SheetColumn

    collector.set_aside_loaded_code()  # as app.py does once the window's code is loaded
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan_file, create_plan)
    window.resize(1360, 820)
    window.show()
    assert window.open_file(path)
    assert window.editor is not None and window.session is not None
    sheet = window.editor.sheet
    probe = _Probe(sheet.view.viewport())
    probe.settle(1.5)  # the chart and the details are built after the first paint
    _focus(window)
    window.session.changed.connect(probe.note_change)

    def row(task_id: int) -> SheetRow:
        found = sheet.model.sheet_row(task_id)
        assert found is not None
        return found

    order = sheet.model.reading_order()
    leaves = [task for task in order[len(order) // 2 :] if not sheet.model.has_children(task)][:edits]
    sheet.select_task(leaves[0])
    probe.settle(0.2)
    names = [row(task).name for task in leaves]
    progress = [row(task).progress for task in leaves]
    new_progress = [(round(value) + 37) % 100 for value in progress]

    def typed_name(number: int) -> str:
        return f"Renamed task {number} by keys"

    name_cells = [sheet.model.index_of(task, SheetColumn.NAME) for task in leaves]
    name_times = _edits(probe, sheet.view, name_cells, typed_name, typed_name)
    assert [row(task).name for task in leaves] == [typed_name(number) for number in range(len(leaves))], (
        "a typed name did not reach the file"
    )

    progress_cells = [sheet.model.index_of(task, SheetColumn.PROGRESS) for task in leaves]
    progress_times = _edits(
        probe,
        sheet.view,
        progress_cells,
        lambda number: str(new_progress[number]),
        lambda number: str(new_progress[number]),  # typed as text, read by the sheet on Enter
    )
    assert [round(row(task).progress) for task in leaves] == new_progress

    undo_times = _undos(probe, sheet.view, 2 * len(leaves))
    assert [row(task).name for task in leaves] == names, "undo did not restore the names"
    assert [row(task).progress for task in leaves] == progress, "undo did not restore the progress"
    collector_figures = _full_passes()
    window.close()
    app.processEvents()
    return {
        "name": _figures(name_times),
        "progress": _figures(progress_times),
        "undo": _figures(undo_times),
        "collector": collector_figures,
    }


def _full_passes(count: int = 5) -> dict[str, float]:
    """The objects a full pass of the cycle collector walks in the window, and what passes cost."""
    full_passes = gc.get_stats()[2]["collections"]  # the process's own, before these
    clocks, cpus = [], []
    for _ in range(count):
        started, cpu = time.perf_counter(), time.process_time()
        gc.collect()
        clocks.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return {
        "tracked": len(gc.get_objects()),
        "frozen": gc.get_freeze_count(),
        "full_passes": full_passes,
        "pass": statistics.median(clocks),
        "pass_cpu": statistics.median(cpus),
    }


def measure_floor(edits: int) -> dict[str, Any]:
    """The same keys on a bare QTableView over a trivial 10,000-row model, with a trivial undo."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class Trivial(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.cells = [[f"Task {row}", str(row % 100)] for row in range(10_000)]
            self.undo: list[tuple[int, int, str]] = []

        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.cells)

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 2

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self.cells[index.row()][index.column()]
            return None

        def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
            return super().flags(index) | Qt.ItemFlag.ItemIsEditable

        def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2) -> bool:
            row, column = index.row(), index.column()
            self.undo.append((row, column, self.cells[row][column]))
            self.cells[row][column] = str(value)
            self.dataChanged.emit(index, index)
            return True

        def undo_last(self) -> None:
            row, column, value = self.undo.pop()
            self.cells[row][column] = value
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    model = Trivial()
    view = QTableView(window)
    view.setModel(model)
    view.setColumnWidth(0, 360)
    window.setCentralWidget(view)
    undo = QAction(window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(model.undo_last)
    window.addAction(undo)
    window.resize(1360, 820)
    window.show()
    probe = _Probe(view.viewport())
    probe.settle(0.5)
    _focus(window)
    model.dataChanged.connect(probe.note_change)
    rows = range(5000, 5000 + edits)

    def typed_name(number: int) -> str:
        return f"Renamed task {number} by keys"

    name_times = _edits(probe, view, [model.index(row, 0) for row in rows], typed_name, typed_name)
    progress_times = _edits(
        probe, view, [model.index(row, 1) for row in rows], lambda n: str(50 + n), lambda n: str(50 + n)
    )
    undo_times = _undos(probe, view, 2 * edits)
    window.close()
    app.processEvents()
    return {"name": _figures(name_times), "progress": _figures(progress_times), "undo": _figures(undo_times)}


def _child(arguments: list[str], environment: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            sys.executable,
            "-m",
            "bench.key_probe",
            *arguments,
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{arguments[0]} failed:\n{result.stdout}\n{result.stderr}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _summary(runs: list[dict[str, Any]], kind: str, clock: str) -> tuple[float, float, list[float]]:
    samples = [value for run in runs for value in run[kind][clock]]
    medians = [statistics.median(run[kind][clock]) for run in runs]
    return statistics.median(samples), max(samples), medians


def _spread(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} / {max(samples) * 1000:.1f}" if samples else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes of each (default 5)")
    parser.add_argument("--edits", type=int, default=10, help="edits of each kind per process (default 10)")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--child", nargs=2, metavar=("PLAN", "SETTINGS"), help=argparse.SUPPRESS)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        plan, settings = (Path(each) for each in arguments.child)
        print(json.dumps(measure_app(plan, settings, arguments.edits)))
        return
    if arguments.floor:
        print(json.dumps(measure_floor(arguments.edits)))
        return

    from bench.large_plan_file import write_large_plan_file

    environment = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")
    }
    environment["QT_QPA_PLATFORM"] = "xcb"
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "large.dxplan"
        started = time.perf_counter()
        counts = write_large_plan_file(plan, arguments.tasks)
        print(f"generated {plan.name}: {counts} in {time.perf_counter() - started:.1f} s")
        app_runs, floor_runs = [], []
        for run in range(arguments.runs):
            # Each run writes to a copy: every run starts from the same plan, and undo leaves it so.
            settings = Path(folder) / f"settings-{run}.ini"
            copy = Path(folder) / f"run-{run}.dxplan"
            shutil.copyfile(plan, copy)
            app_runs.append(
                _child(["--child", str(copy), str(settings), "--edits", str(arguments.edits)], environment)
            )
            floor_runs.append(_child(["--floor", "--edits", str(arguments.edits)], environment))
            print(
                f"  run {run + 1}: name {statistics.median(app_runs[-1]['name']['sent']) * 1000:.1f} ms, "
                f"floor {statistics.median(floor_runs[-1]['name']['sent']) * 1000:.1f} ms",
                flush=True,
            )
    print(
        f"{arguments.runs} fresh processes × {arguments.edits} edits of each kind, {arguments.tasks} tasks. "
        "ms from just before xdotool sends the key to the sheet's first paint after the change; "
        "frame: to the end of that paint pass (chart and details too); arrival: from Qt's key event; "
        "cpu: the process's CPU time in between (what a busy machine does not inflate)"
    )
    print(
        f"  {'':<22}{'median':>7}{'worst':>7}  {'budget':<12}{'floor':>6}{'worst':>7}"
        f"  {'run medians':<12}{'frame':>7}{'worst':>7}{'arrival':>8}{'cpu':>6}{'worst':>7}{'floor':>6}"
    )
    for kind, (median_budget, worst_budget) in BUDGETS.items():
        median, worst, medians = _summary(app_runs, kind, "sent")
        floor_median, floor_worst, _ = _summary(floor_runs, kind, "sent")
        frame, frame_worst, _ = _summary(app_runs, kind, "frame")
        arrived, _worst, _ = _summary(app_runs, kind, "arrived")
        cpu, cpu_worst, _ = _summary(app_runs, kind, "cpu")
        floor_cpu, _worst, _ = _summary(floor_runs, kind, "cpu")
        budget = f"{median_budget * 1000:.0f}" + (f"/{worst_budget * 1000:.0f}" if worst_budget else "")
        spread = f"{min(medians) * 1000:.0f}-{max(medians) * 1000:.0f}"
        print(
            f"  {LABELS[kind]:<22}{median * 1000:7.1f}{worst * 1000:7.1f}  {budget + ' ms':<12}"
            f"{floor_median * 1000:6.1f}{floor_worst * 1000:7.1f}  {spread:<12}"
            f"{frame * 1000:7.1f}{frame_worst * 1000:7.1f}{arrived * 1000:8.1f}"
            f"{cpu * 1000:6.1f}{cpu_worst * 1000:7.1f}{floor_cpu * 1000:6.1f}"
        )
    for kind in BUDGETS:
        samples = [
            (run[kind]["sent"][each], run[kind]["collector"][each], run[kind]["full"][each])
            for run in app_runs
            for each in range(len(run[kind]["sent"]))
        ]
        full = [sample for sample in samples if sample[2]]
        print(
            f"  {LABELS[kind]}: {len(full)} of {len(samples)} held a full collector pass"
            + (
                f" ({statistics.median(sample[1] for sample in full) * 1000:.1f} ms of passes in them, "
                f"those edits {statistics.median(sample[0] for sample in full) * 1000:.1f} ms median)"
                if full
                else ""
            )
            + f"; passes in an edit: worst {max(sample[1] for sample in samples) * 1000:.1f} ms"
        )
    for kind in ("name", "progress"):
        # A process's first edit of a kind did once-only work the others do not (issue 20's worst).
        firsts = {clock: [run[kind][clock][0] for run in app_runs] for clock in ("sent", "cpu")}
        others = {
            clock: [value for run in app_runs for value in run[kind][clock][1:]] for clock in ("sent", "cpu")
        }
        print(
            f"  {LABELS[kind]}, each run's first: {_spread(firsts['sent'])}, cpu {_spread(firsts['cpu'])}; "
            f"the others: {_spread(others['sent'])}, cpu {_spread(others['cpu'])} (median / worst ms)"
        )
    passes = [run["collector"] for run in app_runs]
    print(
        f"  cycle collector after the edits: {statistics.median(p['tracked'] for p in passes):,.0f} objects "
        f"in sight, {statistics.median(p['frozen'] for p in passes):,.0f} set aside at start-up; "
        f"a full pass {statistics.median(p['pass'] for p in passes) * 1000:.1f} ms "
        f"(cpu {statistics.median(p['pass_cpu'] for p in passes) * 1000:.1f} ms); "
        f"full passes in a whole run (start, open, edits): {sorted(p['full_passes'] for p in passes)}"
    )


if __name__ == "__main__":
    main()
