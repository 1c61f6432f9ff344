"""The order of a task tree as it is read (parents before children), with group roll-ups."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from dxplanner.core.rollup import TaskNode, Weight, by_working_days, children_by_parent, roll_up
from dxplanner.core.workdays import vietnam_calendar


@dataclass(frozen=True)
class OutlineRow:
    """A task in reading order, with its depth and its own or rolled-up dates and progress."""

    id: int
    depth: int
    has_children: bool
    start: datetime.date | None
    end: datetime.date | None
    progress: float


def outline(
    nodes: Iterable[TaskNode], root_id: int | None = None, weight: Weight | None = None
) -> list[OutlineRow]:
    """The tasks below root_id (the whole plan when None) in reading order, with roll-ups.

    Groups take their span from the tasks below them and their progress as the
    mean of their leaves weighted by working days (or by `weight`).
    """
    node_list = list(nodes)
    by_id, children = children_by_parent(node_list)
    rolled = roll_up(node_list, weight or by_working_days(vietnam_calendar()))
    roots = children.get(None, []) if root_id is None else [by_id[root_id]] if root_id in by_id else []
    rows: list[OutlineRow] = []
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        below = children.get(node.id, [])
        values = rolled[node.id]
        rows.append(OutlineRow(node.id, depth, bool(below), values.start, values.end, values.progress))
        stack.extend((child, depth + 1) for child in reversed(below))
    return rows
