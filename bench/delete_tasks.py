"""Deleting groups from the top of a large plan: what the editor's Delete and its undo cost as plans grow.

On the synthetic plan (10,000 and 50,000 tasks by default; its top level is groups of tasks), each
run times, on a fresh copy: deleting the first group (every group after it moves up) and every
tenth of the first hundred (ten gaps), each with its undo; beside the floor, SQLite deleting the
same rows (the schema's cascades) and closing the same gaps with plain statements, nothing recorded
to undo. Prints medians, the ratio to the floor, the growth from the smallest plan, and the row
changes the undo keeps (each group that moves once: closing each gap apart moved them once per
deleted group, 95,901 changes for 200 deleted of a 10,000-task plan's 500).
Run: python -m bench.delete_tasks [--runs N] [--sizes 10000,50000]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from bench.large_plan_file import write_large_plan_file
from dxplanner.store.operations.tasks import delete_tasks
from dxplanner.store.plan_file import open_plan_file


def _level(path: Path, size: int) -> tuple[int, list[int]]:
    """The synthetic plan of about `size` tasks (its top level: groups of tasks); its first plan and
    that plan's top tasks, in their order."""
    write_large_plan_file(path, size)
    with sqlite3.connect(path) as connection:
        plan_id = connection.execute("SELECT min(id) FROM action_plan").fetchone()[0]
        rows = connection.execute(
            "SELECT id FROM task WHERE plan_id = ? AND parent_id IS NULL ORDER BY position", (plan_id,)
        ).fetchall()
    connection.close()
    return int(plan_id), [task_id for (task_id,) in rows]


def _ours(path: Path, chosen: list[int]) -> tuple[float, float, int]:
    """Delete chosen through the operation (recorded for undo), then undo it: seconds, seconds, changes."""
    store = open_plan_file(path)
    try:
        started = time.perf_counter()
        delete_tasks(store, chosen)
        deleted = time.perf_counter() - started
        journal = store.last_journal
        started = time.perf_counter()
        store.replay(journal.undo)
        return deleted, time.perf_counter() - started, len(journal.changes)
    finally:
        store.close()


def _floor(path: Path, plan_id: int, chosen: list[int]) -> float:
    """The same rows deleted and the same gaps closed by plain SQLite, nothing recorded."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        gone = sorted(
            connection.execute(
                f"SELECT position FROM task WHERE id IN ({','.join('?' * len(chosen))})", chosen
            ).fetchall()
        )
        connection.execute(f"DELETE FROM task WHERE id IN ({','.join('?' * len(chosen))})", chosen)
        positions = [position for (position,) in gone] + [None]
        for shift, (low, high) in enumerate(pairwise(positions), start=1):
            upper = "" if high is None else f" AND position < {int(high)}"
            connection.execute(
                f"UPDATE task SET position = position - {shift} WHERE plan_id = {plan_id}"
                f" AND parent_id IS NULL AND position > {int(low)}{upper}"
            )
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10000,50000")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    cases: dict[str, Callable[[list[int]], list[int]]] = {
        "the first group": lambda ids: ids[:1],
        "every tenth of the first hundred": lambda ids: ids[:100:10],
    }
    print(f"medians of {arguments.runs} runs, each on a fresh copy; seconds")
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            base = Path(folder) / f"level-{size}.dxplan"
            plan_id, ids = _level(base, size)
            for name, choose in cases.items():
                ours, undo, floor, changes = [], [], [], 0
                for run in range(arguments.runs):
                    copy = Path(folder) / f"copy-{run}.dxplan"
                    shutil.copy(base, copy)
                    deleted, undone, changes = _ours(copy, choose(ids))
                    ours.append(deleted)
                    undo.append(undone)
                    shutil.copy(base, copy)
                    floor.append(_floor(copy, plan_id, choose(ids)))
                mine, bare = statistics.median(ours), statistics.median(floor)
                growth = "" if name not in first else f", growth from {sizes[0]:,}: {mine / first[name]:.1f}x"
                first.setdefault(name, mine)
                where = f"{size:>6,} tasks ({len(ids):,} top groups), {name:<33}"
                print(
                    f"  {where} delete {mine:.3f} (floor {bare:.3f}, ratio {mine / bare:.1f}),"
                    f" undo {statistics.median(undo):.3f}; {changes:,} row changes kept{growth}"
                )


if __name__ == "__main__":
    main()
