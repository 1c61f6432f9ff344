"""Where each task stands on a date: on track, at risk, late, done; planned and actual progress."""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dxplanner.core.enums import TaskStatus
from dxplanner.core.rollup import (
    Rolled,
    TaskNode,
    Tree,
    Weight,
    by_working_days,
    children_by_parent,
    has_own_work,
    post_order,
    roll_up,
)
from dxplanner.core.workdays import WorkCalendar

# Percentage points a task may fall behind the share of its time already gone before it is "at risk".
AT_RISK_GAP = 20.0


class Health(enum.StrEnum):
    """A task's standing on a date, derived from its dates and progress unless a person set it."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    LATE = "late"
    DONE = "done"
    PAUSED = "paused"
    CANCELLED = "cancelled"


# What a person can state that overrides the derived standing.
_STATED = {
    TaskStatus.COMPLETED: Health.DONE,
    TaskStatus.SUSPENDED: Health.PAUSED,
    TaskStatus.CANCELLED: Health.CANCELLED,
}

# The standings of work that is over: a group whose work all stands so is done.
_FINISHED = frozenset((Health.DONE, Health.CANCELLED))

# The status a person would report for a task shown in each standing: how the status
# column of copied rows (which shows the standing) is read back when pasted.
REPORTED_STATUS = {
    Health.NOT_STARTED: TaskStatus.NOT_STARTED,
    Health.ON_TRACK: TaskStatus.IN_PROGRESS,
    Health.AT_RISK: TaskStatus.IN_PROGRESS,
    Health.LATE: TaskStatus.IN_PROGRESS,
    Health.DONE: TaskStatus.COMPLETED,
    Health.PAUSED: TaskStatus.SUSPENDED,
    Health.CANCELLED: TaskStatus.CANCELLED,
}


def planned_progress(
    start: datetime.date | None, end: datetime.date | None, as_of: datetime.date, calendar: WorkCalendar
) -> float | None:
    """The share of a task's working days gone by the end of as_of, in percent (None without dates)."""
    if start is None or end is None:
        return None
    if as_of < start:
        return 0.0
    if as_of >= end:
        return 100.0
    total = calendar.working_days(start, end)
    if total == 0:
        return 100.0
    return 100.0 * calendar.working_days(start, as_of) / total


def health(
    status: TaskStatus,
    progress: float,
    start: datetime.date | None,
    end: datetime.date | None,
    as_of: datetime.date,
    calendar: WorkCalendar,
    at_risk_gap: float = AT_RISK_GAP,
) -> Health:
    """A task's standing on as_of: what a person stated, else what its dates and progress say."""
    stated = _STATED.get(status)
    if stated is not None:
        return stated
    if progress >= 100:
        return Health.DONE
    if end is not None and as_of > end:
        return Health.LATE
    expected = planned_progress(start, end, as_of, calendar)
    if expected is not None and expected - progress > at_risk_gap:
        return Health.AT_RISK
    return Health.ON_TRACK if progress > 0 else Health.NOT_STARTED


def health_of_all(
    nodes: Iterable[TaskNode],
    as_of: datetime.date,
    calendar: WorkCalendar,
    weight: Weight | None = None,
    at_risk_gap: float = AT_RISK_GAP,
    rolled: Mapping[int, Rolled] | None = None,
    tree: Tree | None = None,
    order: Sequence[int] | None = None,
) -> dict[int, Health]:
    """The standing of every task and group on as_of; groups from their rolled-up dates and progress.

    A group whose tasks are all done (or cancelled) is done; one whose tasks are all
    cancelled is cancelled; a group a person marked done, paused or cancelled stays so.
    A parent's own work (see `has_own_work`) counts as one of its tasks. `rolled`, when
    given, is the roll-up of the same nodes with the same weight, `tree` their
    children_by_parent and `order` its post_order (to work them out once).
    """
    node_list = list(nodes)
    by_id, children = tree if tree is not None else children_by_parent(node_list)
    if rolled is None:
        rolled = roll_up(node_list, weight or by_working_days(calendar), tree=(by_id, children))
    result: dict[int, Health] = {}
    # For each task, whether all the work in it is cancelled, and whether all of it is done or
    # cancelled: a group's come from its children's, once each, children first. (Copying every
    # task's standing into each group above it grew with the depth of the tree.)
    tallies: dict[int, tuple[bool, bool]] = {}
    for node_id in order if order is not None else post_order(children):
        node = by_id[node_id]
        below = children.get(node_id)
        own = health(
            node.status, node.progress, node.planned_start, node.planned_end, as_of, calendar, at_risk_gap
        )
        if not below:
            result[node_id] = own
            tallies[node_id] = (own is Health.CANCELLED, own in _FINISHED)
            continue
        cancelled = all(tallies[child.id][0] for child in below)
        finished = all(tallies[child.id][1] for child in below)
        if has_own_work(node):
            cancelled = cancelled and own is Health.CANCELLED
            finished = finished and own in _FINISHED
        tallies[node_id] = (cancelled, finished)
        if node.status in _STATED:  # a group a person marked done, paused or cancelled stays so
            result[node_id] = _STATED[node.status]
        elif cancelled:
            result[node_id] = Health.CANCELLED
        elif finished:
            result[node_id] = Health.DONE
        else:
            values = rolled[node_id]
            result[node_id] = health(
                TaskStatus.IN_PROGRESS,
                min(values.progress, 99.99),
                values.start,
                values.end,
                as_of,
                calendar,
                at_risk_gap,
            )
    return result


@dataclass(frozen=True)
class Standing:
    """What the dashboard shows of a task on a day: whether it counts as a task, its standing, days late."""

    counts_as_task: bool  # a leaf, or a group with work of its own (rollup.has_own_work)
    health: Health
    days_late: int  # days past its (rolled) end, when it is late


def standings(
    nodes: Iterable[TaskNode], as_of: datetime.date, calendar: WorkCalendar, weight: Weight
) -> dict[int, Standing]:
    """Every task's standing on as_of, as projection.project_plan gives it, without its place and number.

    The tree is built once for the roll-up and the standings (the dashboard's 10,000 tasks
    were sorted into it three times, and each given a full projection it did not show).
    """
    node_list = list(nodes)
    tree = children_by_parent(node_list)
    by_id, children = tree
    # One tree, walked children first once, for both (the walk was a tenth of the standings).
    order = post_order(children)
    rolled = roll_up(node_list, weight, tree=tree, order=order)
    health_of = health_of_all(node_list, as_of, calendar, weight, rolled=rolled, tree=tree, order=order)
    found: dict[int, Standing] = {}
    # A standing is a value: the 10,000 tasks share a few hundred, each made once.
    made: dict[tuple[bool, Health, int], Standing] = {}
    for node_id, node in by_id.items():
        health = health_of[node_id]
        end = rolled[node_id].end
        late = (as_of - end).days if health is Health.LATE and end is not None else 0
        key = (node_id not in children or has_own_work(node), health, max(0, late))
        standing = made.get(key)
        if standing is None:
            standing = made[key] = Standing(*key)
        found[node_id] = standing
    return found


def slippage_days(
    baseline_end: datetime.date | None,
    planned_end: datetime.date | None,
    actual_end: datetime.date | None = None,
) -> int | None:
    """Calendar days the (actual, else planned) end lies after the baseline end; negative when earlier."""
    end = actual_end or planned_end
    if baseline_end is None or end is None:
        return None
    return (end - baseline_end).days


def _counted(tasks: Sequence[TaskNode], weigh: Weight) -> list[tuple[TaskNode, float]]:
    """The tasks both curves are made of: dated ones, not cancelled, with their weights.

    The same set on both sides, so that a finished plan reads 100% planned and 100% done.
    """
    return [
        (task, weigh(task))
        for task in tasks
        if task.planned_start is not None
        and task.planned_end is not None
        and task.status is not TaskStatus.CANCELLED
    ]


def planned_curve(
    tasks: Sequence[TaskNode],
    dates: Sequence[datetime.date],
    calendar: WorkCalendar,
    weight: Weight | None = None,
) -> list[float]:
    """The share of all work planned to be done by each date, in percent (weighted like roll-ups).

    One sweep over the dates in order rather than every task on every date: between its
    start and end a task's planned progress rises in a straight line over working days,
    so the tasks under way add up to one line, a * (working-day index) + b.
    """
    return _planned(_counted(tasks, weight or by_working_days(calendar)), dates, calendar)


def actual_curve(
    tasks: Sequence[TaskNode],
    reports: Mapping[int, Sequence[tuple[datetime.date, float]]],
    dates: Sequence[datetime.date],
    calendar: WorkCalendar,
    weight: Weight | None = None,
) -> list[float]:
    """The share of all work reported done by each date: each task at its newest report by then.

    A task marked completed without a report saying so counts as done from its planned end.
    Each report changes the total by its task's weight times the change it reports, so the
    reports are taken in date order once, whatever the number of dates.
    """
    counted = _counted(tasks, weight or by_working_days(calendar))
    histories: dict[int, Sequence[tuple[datetime.date, float]]] = {}
    for task, _task_weight in counted:
        # Reports come in the order they were made: a stable sort by day keeps a day's newest last.
        entries = sorted(reports.get(task.id, ()), key=_day_of)
        if task.status is TaskStatus.COMPLETED and not any(progress >= 100 for _day, progress in entries):
            assert task.planned_end is not None
            entries = sorted([*entries, (task.planned_end, 100.0)], key=_day_of)
        histories[task.id] = entries
    return _actual(counted, histories, dates)


def progress_curves(
    tasks: Sequence[TaskNode],
    histories: Mapping[int, Sequence[tuple[datetime.date, float]]],
    dates: Sequence[datetime.date],
    calendar: WorkCalendar,
    weight: Weight | None = None,
) -> tuple[list[float], list[float]]:
    """The planned and the actual curve, the tasks weighed once, from histories already by day.

    Each history is as as_of.progress_history gives it (sorted, a completed task's 100% in
    it): the dashboard's 10,000 tasks were weighed twice and their reports sorted twice.
    """
    counted = _counted(tasks, weight or by_working_days(calendar))
    return _planned(counted, dates, calendar), _actual(counted, histories, dates)


def _planned(
    counted: Sequence[tuple[TaskNode, float]], dates: Sequence[datetime.date], calendar: WorkCalendar
) -> list[float]:
    total = sum(task_weight for _task, task_weight in counted)
    if total <= 0:
        return [0.0 for _date in dates]
    # Each day's working-day index is looked up once, however many tasks share it (10,000
    # tasks, a few hundred days: the calendar's look-ups were most of a filter's curve).
    after: dict[datetime.date, int] = {}
    before: dict[datetime.date, int] = {}
    # The tasks by the day they begin and the day they are done, each day's in the tasks' order:
    # the sums below add them in the order a stable sort by day would, so to the same figures.
    begins: dict[datetime.date, list[tuple[float, float]]] = defaultdict(list)
    ends: dict[datetime.date, list[tuple[float, float, float]]] = defaultdict(list)
    for task, task_weight in counted:
        start, end = task.planned_start, task.planned_end
        assert start is not None and end is not None
        if end <= start:
            ends[start].append((0.0, 0.0, 100.0 * task_weight))  # all of it due at once
            continue
        first = after.get(start)
        if first is None:
            first = after[start] = calendar.index_on_or_after(start)
        last = before.get(end)
        if last is None:
            last = before[end] = calendar.index_on_or_before(end)
        days = last - first + 1
        if days <= 0:
            ends[start].append((0.0, 0.0, 100.0 * task_weight))
            continue
        slope = 100.0 * task_weight / days
        offset = slope * (1 - first)
        begins[start].append((slope, offset))
        ends[end].append((slope, offset, 100.0 * task_weight))
    begin_days, end_days = sorted(begins), sorted(ends)
    curve = [0.0] * len(dates)
    slope_sum = offset_sum = done = 0.0
    next_begin = next_end = 0
    for position in sorted(range(len(dates)), key=dates.__getitem__):
        as_of = dates[position]
        while next_begin < len(begin_days) and begin_days[next_begin] <= as_of:
            for slope, offset in begins[begin_days[next_begin]]:
                slope_sum, offset_sum = slope_sum + slope, offset_sum + offset
            next_begin += 1
        while next_end < len(end_days) and end_days[next_end] <= as_of:
            for slope, offset, whole in ends[end_days[next_end]]:
                slope_sum, offset_sum, done = slope_sum - slope, offset_sum - offset, done + whole
            next_end += 1
        if slope_sum:
            index = before.get(as_of)
            if index is None:
                index = before[as_of] = calendar.index_on_or_before(as_of)
            under_way = slope_sum * index + offset_sum
        else:
            under_way = offset_sum
        curve[position] = (done + max(0.0, under_way)) / total
    return curve


def _day_of(report: tuple[datetime.date, float]) -> datetime.date:
    return report[0]


def _actual(
    counted: Sequence[tuple[TaskNode, float]],
    histories: Mapping[int, Sequence[tuple[datetime.date, float]]],
    dates: Sequence[datetime.date],
) -> list[float]:
    total = sum(task_weight for _task, task_weight in counted)
    if total <= 0:
        return [0.0 for _date in dates]
    # Each report's change to the total, by day, each day's in the order a stable sort would keep.
    changes: dict[datetime.date, list[float]] = defaultdict(list)
    for task, task_weight in counted:
        before = 0.0
        for day, progress in histories.get(task.id, ()):
            changes[day].append(task_weight * (progress - before))
            before = progress
    days = sorted(changes)
    curve = [0.0] * len(dates)
    done, taken = 0.0, 0
    for position in sorted(range(len(dates)), key=dates.__getitem__):
        while taken < len(days) and days[taken] <= dates[position]:
            for change in changes[days[taken]]:
                done += change
            taken += 1
        curve[position] = done / total
    return curve
