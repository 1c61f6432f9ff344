"""A committee sharing one plan on PostgreSQL: 20 clients editing a 10,000-task plan at once, and opening it.

Prints, from one run on a scratch cluster: edits per second, conflicts detected, p50/p95
latency of a write and of an edit (retries in), lost updates (must be 0), the time for a change
to reach another client under that load, and the median time to open the plan as the window
does (the store, the sheet's outline, its first screen of rows) from the server beside the same
plan from a file.
Run: python -m bench.shared_store [--clients 20] [--edits 1000] [--tasks 10000] [--opens 5]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import col, select

from bench.large_plan_file import write_large_plan_file
from dxplanner.core.models import ActionPlan, Task
from dxplanner.services.open_plan import OpenPlan
from tools.concurrency_test import ClientResult, client, warm_up

FIRST_SCREEN = 60  # rows the sheet fetches for its first paint
PROBE_EVERY_SECONDS = 0.5  # how often the extra client renames a group while the others edit


def open_as_the_window_does(location: str | Path) -> float:
    """Seconds to open a plan and read what the task sheet shows first: the outline, the first rows."""
    from dxplanner.services import outline
    from dxplanner.services.files import open_plan

    started = time.perf_counter()
    plan = open_plan(location)
    try:
        found = outline.outline(plan, _first_plan(plan))
        outline.sheet_rows(plan, [node.id for node in found.nodes[:FIRST_SCREEN]])
    finally:
        plan.close()
    return time.perf_counter() - started


def _first_plan(plan: OpenPlan) -> int:
    with plan.read() as session:
        found = session.exec(select(ActionPlan.id).order_by(col(ActionPlan.id))).first()
    assert found is not None
    return int(found)


class ChangeSeenByAnotherClient:
    """Seconds from the start of an edit to another client hearing of it (LISTEN/NOTIFY), while the
    clients edit: one more client renames group tasks (which the editing clients leave alone) now and
    then, and a listener of its own takes the time each rename is heard. bench/live_changes.py times
    the rest of the way, to a window's sheet showing it."""

    def __init__(self, url: str, probes: Sequence[int]) -> None:
        from dxplanner.services.live import RemoteChange, live_changes
        from dxplanner.store.server_store import open_server

        self._writer, self._reader = open_server(url), open_server(url)
        self._probes = list(probes)
        self._heard: dict[int, float] = {}
        self._condition = threading.Condition()
        self.seconds: list[float] = []

        def on_change(change: RemoteChange) -> None:
            with self._condition:
                for task_id in change.rows.get("task", ()):
                    self._heard.setdefault(task_id, time.perf_counter())
                self._condition.notify_all()

        listener = live_changes(self._reader, on_change, lambda _reason: None, lambda: None)
        assert listener is not None
        self._listener = listener
        listener.start()
        assert listener.wait_listening(10)

    def probe(self, number: int) -> None:
        """Rename one group task and wait (at most 10 s) for the listener to hear of it."""
        from dxplanner.services import edits

        task_id = self._probes[number % len(self._probes)]
        with self._condition:
            self._heard.pop(task_id, None)
        started = time.perf_counter()
        edits.update_task(self._writer, task_id, name=f"Nhóm nhiệm vụ (đổi tên lần {number})")
        with self._condition:
            if self._condition.wait_for(lambda: task_id in self._heard, timeout=10):
                self.seconds.append(self._heard[task_id] - started)

    def close(self) -> None:
        self._listener.stop()
        self._reader.close()
        self._writer.close()


def _edit_job(arguments: tuple[str, str, Sequence[int], int, int, bool]) -> ClientResult:
    return client(*arguments)


def _percentile(values: Sequence[float], percent: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--edits", type=int, default=1000, help="edits per client")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--opens", type=int, default=5, help="times each way of opening is timed")
    options = parser.parse_args()

    from dxplanner.services import records
    from dxplanner.services.shared import copy_plan
    from dxplanner.store.server_store import open_server
    from tests.postgres_cluster import ScratchCluster

    cluster = ScratchCluster.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "large.dxplan"
            counts = write_large_plan_file(path, options.tasks)
            url = cluster.url(cluster.new_database())
            copy_plan(path, url)
            print(f"plan: {counts.get('task', options.tasks)} tasks, copied to the server")

            from_file = [open_as_the_window_does(path) for _ in range(options.opens)]
            from_server = [open_as_the_window_does(url) for _ in range(options.opens)]
            print(
                f"open to the sheet's first screen: file {statistics.median(from_file):.2f} s, "
                f"server {statistics.median(from_server):.2f} s (medians of {options.opens})"
            )

            store = open_server(url)
            try:
                with store.read() as session:
                    task_ids = list(
                        session.exec(select(Task.id).where(col(Task.parent_id).is_not(None))).all()
                    )
                    groups = list(session.exec(select(Task.id).where(col(Task.parent_id).is_(None))).all())
            finally:
                store.close()
            leaves = [task_id for task_id in task_ids if task_id is not None]
            seen_by_another = ChangeSeenByAnotherClient(url, [task_id for task_id in groups if task_id])
            jobs = [
                (url, f"c{number}", leaves, options.edits, number, True) for number in range(options.clients)
            ]
            context = multiprocessing.get_context("spawn")
            with context.Pool(options.clients) as pool:
                pool.map(warm_up, range(options.clients), chunksize=1)
                started = time.perf_counter()
                running = pool.map_async(_edit_job, jobs)
                probes = 0
                while not running.ready():
                    seen_by_another.probe(probes)
                    probes += 1
                    running.wait(PROBE_EVERY_SECONDS)
                results = running.get()
                seconds = time.perf_counter() - started
            seen_by_another.close()
            made = [edit for result in results for edit in result.made]
            store = open_server(url)
            try:
                touched = {task_id for task_id, _line in made}
                kept: Counter[tuple[int, str]] = Counter()
                for task_id in touched:
                    found = records.task(store, task_id)
                    for line in (found.notes or "").split("\n") if found else []:
                        kept[(task_id, line)] += 1
            finally:
                store.close()
            lost = sum((Counter(made) - kept).values())
            writes = [value for result in results for value in result.write_seconds]
            whole = [value for result in results for value in result.edit_seconds]
            print(
                f"{options.clients} clients x {options.edits} edits: {len(made)} made in {seconds:.1f} s "
                f"({len(made) / seconds:.0f} edits/s), "
                f"{sum(result.conflicts for result in results)} conflicts detected, {lost} lost, "
                f"{sum(len(result.other_refusals) for result in results)} other refusals"
            )
            print(
                f"write latency: p50 {_percentile(writes, 50) * 1000:.1f} ms, "
                f"p95 {_percentile(writes, 95) * 1000:.1f} ms; edit latency (read, write, retries): "
                f"p50 {_percentile(whole, 50) * 1000:.1f} ms, p95 {_percentile(whole, 95) * 1000:.1f} ms"
            )
            heard = seen_by_another.seconds
            print(
                "time for a change to reach another client's listener, under that load: "
                f"p50 {_percentile(heard, 50) * 1000:.0f} ms, p95 {_percentile(heard, 95) * 1000:.0f} ms "
                f"({len(heard)} renames timed)"
            )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
