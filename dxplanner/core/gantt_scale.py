"""The Gantt chart's time axis: where a day falls, the zoom, and the cells of the two header bands."""

from __future__ import annotations

import datetime
import enum
import math
from dataclasses import dataclass

from dxplanner.i18n import N_, _

MIN_PX_PER_DAY = 0.12  # about 44 px a year: a whole decade fits a screen
MAX_PX_PER_DAY = 60.0  # a day wide enough for its weekday and date
MONTH_NAMES = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip
# A header cell narrower than this cannot hold a label, so the bands move to a coarser unit
# (a day's label is its number, so a day needs less room).
MIN_CELL_PX = 26.0
MIN_DAY_PX = 17.0


class TimeUnit(enum.Enum):
    """The units of the time header, finest first."""

    DAY = 1
    WEEK = 7
    MONTH = 30
    QUARTER = 91
    HALF = 182
    YEAR = 365
    FIVE_YEARS = 1826


# The band above each bottom band.
_TOP_OF = {
    TimeUnit.DAY: TimeUnit.MONTH,
    TimeUnit.WEEK: TimeUnit.MONTH,
    TimeUnit.MONTH: TimeUnit.YEAR,
    TimeUnit.QUARTER: TimeUnit.YEAR,
    TimeUnit.HALF: TimeUnit.YEAR,
    TimeUnit.YEAR: TimeUnit.FIVE_YEARS,
}


@dataclass(frozen=True)
class TimeScale:
    """Days to pixels: day `origin` starts at x = 0, each day `px_per_day` wide."""

    origin: datetime.date
    px_per_day: float

    def x_of(self, day: datetime.date) -> float:
        """Where a day begins."""
        return (day.toordinal() - self.origin.toordinal()) * self.px_per_day

    def day_at(self, x: float) -> datetime.date:
        """The day drawn at x."""
        return self.origin + datetime.timedelta(days=math.floor(x / self.px_per_day))

    def days_in(self, pixels: float) -> int:
        """How many whole days a horizontal distance covers, rounded to the nearest day."""
        return round(pixels / self.px_per_day)

    def zoomed(self, factor: float) -> TimeScale:
        """The same axis zoomed by factor, within the limits."""
        return TimeScale(self.origin, clamp_zoom(self.px_per_day * factor))


def clamp_zoom(px_per_day: float) -> float:
    """A zoom within what the chart can draw legibly."""
    return min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, px_per_day))


def fit_zoom(first: datetime.date, last: datetime.date, width_px: float) -> float:
    """The zoom that shows days first..last (both included) across width_px."""
    days = max(1, (last - first).days + 1)
    return clamp_zoom(width_px / days)


def bands(px_per_day: float) -> tuple[TimeUnit, TimeUnit]:
    """The header's (top, bottom) units at a zoom: the bottom is the finest unit whose cells hold a label."""
    for unit in _TOP_OF:
        if unit.value * px_per_day >= (MIN_DAY_PX if unit is TimeUnit.DAY else MIN_CELL_PX):
            return _TOP_OF[unit], unit
    return TimeUnit.FIVE_YEARS, TimeUnit.YEAR


def unit_start(day: datetime.date, unit: TimeUnit) -> datetime.date:
    """The first day of the unit that holds day (weeks start on Monday; five-year periods as 2021-2025)."""
    if unit is TimeUnit.DAY:
        return day
    if unit is TimeUnit.WEEK:
        return day - datetime.timedelta(days=day.weekday())
    if unit is TimeUnit.MONTH:
        return day.replace(day=1)
    if unit is TimeUnit.QUARTER:
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit is TimeUnit.HALF:
        return datetime.date(day.year, 1 if day.month <= 6 else 7, 1)
    if unit is TimeUnit.YEAR:
        return datetime.date(day.year, 1, 1)
    # Vietnam's five-year plans run 2016-2020, 2021-2025, 2026-2030.
    return datetime.date(day.year - (day.year - 1) % 5, 1, 1)


def next_start(start: datetime.date, unit: TimeUnit) -> datetime.date:
    """The first day of the unit after the one beginning at start."""
    if unit is TimeUnit.DAY:
        return start + datetime.timedelta(days=1)
    if unit is TimeUnit.WEEK:
        return start + datetime.timedelta(days=7)
    months = {
        TimeUnit.MONTH: 1,
        TimeUnit.QUARTER: 3,
        TimeUnit.HALF: 6,
        TimeUnit.YEAR: 12,
        TimeUnit.FIVE_YEARS: 60,
    }
    month_index = start.year * 12 + start.month - 1 + months[unit]
    if month_index // 12 > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(month_index // 12, month_index % 12 + 1, 1)


@dataclass(frozen=True)
class HeaderCell:
    """One cell of a header band: the days start .. end (end excluded) of one unit."""

    start: datetime.date
    end: datetime.date
    unit: TimeUnit


def header_cells(unit: TimeUnit, first: datetime.date, last: datetime.date) -> list[HeaderCell]:
    """The cells of a band that cover the days first..last (only those: the cost follows the span shown)."""
    cells: list[HeaderCell] = []
    start = unit_start(first, unit)
    while start <= last:
        end = next_start(start, unit)
        cells.append(HeaderCell(start, end, unit))
        if end == datetime.date.max:
            break
        start = end
    return cells


def barest_label(cell: HeaderCell) -> str:
    """A cell's label where even the short one does not fit: a week's number alone ("10", not "W10")."""
    if cell.unit is TimeUnit.WEEK:
        return str(cell.start.isocalendar().week)
    return cell_label(cell, 0)


def cell_label(cell: HeaderCell, width_px: float) -> str:
    """The label of a header cell, shorter when the cell is narrow."""
    start, unit = cell.start, cell.unit
    wide = width_px >= 110
    if unit is TimeUnit.DAY:
        return str(start.day)
    if unit is TimeUnit.WEEK:
        week = start.isocalendar().week
        return _("Week {week}").format(week=week) if width_px >= 60 else _("W{week}").format(week=week)
    if unit is TimeUnit.MONTH:
        name = _(MONTH_NAMES[start.month - 1])
        return _("{month} {year}").format(month=name, year=start.year) if wide else name
    if unit is TimeUnit.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        if wide:
            return _("Q{quarter}/{year}").format(quarter=quarter, year=start.year)
        return _("Q{quarter}").format(quarter=quarter)
    if unit is TimeUnit.HALF:
        half = 1 if start.month == 1 else 2
        return _("H{half}").format(half=half) + (f" {start.year}" if wide else "")
    if unit is TimeUnit.YEAR:
        return str(start.year)
    return f"{start.year}–{start.year + 4}"
