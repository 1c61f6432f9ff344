"""Time for a change made by one client of a shared plan to appear in another, beside the 1 s budget.

One client edits task names on the demo plan on a PostgreSQL server, one edit at a time; the
other is a real main window (offscreen) on the same plan. For each edit it times:
- heard: from the start of the edit to the other client's listener receiving the notice;
- shown: from the start of the edit to the other window's sheet showing the new name
  (the edit's own commit, the notice, the queued signal and the sheet's refresh);
- commit: the edit itself (for reference: the rest is what live changes cost).
Prints the median and p95 of each over the edits.
Run: QT_QPA_PLATFORM=offscreen python -m bench.live_changes [--edits N] [--url postgresql://...]
(without --url, a scratch PostgreSQL cluster is started and thrown away).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

BUDGET_S = 1.0
_TIMEOUT_S = 10.0


def percentile(values: list[float], share: float) -> float:
    """The value below which share of values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


@contextmanager
def demo_database(url: str | None) -> Iterator[str]:
    """The URL of a database holding the demo plan: on the server given, or on a scratch cluster."""
    from dxplanner.store.demo import load_demo
    from dxplanner.store.server_store import init_server, open_server

    cluster = None
    if url is None:
        from tests.postgres_cluster import ScratchCluster

        cluster = ScratchCluster.start()
        url = cluster.url(cluster.new_database())
    try:
        init_server(url)
        store = open_server(url)
        try:
            load_demo(store)
        finally:
            store.close()
        yield url
    finally:
        if cluster is not None:
            cluster.stop()


def measure(url: str, edits_count: int) -> dict[str, list[float]]:
    """Edit task names through one client and time them reaching another (a listener and a window)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dxplanner.services import edits
    from dxplanner.services.files import open_plan
    from dxplanner.services.live import RemoteChange, live_changes
    from dxplanner.store.server_store import open_server
    from dxplanner.ui.gui import create_plan
    from dxplanner.ui.main_window import MainWindow
    from dxplanner.ui.sheet_model import SheetColumn

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan, create_plan)
    window.resize(1360, 820)
    window.show()
    assert window.open_file(url) and window.editor is not None and window.live is not None
    assert window.live.wait_listening(_TIMEOUT_S)
    sheet = window.editor.sheet
    tasks = [task for task in sheet.model.reading_order() if not sheet.model.has_children(task)]

    writer = open_server(url)
    reader = open_server(url)
    heard_at: dict[int, float] = {}
    heard = threading.Condition()

    def on_change(change: RemoteChange) -> None:
        with heard:
            for task_id in change.rows.get("task", ()):
                heard_at.setdefault(task_id, time.perf_counter())
            heard.notify_all()

    listener = live_changes(reader, on_change, lambda _reason: None, lambda: None)
    assert listener is not None
    listener.start()
    assert listener.wait_listening(_TIMEOUT_S)
    times: dict[str, list[float]] = {"commit": [], "heard": [], "shown": []}
    try:
        for number in range(edits_count):
            task_id = tasks[number % len(tasks)]
            name = f"Nhiệm vụ sửa lần {number}"
            with heard:
                heard_at.pop(task_id, None)
            started = time.perf_counter()
            edits.update_task(writer, task_id, name=name)
            times["commit"].append(time.perf_counter() - started)
            while sheet.model.data(sheet.model.index_of(task_id, SheetColumn.NAME)) != name:
                app.processEvents()
                if time.perf_counter() - started > _TIMEOUT_S:
                    raise RuntimeError(f"edit {number} did not appear in the other window")
            times["shown"].append(time.perf_counter() - started)
            with heard:
                heard.wait_for(partial(dict.__contains__, heard_at, task_id), timeout=_TIMEOUT_S)
                times["heard"].append(heard_at[task_id] - started)
    finally:
        listener.stop()
        reader.close()
        writer.close()
        window.close_file()
        window.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--url", help="an empty database to use (the demo plan is written into it)")
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with demo_database(arguments.url) as url:
        times = measure(url, arguments.edits)
    print(f"Live changes: {arguments.edits} edits by one client, seen by another (budget {BUDGET_S:.0f} s)")
    labels = {
        "heard": "edit to the other client's listener",
        "shown": "edit to the other window's sheet",
        "commit": "the edit's own commit",
    }
    for key, label in labels.items():
        values = times[key]
        median, p95 = statistics.median(values), percentile(values, 0.95)
        verdict = "" if key == "commit" else ("  within budget" if p95 <= BUDGET_S else "  OVER BUDGET")
        print(f"  {label:40s} median {median * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms{verdict}")


if __name__ == "__main__":
    main()
