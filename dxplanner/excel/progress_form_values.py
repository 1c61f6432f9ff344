"""Reading what a unit typed into a form's cells: numbers, statuses and dates as a person writes them."""

from __future__ import annotations

import datetime
import re

from dxplanner.core.enums import TaskStatus
from dxplanner.core.text import fold
from dxplanner.excel.progress_form_layout import date_text, number_text
from dxplanner.labels import names_in_every_language

_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_NUMBER = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(%?)")


def progress_value(value: object, number_format: str) -> float | None:
    """A progress figure 0-100; a cell Excel turned into a percentage (85% typed: 0.85) counts as 85."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        figure = float(value) * (100 if "%" in number_format else 1)
    else:
        found = _NUMBER.fullmatch(text_of(value))
        if found is None:
            return None
        figure = float(found[1].replace(",", "."))
    return round(figure, 6) if 0 <= figure <= 100 else None


def status_value(text: str) -> TaskStatus | None:
    """The status a text names, in any language and any case; None for none."""
    key = fold(text)
    for status in TaskStatus:
        if key in {fold(name) for name in names_in_every_language(status)}:
            return status
    return None


def date_value(value: object) -> datetime.date | None:
    """A date cell, or a text written day first (31/12/2026, 31.12.2026); None for anything else."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    found = _DAY_FIRST.fullmatch(text_of(value))
    if found is None:
        return None
    try:
        return datetime.date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None


def shown_date(value: object) -> str:
    """A cell that should hold a date, as the hidden sheet keeps dates (its text when it is none)."""
    day = date_value(value)
    return date_text(day) if day is not None else text_of(value)


def shown_number(value: object) -> str:
    """A cell that should hold a number, as the hidden sheet keeps numbers (its text when it is none)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(float(value))
    return text_of(value)


def raw_text(value: object) -> str:
    """A hidden cell's text exactly as written (None, an empty cell, as "")."""
    return "" if value is None else text_of(value) if isinstance(value, float) else str(value)


def text_of(value: object) -> str:
    """A cell's value as text, trimmed ("" for an empty cell; 2026.0 as 2026)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
