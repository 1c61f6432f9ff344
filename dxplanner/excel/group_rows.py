"""Rows with no number: a group's heading, or more of the task above; and the tree that task codes make."""

from __future__ import annotations

import enum

from dxplanner.core.text import fold

# Words that carry a sentence on: a row beginning with one continues the row above it.
_CARRIES_ON = frozenset(
    {"va", "cua", "cho", "trong", "den", "tai", "theo", "tren", "voi", "nham", "de", "hoac", "thuoc", "tu"}
)
# Between a code and the code of a task under it: "KH26_TT_N01" and "KH26_TT_N01.1".
_CODE_STEPS = "._-/"


class Look(enum.Enum):
    """What an unnumbered row holding only a name looks like."""

    CAPITALS = "capitals"  # a heading: written all in capitals
    CONTINUES = "continues"  # more of the row above: it begins in lower case or mid-sentence
    UNSURE = "unsure"  # either; the rows after it tell


def look_of(text: str, above: str) -> Look:
    """How a lone name reads, from its words and those of the name above it."""
    first = text.lstrip(" \"'“(-–•+*")[:1]
    if first.isalpha() and first.islower():
        return Look.CONTINUES
    words = fold(text).split()
    if words and words[0].strip(",.;:") in _CARRIES_ON:
        return Look.CONTINUES
    # "… kết nối với" / "Kho dữ liệu dùng chung": the name above stops mid-sentence.
    last = fold(above[-12:]).split()[-1:] if above else []
    if above.rstrip().endswith((",", "-", "–", "(")) or (last and last[0] in _CARRIES_ON):
        return Look.CONTINUES
    letters = [character for character in text if character.isalpha()]
    if len(letters) >= 6 and len(words) >= 2 and all(character.isupper() for character in letters):
        return Look.CAPITALS
    return Look.UNSURE


class CodeTree:
    """The tree task codes make: a code that extends an earlier one by a step lies under it."""

    def __init__(self) -> None:
        self._rows: dict[str, int] = {}

    def parent_of(self, code: str) -> int | None:
        """The row of the longest earlier code this one extends ("N01" for "N01.1"), or None."""
        for cut in range(len(code) - 1, 0, -1):
            if code[cut] in _CODE_STEPS and (row := self._rows.get(code[:cut])) is not None:
                return row
        return None

    def add(self, code: str, row: int) -> None:
        """Remember a row's code (the first row with a code keeps it)."""
        self._rows.setdefault(code, row)
