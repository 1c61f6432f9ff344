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


def test_a_milestone_is_the_end_of_its_day() -> None:
    tasks = [
        task(1, D(2025, 1, 20), D(2025, 1, 24)),  # Monday to Friday before Tết
        task(2, D(2025, 1, 1), D(2025, 1, 1), milestone=True),  # "the system is accepted"
        task(3, D(2025, 1, 2), D(2025, 1, 3)),
    ]
    timing = critical_path(tasks, [Link(1, 2), Link(2, 3)], CALENDAR)
    # The milestone falls on the Friday the work ends, not after Tết; what follows starts after Tết.
    assert (timing[2].early_start, timing[2].early_finish) == (D(2025, 1, 24), D(2025, 1, 24))
    assert timing[3].early_start == D(2025, 2, 3)
    alone = critical_path([task(9, D(2025, 6, 30), D(2025, 6, 30), milestone=True)], [], CALENDAR)
    assert alone[9].early_start == D(2025, 6, 30)


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
    with pytest.raises(ScheduleCycleError, match="Nhiệm vụ ngoài") as raised:
        critical_path(tasks, [Link(1, 3), Link(3, 2)], CALENDAR, names.__getitem__)
    assert "Nhóm I" in raised.value.message


def test_a_cycle_between_two_groups_names_the_groups() -> None:
    names = {1: "Nhóm I", 2: "1.1", 3: "1.2", 4: "Nhóm II", 5: "2.1", 6: "2.2"}
    tasks = [task(1, None, None), task(4, None, None)] + [
        task(number, D(2025, 3, 3), D(2025, 3, 4), parent=1 if number < 4 else 4) for number in (2, 3, 5, 6)
    ]
    with pytest.raises(ScheduleCycleError) as raised:
        critical_path(tasks, [Link(1, 4), Link(4, 1)], CALENDAR, names.__getitem__)
    assert "Nhóm I" in raised.value.message and "Nhóm II" in raised.value.message


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
    """Random plans with groups, milestones and undated tasks; links only run forward (no cycle)."""
    leaves = draw(st.integers(min_value=1, max_value=18))
    tasks: list[TaskNode] = []
    members: dict[int, list[int]] = {}
    group_ids = list(range(100, 100 + draw(st.integers(0, 3))))
    for group in group_ids:
        tasks.append(TaskNode(group, None, group, None, None, 0.0))
    for number in range(leaves):
        parent = draw(st.sampled_from([None, *group_ids]))
        if draw(st.integers(0, 9)) == 0:
            tasks.append(TaskNode(number, parent, number, None, None, 0.0))
        else:
            start = D(2025, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 400)))
            milestone = draw(st.integers(0, 5)) == 0
            end = start if milestone else start + datetime.timedelta(days=draw(st.integers(0, 60)))
            tasks.append(TaskNode(number, parent, number, start, end, 0.0, is_milestone=milestone))
        if parent is not None:
            members.setdefault(parent, []).append(number)
    group_ids = [group for group in group_ids if group in members]
    tasks = [node for node in tasks if node.id < 100 or node.id in members]

    def span(node_id: int) -> list[int]:
        return members.get(node_id, [node_id])

    links = []
    ends = list(range(leaves)) + group_ids
    for _ in range(draw(st.integers(0, 30)) if len(ends) > 1 else 0):
        first, second = draw(st.sampled_from(ends)), draw(st.sampled_from(ends))
        if max(span(first)) < min(span(second)):  # every task of the first before every task of the second
            links.append(
                Link(first, second, draw(st.sampled_from(list(DependencyType))), draw(st.integers(-10, 10)))
            )
    return tasks, links


def _brute_force(tasks: list[TaskNode], links: list[Link]) -> dict[int, tuple[int, int]]:
    """Earliest and latest start indexes by plain relaxation over every pair of tasks a link joins."""
    children = {node.parent_id for node in tasks if node.parent_id is not None}
    leaves = {node.id: node for node in tasks if node.id not in children}
    release, duration = {}, {}
    for node in leaves.values():
        if node.planned_start is None or node.planned_end is None:
            continue
        if node.is_milestone:
            release[node.id], duration[node.id] = CALENDAR.index_on_or_before(node.planned_end) + 1, 0
        else:
            first = CALENDAR.index_on_or_after(node.planned_start)
            release[node.id] = first
            duration[node.id] = max(1, CALENDAR.index_on_or_before(node.planned_end) - first + 1)

    def inside(node_id: int) -> list[int]:
        return [leaf for leaf in leaves if leaf == node_id or leaves[leaf].parent_id == node_id]

    edges = []
    for link in links:
        for before in inside(link.predecessor):
            for after in inside(link.successor):
                if before in duration and after in duration:
                    weight = link.lag
                    if link.type in (FS, FF):
                        weight += duration[before]
                    if link.type in (FF, SF):
                        weight -= duration[after]
                    edges.append((before, after, weight))
    early = dict(release)
    for _ in range(len(early) + 1):
        for before, after, weight in edges:
            early[after] = max(early[after], early[before] + weight)
    finish = max((early[leaf] + duration[leaf] for leaf in early), default=0)
    late = {leaf: finish - duration[leaf] for leaf in early}
    for _ in range(len(late) + 1):
        for before, after, weight in edges:
            late[before] = min(late[before], late[after] - weight)
    return {leaf: (early[leaf], late[leaf]) for leaf in early}


@settings(deadline=None, max_examples=300)
@given(plans())
def test_the_schedule_agrees_with_a_brute_force_relaxation(plan: tuple[list[TaskNode], list[Link]]) -> None:
    tasks, links = plan
    timing = critical_path(tasks, links, CALENDAR)
    expected = _brute_force(tasks, links)
    milestones = {node.id for node in tasks if node.is_milestone}
    for leaf, (early, late) in expected.items():
        shift = 1 if leaf in milestones else 0  # a milestone shows the day its moment ends
        assert CALENDAR.index_on_or_after(timing[leaf].early_start) + shift == early
        assert CALENDAR.index_on_or_after(timing[leaf].late_start) + shift == late
        assert timing[leaf].slack == late - early >= 0
    assert set(expected) == {leaf for leaf in timing if leaf < 100}
    if expected:
        assert any(timing[leaf].critical for leaf in expected)


def test_a_task_keeps_its_own_dates_in_the_schedule_once_it_has_sub_tasks() -> None:
    # A project with work of its own done (35%) over March to June, and a sub-task added to it.
    project = TaskNode(1, None, 0, D(2025, 3, 3), D(2025, 6, 30), 35.0)
    tasks = [project, task(2, None, None, parent=1), task(3, D(2025, 3, 3), D(2025, 3, 28))]
    timing = critical_path(tasks, [], CALENDAR)
    assert (timing[1].early_start, timing[1].early_finish) == (D(2025, 3, 3), D(2025, 6, 30))
    assert timing[1].critical and not timing[3].critical
    # A link into the project holds back its own work as well as its sub-tasks'.
    timing = critical_path(tasks, [Link(3, 1)], CALENDAR)
    assert timing[1].early_start == D(2025, 3, 31)
    # A heading ("I.", "II.") has no work of its own, whatever its dates say.
    heading = TaskNode(1, None, 0, D(2025, 3, 3), D(2025, 6, 30), 35.0, is_heading=True)
    assert 1 not in critical_path([heading, task(2, None, None, parent=1)], [], CALENDAR)
