"""The chart's rows as the sheet shows them: bars built from the sheet's model, and links indexed by row.

The visual order (which rows are on screen, in which order, with groups open or closed)
is computed once per change of layout, not per paint; links are filed in blocks of rows
so that a paint only looks at the links that cross the rows it draws.
"""

from __future__ import annotations

from collections.abc import Callable

from dxplanner.core.gantt_bar import GanttBar
from dxplanner.core.schedule import Link
from dxplanner.ui.sheet_model import TaskSheetModel

LINK_BLOCK_ROWS = 64
LONG_LINK_BLOCKS = 8  # a link crossing more blocks than this is kept on the list of long links


def bar_of(model: TaskSheetModel, task_id: int, with_text: bool = True) -> GanttBar | None:
    """A task's bar as the sheet's model knows it (without text when only its geometry is needed)."""
    node, rolled = model.node(task_id), model.rolled(task_id)
    if node is None or rolled is None:
        return None
    is_group = model.has_children(task_id)
    row = model.sheet_row(task_id) if with_text else None
    return GanttBar(
        task_id=task_id,
        level=0,
        code=model.number(task_id) if row else None,
        name=row.name if row else "",
        lead_unit=row.lead_unit if row else None,
        start=rolled.start,
        end=rolled.end,
        progress=rolled.progress,
        health=model.health(task_id),
        is_group=is_group,
        is_milestone=node.is_milestone and not is_group,
        baseline_start=row.baseline_start if row else None,
        baseline_end=row.baseline_end if row else None,
        actual_start=row.actual_start if row else None,
        actual_end=row.actual_end if row else None,
    )


Placed = tuple[Link, int, int]  # a link and the rows of its two ends


class LinkIndex:
    """Links filed by blocks of rows, so that a paint finds those crossing its rows without a full scan.

    A link spanning many blocks is kept on a short list of long links instead, checked on
    every paint: filing it under every block it crosses would cost more than it saves.
    """

    def __init__(self, placed: list[Placed]) -> None:
        # Filed as (link's number, row, row): a tuple of ints only, which the cycle collector stops
        # walking, where one holding the link is walked by every full pass (one per link: 15,000).
        self._links: list[Link] = []
        self._blocks: dict[int, list[tuple[int, int, int]]] = {}
        self._long: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, str]] = set()
        for link, row_a, row_b in placed:
            # Links into a closed group all land on its row: one arrow per pair of rows is enough.
            # (`_value_` is a plain attribute; an enum's `.value` and hash are slow Python calls.)
            key = (row_a, row_b, link.type._value_)
            if row_a == row_b or key in seen:
                continue
            seen.add(key)
            entry = (len(self._links), row_a, row_b)
            self._links.append(link)
            low, high = (row_a, row_b) if row_a < row_b else (row_b, row_a)
            first, last = low // LINK_BLOCK_ROWS, high // LINK_BLOCK_ROWS
            if last - first > LONG_LINK_BLOCKS:
                self._long.append(entry)
                continue
            for block in range(first, last + 1):
                self._blocks.setdefault(block, []).append(entry)

    def across(self, first_row: int, last_row: int) -> list[Placed]:
        """The links (with the rows of their ends) that start, end or pass within the rows."""
        found: dict[int, Placed] = {}  # by the link's number: one filed under several blocks comes once
        for block in range(first_row // LINK_BLOCK_ROWS, last_row // LINK_BLOCK_ROWS + 1):
            for number, row_a, row_b in self._blocks.get(block, ()):
                if min(row_a, row_b) <= last_row and max(row_a, row_b) >= first_row:
                    found[number] = (self._links[number], row_a, row_b)
        for number, row_a, row_b in self._long:
            if min(row_a, row_b) <= last_row and max(row_a, row_b) >= first_row:
                found[number] = (self._links[number], row_a, row_b)
        return list(found.values())


class VisualRows:
    """The rows shown, top to bottom, and the links that cross each block of them."""

    def __init__(self, model: TaskSheetModel, is_expanded: Callable[[int], bool]) -> None:
        self._model = model
        self._is_expanded = is_expanded
        self._links: list[Link] = []
        self._order: list[int] | None = None
        self._row_of: dict[int, int] = {}
        self._index = LinkIndex([])

    def set_links(self, links: list[Link]) -> None:
        """The plan's links (refiled at the next use)."""
        self._links = links
        self._order = None

    def invalidate(self) -> None:
        """Groups opened or closed, rows came or went: recompute at the next use."""
        self._order = None

    def order(self) -> list[int]:
        """The task ids of the rows shown, top to bottom."""
        if self._order is None:
            self._rebuild()
        assert self._order is not None
        return self._order

    def row_of(self, task_id: int) -> int | None:
        """The row a task is shown in (None when it is hidden in a closed group or filtered out)."""
        self.order()
        return self._row_of.get(task_id)

    def links_across(self, first_row: int, last_row: int) -> list[Placed]:
        """The links (with the rows of their two ends) that start, end or pass within the rows."""
        self.order()
        return self._index.across(first_row, last_row)

    def _rebuild(self) -> None:
        model = self._model
        order: list[int] = []
        self._open: set[int] = set()  # the groups on screen that are open
        stack = list(reversed(model.children_shown(None)))
        while stack:
            task_id = stack.pop()
            order.append(task_id)
            if model.has_children(task_id) and self._is_expanded(task_id):
                self._open.add(task_id)
                stack.extend(reversed(model.children_shown(task_id)))
        self._order = order
        self._row_of = {task_id: row for row, task_id in enumerate(order)}
        placed: list[Placed] = []
        for link in self._links:
            row_a, row_b = self._shown_row(link.predecessor), self._shown_row(link.successor)
            if row_a is not None and row_b is not None:
                placed.append((link, row_a, row_b))
        self._index = LinkIndex(placed)

    def _shown_row(self, task_id: int) -> int | None:
        """The row of a task, or of the closed group that hides it (None when a filter hides it)."""
        if task_id in self._row_of:
            return self._row_of[task_id]
        current = self._model.parent_of(task_id)
        while current is not None:
            row = self._row_of.get(current)
            if row is not None:
                # An open group on screen without this task below it: the filter left the task out.
                return None if current in self._open else row
            current = self._model.parent_of(current)
        return None
