"""Working days in Vietnam: weekends, public holidays (Tết and Hùng Kings included), a plan's own days off."""

from __future__ import annotations

import datetime
import json
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache

from dxplanner.resources import bundled_dir

SATURDAY, SUNDAY = 5, 6
DaysOff = tuple[frozenset[datetime.date], frozenset[datetime.date]]


@cache
def _holiday_table() -> dict[str, dict[str, list[str]]]:
    """The bundled table of days off (tools/make_holiday_table.py writes it from `holidays`)."""
    path = bundled_dir("resources") / "calendar" / "vn_public_holidays.json"
    years: dict[str, dict[str, list[str]]] = json.loads(path.read_text(encoding="utf-8"))["years"]
    return years


@cache
def public_holidays(year: int) -> DaysOff:
    """Vietnam's days off in a year, and the weekend days declared working days in exchange."""
    # The table spares importing `holidays` (0.1 s) when a window opens; other years ask the package.
    listed = _holiday_table().get(str(year))
    if listed is not None:
        return (
            frozenset(datetime.date.fromisoformat(day) for day in listed["days_off"]),
            frozenset(datetime.date.fromisoformat(day) for day in listed["working_weekend_days"]),
        )
    return package_holidays(year)


def package_holidays(year: int) -> DaysOff:
    """Vietnam's days off in a year, straight from the `holidays` package."""
    import holidays

    calendar = holidays.country_holidays("VN", years=year)
    swapped = frozenset(day for day in calendar.weekend_workdays if day.year == year)
    return frozenset(calendar.keys()), swapped


class WorkCalendar:
    """Which days are working days, and arithmetic in working days.

    Days are numbered by their working-day index (0, 1, 2... over the working days
    the calendar has laid out), so adding working days is an array lookup.
    """

    def __init__(
        self,
        days_off: Iterable[datetime.date] = (),
        working_days: Iterable[datetime.date] = (),
        *,
        public_holidays: bool = True,
    ) -> None:
        self._days_off = frozenset(days_off)
        self._working_days = frozenset(working_days)
        self._public_holidays = public_holidays
        self._first_year = self._last_year = 0
        # Ordinals of the working days, ascending, over [first_year, last_year].
        self._ordinals = array("l")
        # The index of the first laid-out working day. Growing the layout backwards lowers
        # it by as many days as were added, so that an index, once given, keeps its day.
        self._offset = 0
        # Ordinals of the days strictly inside the margin years: a day there needs no layout check.
        self._inner = range(0)

    def _cover(self, first_year: int, last_year: int) -> None:
        """Lay out working days for the years asked for, and a margin either side."""
        if self._ordinals and self._first_year <= first_year and last_year <= self._last_year:
            return
        if self._ordinals:
            first_year, last_year = min(first_year, self._first_year), max(last_year, self._last_year)
        # A year's margin either side, within the years a date can have.
        first_year = max(datetime.MINYEAR, first_year - 1)
        last_year = min(datetime.MAXYEAR, last_year + 1)
        ordinals = array("l")
        for year in range(first_year, last_year + 1):
            public, swapped = public_holidays(year) if self._public_holidays else (frozenset(), frozenset())
            day = datetime.date(year, 1, 1)
            step = datetime.timedelta(days=1)
            while day.year == year:
                off = (day.weekday() in (SATURDAY, SUNDAY) and day not in swapped) or day in public
                if (not off and day not in self._days_off) or day in self._working_days:
                    ordinals.append(day.toordinal())
                day += step
        if self._ordinals:
            self._offset -= bisect_left(ordinals, self._ordinals[0])
        self._ordinals, self._first_year, self._last_year = ordinals, first_year, last_year
        if first_year + 1 <= last_year - 1:
            inner_first = datetime.date(first_year + 1, 1, 1).toordinal()
            self._inner = range(inner_first, datetime.date(last_year - 1, 12, 31).toordinal() + 1)

    def _cover_ordinal(self, ordinal: int) -> None:
        if ordinal in self._inner:
            return  # the common case, asked tens of thousands of times by a plan's roll-up: no date made
        year = datetime.date.fromordinal(ordinal).year
        if not self._ordinals or not self._first_year < year < self._last_year:
            self._cover(year, year)

    def is_working_day(self, day: datetime.date) -> bool:
        """Whether people work on day."""
        ordinal = day.toordinal()
        self._cover_ordinal(ordinal)
        position = bisect_left(self._ordinals, ordinal)
        return position < len(self._ordinals) and self._ordinals[position] == ordinal

    def index_on_or_after(self, day: datetime.date) -> int:
        """The index of day if it is a working day, else of the next working day."""
        ordinal = day.toordinal()
        self._cover_ordinal(ordinal)
        return self._offset + bisect_left(self._ordinals, ordinal)

    def index_on_or_before(self, day: datetime.date) -> int:
        """The index of day if it is a working day, else of the working day before it."""
        ordinal = day.toordinal()
        self._cover_ordinal(ordinal)
        return self._offset + bisect_right(self._ordinals, ordinal) - 1

    def day_at(self, index: int) -> datetime.date:
        """The working day with the given index."""
        while index - self._offset < 0:
            # About 250 working days a year: grow by as many years as the index needs, at once.
            missing = (self._offset - index) // 200 + 1
            if self._first_year == datetime.MINYEAR:
                raise ValueError("a working day before year 1")
            self._cover(self._first_year - missing, self._last_year)
        while index - self._offset >= len(self._ordinals):
            missing = (index - self._offset - len(self._ordinals)) // 200 + 1
            if self._last_year == datetime.MAXYEAR:
                raise ValueError("a working day after year 9999")
            self._cover(self._first_year, self._last_year + missing)
        return datetime.date.fromordinal(self._ordinals[index - self._offset])

    def working_days(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days lie from start to end, both included (0 if end is before start)."""
        if end < start:
            return 0
        return max(0, self.index_on_or_before(end) - self.index_on_or_after(start) + 1)

    def add_working_days(self, day: datetime.date, count: int) -> datetime.date:
        """The working day count working days after day (before it when count is negative)."""
        if count >= 0:
            base = self.index_on_or_before(day) if count else self.index_on_or_after(day)
        else:
            base = self.index_on_or_after(day)
        return self.day_at(base + count)


@cache
def vietnam_calendar() -> WorkCalendar:
    """The shared calendar of Vietnam's working days, for plans with no days off of their own."""
    return WorkCalendar()


def shift_span(
    calendar: WorkCalendar, start: datetime.date, end: datetime.date, days: int
) -> tuple[datetime.date, datetime.date]:
    """Move a span so that it starts on the working day `days` calendar days away, keeping its working days.

    A task dragged from Monday to the next Monday moves by five working days, and its end
    moves by the same five working days, over weekends and holidays alike.
    """
    first = calendar.index_on_or_after(start)
    shift = calendar.index_on_or_after(start + datetime.timedelta(days=days)) - first
    if days < 0 and shift == 0 and calendar.day_at(first) > start + datetime.timedelta(days=days):
        shift = -1  # a drag back onto a weekend lands on the working day before it
    last = max(first, calendar.index_on_or_before(end))
    return calendar.day_at(first + shift), calendar.day_at(last + shift)
