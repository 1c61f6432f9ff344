"""The report's charts, as Excel's own (XlsxWriter) charts so that they stay editable in Excel."""

from __future__ import annotations

from typing import Any

# Done, on schedule, late, not started, paused or cancelled: the dashboard's colours.
_STATUS_COLOURS = ("2E7D32", "1565C0", "C62828", "9E9E9E", "6D4C41")
_PIXELS_PER_CM = 96 / 2.54


def _cell(anchor: str) -> tuple[int, int]:
    """A cell's name ("A12") as XlsxWriter's (row, column), from 0."""
    letters = anchor.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(anchor[len(letters) :]) - 1, column - 1


def add_units_chart(
    book: Any, sheet: Any, heading_row: int, last_row: int, groups: int, anchor: str, title: str
) -> None:
    """A stacked bar per lead unit of its tasks by status, from the table at heading_row..last_row."""
    chart = book.book.add_chart({"type": "bar", "subtype": "stacked"})
    name = sheet.get_name()
    first, last = heading_row, last_row - 1  # the table's rows under its headings, from 0
    for column, colour in zip(range(1, groups + 1), _STATUS_COLOURS, strict=False):
        chart.add_series(
            {
                "name": [name, heading_row - 1, column],
                "categories": [name, first, 0, last, 0],
                "values": [name, first, column, last, column],
                "fill": {"color": f"#{colour}"},
                "border": {"color": f"#{colour}"},
                "overlap": 100,
            }
        )
    chart.set_title({"name": title})
    # In a bar chart the categories run up the y axis: the first unit on top, as in the table.
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"major_gridlines": {"visible": False}})
    height = min(16, max(7.5, 0.6 * (last_row - heading_row) + 3))  # within a page, in cm
    chart.set_size({"width": round(18 * _PIXELS_PER_CM), "height": round(height * _PIXELS_PER_CM)})
    sheet.insert_chart(*_cell(anchor), chart)


def add_progress_chart(
    book: Any, sheet: Any, heading_row: int, last_row: int, anchor: str, title: str
) -> None:
    """Planned and reported progress over time, from the date table at heading_row..last_row."""
    chart = book.book.add_chart({"type": "line"})
    name = sheet.get_name()
    first, last = heading_row, last_row - 1
    looks = ({"color": "#1565C0", "dash_type": "dash"}, {"color": "#2E7D32"})
    for column, line in zip((1, 2), looks, strict=True):
        chart.add_series(
            {
                "name": [name, heading_row - 1, column],
                "categories": [name, first, 0, last, 0],
                "values": [name, first, column, last, column],
                "line": line,
                "smooth": False,
            }
        )
    chart.set_title({"name": title})
    chart.set_y_axis({"min": 0, "max": 100})
    chart.set_x_axis({"num_format": "mm/yyyy"})
    chart.set_size({"width": round(22 * _PIXELS_PER_CM), "height": round(10 * _PIXELS_PER_CM)})
    sheet.insert_chart(*_cell(anchor), chart)
