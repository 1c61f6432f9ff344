"""The one plan projection: reading order, numbers, group roll-ups and standing on a day."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.enums import TaskStatus
from dxplanner.core.projection import PlanProjection, project_plan
from dxplanner.core.rollup import Rolled, TaskNode, by_budget, by_working_days, has_own_work, roll_up
from dxplanner.core.status import Health, Standing, health, health_of_all, standings
from dxplanner.core.workdays import WorkCalendar

D = datetime.date
CALENDAR = WorkCalendar()
AS_OF = D(2025, 6, 30)


def _node(
    node_id: int,
    parent: int | None,
    position: int,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    progress: float = 0,
    status: TaskStatus = TaskStatus.NOT_STARTED,
    heading: bool = False,
) -> TaskNode:
    return TaskNode(node_id, parent, position, start, end, progress, status=status, is_heading=heading)


NODES = [
    _node(1, None, 0, heading=True),  # I (group)
    _node(2, 1, 1, D(2025, 4, 1), D(2025, 4, 30), 100),  # 30 days, done
    _node(3, 1, 0, D(2025, 1, 1), D(2025, 3, 31), 0),  # 90 days, not started
    _node(4, None, 1, heading=True),  # II (group)
    _node(5, 4, 0),  # 1 (sub-group)
    _node(6, 5, 0, D(2025, 7, 1), D(2025, 7, 10), 50),
    _node(7, None, 2, D(2025, 12, 31), D(2025, 12, 31), 0),  # milestone
]


def test_parents_come_before_children_in_position_order() -> None:
    projection = project_plan(NODES, CALENDAR, AS_OF)
    assert [(task.id, task.depth, task.parent) for task in projection] == [
        (1, 0, None), (3, 1, 1), (2, 1, 1), (4, 0, None), (5, 1, 4), (6, 2, 5), (7, 0, None)
    ]  # fmt: skip
    assert [task.has_children for task in projection] == [True, False, False, True, True, False, False]
    assert projection.children[None] == (1, 4, 7) and projection.children[1] == (3, 2)


def test_groups_span_their_children_and_weigh_progress_by_length() -> None:
    projection = project_plan(NODES, CALENDAR, AS_OF)
    assert (projection[1].start, projection[1].end) == (D(2025, 1, 1), D(2025, 4, 30))
    # Weighted by working days: April 2025 has 21 (22 weekdays, less Hùng Kings on 7/4 and
    # 30/4, plus Saturday 26/4 worked in exchange); Q1 has 58 (Tết took 27-31/1 and 1/1 is off).
    assert projection[1].progress == pytest.approx(100 * 21 / 79)
    assert projection[1].weight == 79
    assert (projection[4].start, projection[4].end, projection[4].progress) == (
        D(2025, 7, 1),
        D(2025, 7, 10),
        50,
    )
    assert (projection[7].start, projection[7].progress) == (D(2025, 12, 31), 0)


def test_tasks_are_numbered_by_their_codes_else_by_their_place() -> None:
    projection = project_plan(NODES, CALENDAR, AS_OF, codes={1: "I", 3: "1", 4: None})
    assert [task.number for task in projection] == ["I", "1", "2", "II", "1", "1.1", "III"]


def test_each_task_stands_on_the_day_looked_at() -> None:
    projection = project_plan(NODES, CALENDAR, AS_OF)
    # Task 3 ended on 31/3 with nothing done: 91 days late on 30/6; its group is late with it.
    assert (projection[3].health, projection[3].days_late, projection.planned(3)) == (Health.LATE, 91, 100)
    assert (projection[1].health, projection[1].days_late) == (Health.LATE, 61)
    assert (projection[6].health, projection.planned(6), projection[6].days_late) == (Health.ON_TRACK, 0, 0)
    assert projection[2].health is Health.DONE
    assert project_plan(NODES, CALENDAR, D(2025, 2, 14))[3].health is Health.AT_RISK


def test_a_project_with_work_of_its_own_counts_as_a_task() -> None:
    nodes = [
        _node(1, None, 0, D(2025, 1, 2), D(2025, 12, 31), 35, TaskStatus.IN_PROGRESS),
        _node(2, 1, 0, D(2025, 1, 2), D(2025, 1, 31), 100, TaskStatus.COMPLETED),
        _node(3, None, 1, heading=True),
        _node(4, 3, 0, D(2025, 2, 3), D(2025, 2, 28), 10),
    ]
    projection = project_plan(nodes, CALENDAR, AS_OF)
    assert (projection[1].own_work, projection[1].counts_as_task) == (True, True)
    assert (projection[3].own_work, projection[3].counts_as_task) == (False, False)
    assert [task.id for task in projection.work()] == [1, 2, 4]


def test_a_plan_may_weigh_its_tasks_by_money() -> None:
    nodes = [
        _node(1, None, 0, heading=True),
        _node(2, 1, 0, D(2025, 3, 3), D(2025, 3, 28), 100),
        _node(3, 1, 1, D(2025, 3, 3), D(2025, 3, 7), 0),
    ]
    money = by_budget({2: 1_000_000_000, 3: 3_000_000_000})
    assert project_plan(nodes, CALENDAR, AS_OF)[1].progress == pytest.approx(100 * 20 / 25)
    assert project_plan(nodes, CALENDAR, AS_OF, money)[1].progress == pytest.approx(25)


def test_a_group_without_dated_children_keeps_no_dates() -> None:
    projection = project_plan([_node(1, None, 0), _node(2, 1, 0, progress=40)], CALENDAR, AS_OF)
    assert (projection[1].start, projection[1].end, projection[1].progress) == (None, None, 40)
    assert projection.planned(1) is None


def test_a_task_whose_parent_is_gone_is_a_top_row() -> None:
    projection = project_plan([_node(2, 99, 0, progress=40)], CALENDAR, AS_OF)
    assert (projection[2].parent, projection[2].depth, projection.children[None]) == (None, 0, (2,))


def test_an_empty_plan_has_no_rows() -> None:
    projection = project_plan([], CALENDAR, AS_OF)
    assert (len(projection), projection.order(), projection.children) == (0, [], {None: ()})


# Property tests: random trees of up to 25 tasks.

_STATUSES = st.sampled_from(list(TaskStatus))


@st.composite
def _trees(draw: st.DrawFn) -> list[TaskNode]:
    count = draw(st.integers(0, 25))
    nodes = []
    for node_id in range(1, count + 1):
        # Any earlier task may be the parent, so trees of every shape come up; ids need not follow positions.
        parent = draw(st.one_of(st.none(), st.integers(1, node_id - 1))) if node_id > 1 else None
        dated = draw(st.booleans())
        start = draw(st.dates(D(2025, 1, 1), D(2025, 12, 31))) if dated else None
        end = start + datetime.timedelta(days=draw(st.integers(0, 200))) if start else None
        nodes.append(
            TaskNode(
                node_id,
                parent,
                draw(st.integers(0, 5)),
                start,
                end,
                draw(st.sampled_from([0.0, 10.0, 35.5, 80.0, 100.0])),
                is_milestone=draw(st.booleans()),
                status=draw(_STATUSES),
                is_heading=draw(st.booleans()),
            )
        )
    return draw(st.permutations(nodes))


@st.composite
def _projections(draw: st.DrawFn) -> tuple[list[TaskNode], PlanProjection]:
    """A random tree, and its projection on a random day around it."""
    nodes = draw(_trees())
    return nodes, project_plan(nodes, CALENDAR, draw(st.dates(D(2024, 12, 1), D(2026, 6, 1))))


def _work_below(projection: PlanProjection, task_id: int) -> list[tuple[float, float]]:
    """(progress, weight) of the work a group rolls up: its children, and its own share when it has one."""
    task = projection[task_id]
    parts = [(projection[child].progress, projection[child].weight) for child in projection.children[task_id]]
    if has_own_work(task.node):
        own_weight = 0.0 if task.node.status is TaskStatus.CANCELLED else projection.weight(task.node)
        own_progress = 100.0 if task.node.status is TaskStatus.COMPLETED else task.node.progress
        parts.append((own_progress, own_weight))
    return parts


@given(_projections())
def test_every_reading_order_has_parents_before_children_and_every_task_once(
    plan: tuple[list[TaskNode], PlanProjection],
) -> None:
    nodes, projection = plan
    order = projection.order()
    assert sorted(order) == sorted(node.id for node in nodes)
    seen: set[int] = set()
    for task in projection:
        assert task.parent is None or task.parent in seen
        assert task.depth == (0 if task.parent is None else projection[task.parent].depth + 1)
        assert task.has_children == bool(projection.children.get(task.id))
        seen.add(task.id)
    # Siblings come in position order.
    for below in projection.children.values():
        places = [(projection[child].node.position, child) for child in below]
        assert places == sorted(places)


@given(_projections())
def test_a_group_spans_its_children_and_its_progress_is_the_weighted_mean(
    plan: tuple[list[TaskNode], PlanProjection],
) -> None:
    _nodes, projection = plan
    for task in projection:
        below = [projection[child] for child in projection.children.get(task.id, ())]
        if not below:
            assert (task.start, task.end) == (task.node.planned_start, task.node.planned_end)
            continue
        inside = below + ([task] if has_own_work(task.node) else [])
        starts = [part.start for part in below if part.start] + (
            [task.node.planned_start] if has_own_work(task.node) and task.node.planned_start else []
        )
        ends = [part.end for part in below if part.end] + (
            [task.node.planned_end] if has_own_work(task.node) and task.node.planned_end else []
        )
        assert inside
        if starts:
            assert task.start == min(starts)
        if ends:
            assert task.end == max(ends)
        parts = _work_below(projection, task.id)
        total = sum(weight for _progress, weight in parts)
        assert task.weight == pytest.approx(total)
        if total > 0:
            assert task.progress == pytest.approx(
                sum(progress * weight for progress, weight in parts) / total
            )
        assert 0 <= task.progress <= 100


@given(_trees(), st.dates(D(2024, 12, 1), D(2026, 6, 1)), st.data())
def test_a_change_in_place_rolls_up_as_a_whole_new_projection(
    nodes: list[TaskNode], as_of: datetime.date, data: st.DataObject
) -> None:
    """The sheet's cheap update after an edit gives the figures projecting the whole plan again gives."""
    if not nodes:
        return
    changed = data.draw(
        st.lists(st.sampled_from(nodes), min_size=1, max_size=3, unique_by=lambda node: node.id)
    )
    fresh = [
        dataclasses.replace(
            node,
            progress=data.draw(st.sampled_from([0.0, 45.0, 100.0])),
            status=data.draw(_STATUSES),
            planned_end=(node.planned_end + datetime.timedelta(days=7)) if node.planned_end else None,
        )
        for node in changed
    ]
    codes = {fresh[0].id: data.draw(st.sampled_from([None, "7", "IV"]))}
    before = project_plan(nodes, CALENDAR, as_of, codes={node.id: None for node in nodes})
    by_id = {node.id: node for node in [*nodes, *fresh]}
    again = project_plan(by_id.values(), CALENDAR, as_of, codes={**(before.codes or {}), **codes})
    assert before.updated(fresh, codes) == again


def test_a_task_moved_elsewhere_reshapes_the_whole_projection() -> None:
    before = project_plan(NODES, CALENDAR, AS_OF)
    moved = dataclasses.replace(NODES[5], parent_id=1, position=5)
    after = before.updated([moved])
    assert after.children[1] == (3, 2, 6) and 5 not in after.children
    assert after == project_plan([*NODES[:5], moved, NODES[6]], CALENDAR, AS_OF)


@given(_projections())
def test_a_whole_plan_rolls_up_its_top_rows_as_a_group_does(
    plan: tuple[list[TaskNode], PlanProjection],
) -> None:
    nodes, projection = plan
    whole = projection.whole()
    tops = [projection[task_id] for task_id in projection.children[None]]
    assert whole.start == min((top.start for top in tops if top.start), default=None)
    assert whole.end == max((top.end for top in tops if top.end), default=None)
    assert whole.weight == pytest.approx(sum(top.weight for top in tops))
    if whole.weight > 0:
        assert whole.progress == pytest.approx(sum(top.progress * top.weight for top in tops) / whole.weight)
    if not nodes:
        assert whole == Rolled(None, None, 0.0, 0.0)
        return
    # Under a heading of its own, the plan is that heading's group.
    heading = TaskNode(0, None, 0, None, None, 0.0, is_heading=True)
    under = [
        dataclasses.replace(node, parent_id=0) if node.id in projection.children[None] else node
        for node in nodes
    ]
    grouped = project_plan([heading, *under], CALENDAR, projection.as_of)[0]
    assert (grouped.start, grouped.end, grouped.progress, grouped.weight) == (
        whole.start, whole.end, whole.progress, whole.weight
    )  # fmt: skip


def _standing_brute_force(nodes: list[TaskNode], as_of: datetime.date) -> dict[int, Health]:
    """Each task's standing from its definition, recursively: a group looks at all the work below it."""
    by_id = {node.id: node for node in nodes}
    below: dict[int | None, list[TaskNode]] = {}
    for node in nodes:
        below.setdefault(node.parent_id if node.parent_id in by_id else None, []).append(node)
    rolled = roll_up(nodes, by_working_days(CALENDAR))

    def own(node: TaskNode) -> Health:
        return health(node.status, node.progress, node.planned_start, node.planned_end, as_of, CALENDAR)

    def work(node: TaskNode) -> list[Health]:
        children = below.get(node.id, [])
        if not children:
            return [own(node)]
        inside = [state for child in children for state in work(child)]
        return inside + ([own(node)] if has_own_work(node) else [])

    standing = {}
    for node in nodes:
        inside = work(node)
        if not below.get(node.id):
            standing[node.id] = own(node)
        elif node.status in (TaskStatus.COMPLETED, TaskStatus.SUSPENDED, TaskStatus.CANCELLED):
            standing[node.id] = own(node)  # what a person stated stands
        elif all(state is Health.CANCELLED for state in inside):
            standing[node.id] = Health.CANCELLED
        elif all(state in (Health.DONE, Health.CANCELLED) for state in inside):
            standing[node.id] = Health.DONE
        else:
            values = rolled[node.id]
            progress = min(values.progress, 99.99)
            standing[node.id] = health(
                TaskStatus.IN_PROGRESS, progress, values.start, values.end, as_of, CALENDAR
            )
    return standing


@given(_trees(), st.dates(D(2024, 12, 1), D(2026, 6, 1)))
def test_every_standing_is_the_one_its_definition_gives(nodes: list[TaskNode], as_of: datetime.date) -> None:
    """Groups are stood in one pass from the bottom up; here, each from all the work below it."""
    projection = project_plan(nodes, CALENDAR, as_of)
    assert {task.id: task.health for task in projection} == _standing_brute_force(nodes, as_of)
    assert health_of_all(nodes, as_of, CALENDAR) == _standing_brute_force(nodes, as_of)


@given(_trees(), st.dates(D(2024, 12, 1), D(2026, 6, 1)))
def test_the_dashboards_standings_are_the_projections(nodes: list[TaskNode], as_of: datetime.date) -> None:
    weight = by_working_days(CALENDAR)
    projection = project_plan(nodes, CALENDAR, as_of, weight)
    assert standings(nodes, as_of, CALENDAR, weight) == {
        task.id: Standing(task.counts_as_task, task.health, task.days_late) for task in projection
    }
