"""How dates are written in the window: for Python (strftime) and for Qt, and how typed dates are read."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dxplanner.i18n import _

# Three runs of digits with a separator between them; which is the day is the style's business.
_THREE_NUMBERS = re.compile(r"(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})")


@dataclass(frozen=True)
class DateStyle:
    """A date format, as Python and Qt each spell it."""

    python: str = "%d/%m/%Y"
    qt: str = "dd/MM/yyyy"

    def pattern(self) -> str:
        """The format as a person reads it, in the window's words: "dd/mm/yyyy", "nn/tt/nnnn"."""
        # Translators: the letters standing for a day, a month and a year in "dd/mm/yyyy".
        letters = dict(zip("dMy", _("d m y").split(), strict=True))  # Qt's letters, and the window's
        return "".join(letters.get(letter, letter) for letter in self.qt)

    def write(self, value: datetime.date | None) -> str:
        """A date as the window shows it (blank for none)."""
        return "" if value is None else value.strftime(self.python)

    def read(self, text: str) -> datetime.date | None:
        """The date a person typed (None when blank); ValueError when the text names no date.

        The day, month and year are taken in this style's order, whatever the separator
        ("15.02.2026" in a dd/mm/yyyy window is the 15th of February). A text that starts with a
        four-digit year is read year-month-day in any style, as nobody writes a day that way.
        Two-digit years and missing parts are refused rather than guessed.
        """
        stripped = text.strip()
        if not stripped:
            return None
        found = _THREE_NUMBERS.fullmatch(stripped)
        if found is None:
            raise ValueError(text)
        first, middle, last = found.groups()
        if len(first) == 4:
            year, month, day = first, middle, last
        elif self.qt.startswith("yyyy"):
            raise ValueError(text)
        elif self.qt.startswith("MM"):
            month, day, year = first, middle, last
        else:
            day, month, year = first, middle, last
        if len(year) != 4 or len(day) > 2:
            raise ValueError(text)
        return datetime.date(int(year), int(month), int(day))  # ValueError for 31/02 and the like


DEFAULT_DATES = DateStyle()


def style_of_python_format(python: str) -> DateStyle:
    """The date style whose Python format is python ("%Y-%m-%d"), for a pattern to show."""
    qt = python.replace("%d", "dd").replace("%m", "MM").replace("%Y", "yyyy")
    return DateStyle(python, qt)
