"""Cells merged down over several task rows: the value written once belongs to every row it covers."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from dxplanner.core.plan_table import TableField
from dxplanner.excel.workbook import Row

# What a merged cell may give to each row under it. Never money (it would be counted once per row)
# and never the number or the name (rows merged there are parts of one task, read as such).
FILLED_DOWN = frozenset(
    {
        TableField.LEAD_UNIT,
        TableField.COOPERATING,
        TableField.TIMELINE,
        TableField.START,
        TableField.END,
        TableField.PRODUCT,
        TableField.NOTES,
        TableField.SOURCE,
    }
)

Range = tuple[int, int, int, int]  # first row, first column, last row, last column; 1-based


class FillDown:
    """Which rows take which columns' values from the first row of a merged range above them."""

    def __init__(
        self,
        ranges: Iterable[Range],
        columns: Mapping[int, object],
        first_data_row: int,
        filled_down: Collection[object] = FILLED_DOWN,
    ) -> None:
        """filled_down: the kinds of column (of columns) a merged block gives to every row it covers."""
        self._tops: dict[int, list[int]] = {}  # a range's first row -> its columns (0-based)
        self._below: dict[int, list[tuple[int, int]]] = {}  # a row -> (column, the range's first row)
        for first_row, first_column, last_row, _last_column in ranges:
            column = first_column - 1  # a block's value is in its first column; the others stay empty
            if last_row <= first_row or first_row < first_data_row or columns.get(column) not in filled_down:
                continue
            self._tops.setdefault(first_row, []).append(column)
            for row in range(first_row + 1, last_row + 1):
                self._below.setdefault(row, []).append((column, first_row))
        for filled in self._below.values():
            filled.sort()  # in the order of the columns, as a user reads the row
        self._values: dict[tuple[int, int], object] = {}

    def __bool__(self) -> bool:
        return bool(self._tops)

    def note(self, number: int, row: Row) -> None:
        """Keep the values a range's first row gives to the rows under it."""
        for column in self._tops.get(number, ()):
            self._values[number, column] = row[column] if column < len(row) else None

    def fill(self, number: int, row: Row) -> tuple[Row, list[tuple[int, int]]]:
        """The row with the merged values it lies under, and (column, first row) for each value filled."""
        below = self._below.get(number)
        if not below:
            return row, []
        cells = list(row)
        filled: list[tuple[int, int]] = []
        for column, first_row in below:
            value = self._values.get((first_row, column))
            if value is None:
                continue
            if column >= len(cells):
                cells.extend([None] * (column + 1 - len(cells)))
            if cells[column] is None:
                cells[column] = value
                filled.append((column, first_row))
        return tuple(cells), filled
