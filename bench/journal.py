"""What keeping undo costs: edits on a 10,000-task plan, and undoing and redoing a 10,000-task import.

Each run starts from fresh files. It times, through the undo service the window uses:
one edit of a task's notes (the write with its change capture, and taking its undo step),
undoing that edit, deleting a group with its tasks and undoing that, importing a
10,000-task Excel plan, then undoing the import, redoing it and undoing it again.
Prints the median of each over the runs.
Run: python -m bench.journal [--runs N] [--tasks N] [--edits N] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import sqlalchemy as sa

from bench.large_plan_file import write_large_plan_file
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.services import edits, undo
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.unit.excel_samples import write_large_plan

LABELS = {
    "edit_s": "one edit (notes) + its undo step",
    "edit_undo_s": "undo of that edit",
    "delete_group_s": "delete a group and its tasks",
    "delete_group_undo_s": "undo of that delete",
    "import_s": "import 10,000 tasks",
    "import_undo_s": "undo of the import",
    "import_redo_s": "redo of the import",
    "import_undo_again_s": "undo of the redone import",
}


# The machine is shared: besides wall time, each figure's processor time (this process's alone).
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def _timed(clock: Callable[[], float], action: Callable[[], object]) -> float:
    started = clock()
    action()
    return clock() - started


def _step(
    clock: Callable[[], float], action: Callable[[], object], store: PlanStore
) -> tuple[float, undo.UndoStep]:
    """The time an edit takes with taking its undo step, as the window does, and the step."""
    started = clock()
    action()
    step = undo.last_step(store)
    seconds = clock() - started
    assert step is not None
    return seconds, step


def _edits(store: PlanStore, count: int, clock: Callable[[], float]) -> dict[str, float]:
    """Median times of `count` edits of tasks' notes, each undone, and of deleting groups and undoing."""
    with store.read() as session:
        connection = session.connection()
        tasks = [row[0] for row in connection.execute(sa.text("SELECT id FROM task WHERE kind = 'task'"))]
        groups = [row[0] for row in connection.execute(sa.text("SELECT id FROM task WHERE kind = 'group'"))]
    edit, edit_undo, delete, delete_undo = [], [], [], []
    for number in range(count):
        task_id = tasks[(number * 97) % len(tasks)]
        seconds, step = _step(
            clock, partial(edits.update_task, store, task_id, notes=f"ghi chú {number}"), store
        )
        edit.append(seconds)
        edit_undo.append(_timed(clock, partial(undo.undo, store, step)))
    for number in range(max(1, count // 20)):
        group = groups[(number * 7) % len(groups)]
        seconds, step = _step(clock, partial(edits.delete_tasks, store, [group]), store)
        delete.append(seconds)
        delete_undo.append(_timed(clock, partial(undo.undo, store, step)))
    return {
        "edit_s": statistics.median(edit),
        "edit_undo_s": statistics.median(edit_undo),
        "delete_group_s": statistics.median(delete),
        "delete_group_undo_s": statistics.median(delete_undo),
    }


def _import(workbook: Path, target: Path, clock: Callable[[], float]) -> dict[str, float]:
    """Times of importing the workbook into a new plan file, undoing, redoing and undoing again."""
    create_plan_file(target)
    store = open_plan_file(target)
    try:
        table = read_plan_table(workbook)
        match_units(store, table)
        figures = {"import_s": _timed(clock, lambda: import_table(store, table))}
        step = undo.last_step(store)
        assert step is not None
        for key, how in (
            ("import_undo_s", undo.undo),
            ("import_redo_s", undo.redo),
            ("import_undo_again_s", undo.undo),
        ):
            started = clock()
            step = how(store, step)
            figures[key] = clock() - started
        with store.read() as session:
            left = session.connection().execute(sa.text("SELECT count(*) FROM task")).scalar_one()
        assert left == 0, f"the undone import left {left} tasks"
        return figures
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--clock", choices=list(CLOCKS), default="wall")
    arguments = parser.parse_args()
    clock = CLOCKS[arguments.clock]
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "plan.xlsx"
        write_large_plan(workbook, arguments.tasks)
        for run in range(arguments.runs):
            plan = Path(folder) / f"large{run}.dxplan"
            write_large_plan_file(plan, arguments.tasks)
            store = open_plan_file(plan)
            try:
                figures = _edits(store, arguments.edits, clock)
            finally:
                store.close()
            figures.update(_import(workbook, Path(folder) / f"imported{run}.dxplan", clock))
            runs.append(figures)
    print(
        f"median of {len(runs)} runs, {arguments.tasks:,} tasks, {arguments.edits} edits a run "
        f"({arguments.clock} time):"
    )
    for key, label in LABELS.items():
        print(f"  {label:<36}{statistics.median(run[key] for run in runs) * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
