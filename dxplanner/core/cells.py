"""Reading typed or pasted cell text as values: dates day first, percentages, amounts, enum words."""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.text import fold
from dxplanner.i18n import _, current_language

E = TypeVar("E", bound=enum.StrEnum)


def date_cell(text: str, what: str) -> datetime.date | None:
    """A day written day first (30/6/2025, 30-06-2025) or as an ISO date; empty for none."""
    if not text.strip():
        return None
    from dxplanner.core.timeline import TimelineKind, parse_timeline  # its patterns compile on first use

    reading = parse_timeline(text.strip())
    if reading.kind is not TimelineKind.DAY or reading.start is None:
        raise InvalidInputError(
            _("{what}: '{text}' is not a date (write it as 30/6/2025).").format(what=what, text=text)
        )
    return reading.start


def number_cell(text: str, what: str) -> float | None:
    """A number as people write it: '45', '45%', '1.250,5' (Vietnamese) or '1,250.5'; empty for none."""
    cleaned = text.strip().replace("%", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    english_grouping = re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", cleaned)
    if english_grouping and current_language() == "en":
        cleaned = cleaned.replace(",", "")  # "1,250" is a thousand and more to an English reader
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", cleaned) or re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")  # Vietnamese: dots group thousands
    else:
        cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidInputError(_("{what}: '{text}' is not a number.").format(what=what, text=text)) from None


def choice_cell(text: str, enum_class: type[E], names: Callable[[E], Iterable[str]], what: str) -> E | None:
    """The member named by its value or by any of its names in any language; empty for none."""
    key = fold(text)
    if not key:
        return None
    for member in enum_class:
        known = {fold(member.value), fold(member.value.replace("_", " "))} | {
            fold(name) for name in names(member)
        }
        if key in known:
            return member
    allowed = ", ".join(next(iter(names(member))) for member in enum_class)
    raise InvalidInputError(
        _("{what} cannot be '{value}'; choose one of: {allowed}.").format(
            what=what, value=text, allowed=allowed
        )
    )


def split_list(text: str) -> list[str]:
    """The items of a cell that lists several ("Sở TT&TT; Sở Tài chính", one per line)."""
    return [item.strip() for item in re.split(r"[;\n]+", text) if item.strip()]


def any_text(items: Iterable[str]) -> bool:
    """Whether any of the cells holds something."""
    return any(item.strip() for item in items)
