"""A task as it stood on a past day: told by its progress reports, not by what is typed today."""

from __future__ import annotations

import datetime

from dxplanner.core.as_of import node_as_of, progress_history, progress_on
from dxplanner.core.enums import TaskStatus
from dxplanner.core.rollup import TaskNode

TODAY = datetime.date(2026, 11, 28)


def _task(status: TaskStatus, progress: float) -> TaskNode:
    return TaskNode(
        id=1,
        parent_id=None,
        position=0,
        planned_start=datetime.date(2026, 3, 1),
        planned_end=datetime.date(2026, 9, 30),
        progress=progress,
        status=status,
    )


def test_a_day_gone_by_shows_the_latest_report_up_to_that_day() -> None:
    done = _task(TaskStatus.COMPLETED, 100)
    told = [(datetime.date(2026, 4, 30), 30.0), (datetime.date(2026, 8, 31), 100.0)]
    before_start = node_as_of(done, told, datetime.date(2026, 1, 15), TODAY)
    assert (before_start.status, before_start.progress) == (TaskStatus.NOT_STARTED, 0.0)
    in_may = node_as_of(done, told, datetime.date(2026, 5, 15), TODAY)
    assert (in_may.status, in_may.progress) == (TaskStatus.IN_PROGRESS, 30.0)
    in_september = node_as_of(done, told, datetime.date(2026, 9, 1), TODAY)
    assert (in_september.status, in_september.progress) == (TaskStatus.COMPLETED, 100.0)


def test_from_today_on_the_task_stands_as_typed() -> None:
    typed = _task(TaskStatus.IN_PROGRESS, 60)
    told = [(datetime.date(2026, 4, 30), 30.0)]
    assert node_as_of(typed, told, TODAY, TODAY) == typed
    assert node_as_of(typed, told, datetime.date(2027, 1, 1), TODAY) == typed
    # Typed progress without a report counts from today, not before.
    assert node_as_of(typed, told, datetime.date(2026, 11, 27), TODAY).progress == 30.0


def test_a_task_marked_done_without_a_report_counts_as_done_from_its_planned_end() -> None:
    done = _task(TaskStatus.COMPLETED, 100)
    assert node_as_of(done, [], datetime.date(2026, 9, 29), TODAY).status is TaskStatus.NOT_STARTED
    assert node_as_of(done, [], datetime.date(2026, 9, 30), TODAY).status is TaskStatus.COMPLETED


def test_a_cancelled_or_paused_task_keeps_that_status_its_history_is_not_kept() -> None:
    for status in (TaskStatus.CANCELLED, TaskStatus.SUSPENDED):
        then = node_as_of(
            _task(status, 40), [(datetime.date(2026, 5, 1), 40.0)], datetime.date(2026, 6, 1), TODAY
        )
        assert (then.status, then.progress) == (status, 40.0)


def test_the_newest_report_of_a_day_counts() -> None:
    history = progress_history(
        _task(TaskStatus.IN_PROGRESS, 50),
        [
            (datetime.date(2026, 5, 1), 20.0),
            (datetime.date(2026, 5, 1), 25.0),
        ],
        TODAY,
    )
    assert progress_on(history, datetime.date(2026, 5, 1)) == 25.0
    assert progress_on(history, datetime.date(2026, 4, 30)) == 0.0
    assert progress_on(history, TODAY) == 50.0


def test_a_pause_or_cancellation_counts_from_the_report_that_states_it() -> None:
    paused = _task(TaskStatus.SUSPENDED, 20)
    told = [(datetime.date(2026, 4, 30), 20.0), (datetime.date(2026, 8, 1), 20.0)]
    stated = [
        (datetime.date(2026, 4, 30), TaskStatus.IN_PROGRESS),
        (datetime.date(2026, 8, 1), TaskStatus.SUSPENDED),
    ]
    in_june = node_as_of(paused, told, datetime.date(2026, 6, 30), TODAY, stated)
    assert (in_june.status, in_june.progress) == (TaskStatus.IN_PROGRESS, 20.0)
    assert node_as_of(paused, told, datetime.date(2026, 8, 2), TODAY, stated).status is TaskStatus.SUSPENDED
    # Paused, and no report ever said when: taken to hold throughout.
    assert node_as_of(paused, told[:1], datetime.date(2026, 6, 30), TODAY).status is TaskStatus.SUSPENDED
