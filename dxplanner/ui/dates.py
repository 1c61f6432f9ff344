"""How dates are written in the window: for Python (strftime) and for Qt's editors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateStyle:
    """A date format, as Python and Qt each spell it."""

    python: str = "%d/%m/%Y"
    qt: str = "dd/MM/yyyy"


DEFAULT_DATES = DateStyle()
