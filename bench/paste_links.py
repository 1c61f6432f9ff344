"""Pasting a copied group with the links between its tasks into a plan of 10,000 tasks.

A copied group comes back with its tasks and the links between them (the sheet's Ctrl+C,
Ctrl+V). Each run pastes, into a fresh copy of the same large plan file, a group of N - 1 tasks
chained by N - 2 links, as rows copied in the sheet (levels, each task's own values), and the
same rows without links (the floor: what the links add is the difference). Checked one link at
a time, every link read and scheduled the whole plan: with --rows 20 (19 links), this bench on
the code of commit 7276c75 took 7.5 s for the links and rows, 0.09 s for the rows alone.
Prints medians of clock and CPU time.
Run: python -m bench.paste_links [--runs N] [--rows N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench.large_plan_file import write_large_plan_file
from dxplanner.store.operations.paste import PasteField, paste_tasks
from dxplanner.store.plan_file import open_plan_file

COLUMNS = [PasteField.NAME, PasteField.START, PasteField.END]


def paste_once(template: Path, target: Path, rows: int, linked: bool) -> tuple[float, float]:
    """Paste the rows (chained by links when linked) into a fresh copy of the plan: (clock, CPU) seconds."""
    shutil.copyfile(template, target)
    store = open_plan_file(target)
    try:
        with store.read() as session:
            plan_id = session.connection().execute(sa.text("SELECT min(id) FROM action_plan")).scalar_one()
        pasted = [["Nhóm nhiệm vụ", "", ""]]
        pasted += [[f"Nhiệm vụ {number}", "03/02/2025", "28/03/2025"] for number in range(1, rows)]
        levels = [0] + [1] * (rows - 1)
        # Rows from 1: the group is row 1; its tasks, rows 2 to N, each waits for the one above.
        links = [(number, number + 1, "SS", 0) for number in range(2, rows)] if linked else []
        started, processor = time.perf_counter(), time.process_time()
        paste_tasks(store, plan_id, COLUMNS, pasted, levels=levels, links=links, copied=True)
        return time.perf_counter() - started, time.process_time() - processor
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=500)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "plan.dxplan"
        print(f"plan file: {write_large_plan_file(template)}")
        timings: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
        for run in range(arguments.runs):
            for linked in (False, True):  # alternating, so that both meet the same load
                timings[linked].append(
                    paste_once(template, Path(folder) / f"run{run}.dxplan", arguments.rows, linked)
                )
    print(f"median of {arguments.runs} runs, {arguments.rows} rows:")
    for linked, label in ((False, "rows alone (the floor)"), (True, f"rows and {arguments.rows - 2} links")):
        clock = statistics.median(timing[0] for timing in timings[linked])
        cpu = statistics.median(timing[1] for timing in timings[linked])
        print(f"  {label:<28} {clock * 1000:7.0f} ms  CPU {cpu * 1000:7.0f} ms")
    ratio = statistics.median(t[0] for t in timings[True]) / statistics.median(t[0] for t in timings[False])
    print(f"  links and rows / rows alone {ratio:7.2f}")


if __name__ == "__main__":
    main()
