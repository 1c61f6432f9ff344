"""The critical path over links of every type, with lags in Vietnamese working days."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxplanner.core.enums import DependencyType
from dxplanner.core.rollup import TaskNode
from dxplanner.core.schedule import Link, ScheduleCycleError, critical_path
from dxplanner.core.workdays import WorkCalendar

D = datetime.date
FS, SS, FF, SF = DependencyType.FS, DependencyType.SS, DependencyType.FF, DependencyType.SF
CALENDAR = WorkCalendar()


def task(
    task_id: int,
    start: datetime.date | None,
    end: datetime.date | None,
    parent: int | None = None,
    milestone: bool = False,
) -> TaskNode:
    return TaskNode(task_id, parent, task_id, start, end, 0.0, is_milestone=milestone)


def test_a_chain_of_finish_to_start_links_and_its_critical_path() -> None:
    tasks = [
        task(1, D(2025, 3, 3), D(2025, 3, 7)),  # Mon-Fri, 5 days
        task(2, D(2025, 3, 3), D(2025, 3, 5)),  # 3 days, pushed after 1
        task(3, D(2025, 3, 3), D(2025, 3, 4)),  # 2 days, off the chain
    ]
    timing = critical_path(tasks, [Link(1, 2)], CALENDAR)
    assert (timing[2].early_start, timing[2].early_finish) == (D(2025, 3, 10), D(2025, 3, 12))
    assert timing[1].critical and timing[2].critical
    # Task 3 may finish as late as the plan does (12/3) without delaying it: 6 working days of slack.
    assert (timing[3].early_start, timing[3].slack, timing[3].critical) == (D(2025, 3, 3), 6, False)
    assert timing[3].late_finish == D(2025, 3, 12)


def test_a_task_without_links_keeps_its_dates() -> None:
    timing = critical_path([task(1, D(2025, 6, 2), D(2025, 6, 13))], [], CALENDAR)
    assert (timing[1].early_start, timing[1].early_finish, timing[1].slack) == (
        D(2025, 6, 2),
        D(2025, 6, 13),
        0,
    )


def test_a_successor_is_never_pulled_earlier_than_its_own_start() -> None:
    tasks = [task(1, D(2025, 3, 3), D(2025, 3, 4)), task(2, D(2025, 3, 17), D(2025, 3, 18))]
    assert critical_path(tasks, [Link(1, 2)], CALENDAR)[2].early_start == D(2025, 3, 17)


def test_a_lag_that_crosses_tet() -> None:
    tasks = [task(1, D(2025, 1, 20), D(2025, 1, 24)), task(2, D(2025, 1, 20), D(2025, 1, 21))]
    timing = critical_path(tasks, [Link(1, 2, FS, lag=2)], CALENDAR)
    # After Friday 24/1 comes Tết (27-31/1); the next working day is 3/2, two more make 5/2.
    assert (timing[2].early_start, timing[2].early_finish) == (D(2025, 2, 5), D(2025, 2, 6))


def test_a_negative_lag_lets_the_successor_overlap() -> None:
    tasks = [task(1, D(2025, 3, 3), D(2025, 3, 14)), task(2, D(2025, 3, 3), D(2025, 3, 4))]
    timing = critical_path(tasks, [Link(1, 2, FS, lag=-3)], CALENDAR)
    assert timing[2].early_start == D(2025, 3, 12)


@pytest.mark.parametrize(
    ("kind", "lag", "start", "finish"),
    [
        (SS, 2, D(2025, 3, 12), D(2025, 3, 13)),  # starts 2 days after task 1 starts (10/3)
        (FF, 0, D(2025, 3, 20), D(2025, 3, 21)),  # finishes when task 1 finishes (21/3)
        (SF, 0, D(2025, 3, 6), D(2025, 3, 7)),  # finishes by the time task 1 starts: keeps its own dates
        (SF, 5, D(2025, 3, 13), D(2025, 3, 14)),  # finishes 5 days into task 1
    ],
)
def test_each_type_of_link(
    kind: DependencyType, lag: int, start: datetime.date, finish: datetime.date
) -> None:
    tasks = [task(1, D(2025, 3, 10), D(2025, 3, 21)), task(2, D(2025, 3, 6), D(2025, 3, 7))]
    timing = critical_path(tasks, [Link(1, 2, kind, lag)], CALENDAR)
    assert (timing[2].early_start, timing[2].early_finish) == (start, finish)


def test_what_follows_a_milestone_may_start_the_same_day() -> None:
    tasks = [task(1, D(2025, 6, 30), D(2025, 6, 30), milestone=True), task(2, D(2025, 6, 2), D(2025, 6, 3))]
    assert critical_path(tasks, [Link(1, 2)], CALENDAR)[2].early_start == D(2025, 6, 30)


def test_a_cycle_is_an_error_that_names_its_tasks() -> None:
    names = {1: "Khảo sát", 2: "Thiết kế", 3: "Triển khai", 4: "Nghiệm thu"}
    tasks = [task(number, D(2025, 3, 3), D(2025, 3, 4)) for number in names]
    links = [Link(1, 2), Link(2, 3), Link(3, 1), Link(3, 4)]
    with pytest.raises(ScheduleCycleError) as raised:
        critical_path(tasks, links, CALENDAR, names.__getitem__)
    message = raised.value.message
    assert message.startswith("These tasks depend on each other in a circle: ")
    circle = message.split(": ", 1)[1].rstrip(".").split(" → ")
    assert circle[0] == circle[-1] and sorted(circle[:-1]) == ["Khảo sát", "Thiết kế", "Triển khai"]


def test_a_cycle_through_a_group_is_found_too() -> None:
    names = {1: "Nhóm I", 2: "Nhiệm vụ 1.1", 3: "Nhiệm vụ ngoài"}
    tasks = [
        task(1, None, None),
        task(2, D(2025, 3, 3), D(2025, 3, 4), parent=1),
        task(3, D(2025, 3, 5), D(2025, 3, 6)),
    ]
    with pytest.raises(ScheduleCycleError, match="Nhiệm vụ"):
        critical_path(tasks, [Link(1, 3), Link(3, 2)], CALENDAR, names.__getitem__)


def test_a_link_into_a_group_holds_back_every_task_inside() -> None:
    tasks = [
        task(1, D(2025, 3, 3), D(2025, 3, 14)),
        task(10, None, None),
        task(11, D(2025, 3, 3), D(2025, 3, 4), parent=10),
        task(12, D(2025, 3, 5), D(2025, 3, 6), parent=10),
    ]
    timing = critical_path(tasks, [Link(1, 10)], CALENDAR)
    assert timing[11].early_start == timing[12].early_start == D(2025, 3, 17)
    assert (timing[10].early_start, timing[10].early_finish) == (D(2025, 3, 17), D(2025, 3, 18))


def test_a_link_from_a_group_waits_for_its_last_task() -> None:
    tasks = [
        task(10, None, None),
        task(11, D(2025, 3, 3), D(2025, 3, 4), parent=10),
        task(12, D(2025, 3, 3), D(2025, 3, 12), parent=10),
        task(2, D(2025, 3, 3), D(2025, 3, 3)),
    ]
    assert critical_path(tasks, [Link(10, 2)], CALENDAR)[2].early_start == D(2025, 3, 13)


def test_a_task_with_no_dates_is_not_scheduled_and_holds_nothing_back() -> None:
    tasks = [
        task(1, None, None),
        task(2, D(2025, 3, 3), D(2025, 3, 4)),
        task(3, D(2025, 3, 3), D(2025, 3, 4)),
    ]
    timing = critical_path(tasks, [Link(1, 2), Link(2, 3)], CALENDAR)
    assert 1 not in timing
    assert timing[2].early_start == D(2025, 3, 3)
    assert timing[3].early_start == D(2025, 3, 5)


def test_an_empty_plan_has_no_timings() -> None:
    assert critical_path([], [], CALENDAR) == {}


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[TaskNode], list[Link]]:
    """Random dated tasks and random links that only run forward (so there is no cycle)."""
    count = draw(st.integers(min_value=1, max_value=25))
    tasks = []
    for number in range(count):
        start = D(2025, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 400)))
        length = draw(st.integers(0, 60))
        tasks.append(task(number, start, start + datetime.timedelta(days=length)))
    links = []
    for _ in range(draw(st.integers(0, 40)) if count > 1 else 0):
        first = draw(st.integers(0, count - 2))
        second = draw(st.integers(first + 1, count - 1))
        links.append(
            Link(first, second, draw(st.sampled_from(list(DependencyType))), draw(st.integers(-10, 10)))
        )
    return tasks, links


@settings(deadline=None)
@given(plans())
def test_every_schedule_keeps_every_link_and_finds_a_critical_task(
    plan: tuple[list[TaskNode], list[Link]],
) -> None:
    tasks, links = plan
    timing = critical_path(tasks, links, CALENDAR)
    index = CALENDAR.index_on_or_after
    durations = {
        node.id: max(0, CALENDAR.index_on_or_before(node.planned_end) - index(node.planned_start) + 1)  # type: ignore[arg-type]
        for node in tasks
    }
    starts = {node_id: index(value.early_start) for node_id, value in timing.items()}
    for node in tasks:
        assert starts[node.id] >= index(node.planned_start)  # type: ignore[arg-type]
        assert timing[node.id].slack >= 0
        assert timing[node.id].late_start >= timing[node.id].early_start
    for link in links:
        p, s = link.predecessor, link.successor
        bound = {
            FS: starts[p] + durations[p] + link.lag,
            SS: starts[p] + link.lag,
            FF: starts[p] + durations[p] + link.lag - durations[s],
            SF: starts[p] + link.lag - durations[s],
        }[link.type]
        assert starts[s] >= bound
    assert any(value.critical for value in timing.values())
