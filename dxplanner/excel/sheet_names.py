"""Sheet names Excel accepts, made from user text such as a unit's name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dxplanner.excel.cell_text import utf16_units

# Excel refuses these in a sheet name; control characters would break the workbook's XML.
_REFUSED = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
# Excel counts a name's length in UTF-16 units (an emoji counts twice) and allows 31.
MAX_SHEET_NAME = 31
# Room kept for " (99)" when two names come out the same.
_NUMBER_ROOM = 5
# Excel keeps this name for itself (the change history of a shared workbook).
_RESERVED = frozenset(("history",))


def _cut(text: str, limit: int) -> str:
    """The text cut to at most limit UTF-16 units, never inside a character, without edge quotes."""
    while utf16_units(text) > limit:
        text = text[:-1]
    # A name may not start or end with an apostrophe; a cut may bring one to the end.
    return text.strip().strip("'").strip()


def sheet_name(wanted: str, taken: Iterable[str], fallback: str) -> str:
    """A name Excel accepts for a new sheet, as close to the wanted text as it can be and not taken.

    Excel tells sheet names apart without regard to case, so "Sở A" and "SỞ A" clash.
    """
    used = {name.casefold() for name in taken} | _RESERVED
    base = _cut(_SPACES.sub(" ", _REFUSED.sub(" ", wanted)), MAX_SHEET_NAME) or _cut(fallback, MAX_SHEET_NAME)
    name, number = base, 1
    while name.casefold() in used:
        number += 1
        name = f"{_cut(base, MAX_SHEET_NAME - _NUMBER_ROOM)} ({number})"
    return name
