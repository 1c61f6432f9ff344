"""Where things are on a progress form: shared by the writer and the reader, so the two agree."""

from __future__ import annotations

import datetime

# The hidden sheet holding the form's identifiers; found by its first cell, whatever its name.
# Not "dxplanner": that sheet marks a data workbook, which the import restores whole.
HIDDEN_SHEET = "dxplanner_form"
# The rows above the table: title, plan, unit, period, deadline, what to do; then the headings.
GROUP_HEADING_ROW = 8
HEADING_ROW = 9
FIRST_ROW = 10
# Columns, from 1: the plan's cells (read-only), then the unit's (filled).
NUMBER, CODE, NAME, START, END, LAST_PROGRESS, LAST_STATUS = range(1, 8)
PROGRESS, STATUS, ACTUAL_START, ACTUAL_END, REMARK, DIFFICULTY, PROPOSAL = range(8, 15)
PLAN_COLUMNS = (CODE, NAME, START, END, LAST_PROGRESS, LAST_STATUS)
FILL_COLUMNS = (PROGRESS, STATUS, ACTUAL_START, ACTUAL_END, REMARK, DIFFICULTY, PROPOSAL)
LAST_COLUMN = PROPOSAL
DATE_FORMAT = "dd/mm/yyyy"
# Under the table, after a blank row: who filled the form and how to reach them (fill cells beside
# the labels, in START), and the head of the unit's signature block (from REMARK on).
FOOT_GAP = 1
FOOT_ROWS = 6
FOOT_FILL_LAST = LAST_STATUS  # the fill cells of the foot span START..LAST_STATUS
SIGNATURE = REMARK

# The hidden sheet: key-value rows, then one row per task, then the checksum.
TASKS_MARK = "tasks"
CHECKSUM_MARK = "checksum"


def date_text(value: datetime.date | None) -> str:
    """A date as the hidden sheet keeps it (ISO, "" for none)."""
    return value.isoformat() if value is not None else ""


def number_text(value: float) -> str:
    """A progress figure as the hidden sheet keeps it: 85, 12.5 (what a spreadsheet gives back)."""
    rounded = round(float(value), 6)
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)
