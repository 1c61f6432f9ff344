"""A large strategy in a plan file: the 10,000-task plan with goals, 60 indicators and reports."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import sqlalchemy as sa

from bench.large_plan_file import write_large_plan_file
from dxplanner.core.enums import Area, Direction, Pillar, TaskStatus
from dxplanner.core.models import (
    ActionPlan,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ProgressReport,
    Strategy,
    Task,
    TaskGoal,
)
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.queries import table

GOALS = 20
INDICATORS = 60
FIRST_YEAR, LAST_YEAR = 2025, 2029


def write_strategy_file(path: Path, tasks: int = 10_000) -> dict[str, int]:
    """Write the large plan and hang it under a 2025-2029 strategy with indicators and progress reports."""
    counts = write_large_plan_file(path, tasks)
    store = open_plan_file(path)
    try:
        # Straight inserts: test data made in seconds rather than through thousands of operations.
        with store.engine.begin() as connection:
            counts.update(_add_strategy(connection))
    finally:
        store.close()
    return counts


def _add_strategy(connection: sa.Connection) -> dict[str, int]:
    chance = random.Random(7)
    connection.execute(
        sa.insert(table(Strategy)),
        [{"id": 1, "name": "Chiến lược chuyển đổi số tỉnh 2025-2029", "unit_id": 1,
          "start_year": FIRST_YEAR, "end_year": LAST_YEAR}],
    )  # fmt: skip
    connection.execute(sa.update(table(ActionPlan)).values(strategy_id=1))
    pillars, areas = list(Pillar), list(Area)
    goals = [
        {"id": number, "strategy_id": 1, "position": number, "code": f"MT{number}",
         "text": f"Mục tiêu {number}", "pillar": pillars[number % 3], "area": areas[number % len(areas)]}
        for number in range(1, GOALS + 1)
    ]  # fmt: skip
    connection.execute(sa.insert(table(Goal)), goals)
    indicators, targets, values = [], [], []
    for number in range(1, INDICATORS + 1):
        indicators.append(
            {"id": number, "goal_id": (number - 1) % GOALS + 1, "code": f"CT{number:02d}",
             "name": f"Chỉ tiêu {number}", "measure_unit": "%", "direction": Direction.INCREASE}
        )  # fmt: skip
        start = chance.uniform(10, 50)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            goal = start + (year - FIRST_YEAR + 1) * chance.uniform(5, 12)
            targets.append({"indicator_id": number, "year": year, "value": round(goal, 1)})
            for quarter in range(4):
                day = datetime.date(year, 3 * quarter + 3, 28)
                values.append(
                    {
                        "indicator_id": number,
                        "as_of": day,
                        "value": round(goal * chance.uniform(0.7, 1.05), 1),
                    }
                )
    connection.execute(sa.insert(table(Indicator)), indicators)
    connection.execute(sa.insert(table(IndicatorTarget)), targets)
    connection.execute(sa.insert(table(IndicatorValue)), values)
    task = table(Task)
    rows = connection.execute(
        sa.select(task.c.id, task.c.parent_id, task.c.planned_start, task.c.planned_end)
    ).all()
    parents = {parent for _id, parent, _start, _end in rows if parent is not None}
    reports, links = [], []
    for task_id, parent, start, end in rows:
        if parent is None:
            links.append({"task_id": task_id, "goal_id": chance.randint(1, GOALS)})
        if task_id in parents or start is None or end is None:
            continue
        # A report each month from the start: progress climbing towards the end, a little behind.
        day, progress = start, 0.0
        span = max(1, (end - start).days)
        while day <= min(end, datetime.date(LAST_YEAR, 12, 31)):
            progress = min(100.0, 100.0 * (day - start).days / span * chance.uniform(0.6, 1.0))
            reports.append({"task_id": task_id, "as_of": day, "progress": round(progress, 1),
                            "status": TaskStatus.IN_PROGRESS})  # fmt: skip
            day += datetime.timedelta(days=30)
    connection.execute(sa.insert(table(TaskGoal)), links)
    connection.execute(sa.insert(table(ProgressReport)), reports)
    return {
        "goals": len(goals),
        "indicators": len(indicators),
        "targets": len(targets),
        "values": len(values),
        "progress reports": len(reports),
    }
