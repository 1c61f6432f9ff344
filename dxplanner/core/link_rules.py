"""Whether linked tasks' dates keep their links: what refuses a move that would break a dependency."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping

from dxplanner.core.enums import DependencyType
from dxplanner.core.links import ancestors
from dxplanner.core.rollup import Rolled, TaskNode, roll_up
from dxplanner.core.schedule import Link
from dxplanner.core.workdays import WorkCalendar


def _moments(rolled: Rolled, milestone: bool, calendar: WorkCalendar) -> tuple[int, int] | None:
    """The working-day index a task starts at and the one it finishes before (as the scheduler counts)."""
    if rolled.start is None or rolled.end is None:
        return None
    finish = calendar.index_on_or_before(rolled.end) + 1
    # A milestone is the moment its day ends: it starts and finishes then.
    start = finish if milestone else calendar.index_on_or_after(rolled.start)
    return start, finish


def link_holds(
    link: Link,
    spans: Mapping[int, Rolled],
    milestones: Mapping[int, bool],
    calendar: WorkCalendar,
) -> bool:
    """Whether the two tasks' dates respect the link (a link to an undated task always holds)."""
    before = spans.get(link.predecessor)
    after = spans.get(link.successor)
    if before is None or after is None:
        return True
    first = _moments(before, milestones.get(link.predecessor, False), calendar)
    second = _moments(after, milestones.get(link.successor, False), calendar)
    if first is None or second is None:
        return True
    (first_start, first_finish), (second_start, second_finish) = first, second
    if link.type is DependencyType.FS:
        return second_start >= first_finish + link.lag
    if link.type is DependencyType.SS:
        return second_start >= first_start + link.lag
    if link.type is DependencyType.FF:
        return second_finish >= first_finish + link.lag
    return second_finish >= first_start + link.lag


def broken_links(links: Iterable[Link], nodes: Iterable[TaskNode], calendar: WorkCalendar) -> list[Link]:
    """The links the tasks' planned dates (a group's: the span of what it holds) do not keep now."""
    node_list = list(nodes)
    spans = roll_up(node_list, _even)
    milestones = {node.id: node.is_milestone for node in node_list}
    return [link for link in links if not link_holds(link, spans, milestones, calendar)]


def _even(_node: TaskNode) -> float:
    """Spans do not depend on weights: weigh every task alike."""
    return 1.0


def broken_by_move(
    task_id: int,
    start: datetime.date | None,
    end: datetime.date | None,
    nodes: Iterable[TaskNode],
    links: Iterable[Link],
    calendar: WorkCalendar,
) -> list[Link]:
    """The links that hold now and would not once the task had the new dates (its groups' spans included).

    Links already broken before the move are not its fault, so they do not refuse it.
    """
    node_list = list(nodes)
    by_id = {node.id: node for node in node_list}
    if task_id not in by_id:
        return []
    parent_of = {node.id: node.parent_id for node in node_list}
    moved = {task_id, *ancestors(task_id, parent_of)}
    relevant = [link for link in links if link.predecessor in moved or link.successor in moved]
    if not relevant:
        return []
    milestones = {node.id: node.is_milestone for node in node_list}
    now = roll_up(node_list, _even)
    changed = dataclasses.replace(by_id[task_id], planned_start=start, planned_end=end)
    later = roll_up([changed if node.id == task_id else node for node in node_list], _even)
    return [
        link
        for link in relevant
        if link_holds(link, now, milestones, calendar) and not link_holds(link, later, milestones, calendar)
    ]
