"""The report's charts, as Excel's own (openpyxl) charts so that they stay editable in Excel."""

from __future__ import annotations

from typing import Any

# Done, on schedule, late, not started, paused or cancelled: the dashboard's colours.
_STATUS_COLOURS = ("2E7D32", "1565C0", "C62828", "9E9E9E", "6D4C41")


def add_units_chart(
    sheet: Any, heading_row: int, last_row: int, groups: int, anchor: str, title: str
) -> None:
    """A stacked bar per lead unit of its tasks by status, from the table at heading_row..last_row."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = title
    chart.height = min(16, max(7.5, 0.6 * (last_row - heading_row) + 3))  # within a page
    chart.width = 18
    data = Reference(sheet, min_col=2, max_col=1 + groups, min_row=heading_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=heading_row + 1, max_row=last_row))
    for series, colour in zip(chart.series, _STATUS_COLOURS, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
    sheet.add_chart(chart, anchor)


def add_progress_chart(sheet: Any, heading_row: int, last_row: int, anchor: str, title: str) -> None:
    """Planned and reported progress over time, from the date table at heading_row..last_row."""
    from openpyxl.chart import LineChart, Reference

    chart = LineChart()
    chart.title = title
    chart.width, chart.height = 22, 10
    chart.add_data(
        Reference(sheet, min_col=2, max_col=3, min_row=heading_row, max_row=last_row), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=heading_row + 1, max_row=last_row))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.x_axis.number_format = "mm/yyyy"
    planned, reported = chart.series
    planned.graphicalProperties.line.solidFill = "1565C0"
    planned.graphicalProperties.line.dashStyle = "dash"
    reported.graphicalProperties.line.solidFill = "2E7D32"
    for series in chart.series:
        series.smooth = False
    sheet.add_chart(chart, anchor)
