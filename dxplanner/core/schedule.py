"""The critical path: earliest and latest dates of every task through its links, in working days.

Each task is held as the working-day index of its start; its finish is start +
duration. A link is a lower bound on the successor's start:

    FS  start(s) >= start(p) + dur(p) + lag      SS  start(s) >= start(p) + lag
    FF  start(s) >= start(p) + dur(p) + lag - dur(s)
    SF  start(s) >= start(p) + lag - dur(s)

A task's own planned start is a lower bound too, so a task without links keeps
its dates. A link to or from a group applies to every task inside the group,
and to the group's own work when it has some (see rollup.has_own_work): a
project broken into sub-tasks keeps its own dates in the schedule.
The forward pass gives the earliest starts, the backward pass (from the finish
of the whole plan) the latest; slack is their difference, and tasks without
slack are critical. Tasks without dates are not scheduled and do not constrain.
"""

from __future__ import annotations

import datetime
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from dxplanner.core.enums import DependencyType
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.rollup import TaskNode, children_by_parent, has_own_work
from dxplanner.core.workdays import WorkCalendar
from dxplanner.i18n import _


@dataclass(frozen=True)
class Link:
    """A dependency as the scheduler needs it."""

    predecessor: int
    successor: int
    type: DependencyType = DependencyType.FS
    lag: int = 0  # working days; negative is a lead


@dataclass(frozen=True)
class Timing:
    """When a task can start and finish at the earliest and latest, and its slack in working days."""

    early_start: datetime.date
    early_finish: datetime.date
    late_start: datetime.date
    late_finish: datetime.date
    slack: int

    @property
    def critical(self) -> bool:
        """Whether any delay to the task delays the whole plan."""
        return self.slack <= 0


class ScheduleCycleError(InvalidInputError):
    """The links go round in a circle, so no order of work satisfies them."""


def critical_path(
    tasks: Iterable[TaskNode],
    links: Iterable[Link],
    calendar: WorkCalendar,
    name_of: Callable[[int], str] = str,
) -> dict[int, Timing]:
    """The timing of every dated task; groups get the span and least slack of the tasks inside."""
    by_id, children = children_by_parent(tasks)
    leaves_of = _leaves(by_id, children)
    # What is scheduled: the leaves, and the own work of parents that have some.
    leaves = [node_id for node_id in by_id if not children.get(node_id) or has_own_work(by_id[node_id])]
    graph = _Graph(leaves)
    for node_id in leaves:
        node = by_id[node_id]
        if node.planned_start is not None and node.planned_end is not None:
            if node.is_milestone:
                # A milestone is the moment its day ends, like a task finishing that day.
                graph.release[node_id] = calendar.index_on_or_before(node.planned_end) + 1
                graph.duration[node_id] = 0
            else:
                start = calendar.index_on_or_after(node.planned_start)
                last = calendar.index_on_or_before(node.planned_end)
                # A task lying only on days off still takes a day when it is done.
                graph.release[node_id] = start
                graph.duration[node_id] = max(1, last - start + 1)
    for link in links:
        if link.predecessor in by_id and link.successor in by_id:
            graph.add_link(
                link,
                leaves_of.get(link.predecessor, [link.predecessor]),
                leaves_of.get(link.successor, [link.successor]),
            )
    early = graph.forward(name_of)
    late = graph.backward(early)
    own: dict[int, Timing] = {}
    for node_id in leaves:
        if node_id in early and node_id in late:
            duration = graph.duration.get(node_id, 0)
            # A task covers days start .. start + duration - 1; a milestone sits on the day before its moment.
            first, last = (-1, -1) if duration == 0 else (0, duration - 1)
            own[node_id] = Timing(
                early_start=calendar.day_at(early[node_id] + first),
                early_finish=calendar.day_at(early[node_id] + last),
                late_start=calendar.day_at(late[node_id] + first),
                late_finish=calendar.day_at(late[node_id] + last),
                slack=late[node_id] - early[node_id],
            )
    timings = dict(own)
    for group_id, inside in leaves_of.items():
        timed = [own[leaf] for leaf in inside if leaf in own]
        if children.get(group_id) and timed:
            timings[group_id] = Timing(
                early_start=min(timing.early_start for timing in timed),
                early_finish=max(timing.early_finish for timing in timed),
                late_start=min(timing.late_start for timing in timed),
                late_finish=max(timing.late_finish for timing in timed),
                slack=min(timing.slack for timing in timed),
            )
    return timings


def _leaves(
    by_id: Mapping[int, TaskNode], children: Mapping[int | None, list[TaskNode]]
) -> dict[int, list[int]]:
    """For every task, the scheduled tasks at or below it: its leaves, and own work where there is some."""
    found: dict[int, list[int]] = {}
    pending = [(node.id, False) for node in children.get(None, [])]
    while pending:
        node_id, expanded = pending.pop()
        below = children.get(node_id, [])
        if not below:
            found[node_id] = [node_id]
        elif expanded:
            own = [node_id] if has_own_work(by_id[node_id]) else []
            found[node_id] = own + [leaf for child in below for leaf in found[child.id]]
        else:
            pending.append((node_id, True))
            pending.extend((child.id, False) for child in below)
    return found


Node = int | tuple[str, int]  # a leaf task's id, or a gate: (role, the group's id)


class _Graph:
    """Leaves and gates (time points standing for a group's start or finish) joined by weighted edges.

    An edge (target, lag, plus_source, minus_target) means
    start(target) >= start(source) + lag (+ dur(source)) (- dur(target)). A gate has no
    duration; gates keep a link to a group of n tasks from becoming n edges at each end.
    """

    def __init__(self, leaves: Iterable[int]) -> None:
        self.release: dict[Node, int] = {}
        self.duration: dict[Node, int] = {}
        self.nodes: list[Node] = list(leaves)
        self.out: dict[Node, list[tuple[Node, int, bool, bool]]] = defaultdict(list)
        self.order: list[Node] = []
        self._gates: set[Node] = set()

    def _edge(self, source: Node, target: Node, lag: int, plus_source: bool, minus_target: bool) -> None:
        self.out[source].append((target, lag, plus_source, minus_target))

    def _gate(self, role: str, group: int, members: list[int]) -> Node:
        gate: Node = (role, group)
        if gate not in self._gates:
            self._gates.add(gate)
            self.nodes.append(gate)
            for member in members:
                if role == "finish":  # when the last member finishes
                    self._edge(member, gate, 0, True, False)
                elif role == "start":  # when the last member starts
                    self._edge(member, gate, 0, False, False)
                elif role == "begin":  # no member starts before this
                    self._edge(gate, member, 0, False, False)
                else:  # "end": no member finishes before this
                    self._edge(gate, member, 0, False, True)
        return gate

    def add_link(self, link: Link, before: list[int], after: list[int]) -> None:
        """Add a link between two tasks, through gates when either is a group."""
        uses_finish = link.type in (DependencyType.FS, DependencyType.FF)
        constrains_finish = link.type in (DependencyType.FF, DependencyType.SF)
        source: Node
        target: Node
        if before == [link.predecessor]:
            source, plus_source = link.predecessor, uses_finish
        else:
            source = self._gate("finish" if uses_finish else "start", link.predecessor, before)
            plus_source = False
        if after == [link.successor]:
            target, minus_target = link.successor, constrains_finish
        else:
            target = self._gate("end" if constrains_finish else "begin", link.successor, after)
            minus_target = False
        self._edge(source, target, link.lag, plus_source, minus_target)

    def _weight(self, source: Node, target: Node, lag: int, plus_source: bool, minus_target: bool) -> int:
        weight = lag
        if plus_source:
            weight += self.duration.get(source, 0)
        if minus_target:
            weight -= self.duration.get(target, 0)
        return weight

    def _timed(self, node: Node) -> bool:
        """Gates and dated leaves carry times; undated leaves neither get nor pass one on."""
        return node in self.duration or node in self._gates

    def forward(self, name_of: Callable[[int], str]) -> dict[Node, int]:
        """Earliest start of every timed node, visiting nodes in an order that respects every edge."""
        indegree: dict[Node, int] = dict.fromkeys(self.nodes, 0)
        for edges in self.out.values():
            for target, *_rest in edges:
                indegree[target] += 1
        ready = deque(node for node, count in indegree.items() if count == 0)
        early: dict[Node, int] = dict(self.release)
        while ready:
            node = ready.popleft()
            self.order.append(node)
            known = early.get(node) if self._timed(node) else None
            for target, lag, plus_source, minus_target in self.out.get(node, ()):
                if known is not None and self._timed(target):
                    candidate = known + self._weight(node, target, lag, plus_source, minus_target)
                    if target not in early or candidate > early[target]:
                        early[target] = candidate
                indegree[target] -= 1
                if indegree[target] == 0:
                    ready.append(target)
        if len(self.order) < len(self.nodes):
            raise ScheduleCycleError(self._describe_cycle(indegree, name_of))
        return early

    def backward(self, early: Mapping[Node, int]) -> dict[Node, int]:
        """Latest start of every timed node that does not delay the end of the whole plan."""
        leaves = [node for node in early if node in self.duration]
        if not leaves:
            return {}
        finish = max(early[node] + self.duration[node] for node in leaves)
        late: dict[Node, int] = {}
        for node in reversed(self.order):
            if node not in early:
                continue
            bound: int | None = None
            for target, lag, plus_source, minus_target in self.out.get(node, ()):
                if target in late:
                    candidate = late[target] - self._weight(node, target, lag, plus_source, minus_target)
                    bound = candidate if bound is None else min(bound, candidate)
            if node in self._gates:
                if bound is not None:
                    late[node] = bound
                continue
            own = finish - self.duration[node]
            late[node] = own if bound is None else min(bound, own)
        return late

    def _describe_cycle(self, indegree: Mapping[Node, int], name_of: Callable[[int], str]) -> str:
        stuck = {node for node, count in indegree.items() if count > 0}
        into: dict[Node, list[Node]] = defaultdict(list)
        for source, edges in self.out.items():
            for target, *_rest in edges:
                if source in stuck and target in stuck:
                    into[target].append(source)
        # Every stuck node waits on a stuck predecessor: walking back must come round again.
        node = next(iter(stuck))
        path: list[Node] = []
        seen: dict[Node, int] = {}
        while node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = into[node][0]
        cycle = list(reversed(path[seen[node] :]))
        names: list[str] = []
        for member in cycle:
            name = name_of(member if isinstance(member, int) else member[1])
            if not names or names[-1] != name:
                names.append(name)
        if len(names) > 1 and names[0] == names[-1]:
            names.pop()
        names.append(names[0])
        return _("These tasks depend on each other in a circle: {tasks}.").format(tasks=" → ".join(names))
