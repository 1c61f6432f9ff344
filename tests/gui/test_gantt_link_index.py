"""The chart finds the links crossing the rows it paints: each once, with the rows of its two ends."""

from __future__ import annotations

import pytest

from dxplanner.core.enums import DependencyType
from dxplanner.core.schedule import Link
from dxplanner.ui.gantt.rows import LINK_BLOCK_ROWS, LONG_LINK_BLOCKS, LinkIndex

pytestmark = pytest.mark.gui

SHORT = Link(1, 2)  # rows 10 -> 12, within one block
ACROSS = Link(3, 4, DependencyType.SS)  # rows 60 -> 70, over a block's edge
LONG = Link(5, 6, DependencyType.FF, 2)  # rows 5 -> far below, on the list of long links
INTO_GROUP = Link(7, 8)  # both ends in one closed group's row: no arrow
TWICE = [Link(9, 10), Link(11, 10)]  # two links between the same two rows (a closed group): one arrow
FAR = (LONG_LINK_BLOCKS + 2) * LINK_BLOCK_ROWS


def _index() -> LinkIndex:
    return LinkIndex(
        [
            (SHORT, 10, 12),
            (ACROSS, 60, 70),
            (LONG, 5, FAR),
            (INTO_GROUP, 300, 300),
            (TWICE[0], 400, 420),
            (TWICE[1], 400, 420),
        ]
    )


def test_a_paint_finds_the_links_crossing_its_rows_once_each() -> None:
    index = _index()
    assert index.across(0, 20) == [(SHORT, 10, 12), (LONG, 5, FAR)]
    # A link filed under two blocks comes once; the long one passes through these rows too.
    assert index.across(62, 130) == [(ACROSS, 60, 70), (LONG, 5, FAR)]
    assert index.across(FAR, FAR) == [(LONG, 5, FAR)]
    assert index.across(FAR + 1, FAR + 500) == []
    assert index.across(290, 310) == [(LONG, 5, FAR)]
    assert index.across(405, 405) == [(TWICE[0], 400, 420), (LONG, 5, FAR)]
