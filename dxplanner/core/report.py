"""The progress report a ministry expects, as plain data: its header, summary, task table and lists."""

from __future__ import annotations

import datetime
import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dxplanner.core.budget import Money
from dxplanner.core.dashboard import AttentionItem, IndicatorData, ProgressData, UnitLoad
from dxplanner.core.report_estate import EstateReport
from dxplanner.core.status import Health


class StatusGroup(enum.StrEnum):
    """How a report counts a task: done, on schedule, late, not started, or paused and cancelled."""

    DONE = "done"
    ON_SCHEDULE = "on_schedule"
    LATE = "late"
    NOT_STARTED = "not_started"
    OTHER = "other"


STATUS_GROUP = {
    Health.DONE: StatusGroup.DONE,
    Health.ON_TRACK: StatusGroup.ON_SCHEDULE,
    Health.AT_RISK: StatusGroup.ON_SCHEDULE,  # behind the planned curve, but not past its end
    Health.LATE: StatusGroup.LATE,
    Health.NOT_STARTED: StatusGroup.NOT_STARTED,
    Health.PAUSED: StatusGroup.OTHER,
    Health.CANCELLED: StatusGroup.OTHER,
}


@dataclass(frozen=True)
class ReportRow:
    """A task or group of the report's table, in the plan's order."""

    task_id: int
    level: int
    code: str | None
    name: str
    is_group: bool
    lead: str | None
    cooperating: str
    timeline_text: str | None
    start: datetime.date | None
    end: datetime.date | None
    product: str | None
    progress: float
    health: Health
    remark: str | None
    days_late: int
    lead_id: int | None = None  # two units may share a name
    own_work: bool = False  # a group that also holds work of its own (see rollup.has_own_work)
    # The latest a unit's progress form said in the reporting quarter (None: nothing said).
    difficulty: str | None = None
    proposal: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the summary counts the row as a task: a leaf, or a group with work of its own."""
        return not self.is_group or self.own_work


@dataclass(frozen=True)
class ReportData:
    """Everything the progress report shows about one plan on one day."""

    agency: str
    plan_name: str
    period: tuple[datetime.date, datetime.date]
    as_of: datetime.date
    rows: tuple[ReportRow, ...]
    budget: tuple[tuple[str, Money], ...]
    indicators: tuple[IndicatorData, ...]
    attention: tuple[AttentionItem, ...]
    units: tuple[UnitLoad, ...]
    progress: ProgressData
    superior: str = ""  # the plan's unit's governing unit: the first line of an official heading
    agency_short: str | None = None  # the plan's unit's short name ("VPCP"), for the document's symbol
    estate: EstateReport | None = None  # the estate on the report's day; None: the file has none

    @property
    def counts(self) -> Mapping[StatusGroup, int]:
        """How many tasks (plain groups not counted) stand in each status group."""
        return status_counts(row.health for row in self.rows if row.counted)


def status_counts(standings: Iterable[Health]) -> dict[StatusGroup, int]:
    """Tasks by status group, every group present (zero when none)."""
    counted = Counter(STATUS_GROUP[state] for state in standings)
    return {group: counted.get(group, 0) for group in StatusGroup}
