"""Group roll-ups: a group spans its children and its progress is their weighted mean.

A task that has sub-tasks may also hold work of its own (issue 15's decision, see
`has_own_work`): a project at 35% that a user breaks down further keeps its 35% as
its own share, rolled up with its sub-tasks' work and weighed like any task's, so
that no figure silently changes meaning when the tree is reshaped.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from dxplanner.core.enums import TaskStatus
from dxplanner.core.workdays import WorkCalendar


@dataclass(frozen=True)
class TaskNode:
    """What a roll-up needs of one task."""

    id: int
    parent_id: int | None
    position: int
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    progress: float
    # A milestone takes no time: what follows it may start the same day.
    is_milestone: bool = False
    status: TaskStatus = TaskStatus.NOT_STARTED
    # A heading ("I.", "II.": kind group) only gathers its tasks; it holds no work of its own.
    is_heading: bool = False


def has_own_work(node: TaskNode) -> bool:
    """Whether a task holds work of its own beside its sub-tasks' (for a leaf, all its work is its own).

    The decision of issue 15: a task (not a heading) whose own progress was reported keeps
    it once tasks are put under it. Its own share rolls up with its sub-tasks' work, weighed
    like any task (its own working days, or its own budget lines), with its own dates in its
    span and its own dates scheduled on the critical path. A heading, or a task with nothing
    of its own done yet, is only the sum of its parts, as a plain outline is. Whatever its
    kind, a task's own budget lines always count in its total (see `money_rolled`).
    """
    return not node.is_heading and (node.progress > 0 or node.status is TaskStatus.COMPLETED)


def work_items(nodes: Iterable[TaskNode]) -> set[int]:
    """The tasks that stand for work of their own: every leaf, and every parent with its own share.

    The views that count tasks (the dashboard's units, the report's summary, the sheet's
    count of late tasks) count these, each once.
    """
    node_list = list(nodes)
    parents = {node.parent_id for node in node_list}
    return {node.id for node in node_list if node.id not in parents or has_own_work(node)}


def money_rolled(nodes: Iterable[TaskNode], own: Mapping[int, int]) -> dict[int, int]:
    """Every task's money: its own budget lines and those of every task below it, none left out."""
    _by_id, children = children_by_parent(nodes)
    totals: dict[int, int] = {}
    for node_id in post_order(children):
        totals[node_id] = own.get(node_id, 0) + sum(totals[child.id] for child in children.get(node_id, []))
    return totals


@dataclass(frozen=True)
class Rolled:
    """A task's own values (a leaf) or the values rolled up from below it (a group)."""

    start: datetime.date | None
    end: datetime.date | None
    progress: float
    weight: float


Weight = Callable[[TaskNode], float]


def by_working_days(calendar: WorkCalendar) -> Weight:
    """Weigh a leaf by its working days (one day when it has no dates, so it still counts)."""

    def weight(node: TaskNode) -> float:
        if node.planned_start is None or node.planned_end is None:
            return 1.0
        return float(max(1, calendar.working_days(node.planned_start, node.planned_end)))

    return weight


def by_budget(planned_by_task: Mapping[int, int]) -> Weight:
    """Weigh a leaf by the money planned for it (a plan's choice: a costly task counts more)."""
    return lambda node: float(planned_by_task.get(node.id, 0))


def children_by_parent(
    nodes: Iterable[TaskNode],
) -> tuple[dict[int, TaskNode], dict[int | None, list[TaskNode]]]:
    """The nodes by id, and each parent's children in position order (orphans count as top level)."""
    by_id = {node.id: node for node in nodes}
    children: dict[int | None, list[TaskNode]] = defaultdict(list)
    for node in by_id.values():
        children[node.parent_id if node.parent_id in by_id else None].append(node)
    for siblings in children.values():
        siblings.sort(key=lambda node: (node.position, node.id))
    return by_id, children


Tree = tuple[dict[int, TaskNode], dict[int | None, list[TaskNode]]]


def roll_up(
    nodes: Iterable[TaskNode], weight: Weight, tree: Tree | None = None, order: Sequence[int] | None = None
) -> dict[int, Rolled]:
    """Every task's span and progress; a group's from its leaves, weighted by weight.

    A completed leaf counts as 100% and a cancelled one does not count. When a
    group's leaves all weigh nothing (no budget anywhere), its progress is their
    plain mean, so that a group is never shown 0% just for lack of money. A
    parent with work of its own (`has_own_work`) counts that share as one more leaf.
    `tree`, when given, is children_by_parent(nodes), and `order` its post_order (to work them out once).
    """
    by_id, children = tree if tree is not None else children_by_parent(nodes)
    rolled: dict[int, Rolled] = {}
    # Plain means, for groups whose weights are all zero: (sum of progress, number of leaves).
    counts: dict[int, tuple[float, int]] = {}
    for node_id in order if order is not None else post_order(children):
        node = by_id[node_id]
        below = children.get(node_id)
        if not below:
            rolled[node_id], counts[node_id] = _own_share(node, weight)
            continue
        parts = [rolled[child.id] for child in below]
        tallies = [counts[child.id] for child in below]
        if has_own_work(node):  # (a group's own share is weighed only when it has one)
            own, own_count = _own_share(node, weight)
            parts.append(own)
            tallies.append(own_count)
        starts = [part.start for part in parts if part.start is not None]
        ends = [part.end for part in parts if part.end is not None]
        total = sum(part.weight for part in parts)
        progress_sum = sum(tally[0] for tally in tallies)
        leaves = sum(tally[1] for tally in tallies)
        counts[node_id] = (progress_sum, leaves)
        if total > 0:
            progress = sum(part.progress * part.weight for part in parts) / total
        else:
            progress = progress_sum / leaves if leaves else 0.0
        rolled[node_id] = Rolled(
            min(starts) if starts else node.planned_start,
            max(ends) if ends else node.planned_end,
            progress,
            total,
        )
    return rolled


def _own_share(node: TaskNode, weight: Weight) -> tuple[Rolled, tuple[float, int]]:
    """A task's own work as a leaf of the roll-up, and its (progress, count) for plain means."""
    cancelled = node.status is TaskStatus.CANCELLED
    progress = 100.0 if node.status is TaskStatus.COMPLETED else node.progress
    own = Rolled(node.planned_start, node.planned_end, progress, 0.0 if cancelled else weight(node))
    return own, ((0.0, 0) if cancelled else (progress, 1))


def post_order(children: Mapping[int | None, list[TaskNode]]) -> list[int]:
    """Children before their parents, without recursion (plans can nest deeply)."""
    order: list[int] = []
    stack: list[tuple[int, bool]] = [(node.id, False) for node in reversed(children.get(None, []))]
    while stack:
        node_id, expanded = stack.pop()
        if expanded:
            order.append(node_id)
            continue
        stack.append((node_id, True))
        stack.extend((child.id, False) for child in reversed(children.get(node_id, [])))
    return order
