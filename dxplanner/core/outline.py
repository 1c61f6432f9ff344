"""The order of a task tree as it is read (parents before children) and group roll-ups."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OutlineNode:
    """What the outline needs of one task."""

    id: int
    parent_id: int | None
    position: int
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    progress: float


@dataclass(frozen=True)
class OutlineRow:
    """A task in reading order, with its depth and its own or rolled-up dates and progress."""

    id: int
    depth: int
    has_children: bool
    start: datetime.date | None
    end: datetime.date | None
    progress: float


def outline(nodes: Iterable[OutlineNode], root_id: int | None = None) -> list[OutlineRow]:
    """The tasks below root_id (the whole plan when None) in reading order, with roll-ups.

    A task with children takes its span from the earliest start to the latest end
    below it, and its progress as the mean of its leaves weighted by their length.
    """
    by_id = {node.id: node for node in nodes}
    children: dict[int | None, list[OutlineNode]] = defaultdict(list)
    for node in by_id.values():
        # A parent outside the given nodes makes the node a root, so partial trees still read.
        parent = node.parent_id if node.parent_id in by_id else None
        children[parent].append(node)
    for siblings in children.values():
        siblings.sort(key=lambda node: (node.position, node.id))

    rolled: dict[int, tuple[datetime.date | None, datetime.date | None, float, float]] = {}

    def roll_up(node: OutlineNode) -> tuple[datetime.date | None, datetime.date | None, float, float]:
        # Iterative post-order would avoid recursion limits; trees here are a few levels deep.
        below = children.get(node.id, [])
        if not below:
            weight = _length(node.planned_start, node.planned_end)
            result = (node.planned_start, node.planned_end, node.progress * weight, weight)
        else:
            parts = [roll_up(child) for child in below]
            starts = [part[0] for part in parts if part[0] is not None]
            ends = [part[1] for part in parts if part[1] is not None]
            result = (
                min(starts) if starts else node.planned_start,
                max(ends) if ends else node.planned_end,
                sum(part[2] for part in parts),
                sum(part[3] for part in parts),
            )
        rolled[node.id] = result
        return result

    roots = children.get(None, []) if root_id is None else [by_id[root_id]] if root_id in by_id else []
    for root in roots:
        roll_up(root)

    rows: list[OutlineRow] = []
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        start, end, weighted, weight = rolled[node.id]
        below = children.get(node.id, [])
        progress = node.progress if not below else (weighted / weight if weight else 0.0)
        rows.append(OutlineRow(node.id, depth, bool(below), start, end, progress))
        stack.extend((child, depth + 1) for child in reversed(below))
    return rows


def _length(start: datetime.date | None, end: datetime.date | None) -> float:
    """A leaf's weight: its length in days, or one day when its dates are not known."""
    if start is None or end is None:
        return 1.0
    return float((end - start).days + 1)
