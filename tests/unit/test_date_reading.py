"""Reading a typed date in the window's date format: the text typed is the date meant, or it is refused."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.ui.dates import DateStyle

DAY_FIRST = DateStyle("%d/%m/%Y", "dd/MM/yyyy")
DOTTED = DateStyle("%d.%m.%Y", "dd.MM.yyyy")
ISO = DateStyle("%Y-%m-%d", "yyyy-MM-dd")
D = datetime.date


@pytest.mark.parametrize(
    ("style", "text", "day"),
    [
        (DAY_FIRST, "15/02/2026", D(2026, 2, 15)),
        (DAY_FIRST, " 5/2/2026 ", D(2026, 2, 5)),
        (DAY_FIRST, "15.02.2026", D(2026, 2, 15)),  # another separator, the same order
        (DAY_FIRST, "2026-02-15", D(2026, 2, 15)),  # a year first is never a day
        (DOTTED, "15.02.2026", D(2026, 2, 15)),
        (ISO, "2026-02-15", D(2026, 2, 15)),
        (ISO, "2026/2/5", D(2026, 2, 5)),
        (DAY_FIRST, "", None),
        (DAY_FIRST, "   ", None),
    ],
)
def test_a_date_is_read_in_the_styles_order(style: DateStyle, text: str, day: D | None) -> None:
    assert style.read(text) == day


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (DAY_FIRST, "32/01/2026"),
        (DAY_FIRST, "29/02/2026"),
        (DAY_FIRST, "15/13/2026"),
        (DAY_FIRST, "15/02/26"),  # a two-digit year is not guessed
        (DAY_FIRST, "15/02"),
        (DAY_FIRST, "mai"),
        (ISO, "15/02/2026"),  # day first in a year-first window: which is which is not guessed
    ],
)
def test_a_text_that_names_no_date_is_refused(style: DateStyle, text: str) -> None:
    with pytest.raises(ValueError):
        style.read(text)


@pytest.mark.parametrize("style", [DAY_FIRST, DOTTED, ISO])
def test_what_the_window_writes_reads_back_as_the_same_day(style: DateStyle) -> None:
    for day in (D(2026, 1, 1), D(2026, 2, 28), D(2025, 12, 31)):
        assert style.read(style.write(day)) == day
