"""Rows with no number: a group's heading, or more of the task above; and the tree that task codes make."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable

from dxplanner.core.text import fold

# Words that carry a sentence on: a row beginning with one continues the row above it. With their
# accents: folded, "từ" (from) would be "tử" (as in "điện tử") and "để" (to) "đề" (as in "đề án").
_CARRIES_ON = frozenset(
    {
        "và",
        "của",
        "cho",
        "trong",
        "đến",
        "tại",
        "theo",
        "trên",
        "với",
        "nhằm",
        "để",
        "hoặc",
        "thuộc",
        "từ",
        "and",
    }
)
# Between a code and the code of a task under it: "KH26_TT_N01" and "KH26_TT_N01.1".
_CODE_STEPS = "._-/"
# A spill shorter than this may repeat the end of the text above by chance ("kết quả.").
_SPILL_LETTERS = 12
# How a body's name begins in lower case ("các sở, ngành", "địa phương"): a unit of its own, not the
# tail of a name a page break cut.
_BODY_STARTS = (
    "cac ",
    "nhung ",
    "moi ",
    "co quan",
    "don vi",
    "to chuc",
    "uy ban",
    "ubnd",
    "so ",
    "bo ",
    "ban ",
    "doanh nghiep",
    "tap doan",
    "cong an",
    "trung tam",
    "van phong",
    "dia phuong",
)


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
    # "… kết nối với" / "Kho dữ liệu dùng chung": the name above stops mid-sentence.
    last = _words(above[-16:])[-1:]
    if above.rstrip().endswith((",", "-", "–", "(")) or (last and last[0] in _CARRIES_ON):
        return Look.CONTINUES
    words = _words(text)
    letters = [character for character in text if character.isalpha()]
    if len(letters) >= 6 and len(words) >= 2 and all(character.isupper() for character in letters):
        # In capitals the case tells nothing: "VÀ NỀN TẢNG SỐ" carries on a heading above it.
        return Look.CONTINUES if words[0] in _CARRIES_ON else Look.CAPITALS
    return Look.UNSURE


def _words(text: str) -> list[str]:
    return [word.strip(",.;:()\"'“”") for word in unicodedata.normalize("NFC", text.lower()).split()]


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


def repeats_the_end(fragment: str, above: Iterable[str]) -> bool:
    """Whether a fragment only repeats what one of the texts above ends with (spilled over a page break).

    Compared without accents, case or spacing: the copy may misspell the repeat ("trưc" for "trực").
    """
    key = fold(fragment).rstrip(" .;,")
    if sum(character.isalpha() for character in key) < _SPILL_LETTERS:
        return False
    return any(fold(text).rstrip(" .;,").endswith(key) for text in above if text)


def is_cut_tail(fragment: str) -> bool:
    """Whether a fragment of a unit's cell begins mid-name ("nghiệp và Phát triển nông thôn").

    It begins in lower case, and not as a body's name may ("các sở, ngành", "địa phương").
    """
    first = fragment.lstrip()[:1]
    return first.isalpha() and first.islower() and not fold(fragment).startswith(_BODY_STARTS)
