"""What keeping undo costs: edits on a 10,000-task plan, and undoing and redoing a 10,000-task import.

Each run starts from fresh files. It times, through the undo service the window uses:
one edit of a task's notes (the write with its change capture, and taking its undo step),
undoing that edit, deleting a group with its tasks and undoing that, importing a
10,000-task Excel plan, then undoing the import, redoing it and undoing it again.
Prints the median of each over the runs.

With --server postgresql://superuser@host:port/postgres the same runs go to new databases
on that PostgreSQL server (the plan copied there, the import into a database `server init`
prepared); --without-capture then takes the history's triggers off and writes with no capture,
to show what recording the history and the undo step costs.
Run: python -m bench.journal [--runs N] [--tasks N] [--edits N] [--clock wall|cpu]
     [--server URL [--without-capture]]
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
) -> tuple[float, undo.UndoStep | None]:
    """The time an edit takes with taking its undo step, as the window does, and the step (None
    without a capture)."""
    started = clock()
    action()
    step = undo.last_step(store)
    return clock() - started, step


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
        if step is not None:
            edit_undo.append(_timed(clock, partial(undo.undo, store, step)))
    for number in range(max(1, count // 20)):
        group = groups[(number * 7) % len(groups)]
        seconds, step = _step(clock, partial(edits.delete_tasks, store, [group]), store)
        delete.append(seconds)
        if step is not None:
            delete_undo.append(_timed(clock, partial(undo.undo, store, step)))
    figures = {"edit_s": statistics.median(edit), "delete_group_s": statistics.median(delete)}
    if edit_undo:
        figures |= {
            "edit_undo_s": statistics.median(edit_undo),
            "delete_group_undo_s": statistics.median(delete_undo),
        }
    return figures


def _import(workbook: Path, store: PlanStore, clock: Callable[[], float]) -> dict[str, float]:
    """Times of importing the workbook into an empty plan, undoing, redoing and undoing again."""
    try:
        table = read_plan_table(workbook)
        match_units(store, table)
        figures = {"import_s": _timed(clock, lambda: import_table(store, table))}
        step = undo.last_step(store)
        if step is None:  # no capture: nothing to undo
            return figures
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


class _Server:
    """New databases on a PostgreSQL server, for the runs; dropped at the end."""

    def __init__(self, url: str, capture: bool) -> None:
        self.url = sa.make_url(url).set(drivername="postgresql+psycopg")
        self.capture = capture
        self.made: list[str] = []

    def _admin(self, *statements: str) -> None:
        engine = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def database(self, name: str) -> str:
        """A new, empty database's URL."""
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
        self.made.append(name)
        return self.url.set(database=name, drivername="postgresql").render_as_string(hide_password=False)

    def opened(self, url: str) -> PlanStore:
        """The plan at url, open for writing; without its history's triggers if asked."""
        from dxplanner.store import capture
        from dxplanner.store.server_store import open_server

        store = open_server(url)
        if not self.capture:
            capture.CAPTURES.pop("postgresql", None)
            with store.engine.begin() as connection:
                connection.exec_driver_sql("ALTER TABLE dx_history RENAME TO dx_history_off")
                connection.exec_driver_sql("CREATE VIEW dx_history AS SELECT * FROM dx_history_off")
                for (table,) in connection.exec_driver_sql(
                    "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                    "WHERE trigger_name = 'dx_history'"
                ).all():
                    connection.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER dx_history')
        return store

    def drop(self) -> None:
        for name in self.made:
            self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _file_run(folder: Path, run: int, workbook: Path, arguments: argparse.Namespace) -> dict[str, float]:
    clock = CLOCKS[arguments.clock]
    plan = folder / f"large{run}.dxplan"
    write_large_plan_file(plan, arguments.tasks)
    store = open_plan_file(plan)
    try:
        figures = _edits(store, arguments.edits, clock)
    finally:
        store.close()
    target = folder / f"imported{run}.dxplan"
    create_plan_file(target)
    store = open_plan_file(target)
    try:
        figures.update(_import(workbook, store, clock))
    finally:
        store.close()
    return figures


def _server_run(
    server: _Server, folder: Path, run: int, workbook: Path, arguments: argparse.Namespace
) -> dict[str, float]:
    from dxplanner.services.shared import copy_plan, init_server

    clock = CLOCKS[arguments.clock]
    plan = folder / f"large{run}.dxplan"
    write_large_plan_file(plan, arguments.tasks)
    edited = server.database(f"bench_edits_{run}")
    copy_plan(plan, edited)
    store = server.opened(edited)
    try:
        figures = _edits(store, arguments.edits, clock)
    finally:
        store.close()
    imported = server.database(f"bench_import_{run}")
    init_server(imported)
    store = server.opened(imported)
    try:
        figures.update(_import(workbook, store, clock))
    finally:
        store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--clock", choices=list(CLOCKS), default="wall")
    parser.add_argument("--server", metavar="URL", help="a PostgreSQL superuser's URL: run on that server")
    parser.add_argument("--without-capture", action="store_true", help="on the server: no history, no undo")
    arguments = parser.parse_args()
    runs: list[dict[str, float]] = []
    server = _Server(arguments.server, not arguments.without_capture) if arguments.server else None
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "plan.xlsx"
        write_large_plan(workbook, arguments.tasks)
        try:
            for run in range(arguments.runs):
                if server is None:
                    runs.append(_file_run(Path(folder), run, workbook, arguments))
                else:
                    runs.append(_server_run(server, Path(folder), run, workbook, arguments))
        finally:
            if server is not None:
                server.drop()
    where = "a plan file" if server is None else "the server" + ("" if server.capture else ", no capture")
    print(
        f"median of {len(runs)} runs on {where}, {arguments.tasks:,} tasks, {arguments.edits} edits a run "
        f"({arguments.clock} time):"
    )
    for key, label in LABELS.items():
        if key in runs[0]:
            print(f"  {label:<36}{statistics.median(run[key] for run in runs) * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
