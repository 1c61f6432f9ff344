"""Reading order and group roll-ups of a task tree."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.outline import outline
from dxplanner.core.rollup import TaskNode

D = datetime.date


def _node(
    node_id: int,
    parent: int | None,
    position: int,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    progress: float = 0,
) -> TaskNode:
    return TaskNode(node_id, parent, position, start, end, progress)


NODES = [
    _node(1, None, 0),  # I (group)
    _node(2, 1, 1, D(2025, 4, 1), D(2025, 4, 30), 100),  # 30 days, done
    _node(3, 1, 0, D(2025, 1, 1), D(2025, 3, 31), 0),  # 90 days, not started
    _node(4, None, 1),  # II (group)
    _node(5, 4, 0),  # 1 (sub-group)
    _node(6, 5, 0, D(2025, 7, 1), D(2025, 7, 10), 50),
    _node(7, None, 2, D(2025, 12, 31), D(2025, 12, 31), 0),  # milestone
]


def test_parents_come_before_children_in_position_order() -> None:
    rows = outline(NODES)
    assert [(row.id, row.depth) for row in rows] == [(1, 0), (3, 1), (2, 1), (4, 0), (5, 1), (6, 2), (7, 0)]
    assert [row.has_children for row in rows] == [True, False, False, True, True, False, False]


def test_groups_span_their_children_and_weigh_progress_by_length() -> None:
    rows = {row.id: row for row in outline(NODES)}
    assert (rows[1].start, rows[1].end) == (D(2025, 1, 1), D(2025, 4, 30))
    # Weighted by working days: April 2025 has 21 (22 weekdays, less Hùng Kings on 7/4 and
    # 30/4, plus Saturday 26/4 worked in exchange); Q1 has 58 (Tết took 27-31/1 and 1/1 is off).
    assert rows[1].progress == pytest.approx(100 * 21 / 79)
    assert (rows[4].start, rows[4].end, rows[4].progress) == (D(2025, 7, 1), D(2025, 7, 10), 50)
    assert (rows[7].start, rows[7].progress) == (D(2025, 12, 31), 0)


def test_a_subtree_starts_at_its_root() -> None:
    assert [row.id for row in outline(NODES, root_id=4)] == [4, 5, 6]
    assert outline(NODES, root_id=99) == []


def test_a_group_without_dated_children_keeps_no_dates() -> None:
    rows = outline([_node(1, None, 0), _node(2, 1, 0, progress=40)])
    assert (rows[0].start, rows[0].end, rows[0].progress) == (None, None, 40)


def test_an_empty_plan_has_no_rows() -> None:
    assert outline([]) == []
