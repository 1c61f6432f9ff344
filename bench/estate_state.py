"""The estate on a day at 300 and 1,000 elements: the map's data and the estate's figures.

Prints medians of reading the demo's estate map (as is, and at the end of its last plan) and
the estate figures an indicator is offered, on the demo (about 320 elements) and on the demo
grown to about 1,000 elements (more procedures, each raised by a task), beside the budget
(0.1 s: the map view's 0.5 s leaves the rest to drawing).
Run: python -m bench.estate_state [--runs N]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from dxplanner.core.models import PublicService, Task, TaskEffect
from dxplanner.services.estate_view import estate_map, to_be_date
from dxplanner.store.demo import load_demo
from dxplanner.store.estate_measures import measured_figures
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.queries import table

BUDGET_S = 0.1
TODAY = datetime.date(2026, 11, 15)


def grow(store: PlanStore, services: int) -> None:
    """Add procedures served by the province's system, each raised to full-process online by a task."""
    if services == 0:
        return
    with store.write() as session:
        connection = session.connection()
        service, task, effect = table(PublicService), table(Task), table(TaskEffect)
        first = connection.execute(sa.select(sa.func.max(service.c.id))).scalar_one() + 1
        tasks = connection.execute(sa.select(task.c.id).where(task.c.kind != "group")).scalars().all()
        connection.execute(
            sa.insert(service),
            [
                {"id": first + number, "name": f"Thủ tục {number}", "level": "partial_online", "version": 1}
                for number in range(services)
            ],
        )
        connection.execute(
            sa.insert(effect),
            [
                {
                    "task_id": tasks[number % len(tasks)],
                    "effect": "raises_level",
                    "service_id": first + number,
                    "service_level": "full_process_online",
                    "version": 1,
                }
                for number in range(services)
            ],
        )


def median_s(work: object, runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(store: PlanStore, to_be: datetime.date, runs: int) -> tuple[float, float, float]:
    """The medians of the map as is, the map to be, and the figures to be."""

    def figures() -> None:
        with store.read() as session:
            measured_figures(session, to_be, TODAY)

    return (
        median_s(lambda: estate_map(store, TODAY, today=lambda: TODAY), runs),
        median_s(lambda: estate_map(store, to_be, today=lambda: TODAY), runs),
        median_s(figures, runs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = create_plan_file(Path(folder) / "estate.dxplan", fill=load_demo)
        store = open_plan_file(path)
        try:
            for extra in (0, 680):
                grow(store, extra)
                size = len(estate_map(store, TODAY, today=lambda: TODAY).elements)
                as_is, later, measured = measure(store, to_be_date(store, 6), runs)
                print(
                    f"{size} elements: map as is {as_is:.3f} s, to be {later:.3f} s, figures {measured:.3f} s"
                )
                print(f"  budget {BUDGET_S:.3f} s: {'within' if max(as_is, later) <= BUDGET_S else 'OVER'}")
        finally:
            store.close()


if __name__ == "__main__":
    main()
