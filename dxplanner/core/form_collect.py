"""What collecting returned progress forms writes: per form a receipt, per task a progress report."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dxplanner.core.enums import TaskStatus
from dxplanner.core.progress_form import FormRole


@dataclass(frozen=True)
class ReportToWrite:
    """A task's progress report as a unit's form states it, with the task's actual dates when given."""

    task_id: int
    as_of: datetime.date
    progress: float
    status: TaskStatus
    remark: str | None = None
    difficulty: str | None = None
    proposal: str | None = None
    author: str | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None


@dataclass(frozen=True)
class ReceiptToWrite:
    """A unit's form of a round, taken into the plan with the reports the user accepted from it."""

    round_id: int
    unit_id: int
    received_at: datetime.datetime
    reporter: str | None
    file_name: str | None
    reports: tuple[ReportToWrite, ...] = ()
    role: FormRole = FormRole.LEAD
