"""How an element of the estate stands on a day, from its record and the tasks that change it."""

from __future__ import annotations

import datetime

from dxplanner.core.enums import EffectKind, EstateStatus, ServiceLevel, TaskStatus
from dxplanner.core.estate_state import Effect, EffectTask, EstateClock, state_on
from dxplanner.core.workdays import vietnam_calendar

D = datetime.date
TODAY = D(2025, 6, 2)
CLOCK = EstateClock(TODAY, vietnam_calendar())
SPRING = D(2025, 3, 1)
AUTUMN = D(2025, 9, 30)


def task(
    task_id: int = 1,
    start: datetime.date | None = SPRING,
    end: datetime.date | None = AUTUMN,
    status: TaskStatus = TaskStatus.IN_PROGRESS,
    progress: float = 30.0,
    actual_end: datetime.date | None = None,
) -> EffectTask:
    return EffectTask(task_id, status, progress, start, end, None, actual_end)


def test_a_system_being_built_runs_from_its_task_planned_end() -> None:
    building = task()
    effects = [Effect(1, EffectKind.BUILDS)]
    tasks = {1: building}
    today = state_on(EstateStatus.BUILDING, None, effects, tasks, TODAY, CLOCK)
    before_end = state_on(EstateStatus.BUILDING, None, effects, tasks, D(2025, 9, 29), CLOCK)
    on_end = state_on(EstateStatus.BUILDING, None, effects, tasks, D(2025, 9, 30), CLOCK)
    assert (today.status, before_end.status, on_end.status) == (
        EstateStatus.BUILDING,
        EstateStatus.BUILDING,
        EstateStatus.RUNNING,
    )
    assert on_end.task_ids == (1,)
    assert not on_end.late


def test_a_system_is_planned_until_its_build_starts() -> None:
    later = task(start=D(2026, 1, 1), end=D(2026, 6, 30), status=TaskStatus.NOT_STARTED, progress=0)
    effects = [Effect(1, EffectKind.BUILDS)]
    states = [
        state_on(EstateStatus.PLANNED, None, effects, {1: later}, day, CLOCK).status
        for day in (D(2025, 12, 31), D(2026, 1, 1), D(2026, 7, 1))
    ]
    assert states == [EstateStatus.PLANNED, EstateStatus.BUILDING, EstateStatus.RUNNING]


def test_retiring_after_a_replacement_is_built_ends_retired() -> None:
    effects = [Effect(1, EffectKind.RETIRES), Effect(2, EffectKind.CHANGES)]
    tasks = {1: task(1, end=D(2025, 12, 31)), 2: task(2, end=D(2025, 8, 31))}
    autumn = state_on(EstateStatus.RUNNING, None, effects, tasks, D(2025, 9, 1), CLOCK)
    next_year = state_on(EstateStatus.RUNNING, None, effects, tasks, D(2026, 1, 1), CLOCK)
    assert (autumn.status, autumn.changed) == (EstateStatus.RUNNING, True)
    assert (next_year.status, next_year.changed) == (EstateStatus.RETIRED, True)
    assert next_year.task_ids == (1, 2)


def test_a_link_runs_once_the_task_that_connects_it_finishes() -> None:
    effects = [Effect(1, EffectKind.CONNECTS)]
    tasks = {1: task()}
    assert state_on(EstateStatus.PLANNED, None, effects, tasks, D(2025, 7, 1), CLOCK).status is (
        EstateStatus.PLANNED
    )
    assert state_on(EstateStatus.PLANNED, None, effects, tasks, D(2025, 10, 1), CLOCK).status is (
        EstateStatus.RUNNING
    )


def test_a_service_is_raised_to_the_level_in_the_order_the_raises_finish() -> None:
    effects = [
        Effect(2, EffectKind.RAISES_LEVEL, ServiceLevel.FULL_PROCESS_ONLINE),
        Effect(1, EffectKind.RAISES_LEVEL, ServiceLevel.PARTIAL_ONLINE),
    ]
    tasks = {1: task(1, end=D(2025, 9, 30)), 2: task(2, end=D(2026, 3, 31))}
    levels = [
        state_on(EstateStatus.RUNNING, ServiceLevel.INFORMATION, effects, tasks, day, CLOCK).service_level
        for day in (TODAY, D(2025, 10, 1), D(2026, 4, 1))
    ]
    assert levels == [
        ServiceLevel.INFORMATION,
        ServiceLevel.PARTIAL_ONLINE,
        ServiceLevel.FULL_PROCESS_ONLINE,
    ]


def test_a_done_task_raises_the_service_today_without_its_record_being_edited() -> None:
    done = task(status=TaskStatus.COMPLETED, progress=100, end=D(2025, 5, 1), actual_end=D(2025, 5, 1))
    effects = [Effect(1, EffectKind.RAISES_LEVEL, ServiceLevel.FULL_PROCESS_ONLINE)]
    before = state_on(EstateStatus.RUNNING, ServiceLevel.PARTIAL_ONLINE, effects, {1: task()}, TODAY, CLOCK)
    after = state_on(EstateStatus.RUNNING, ServiceLevel.PARTIAL_ONLINE, effects, {1: done}, TODAY, CLOCK)
    assert (before.service_level, after.service_level) == (
        ServiceLevel.PARTIAL_ONLINE,
        ServiceLevel.FULL_PROCESS_ONLINE,
    )
    assert not after.late


def test_an_effect_already_in_the_record_is_not_undone() -> None:
    """A system built and later retired by done tasks stays retired, whatever order they are listed."""
    built = task(1, status=TaskStatus.COMPLETED, progress=100, end=D(2023, 6, 30), actual_end=D(2023, 6, 30))
    retired = task(
        2, status=TaskStatus.COMPLETED, progress=100, end=D(2025, 3, 31), actual_end=D(2025, 3, 31)
    )
    effects = [Effect(2, EffectKind.RETIRES), Effect(1, EffectKind.BUILDS)]
    state = state_on(EstateStatus.RETIRED, None, effects, {1: built, 2: retired}, TODAY, CLOCK)
    assert state.status is EstateStatus.RETIRED


def test_a_day_before_today_shows_the_record() -> None:
    effects = [Effect(1, EffectKind.RETIRES)]
    tasks = {1: task(end=D(2025, 1, 31), progress=50)}  # late: its forecast lies in the past
    state = state_on(EstateStatus.RUNNING, None, effects, tasks, D(2025, 3, 1), CLOCK)
    assert state.status is EstateStatus.RUNNING
    assert state.late


def test_a_late_task_makes_its_element_late_and_takes_hold_after_today() -> None:
    late = task(end=D(2025, 4, 30), progress=60)
    effects = [Effect(1, EffectKind.BUILDS)]
    state = state_on(EstateStatus.BUILDING, None, effects, {1: late}, D(2025, 6, 3), CLOCK)
    assert (state.status, state.late) == (EstateStatus.RUNNING, True)


def test_an_element_delivered_late_is_no_longer_late_once_its_task_is_done() -> None:
    """Late marks what is still waiting on a slipping task: a system delivered late long ago is there now."""
    done_late = task(status=TaskStatus.COMPLETED, progress=100, end=D(2025, 3, 31), actual_end=D(2025, 5, 15))
    still_open = task(2, end=D(2025, 3, 31), progress=90)
    tasks = {1: done_late, 2: still_open}
    assert not state_on(EstateStatus.RUNNING, None, [Effect(1, EffectKind.BUILDS)], tasks, TODAY, CLOCK).late
    assert state_on(EstateStatus.BUILDING, None, [Effect(2, EffectKind.BUILDS)], tasks, TODAY, CLOCK).late


def test_a_cancelled_task_changes_nothing() -> None:
    cancelled = task(status=TaskStatus.CANCELLED, end=D(2025, 4, 30))
    effects = [Effect(1, EffectKind.RETIRES)]
    state = state_on(EstateStatus.RUNNING, None, effects, {1: cancelled}, D(2026, 1, 1), CLOCK)
    assert (state.status, state.late) == (EstateStatus.RUNNING, False)


def test_an_element_no_task_touches_stands_as_recorded() -> None:
    state = state_on(EstateStatus.RETIRED, None, [], {}, D(2030, 1, 1), CLOCK)
    assert (state.status, state.changed, state.late, state.task_ids) == (
        EstateStatus.RETIRED,
        False,
        False,
        (),
    )


def test_a_raise_done_long_ago_does_not_lower_a_service_now_higher() -> None:
    done = task(status=TaskStatus.COMPLETED, progress=100, end=D(2022, 12, 31), actual_end=D(2022, 12, 31))
    effects = [Effect(1, EffectKind.RAISES_LEVEL, ServiceLevel.PARTIAL_ONLINE)]
    state = state_on(EstateStatus.RUNNING, ServiceLevel.FULL_PROCESS_ONLINE, effects, {1: done}, TODAY, CLOCK)
    assert state.service_level is ServiceLevel.FULL_PROCESS_ONLINE


def test_a_suspended_build_is_not_forecast_to_finish() -> None:
    paused = task(status=TaskStatus.SUSPENDED, end=D(2024, 12, 31), progress=40)
    effects = [Effect(1, EffectKind.BUILDS)]
    state = state_on(EstateStatus.BUILDING, None, effects, {1: paused}, D(2027, 1, 1), CLOCK)
    assert (state.status, state.late) == (EstateStatus.BUILDING, False)
