"""Rules every record must satisfy, checked before anything is written."""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable, Mapping
from typing import TypeVar

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.target_text import number_text
from dxplanner.i18n import _

E = TypeVar("E", bound=enum.StrEnum)

PROGRESS_MIN, PROGRESS_MAX = 0.0, 100.0
SCALE_MIN, SCALE_MAX = 1, 5
YEAR_MIN, YEAR_MAX = 1900, 2200
# The largest amount a signed 64-bit column holds (about 9.2 quintillion đồng).
MONEY_MAX = 2**63 - 1


def required_text(value: object, what: str) -> str:
    """Text with something in it, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(_("{what} must not be empty.").format(what=what))
    return value.strip()


def optional_text(value: object, what: str) -> str | None:
    """Trimmed text, or None for nothing."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInputError(_("{what} must be text.").format(what=what))
    return value.strip() or None


def optional_date(value: object, what: str) -> datetime.date | None:
    """A calendar date (not a date and time), or None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidInputError(_("{what} must be a date.").format(what=what))
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise InvalidInputError(
            _("{what} must lie between the years {low} and {high}.").format(
                what=what, low=YEAR_MIN, high=YEAR_MAX
            )
        )
    return value


def required_date(value: object, what: str) -> datetime.date:
    """A calendar date that must be given."""
    checked = optional_date(value, what)
    if checked is None:
        raise InvalidInputError(_("{what} must be given.").format(what=what))
    return checked


def member(enum_class: type[E], value: object, what: str) -> E:
    """The member of enum_class that value names, by value."""
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum_class(value)
    except ValueError:
        allowed = ", ".join(item.value for item in enum_class)
        raise InvalidInputError(
            _("{what} cannot be '{value}'; choose one of: {allowed}.").format(
                what=what, value=value, allowed=allowed
            )
        ) from None


def number(value: object, what: str, *, low: float | None = None, high: float | None = None) -> float:
    """A finite number within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInputError(_("{what} must be a number.").format(what=what))
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large to be a float
        finite = False
    if not finite:
        raise InvalidInputError(_("{what} must be a finite number of reasonable size.").format(what=what))
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            message = _("{what} must be between {low:g} and {high:g}, not {value:g}.")
        elif low is not None:
            message = _("{what} must be at least {low:g}, not {value:g}.")
        else:
            message = _("{what} must be at most {high:g}, not {value:g}.")
        raise InvalidInputError(message.format(what=what, low=low or 0, high=high or 0, value=value))
    return float(value)


def whole_number(value: object, what: str, *, low: int | None = None, high: int | None = None) -> int:
    """An integer within [low, high]."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(_("{what} must be a whole number.").format(what=what))
    number(value, what, low=low, high=high)
    return value


def optional_whole_number(
    value: object, what: str, *, low: int | None = None, high: int | None = None
) -> int | None:
    """An integer within [low, high], or None."""
    return None if value is None else whole_number(value, what, low=low, high=high)


def optional_number(value: object, what: str) -> float | None:
    """A number, or None."""
    return None if value is None else number(value, what)


def target_upper(value: float | None, upper: object, comparison: object) -> float | None:
    """The high figure of a target that is a range ("40 – 50"), checked against its low one, or None."""
    checked = optional_number(upper, _("Upper bound"))
    if checked is None:
        return None
    if value is None:
        raise InvalidInputError(
            _("A range needs both figures: type the target (its low figure) as well as the upper bound.")
        )
    if comparison is not None:
        raise InvalidInputError(
            _(
                "A range says its own comparison (at least the low figure, at most the high one): "
                "clear the comparison or the upper bound."
            )
        )
    if checked < value:
        raise InvalidInputError(
            _(
                "The upper bound {upper} is below the target {value}: a range goes from its low figure up."
            ).format(upper=number_text(checked), value=number_text(value))
        )
    return checked


def progress(value: object) -> float:
    """A percentage of work done, 0 to 100."""
    return number(value, _("Progress"), low=PROGRESS_MIN, high=PROGRESS_MAX)


def scale(value: object, what: str) -> int:
    """A rating from 1 to 5 (likelihood, impact)."""
    return whole_number(value, what, low=SCALE_MIN, high=SCALE_MAX)


def year(value: object, what: str) -> int:
    """A calendar year."""
    return whole_number(value, what, low=YEAR_MIN, high=YEAR_MAX)


def money(value: object, what: str) -> int:
    """A non-negative amount in đồng that a 64-bit integer column can hold."""
    amount = whole_number(value, what, low=0)
    if amount > MONEY_MAX:
        raise InvalidInputError(_("{what} is too large.").format(what=what))
    return amount


def position(value: object) -> int | None:
    """A place among siblings (0 is first), or None for the end."""
    return optional_whole_number(value, _("Position"), low=0)


def dates_in_order(start: datetime.date | None, end: datetime.date | None, what: str) -> None:
    """An end date must not come before its start."""
    if start is not None and end is not None and end < start:
        raise InvalidInputError(
            _("{what}: the end ({end:%d/%m/%Y}) is before the start ({start:%d/%m/%Y}).").format(
                what=what, start=start, end=end
            )
        )


def years_in_order(start: int, end: int, what: str) -> None:
    """An end year must not come before its start year."""
    if end < start:
        raise InvalidInputError(
            _("{what}: the end year {end} is before the start year {start}.").format(
                what=what, start=start, end=end
            )
        )


def reaches(graph: Mapping[int, Iterable[int]], start: int, goal: int) -> bool:
    """Whether goal can be reached from start by following graph's edges."""
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        if node == goal:
            return True
        for following in graph.get(node, ()):
            if following not in seen:
                seen.add(following)
                frontier.append(following)
    return False
