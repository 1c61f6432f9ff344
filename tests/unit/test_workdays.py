"""Working days in Vietnam: weekends, Tết, Hùng Kings, swapped Saturdays, a plan's own days off."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.workdays import WorkCalendar, package_holidays, public_holidays

D = datetime.date


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize(
    ("day", "works"),
    [
        (D(2025, 1, 24), True),  # the Friday before Tết
        (D(2025, 1, 27), False),  # Tết holidays, 27/1 to 31/1 2025
        (D(2025, 1, 29), False),  # the first day of Tết
        (D(2025, 1, 31), False),
        (D(2025, 2, 3), True),
        (D(2025, 4, 7), False),  # Hùng Kings' Commemoration (10/3 lunar)
        (D(2025, 4, 26), True),  # a Saturday worked in exchange for 2/5
        (D(2025, 5, 2), False),
        (D(2025, 9, 2), False),  # National Day
        (D(2025, 9, 6), False),  # an ordinary Saturday
        (D(2026, 2, 17), False),  # Tết 2026
    ],
)
def test_vietnams_working_days(calendar: WorkCalendar, day: datetime.date, works: bool) -> None:
    assert calendar.is_working_day(day) is works


def test_the_bundled_table_agrees_with_the_holidays_package() -> None:
    """If this fails, the holidays package changed: run python tools/make_holiday_table.py."""
    for year in range(2000, 2051):
        assert public_holidays(year) == package_holidays(year), year


def test_years_beyond_the_table_come_from_the_package(calendar: WorkCalendar) -> None:
    assert not calendar.is_working_day(D(2060, 9, 2))
    assert public_holidays(2060) == package_holidays(2060)


def test_counting_and_adding_working_days(calendar: WorkCalendar) -> None:
    assert calendar.working_days(D(2025, 1, 1), D(2025, 12, 31)) == 250
    assert calendar.working_days(D(2025, 1, 24), D(2025, 2, 3)) == 2
    assert calendar.working_days(D(2025, 2, 3), D(2025, 1, 24)) == 0
    assert calendar.add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)  # over Tết
    assert calendar.add_working_days(D(2025, 2, 3), -1) == D(2025, 1, 24)
    assert calendar.add_working_days(D(2025, 9, 6), 0) == D(2025, 9, 8)  # a Saturday moves to Monday
    assert calendar.add_working_days(D(2025, 9, 6), 1) == D(2025, 9, 8)
    assert calendar.add_working_days(D(2025, 9, 7), -1) == D(2025, 9, 5)


def test_a_plan_can_add_its_own_days_off_and_working_days() -> None:
    own = WorkCalendar(days_off=[D(2025, 3, 3)], working_days=[D(2025, 3, 8)])
    assert not own.is_working_day(D(2025, 3, 3))
    assert own.is_working_day(D(2025, 3, 8))
    assert own.working_days(D(2025, 3, 3), D(2025, 3, 9)) == 5


def test_without_public_holidays_only_weekends_are_off() -> None:
    plain = WorkCalendar(public_holidays=False)
    assert plain.is_working_day(D(2025, 1, 29))
    assert not plain.is_working_day(D(2025, 2, 1))


working_dates = st.dates(min_value=D(1995, 1, 1), max_value=D(2070, 12, 31))


@given(working_dates, st.integers(min_value=-600, max_value=600))
def test_adding_and_taking_away_working_days_come_back(day: datetime.date, count: int) -> None:
    calendar = WorkCalendar()
    start = calendar.add_working_days(day, 0)
    moved = calendar.add_working_days(start, count)
    assert calendar.is_working_day(moved)
    assert calendar.add_working_days(moved, -count) == start
    first, last = sorted((start, moved))
    assert calendar.working_days(first, last) == abs(count) + 1


@given(st.lists(working_dates, min_size=2, max_size=6))
def test_an_index_keeps_its_day_however_the_calendar_grows(days: list[datetime.date]) -> None:
    calendar = WorkCalendar()
    first = calendar.index_on_or_after(days[0])
    remembered = calendar.day_at(first)
    for other in days[1:]:
        calendar.index_on_or_after(other)
    assert calendar.index_on_or_after(days[0]) == first
    assert calendar.day_at(first) == remembered
