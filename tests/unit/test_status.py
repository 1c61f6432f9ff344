"""Status on a date, planned and actual progress curves, slippage and group roll-ups."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.as_of import progress_history
from dxplanner.core.enums import TaskStatus
from dxplanner.core.rollup import TaskNode, by_budget, by_working_days, roll_up
from dxplanner.core.status import (
    Health,
    actual_curve,
    health,
    health_of_all,
    planned_curve,
    planned_progress,
    progress_curves,
    slippage_days,
)
from dxplanner.core.workdays import WorkCalendar

D = datetime.date
CALENDAR = WorkCalendar()
MARCH = (D(2025, 3, 3), D(2025, 3, 28))  # 20 working days


def node(
    task_id: int,
    parent: int | None = None,
    dates: tuple[datetime.date, datetime.date] | None = MARCH,
    progress: float = 0,
    status: TaskStatus = TaskStatus.IN_PROGRESS,
) -> TaskNode:
    start, end = dates if dates else (None, None)
    return TaskNode(task_id, parent, task_id, start, end, progress, status=status)


def test_planned_progress_is_the_share_of_working_days_gone() -> None:
    assert planned_progress(*MARCH, D(2025, 3, 1), CALENDAR) == 0
    assert planned_progress(*MARCH, D(2025, 3, 7), CALENDAR) == 25  # 5 of 20
    assert planned_progress(*MARCH, D(2025, 3, 28), CALENDAR) == 100
    assert planned_progress(None, D(2025, 3, 28), D(2025, 3, 7), CALENDAR) is None


@pytest.mark.parametrize(
    ("status", "progress", "as_of", "expected"),
    [
        (TaskStatus.NOT_STARTED, 0, D(2025, 2, 20), Health.NOT_STARTED),
        (TaskStatus.IN_PROGRESS, 30, D(2025, 3, 7), Health.ON_TRACK),  # 25% due, 30% done
        (TaskStatus.IN_PROGRESS, 35, D(2025, 3, 14), Health.ON_TRACK),  # 50% due, 15 points behind
        (TaskStatus.IN_PROGRESS, 20, D(2025, 3, 14), Health.AT_RISK),  # 50% due, 30 points behind
        (TaskStatus.NOT_STARTED, 0, D(2025, 3, 4), Health.NOT_STARTED),  # 10% due: not yet at risk
        (TaskStatus.IN_PROGRESS, 90, D(2025, 4, 1), Health.LATE),
        (TaskStatus.IN_PROGRESS, 100, D(2025, 4, 1), Health.DONE),
        (TaskStatus.COMPLETED, 80, D(2025, 4, 1), Health.DONE),  # what a person states wins
        (TaskStatus.SUSPENDED, 40, D(2025, 4, 1), Health.PAUSED),
        (TaskStatus.CANCELLED, 10, D(2025, 4, 1), Health.CANCELLED),
    ],
)
def test_health_on_a_date(
    status: TaskStatus, progress: float, as_of: datetime.date, expected: Health
) -> None:
    assert health(status, progress, *MARCH, as_of, CALENDAR) is expected


def test_a_task_with_no_dates_is_never_late() -> None:
    assert health(TaskStatus.IN_PROGRESS, 0, None, None, D(2030, 1, 1), CALENDAR) is Health.NOT_STARTED
    assert health(TaskStatus.IN_PROGRESS, 40, None, None, D(2030, 1, 1), CALENDAR) is Health.ON_TRACK
    assert health(TaskStatus.IN_PROGRESS, 40, None, D(2025, 1, 1), D(2030, 1, 1), CALENDAR) is Health.LATE


def test_a_group_whose_tasks_are_all_done_is_done() -> None:
    nodes = [
        node(1, dates=None),
        node(2, 1, progress=100, status=TaskStatus.COMPLETED),
        node(3, 1, progress=70, status=TaskStatus.COMPLETED),  # stated done at 70%: counts as done
        node(4, 1, status=TaskStatus.CANCELLED),
    ]
    states = health_of_all(nodes, D(2025, 6, 1), CALENDAR)
    assert states[1] is Health.DONE
    assert roll_up(nodes, by_working_days(CALENDAR))[1].progress == 100


def test_a_group_is_late_when_its_span_is_past_and_work_remains() -> None:
    nodes = [node(1, dates=None), node(2, 1, progress=100), node(3, 1, progress=50)]
    states = health_of_all(nodes, D(2025, 6, 1), CALENDAR)
    assert (states[1], states[2], states[3]) == (Health.LATE, Health.DONE, Health.LATE)


def test_groups_of_cancelled_or_paused_work() -> None:
    nodes = [
        node(1, dates=None),
        node(2, 1, status=TaskStatus.CANCELLED),
        node(3, dates=None, status=TaskStatus.SUSPENDED),
        node(4, 3, progress=10),
    ]
    states = health_of_all(nodes, D(2025, 3, 10), CALENDAR)
    assert (states[1], states[3]) == (Health.CANCELLED, Health.PAUSED)


def test_roll_ups_weigh_by_working_days_or_by_budget() -> None:
    nodes = [
        node(1, dates=None),
        node(2, 1, dates=(D(2025, 3, 3), D(2025, 3, 7)), progress=100),  # 5 working days
        node(3, 1, dates=(D(2025, 3, 10), D(2025, 3, 28)), progress=0),  # 15 working days
    ]
    assert roll_up(nodes, by_working_days(CALENDAR))[1].progress == 25
    assert roll_up(nodes, by_budget({2: 1_000_000_000, 3: 3_000_000_000}))[1].progress == 25
    assert roll_up(nodes, by_budget({3: 1_000_000_000}))[1].progress == 0
    # No money anywhere: a plain mean, rather than a misleading zero.
    assert roll_up(nodes, by_budget({}))[1].progress == 50
    rolled = roll_up(nodes, by_working_days(CALENDAR))[1]
    assert (rolled.start, rolled.end) == (D(2025, 3, 3), D(2025, 3, 28))


def test_slippage_against_the_baseline() -> None:
    assert slippage_days(D(2025, 6, 30), D(2025, 7, 15)) == 15
    assert slippage_days(D(2025, 6, 30), D(2025, 7, 15), actual_end=D(2025, 6, 20)) == -10
    assert slippage_days(None, D(2025, 7, 15)) is None
    assert slippage_days(D(2025, 6, 30), None) is None


def test_the_planned_and_actual_curves() -> None:
    tasks = [node(1, progress=60), node(2, dates=(D(2025, 4, 1), D(2025, 4, 30)), progress=0)]
    dates = [D(2025, 2, 28), D(2025, 3, 14), D(2025, 3, 31), D(2025, 5, 1)]
    planned = planned_curve(tasks, dates, CALENDAR)
    assert planned[0] == 0 and planned[-1] == 100
    assert planned[1] == pytest.approx(100 * 10 / 41)  # 10 of March's 20 days; April has 21
    reports = {1: [(D(2025, 3, 10), 20.0), (D(2025, 3, 20), 60.0)]}
    actual = actual_curve(tasks, reports, dates, CALENDAR)
    assert actual == pytest.approx(
        [0, 100 * 20 * 20 / 41 / 100, 100 * 60 * 20 / 41 / 100, 100 * 60 * 20 / 41 / 100]
    )
    assert planned_curve([], dates, CALENDAR) == [0, 0, 0, 0]


@given(
    st.lists(
        st.tuples(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.integers(0, 200)), min_size=1, max_size=30
    ),
    st.lists(st.dates(D(2023, 6, 1), D(2027, 6, 1)), min_size=1, max_size=20),
)
def test_the_planned_curve_only_rises_from_0_to_100(
    spans: list[tuple[datetime.date, int]], dates: list[datetime.date]
) -> None:
    tasks = [
        node(number, dates=(start, start + datetime.timedelta(days=length)))
        for number, (start, length) in enumerate(spans)
    ]
    curve = planned_curve(tasks, sorted(dates), CALENDAR)
    assert all(0 <= value <= 100.000001 for value in curve)
    assert all(later >= earlier - 1e-9 for earlier, later in itertools.pairwise(curve))
    assert planned_curve(tasks, [D(2030, 1, 1)], CALENDAR) == [pytest.approx(100)]


@given(
    st.sampled_from(list(TaskStatus)),
    st.floats(0, 100),
    st.dates(D(2024, 1, 1), D(2026, 1, 1)),
    st.integers(0, 300),
    st.dates(D(2023, 1, 1), D(2027, 1, 1)),
)
def test_health_is_late_only_after_the_end_and_done_only_when_finished(
    status: TaskStatus, progress: float, start: datetime.date, length: int, as_of: datetime.date
) -> None:
    end = start + datetime.timedelta(days=length)
    state = health(status, progress, start, end, as_of, CALENDAR)
    if state is Health.LATE:
        assert as_of > end and progress < 100
    if state is Health.DONE:
        assert progress >= 100 or status is TaskStatus.COMPLETED
    if status is TaskStatus.CANCELLED:
        assert state is Health.CANCELLED


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 300), st.integers(0, 60), st.floats(0, 100)),
        min_size=1,
        max_size=25,
    )
)
def test_a_group_spans_its_tasks_and_its_progress_lies_between_theirs(
    rows: list[tuple[int, int, int, float]],
) -> None:
    groups = [node(1000 + group, dates=None) for group in range(5)]
    tasks = [
        node(
            number,
            1000 + group,
            (
                D(2025, 1, 1) + datetime.timedelta(days=offset),
                D(2025, 1, 1) + datetime.timedelta(days=offset + length),
            ),
            progress,
        )
        for number, (group, offset, length, progress) in enumerate(rows)
    ]
    rolled = roll_up(groups + tasks, by_working_days(CALENDAR))
    for group in groups:
        members = [member for member in tasks if member.parent_id == group.id]
        if not members:
            continue
        assert rolled[group.id].start == min(
            member.planned_start for member in members if member.planned_start
        )
        assert rolled[group.id].end == max(member.planned_end for member in members if member.planned_end)
        lowest = min(member.progress for member in members)
        highest = max(member.progress for member in members)
        assert lowest - 1e-9 <= rolled[group.id].progress <= highest + 1e-9


def test_both_curves_count_the_same_work() -> None:
    tasks = [
        node(1, progress=100, status=TaskStatus.COMPLETED),  # done, no report says so
        node(2, status=TaskStatus.CANCELLED),  # does not count
        node(3, dates=None, progress=50),  # no dates: not in the curves
    ]
    after = [D(2025, 4, 1)]
    assert planned_curve(tasks, after, CALENDAR) == [100]
    assert actual_curve(tasks, {3: [(D(2025, 3, 10), 50.0)]}, after, CALENDAR) == [100]
    assert actual_curve(tasks, {}, [D(2025, 3, 27)], CALENDAR) == [0]


def test_a_group_a_person_marked_done_is_done() -> None:
    nodes = [node(1, dates=None, status=TaskStatus.COMPLETED), node(2, 1, progress=60)]
    assert health_of_all(nodes, D(2025, 6, 1), CALENDAR)[1] is Health.DONE


@given(
    st.lists(
        st.tuples(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.integers(0, 400), st.floats(0.5, 5.0)),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.dates(D(2023, 6, 1), D(2028, 6, 1)), min_size=1, max_size=8),
)
def test_the_planned_curve_is_the_weighted_mean_of_each_tasks_planned_progress(
    spans: list[tuple[datetime.date, int, float]], dates: list[datetime.date]
) -> None:
    # The curve is computed in one sweep; here, the plain definition task by task, date by date.
    tasks = [
        TaskNode(number, None, number, start, start + datetime.timedelta(days=length), 0.0)
        for number, (start, length, _weight) in enumerate(spans)
    ]
    weights = {number: weight for number, (_start, _length, weight) in enumerate(spans)}
    curve = planned_curve(tasks, dates, CALENDAR, lambda task: weights[task.id])
    total = sum(weights.values())
    for as_of, value in zip(dates, curve, strict=True):
        expected = sum(
            weights[task.id]
            * (planned_progress(task.planned_start, task.planned_end, as_of, CALENDAR) or 0.0)
            for task in tasks
        )
        assert value == pytest.approx(expected / total)


@given(
    st.lists(
        st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2025, 12, 31)), st.floats(0, 100)), max_size=5),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.dates(D(2024, 12, 1), D(2026, 2, 1)), min_size=1, max_size=8),
)
def test_the_actual_curve_takes_each_tasks_newest_report(
    histories: list[list[tuple[datetime.date, float]]], dates: list[datetime.date]
) -> None:
    tasks = [
        TaskNode(number, None, number, D(2025, 1, 1), D(2025, 12, 31), 0.0)
        for number in range(len(histories))
    ]
    reports = dict(enumerate(histories))
    curve = actual_curve(tasks, reports, dates, CALENDAR, lambda _task: 1.0)
    for as_of, value in zip(dates, curve, strict=True):
        # The newest report by then: the latest day, and of one day's reports the last made.
        newest = [
            max(
                ((day, order, progress) for order, (day, progress) in enumerate(history) if day <= as_of),
                default=(as_of, 0, 0.0),
            )[2]
            for history in histories
        ]
        assert value == pytest.approx(sum(newest) / len(histories))


def test_a_task_with_its_own_progress_keeps_its_share_once_it_has_sub_tasks() -> None:
    # Issue 15's decision: what was done of the task itself rolls up with its sub-tasks' work,
    # weighed like any task's (here by working days), so its 40% is not thrown away.
    nodes = [
        node(1, progress=40),  # March: 20 working days of its own
        node(2, 1, dates=(D(2025, 3, 3), D(2025, 3, 7)), progress=100),  # 5 working days
        node(3, 1, dates=None),  # just added: nothing done, no dates (one day)
    ]
    rolled = roll_up(nodes, by_working_days(CALENDAR))[1]
    assert rolled.progress == pytest.approx((40 * 20 + 100 * 5 + 0 * 1) / 26)
    assert (rolled.start, rolled.end) == MARCH
    # Its own budget weighs its own share when the plan weighs by money.
    by_money = roll_up(nodes, by_budget({1: 3_000_000_000, 2: 1_000_000_000}))[1]
    assert by_money.progress == pytest.approx((40 * 3 + 100 * 1) / 4)
    # Its own span counts: the project's two years still show when its parts are shorter.
    long_project = [node(1, dates=(D(2025, 3, 3), D(2026, 12, 31)), progress=35), node(2, 1)]
    assert roll_up(long_project, by_working_days(CALENDAR))[1].end == D(2026, 12, 31)


def test_a_heading_or_a_task_with_nothing_of_its_own_done_is_the_sum_of_its_parts() -> None:
    parts = [
        node(2, 1, dates=(D(2025, 3, 3), D(2025, 3, 7)), progress=100),
        node(3, 1, dates=(D(2025, 3, 10), D(2025, 3, 28)), progress=0),
    ]
    heading = TaskNode(
        1, None, 1, D(2025, 1, 1), D(2025, 12, 31), 50, status=TaskStatus.IN_PROGRESS, is_heading=True
    )
    not_begun = node(1, dates=(D(2025, 1, 1), D(2025, 12, 31)), progress=0)
    for parent in (heading, not_begun):
        rolled = roll_up([parent, *parts], by_working_days(CALENDAR))[1]
        assert rolled.progress == 25
        assert (rolled.start, rolled.end) == MARCH


def test_a_task_whose_own_work_is_unfinished_is_not_done_when_its_sub_tasks_are() -> None:
    nodes = [node(1, progress=40), node(2, 1, progress=100, status=TaskStatus.COMPLETED)]
    states = health_of_all(nodes, D(2025, 3, 20), CALENDAR)
    # Its own 40% and the sub-task's 100% make 70%, as much as 20 March asks of March.
    assert states[1] is Health.ON_TRACK
    assert roll_up(nodes, by_working_days(CALENDAR))[1].progress == 70
    own_done = [node(1, progress=100, status=TaskStatus.COMPLETED), node(2, 1, progress=100)]
    assert health_of_all(own_done, D(2025, 3, 20), CALENDAR)[1] is Health.DONE


@given(
    st.lists(
        st.tuples(
            st.dates(D(2025, 1, 1), D(2025, 12, 31)),
            st.integers(-3, 90),
            st.sampled_from(list(TaskStatus)),
            st.lists(st.tuples(st.dates(D(2024, 12, 1), D(2026, 2, 1)), st.floats(0, 100)), max_size=4),
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.dates(D(2024, 11, 1), D(2026, 3, 1)), min_size=1, max_size=8),
)
def test_both_curves_at_once_are_the_curves_each_on_its_own(
    spans: list[tuple[datetime.date, int, TaskStatus, list[tuple[datetime.date, float]]]],
    dates: list[datetime.date],
) -> None:
    # The dashboard weighs the tasks once and takes their histories sorted as progress_history gives them.
    tasks = [
        TaskNode(number, None, number, start, start + datetime.timedelta(days=length), 30.0, status=status)
        for number, (start, length, status, _told) in enumerate(spans)
    ]
    told = {number: told for number, (_start, _length, _status, told) in enumerate(spans)}
    histories = {task.id: progress_history(task, told[task.id], D(2025, 6, 2)) for task in tasks}
    planned, actual = progress_curves(tasks, histories, dates, CALENDAR)
    assert planned == planned_curve(tasks, dates, CALENDAR)
    assert actual == actual_curve(tasks, histories, dates, CALENDAR)
