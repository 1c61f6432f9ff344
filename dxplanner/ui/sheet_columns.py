"""The task sheet's columns beside the chart: the row a planner reads, each column as wide as its values."""

from __future__ import annotations

import datetime

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTreeView

from dxplanner.core.enums import TaskStatus
from dxplanner.core.status import Health
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.ui.dates import DateStyle
from dxplanner.ui.sheet_model import COLUMN_TITLES, SheetColumn, TaskSheetModel

# What a task's row shows beside the chart; the rest is in the details, or shown again without the chart.
BESIDE_CHART = (
    SheetColumn.CODE,
    SheetColumn.NAME,
    SheetColumn.LEAD,
    SheetColumn.START,
    SheetColumn.END,
    SheetColumn.PROGRESS,
    SheetColumn.STATUS,
)
# The name takes what the other columns leave; below this it is cut too short to tell tasks apart.
NAME_WIDTH = 240
# A unit's name is cut (its whole name is in the cell's tooltip): short names fit.
LEAD_WIDTH = 116
_PADDING = 18  # the cell's margins, and room for the header's sort arrow
_LONGEST_CODE = 140
_SHORTEST_CODE = 56
_CELL_MARGINS = 7  # a cell's text margins (3 pixels a side), and one to spare


def number_width(view: QTreeView) -> int:
    """The number column as wide as its widest number on the row it stands on.

    The tree indents each level inside this column: measured on the rows laid out (the top ones,
    when the groups were closed), "6.1" two levels down was left two pixels and showed blank.
    """
    model = view.model()
    numbers = model.numbers_at_depths() if isinstance(model, TaskSheetModel) else set()
    bold = QFont(view.font())
    bold.setBold(True)  # a group's number is bold: the wider of the two
    metrics = QFontMetrics(bold)
    step = view.indentation()
    widths = ((depth + 1) * step + metrics.horizontalAdvance(number) for depth, number in numbers)
    heading = view.header().fontMetrics().horizontalAdvance(_(COLUMN_TITLES[SheetColumn.CODE])) + _PADDING
    return min(max(max(widths, default=0) + _CELL_MARGINS, heading, _SHORTEST_CODE), _LONGEST_CODE)


def compact_widths(view: QTreeView, dates: DateStyle) -> dict[SheetColumn, int]:
    """Each column of the row beside the chart as wide as its widest value or its heading."""
    cells, headings = view.fontMetrics(), view.header().fontMetrics()

    def fit(column: SheetColumn, *values: str) -> int:
        texts = [cells.horizontalAdvance(value) for value in values]
        return max([headings.horizontalAdvance(_(COLUMN_TITLES[column])), *texts]) + _PADDING

    day = dates.write(datetime.date(2026, 12, 28))
    return {
        SheetColumn.CODE: number_width(view),
        SheetColumn.LEAD: LEAD_WIDTH,
        SheetColumn.START: fit(SheetColumn.START, day),
        SheetColumn.END: fit(SheetColumn.END, day),
        SheetColumn.PROGRESS: fit(SheetColumn.PROGRESS, "100%"),
        # A task's standing on the day (late, at risk) where it has one, else its stored status.
        SheetColumn.STATUS: fit(SheetColumn.STATUS, *(label(status) for status in (*TaskStatus, *Health))),
    }


def arrange_beside_chart(view: QTreeView, dates: DateStyle) -> None:
    """Show the row's columns at their widths, the name filling what is left (cut, never scrolled to)."""
    header = view.header()
    for column in SheetColumn:
        view.setColumnHidden(column, column not in BESIDE_CHART)
    for column, width in compact_widths(view, dates).items():
        header.resizeSection(column, width)
    header.setMinimumSectionSize(40)
    header.setSectionResizeMode(SheetColumn.NAME, QHeaderView.ResizeMode.Stretch)


def row_width(view: QTreeView) -> int:
    """How wide the sheet must be to show its visible columns, the name at its useful width, whole."""
    header = view.header()
    others = sum(
        header.sectionSize(column)
        for column in SheetColumn
        if column is not SheetColumn.NAME and not view.isColumnHidden(column)
    )
    scroll_bar = view.verticalScrollBar()
    bar = scroll_bar.sizeHint().width() if scroll_bar is not None else 0
    return others + NAME_WIDTH + bar + 2 * view.frameWidth()
