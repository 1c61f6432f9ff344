"""Reading whichever table a workbook holds: an action plan's tasks, or a strategy's indicators."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.plan_table import PlanTable, TableField
from dxplanner.excel.plan_reader import read_plan_table

if TYPE_CHECKING:
    from dxplanner.excel.indicator_reader import Progress

# Columns only a table of tasks has: when found, the table is one, whatever else its headings say.
_TASK_ONLY = {TableField.TIMELINE, TableField.START, TableField.END, TableField.BUDGET, TableField.SOURCE}
# The share of rows whose target is a figure that makes a "Nội dung | Mục tiêu" table one of indicators.
_FIGURES_SHARE = 2 / 3


class WatchedProgress:
    """A reading's progress passed on to the user's, remembering whether the user stopped it: a
    refusal then is the stop's, not a sign to try the workbook as another kind of table."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self.stopped = False

    def __call__(self, done: int, expected: int) -> bool:
        self.stopped = self._progress is not None and not self._progress(done, expected)
        return not self.stopped


def read_table(
    path: Path,
    *,
    kind: TableKind | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    columns: dict[int, TableField] | None = None,
    progress: Progress | None = None,
    plan_date: datetime.date | None = None,
) -> PlanTable | IndicatorTable:
    """The table of the kind asked for, or (kind None) the kind the workbook's headings say.

    A task table is looked for first, as before; a workbook with none, or whose "task" header
    names indicators and targets ("Chỉ tiêu", "Mục tiêu 2025"), is read as indicators. When
    neither is found, the task reader's refusal stands: it says what a plan table needs.
    """
    if kind is TableKind.INDICATORS:
        return _read_indicators(path, sheet=sheet, header_row=header_row, progress=progress)
    if kind is TableKind.TASKS or columns is not None:
        return read_plan_table(
            path, sheet=sheet, header_row=header_row, columns=columns, progress=progress, plan_date=plan_date
        )
    watched = WatchedProgress(progress)
    try:
        table = read_plan_table(
            path, sheet=sheet, header_row=header_row, progress=watched, plan_date=plan_date
        )
    except InvalidInputError as refused:
        if watched.stopped:
            raise
        try:
            return _read_indicators(path, sheet=sheet, header_row=header_row, progress=progress)
        except InvalidInputError:
            raise refused from None
    if set(table.columns.values()) & _TASK_ONLY:
        return table
    from dxplanner.excel.indicator_headings import may_name_indicators, names_indicators

    headings = table.headings.values()
    if names_indicators(headings):
        # Only then is the workbook read twice: a task table's headings rarely name targets.
        try:
            return _read_indicators(
                path, sheet=table.sheet, header_row=table.header_rows[0], progress=progress
            )
        except InvalidInputError:
            return table
    if may_name_indicators(headings):
        # "Nội dung | Mục tiêu": indicators when the targets are figures ("Tối thiểu 2%", "100%").
        try:
            indicators = _read_indicators(
                path, sheet=table.sheet, header_row=table.header_rows[0], progress=progress
            )
        except InvalidInputError:
            return table
        if _targets_are_figures(indicators):
            return indicators
    return table


def _read_indicators(
    path: Path, *, sheet: str | None, header_row: int | None, progress: Progress | None
) -> IndicatorTable:
    """The indicator reader's table: its modules are loaded only for a table that may list indicators,
    which spares a task table's reading a tenth of its modules' loading."""
    from dxplanner.excel.indicator_reader import read_indicator_table

    return read_indicator_table(path, sheet=sheet, header_row=header_row, progress=progress)


def _targets_are_figures(table: IndicatorTable) -> bool:
    """Whether most rows of a table read as indicators have a target that is a figure."""
    items = table.indicators
    figures = sum(any(target.value is not None for target in item.targets) for item in items)
    return bool(items) and figures >= _FIGURES_SHARE * len(items)
