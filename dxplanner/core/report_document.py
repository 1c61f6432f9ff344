"""What the official progress report says, as plain data: its heading and the figures of its sections.

The Word report (Decree 30/2020's form of an administrative document) and the Excel report are
read from the same `ReportData`; the figures both show are worked out here once, so that the
document and its appendix cannot disagree.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from dxplanner.core.budget import Money
from dxplanner.core.report import ReportData, ReportRow, StatusGroup, status_counts
from dxplanner.core.status import Health
from dxplanner.i18n import _

# Central agencies sit in Hà Nội; a province's or a city's name follows "tỉnh" or "thành phố".
_PLACE = re.compile(r"\b(?:tỉnh|thành phố|TP\.?)\s+(.+)$", re.IGNORECASE)
CAPITAL = "Hà Nội"


@dataclass(frozen=True)
class DocumentHeading:
    """What Decree 30/2020 puts around a report's text: who issues it, its number, where, when, who signs."""

    superior: str  # the issuing agency's governing body ("" when it has none)
    agency: str
    symbol: str  # the part after "Số: …/", e.g. "BC-VPCP"
    place: str
    day: datetime.date
    signer_title: str  # one line per line of the block: "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"
    signer_name: str
    recipients: tuple[str, ...]


def agency_symbol(name: str, short_name: str | None = None) -> str:
    """The agency's letters in a document's symbol: its short name when written in capitals, else initials.

    "Sở Thông tin và Truyền thông" gives "STTVTT" minus the "và": "STTTT", as agencies write it.
    """
    if short_name and short_name.replace("&", "").replace(".", "").isupper() and " " not in short_name:
        return short_name.replace("&", "").replace(".", "")
    words = [word for word in name.split() if word.lower() not in {"và", "của", "-", "–"}]
    letters = "".join(word[0] for word in words if word[0].isalpha())
    return unicodedata.normalize("NFC", letters).upper()


def place_of(agency: str) -> str:
    """Where an agency signs its documents: the province or city its name ends with, else the capital."""
    found = _PLACE.search(agency.strip())
    return found.group(1).strip() if found else CAPITAL


def default_heading(
    data: ReportData,
    day: datetime.date,
    *,
    superior: str = "",
    short_name: str | None = None,
) -> DocumentHeading:
    """A heading the user can sign as it is, or change: the agency's own letters, place and recipients."""
    # Said in the report's language: the caller speaks it (the heading is written into the document).
    recipients = (
        _("{superior} (to report);").format(superior=superior) if superior else "",
        _("Archive: VT."),
    )
    return DocumentHeading(
        superior=superior,
        agency=data.agency,
        symbol="BC-" + agency_symbol(data.agency, short_name),
        place=place_of(data.agency),
        day=day,
        signer_title=_("HEAD OF THE AGENCY"),
        signer_name="",
        recipients=tuple(recipient for recipient in recipients if recipient),
    )


def report_year(data: ReportData) -> int:
    """The year of the targets the indicators are held against: the day's, within the strategy's years."""
    years = {year for indicator in data.indicators for year in indicator.years}
    return min(max(data.as_of.year, min(years)), max(years)) if years else data.as_of.year


def target_heading(data: ReportData) -> str:
    """The heading over the year's targets, saying whose year it is when it is not the report's own.

    A report after the strategy's last year holds the indicators against that year's targets (they
    still stand until a new strategy sets others); before its first year, against that year's.
    A heading that said only "Target 2025" over a 2026 report read as a mistake.
    """
    year = report_year(data)
    if year < data.as_of.year:
        return _("Target {year} (the strategy's last year)").format(year=year)
    if year > data.as_of.year:
        return _("Target {year} (the strategy's first year)").format(year=year)
    return _("Target {year}").format(year=year)


@dataclass(frozen=True)
class GroupResult:
    """How the tasks under one of the plan's headings stand."""

    code: str | None
    name: str
    counts: dict[StatusGroup, int]
    progress: float  # the heading's own rolled-up progress, as the task table shows it

    @property
    def total(self) -> int:
        """How many tasks the heading holds (as the summary counts them)."""
        return sum(self.counts.values())


def group_results(rows: Sequence[ReportRow]) -> list[GroupResult]:
    """Each top heading of the plan with its tasks counted by status group; tasks under no heading last."""
    results: list[GroupResult] = []
    loose: list[Health] = []
    heading: ReportRow | None = None
    inside: list[Health] = []
    for row in rows:
        if row.level == 0:
            if heading is not None:
                results.append(
                    GroupResult(heading.code, heading.name, status_counts(inside), heading.progress)
                )
            heading, inside = (row, []) if row.is_group else (None, [])
        if not row.counted:
            continue
        (inside if heading is not None else loose).append(row.health)
    if heading is not None:
        results.append(GroupResult(heading.code, heading.name, status_counts(inside), heading.progress))
    if loose:
        share = 0.0  # no heading rolls them up: their own average
        counted = [row for row in rows if row.counted and row.level == 0]
        if counted:
            share = sum(row.progress for row in counted) / len(counted)
        results.append(GroupResult(None, "", status_counts(loose), share))
    return results


def late_rows(rows: Sequence[ReportRow]) -> list[ReportRow]:
    """The tasks past their end and not done, latest first: the report says why, from their remarks."""
    late = [row for row in rows if row.counted and row.health is Health.LATE]
    return sorted(late, key=lambda row: -row.days_late)


def next_period(as_of: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The quarter after the one as_of falls in: what the report's last section looks ahead to."""
    quarter = (as_of.month - 1) // 3 + 1  # 1-4; the next one may be in the next year
    year, month = (as_of.year + 1, 1) if quarter == 4 else (as_of.year, 3 * quarter + 1)
    following = datetime.date(year + 1, 1, 1) if month == 10 else datetime.date(year, month + 3, 1)
    return datetime.date(year, month, 1), following - datetime.timedelta(days=1)


def next_period_rows(rows: Sequence[ReportRow], as_of: datetime.date) -> list[ReportRow]:
    """The tasks not done that are under way or due in the next quarter, or already late: the work ahead."""
    _first, last = next_period(as_of)
    ahead = [
        row
        for row in rows
        if row.counted
        and row.health not in (Health.DONE, Health.CANCELLED)
        and row.start is not None
        and row.start <= last
        and (row.end is None or row.end >= as_of or row.health is Health.LATE)
    ]
    return sorted(ahead, key=lambda row: (row.end or datetime.date.max, row.task_id))


def budget_total(data: ReportData) -> Money:
    """The plan's money over every source."""
    total = Money()
    for _source, money in data.budget:
        total = total + money
    return total
