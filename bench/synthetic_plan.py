"""A large synthetic plan for benchmarks: groups of tasks with dates, progress and forward links."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from dxplanner.core.enums import DependencyType, TaskStatus
from dxplanner.core.rollup import TaskNode
from dxplanner.core.schedule import Link

START = datetime.date(2025, 1, 2)


@dataclass(frozen=True)
class SyntheticPlan:
    """Tasks (groups first, then their tasks) and links between tasks, as the engine takes them."""

    nodes: list[TaskNode]
    links: list[Link]

    @property
    def leaves(self) -> list[TaskNode]:
        """The tasks that are not groups."""
        groups = {node.parent_id for node in self.nodes if node.parent_id is not None}
        return [node for node in self.nodes if node.id not in groups]


def synthetic_plan(
    tasks: int = 10_000, group_size: int = 20, links: int = 15_000, seed: int = 7
) -> SyntheticPlan:
    """tasks tasks in groups of group_size, and links running forward in time (so no cycle)."""
    chance = random.Random(seed)
    nodes: list[TaskNode] = []
    groups = tasks // group_size
    next_id = 1
    leaf_ids: list[int] = []
    for group in range(groups):
        group_id = next_id
        next_id += 1
        nodes.append(TaskNode(group_id, None, group, None, None, 0.0))
        for position in range(group_size):
            offset = group * 3 + position * 2 + chance.randint(0, 10)
            start = START + datetime.timedelta(days=offset)
            end = start + datetime.timedelta(days=chance.randint(4, 40))
            progress = float(chance.choice([0, 0, 10, 25, 50, 80, 100]))
            status = TaskStatus.COMPLETED if progress == 100 else TaskStatus.IN_PROGRESS
            nodes.append(TaskNode(next_id, group_id, position, start, end, progress, status=status))
            leaf_ids.append(next_id)
            next_id += 1
    # Links agree with the planned dates, as in a real plan: the schedule keeps its length.
    dates = {node.id: (node.planned_start, node.planned_end) for node in nodes if node.parent_id is not None}
    kinds = [DependencyType.FS] * 7 + [DependencyType.SS, DependencyType.FF, DependencyType.SF]
    made: dict[tuple[int, int], Link] = {}
    while len(made) < links:
        later = chance.randint(1, len(leaf_ids) - 1)
        earlier = chance.randint(max(0, later - 120), later - 1)
        before, after = leaf_ids[earlier], leaf_ids[later]
        (start_a, end_a), (start_b, end_b) = dates[before], dates[after]
        assert start_a and end_a and start_b and end_b
        kind = chance.choice(kinds)
        room = {
            DependencyType.FS: (start_b - end_a).days - 1,
            DependencyType.SS: (start_b - start_a).days,
            DependencyType.FF: (end_b - end_a).days,
            DependencyType.SF: (end_b - start_a).days,
        }[kind]
        if room < 0 or (before, after) in made:
            continue
        # A lag that fits in the gap (counted loosely: weekends take two days in seven).
        made[(before, after)] = Link(before, after, kind, chance.randint(0, max(0, room * 5 // 7 - 2)))
    return SyntheticPlan(nodes, [made[pair] for pair in sorted(made)])
