"""The planning engine on a large plan: critical path, group roll-up and status of every task.

Builds 10,000 tasks in groups of 20 with 15,000 links and prints the median time of each
step over several runs, and their sum (the budget is 0.3 s together). Run: python bench/engine.py
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

from bench.synthetic_plan import synthetic_plan
from dxplanner.core.rollup import by_working_days, roll_up
from dxplanner.core.schedule import critical_path
from dxplanner.core.status import health_of_all
from dxplanner.core.workdays import WorkCalendar

AS_OF = datetime.date(2025, 9, 30)
T = TypeVar("T")


def median_seconds(step: Callable[[], T], runs: int) -> tuple[float, T]:
    """The median time of step over runs, and what it returned the last time."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--links", type=int, default=15_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()

    plan = synthetic_plan(options.tasks, 20, options.links)
    calendar = WorkCalendar()
    calendar.working_days(datetime.date(2024, 1, 1), datetime.date(2028, 12, 31))  # lay out the years once
    weight = by_working_days(calendar)

    path_time, timings = median_seconds(lambda: critical_path(plan.nodes, plan.links, calendar), options.runs)
    rollup_time, _rolled = median_seconds(lambda: roll_up(plan.nodes, weight), options.runs)
    status_time, _states = median_seconds(
        lambda: health_of_all(plan.nodes, AS_OF, calendar, weight), options.runs
    )

    critical = sum(1 for timing in timings.values() if timing.critical)
    total = path_time + rollup_time + status_time
    groups = len(plan.nodes) - len(plan.leaves)
    print(f"plan: {len(plan.leaves)} tasks in {groups} groups, {len(plan.links)} links")
    print(f"median of {options.runs} runs:")
    rows = [
        (f"critical path ({critical} critical tasks)", path_time),
        ("roll-up of groups", rollup_time),
        (f"status of every task as of {AS_OF}", status_time),
        ("all three (budget 300 ms)", total),
    ]
    for label, seconds in rows:
        print(f"  {label:<44} {seconds * 1000:7.1f} ms")
    print(f"  share of the budget used: {total / 0.3:.2f}")


if __name__ == "__main__":
    main()
