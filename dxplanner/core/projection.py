"""One plan as every view shows it: reading order, numbers, roll-ups and each task's standing on a day.

The sheet, the Gantt chart, the progress report and the dashboard all show the same
figures of a task, so they all take them from here rather than each rolling the tree
up its own way: they read rows from the store and pass them to `project_plan`.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from dxplanner.core.rollup import (
    Rolled,
    TaskNode,
    Weight,
    by_working_days,
    children_by_parent,
    has_own_work,
    post_order,
    roll_up,
)
from dxplanner.core.status import Health, health_of_all, planned_progress
from dxplanner.core.task_numbers import NumberedTask, task_numbers
from dxplanner.core.workdays import WorkCalendar

Codes = Mapping[int, str | None]


@dataclass(frozen=True)
class ProjectedTask:
    """A task as every view shows it on one day: its place, its own and rolled figures, its standing."""

    node: TaskNode  # its own dates, progress and stated status, as stored
    parent: int | None  # the row it is shown under (None at the top, as for a task whose parent is gone)
    depth: int
    # The number (STT) it shows: its own code, else the one its place gives it (None when the
    # plan was projected without its codes: the dashboard shows no numbers).
    number: str | None
    has_children: bool
    start: datetime.date | None  # its own dates, or for a group the span of everything below it
    end: datetime.date | None
    progress: float  # its own, or for a group the weighted mean of its work
    weight: float  # what it weighs in its parent's progress
    health: Health
    days_late: int  # days past its (rolled) end, when it is late

    @property
    def id(self) -> int:
        """The task's id."""
        return self.node.id

    @property
    def own_work(self) -> bool:
        """Whether a task with sub-tasks also holds work of its own (see rollup.has_own_work)."""
        return self.has_children and has_own_work(self.node)

    @property
    def counts_as_task(self) -> bool:
        """Whether the views count it as a task: a leaf, or a group with work of its own."""
        return not self.has_children or has_own_work(self.node)

    @property
    def is_milestone(self) -> bool:
        """Whether it is drawn as a milestone: a milestone with nothing below it."""
        return self.node.is_milestone and not self.has_children


@dataclass(frozen=True)
class PlanProjection:
    """Every task of a plan (or of several plans) in reading order, as it stands on as_of."""

    as_of: datetime.date
    calendar: WorkCalendar
    weight: Weight = dataclasses.field(compare=False)  # a function: two equal ones are not the same object
    codes: Codes | None  # the numbers tasks were given; None: not numbered
    tasks: Mapping[int, ProjectedTask]  # in reading order: parents before children, siblings by position
    children: Mapping[int | None, tuple[int, ...]]  # each row's rows below it (None: the top rows)

    def __iter__(self) -> Iterator[ProjectedTask]:
        return iter(self.tasks.values())

    def __len__(self) -> int:
        return len(self.tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.tasks

    def __getitem__(self, task_id: int) -> ProjectedTask:
        return self.tasks[task_id]

    def get(self, task_id: int) -> ProjectedTask | None:
        """The task with this id, if the plan has it."""
        return self.tasks.get(task_id)

    def order(self) -> list[int]:
        """Every task's id in reading order."""
        return list(self.tasks)

    def work(self) -> list[ProjectedTask]:
        """The tasks that stand for work, each once: leaves, and groups with work of their own."""
        return [task for task in self.tasks.values() if task.counts_as_task]

    def nodes(self) -> list[TaskNode]:
        """Every task's own values, in reading order."""
        return [task.node for task in self.tasks.values()]

    def planned(self, task_id: int) -> float | None:
        """The share of a task's (rolled) working days gone by as_of, in percent (None without dates).

        Worked out when asked: few views show it, and it costs two calendar look-ups a task.
        """
        task = self.tasks[task_id]
        return planned_progress(task.start, task.end, self.as_of, self.calendar)

    def whole(self) -> Rolled:
        """The whole plan as one group over its top rows: its span and progress, rolled up as a group's.

        A strategy's chart shows each plan so, and it is the share of work done the dashboard
        gives the plan on its day (when every task has dates).
        """
        if not self.tasks:
            return Rolled(None, None, 0.0, 0.0)
        plan = min(self.tasks) - 1  # an id no task has
        tops = set(self.children.get(None, ()))
        nodes = [TaskNode(plan, None, 0, None, None, 0.0, is_heading=True)]
        nodes += [
            dataclasses.replace(task.node, parent_id=plan) if task.id in tops else task.node for task in self
        ]
        return roll_up(nodes, self.weight)[plan]

    def updated(self, nodes: Iterable[TaskNode], codes: Codes | None = None) -> PlanProjection:
        """The projection once some tasks' own values (and maybe codes) changed, on the same day.

        Only the top rows' branches that hold a changed task are rolled up again, so an edit
        on a large plan costs its branch, not the plan. A task that changed its place reshapes
        the outline, and the whole plan is projected again.
        """
        fresh = {node.id: node for node in nodes if node.id in self.tasks}
        # New codes renumber the plan, when it is numbered at all.
        known = self.codes
        merged = known if known is None or codes is None else {**known, **codes}
        if any(
            (node.parent_id, node.position)
            != (self.tasks[node.id].node.parent_id, self.tasks[node.id].node.position)
            for node in fresh.values()
        ):
            every = [fresh.get(task.id, task.node) for task in self.tasks.values()]
            return project_plan(every, self.calendar, self.as_of, self.weight, merged)
        tops = set()
        for task_id in fresh:
            current = self.tasks[task_id]
            while current.parent is not None:
                current = self.tasks[current.parent]
            tops.add(current.id)
        branch: list[TaskNode] = []
        pending = sorted(tops)
        while pending:
            task_id = pending.pop()
            branch.append(fresh.get(task_id, self.tasks[task_id].node))
            pending.extend(self.children.get(task_id, ()))
        rolled = roll_up(branch, self.weight)
        health = health_of_all(branch, self.as_of, self.calendar, self.weight, rolled=rolled)
        renumbered = known is not None and any(known.get(key) != code for key, code in (codes or {}).items())
        numbers = (
            _numbers((fresh.get(task.id, task.node) for task in self), merged or {}) if renumbered else None
        )
        # A copy with the branch's tasks replaced, in place: the reading order stays the dict's order.
        # (Building it task by task cost 3 ms of every edit on a 10,000-task plan.)
        tasks = dict(self.tasks)
        for task_id in rolled.keys() & tasks.keys():
            task = tasks[task_id]
            node = fresh.get(task_id, task.node)
            place = (task.parent, task.depth, task.number, task.has_children)
            tasks[task_id] = _projected(node, *place, rolled[task_id], health[task_id], self.as_of)
        if numbers is not None:
            for task_id, task in tasks.items():
                if numbers.get(task_id) != task.number:
                    tasks[task_id] = dataclasses.replace(task, number=numbers[task_id])
        return dataclasses.replace(self, codes=merged, tasks=tasks)


def project_plan(
    nodes: Iterable[TaskNode],
    calendar: WorkCalendar,
    as_of: datetime.date,
    weight: Weight | None = None,
    codes: Codes | None = None,
) -> PlanProjection:
    """Every task in reading order with its number, its rolled dates and progress, and its standing.

    A group spans the tasks below it and its progress is the mean of its work weighted by
    `weight` (working days by default; see rollup.roll_up); its standing comes from those
    (see status.health_of_all). `codes` are the numbers tasks were given: a task without
    one is numbered by its place; without `codes`, no task is numbered. A task whose parent
    is not among the nodes is a top row.
    """
    node_list = list(nodes)
    weigh = weight or by_working_days(calendar)
    tree = children_by_parent(node_list)
    _by_id, children = tree
    # One tree, walked children first once, for the roll-up and the standings (as status.standings).
    order = post_order(children)
    rolled = roll_up(node_list, weigh, tree=tree, order=order)
    health = health_of_all(node_list, as_of, calendar, weigh, rolled=rolled, tree=tree, order=order)
    given = dict(codes) if codes is not None else None
    numbers = _numbers(node_list, given) if given is not None else {}
    tasks: dict[int, ProjectedTask] = {}
    stack: list[tuple[TaskNode, int | None, int]] = [
        (node, None, 0) for node in reversed(children.get(None, []))
    ]
    while stack:
        node, parent, depth = stack.pop()
        below = children.get(node.id, [])
        place = (parent, depth, numbers.get(node.id), bool(below))
        tasks[node.id] = _projected(node, *place, rolled[node.id], health[node.id], as_of)
        stack.extend((child, node.id, depth + 1) for child in reversed(below))
    shape = {parent: tuple(child.id for child in below) for parent, below in children.items()}
    shape.setdefault(None, ())
    return PlanProjection(as_of, calendar, weigh, given, tasks, shape)


def _numbers(nodes: Iterable[TaskNode], codes: Codes) -> dict[int, str]:
    return task_numbers(
        NumberedTask(node.id, node.parent_id, node.position, codes.get(node.id)) for node in nodes
    )


def _projected(
    node: TaskNode,
    parent: int | None,
    depth: int,
    number: str | None,
    has_children: bool,
    rolled: Rolled,
    health: Health,
    as_of: datetime.date,
) -> ProjectedTask:
    late = (as_of - rolled.end).days if health is Health.LATE and rolled.end is not None else 0
    return ProjectedTask(
        node=node,
        parent=parent,
        depth=depth,
        number=number,
        has_children=has_children,
        start=rolled.start,
        end=rolled.end,
        progress=rolled.progress,
        weight=rolled.weight,
        health=health,
        days_late=max(0, late),
    )
