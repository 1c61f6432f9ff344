"""The Gantt chart beside the sheet: its bars, drags, export and the chart browser."""
