"""Backups: taking one of a large plan file beside a plain file copy of it, and opening with the lock.

Prints medians of several runs: BackupShelf.take (SQLite's backup API, a temporary name, the tier
thinning) against shutil.copyfile of the same file (the floor: a file copy that is not safe on a
live database), and open_plan_file with its lock and leftover sweep against a bare SQLAlchemy
engine's first query. Run: python -m bench.backups [--tasks N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from bench.large_plan_file import write_large_plan_file
from dxplanner.store.backups import BackupReason, BackupShelf
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.sqlite_engine import create_sqlite_engine


def _median(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "large.dxplan"
        write_large_plan_file(plan, options.tasks)
        size_mb = plan.stat().st_size / 1e6
        shelf = BackupShelf(Path(folder) / "backups")
        moment = [datetime.datetime(2026, 1, 1)]

        def take() -> None:
            moment[0] += datetime.timedelta(minutes=10)
            shelf.take(plan, BackupReason.EDITING, moment[0], if_changed=False)

        def copy() -> None:
            shutil.copyfile(plan, Path(folder) / "plain-copy.dxplan")

        def open_locked() -> None:
            open_plan_file(plan).close()

        def open_bare() -> None:
            engine = create_sqlite_engine(plan)
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar()
            engine.dispose()

        backup = _median(options.runs, take)
        floor = _median(options.runs, copy)
        opened = _median(options.runs, open_locked)
        bare = _median(options.runs, open_bare)
    print(f"plan file: {options.tasks} tasks, {size_mb:.1f} MB; medians of {options.runs} runs")
    print(f"backup (backup API, temporary name, thinning) {backup:.3f} s")
    print(f"plain file copy (floor)                       {floor:.3f} s   ratio {backup / floor:.2f}")
    print(f"open for writing with lock and sweep          {opened * 1000:.1f} ms")
    print(f"bare engine and first query (floor)           {bare * 1000:.1f} ms   ratio {opened / bare:.2f}")


if __name__ == "__main__":
    main()
