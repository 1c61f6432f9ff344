"""The numbering of a plan table's rows ("I.", "A", "1", "1.2", "a)", "-") and the tree it makes."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ARABIC = re.compile(r"\d{1,4}(\.\d{1,4}){0,5}")
# "2a", "2b": the parts of task 2, numbered after it.
_ARABIC_LETTER = re.compile(r"\d{1,4}\.?[a-zđ]")
# "I.1", "II.2.3", "A.1": a section's own numbers, written after the section's numeral or letter.
_SECTION_ARABIC = re.compile(r"([IVXLCDM]+|[A-Z])\.(\d{1,4}(?:\.\d{1,4}){0,4})")
_SECTION_WORD = re.compile(r"(?i)^(phan|phần|muc|mục|chuong|chương|part|section)\s+")
_BULLETS = {"-", "+", "*", "•", "–", "—", "o", "▪", "·"}
_TRIM = ".):;,*( \t"


@dataclass(frozen=True)
class Numbering:
    """A row's number: its style (which level of the table it marks) and its code as written, cleaned."""

    # "roman", "upper", "arabic1", "arabic2" (1.1), ..., "section1" (I.1), ..., "lower", "bullet",
    # "numbered-letter" (2a)
    style: str
    code: str


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def _next_roman(code: str | None) -> int:
    return _roman_value(code) + 1 if code else 1


class NumberReader:
    """Reads numbers in table order, telling Roman numerals from letters by what came before.

    "I", "V", "X", "C", "D" and "L" are both Roman numerals and letters: after "H" an "I" is a
    letter, after "IV" a "V" is a numeral; with nothing to go by, I, V and X are numerals.
    """

    def __init__(self) -> None:
        self._last: dict[str, str] = {}

    def read(self, value: object) -> Numbering | None:
        """The numbering of a number cell, or None when it holds none (empty, or text that is no number)."""
        if value is None:
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            if float(value).is_integer() and 0 <= value < 10_000:
                return self._note(Numbering("arabic1", str(int(value))))
            return self._note(Numbering(f"arabic{len(str(value).split('.'))}", str(value)))
        text = str(value).strip()
        if not text:
            return None
        if text in _BULLETS:
            return self._note(Numbering("bullet", text))
        core = text.strip(_TRIM).strip()
        # "Phần I", "Mục 2": a word before the number.
        core = _SECTION_WORD.sub("", core)
        if _ARABIC.fullmatch(core):
            return self._note(Numbering(f"arabic{core.count('.') + 1}", core))
        if _ARABIC_LETTER.fullmatch(core):
            return self._note(Numbering("numbered-letter", core))
        section = _SECTION_ARABIC.fullmatch(core)
        if section:
            return self._note(Numbering(f"section{section.group(2).count('.') + 1}", core))
        if core.isupper() and _ROMAN.fullmatch(core) and core:
            return self._note(self._roman_or_letter(core))
        if len(core) == 1 and core.isalpha():
            return self._note(Numbering("upper" if core.isupper() else "lower", core))
        return None

    def _roman_or_letter(self, core: str) -> Numbering:
        if len(core) > 1:
            return Numbering("roman", core)
        letter_next = chr(ord(self._last["upper"]) + 1) if "upper" in self._last else "A"
        roman_next = _next_roman(self._last.get("roman"))
        if core == letter_next and _roman_value(core) != roman_next:
            return Numbering("upper", core)
        if _roman_value(core) == roman_next:
            return Numbering("roman", core)
        return Numbering("roman" if core in "IVX" else "upper", core)

    def _note(self, numbering: Numbering) -> Numbering:
        self._last[numbering.style] = numbering.code
        return numbering


# Styles that number sections, from the top: "A" over "I"; every other style ranks below them.
_SECTION_RANK = {"upper": 0, "roman": 1}


HEADING = "heading"  # the style of a row with no number that reads as a group's heading


@dataclass
class _Open:
    """A row still open to take rows under it: its numbering style and key.

    A heading remembers the styles of the rows whose place it took (a task it follows, or a
    heading before it) and the style of its own first row: a row of a style it took the place
    of, but not its own, comes back beside it.
    """

    style: str
    key: int
    parent: int | None
    took: frozenset[str] = frozenset()
    first: str | None = None


class TreeBuilder:
    """Places each numbered row under the row it belongs to.

    The levels are the numbering styles in the order they first appear (A > I > 1 > 1.1 > a):
    a style seen before closes everything opened since it; a new style opens a level below.
    """

    def __init__(self) -> None:
        self._open: list[_Open] = []  # from the top level down
        self._placed: dict[int, _Open] = {}

    def place(self, style: str, key: int) -> tuple[int | None, int]:
        """The parent's key (None at the top) and the level of a row numbered in this style."""
        if self._open and self._open[-1].style == HEADING and self._open[-1].first is None:
            self._open[-1].first = style
        cut = self._cut(style)
        if cut is not None:
            del self._open[cut:]
        return self._push(_Open(style, key, None))

    def _cut(self, style: str) -> int | None:
        """How many open rows stay above a row of this style; None: all of them (it opens a level)."""
        styles = [row.style for row in self._open]
        if style in styles:
            return styles.index(style)
        beside = self._heading_beside(style)
        if beside is not None:
            # "2" after a heading that took task 1's place over its own "a)", "b)": beside the heading.
            return beside
        if style in _SECTION_RANK and all(
            _SECTION_RANK.get(open_style, 2) > _SECTION_RANK[style] for open_style in styles
        ):
            # "I" after tasks "1", "2" numbered without a group: a section, never under task 2.
            return 0
        dotted = _dotted(style)
        if dotted is not None and dotted[1] > 1:
            # "1.2" belongs under the "1" it extends (and "I.1.2" under "I.1"), even when letters
            # were opened below that.
            shallower = [
                number
                for number, open_style in enumerate(styles)
                if (other := _dotted(open_style)) is not None
                and other[0] == dotted[0]
                and other[1] < dotted[1]
            ]
            if shallower:
                return shallower[-1] + 1
        return None

    def place_heading(self, key: int, *, after_task: bool) -> tuple[int | None, int]:
        """The parent and level of an unnumbered heading: never under a task, which stays a task.

        Right after a group's own row (or another heading) it goes under it; after a task it takes
        the place of the heading open above, or else of the task itself (beside it, under the
        same parent).
        """
        last = self._open[-1] if self._open else None
        headings = [index for index, row in enumerate(self._open) if row.style == HEADING]
        took: frozenset[str] = frozenset()
        if last is None or last.style == HEADING or not after_task:
            pass  # under the row just above, a group's
        elif headings:
            index = headings[-1]
            before = self._open[index]
            took = before.took | {before.first or self._open[index + 1].style}
            del self._open[index:]
        else:
            took = frozenset({last.style})
            del self._open[-1]
        return self._push(_Open(HEADING, key, None, took))

    def place_under(self, style: str, key: int, parent: int | None) -> tuple[int | None, int]:
        """The level of a row whose parent is known (None: the top): the rows above it are reopened."""
        chain: list[_Open] = []
        above: int | None = parent
        while above is not None and above in self._placed:
            chain.append(self._placed[above])
            above = self._placed[above].parent
        self._open = chain[::-1]
        return self._push(_Open(style, key, None))

    def opens_a_level(self, style: str) -> bool:
        """Whether a row of this style would go below all the open rows, rather than beside or above one."""
        cut = self._cut(style)
        return cut is None or cut == len(self._open)

    def _heading_beside(self, style: str) -> int | None:
        for index, row in enumerate(self._open):
            if row.style == HEADING and style in row.took and row.first != style:
                return index
        return None

    def _push(self, row: _Open) -> tuple[int | None, int]:
        parent = self._open[-1].key if self._open else None
        row.parent = parent
        level = len(self._open)
        self._open.append(row)
        self._placed[row.key] = row
        return parent, level


def _dotted(style: str) -> tuple[str, int] | None:
    """A dotted style's family and depth ("arabic2" -> ("arabic", 2)), or None for other styles."""
    for family in ("arabic", "section"):
        if style.startswith(family):
            return family, int(style.removeprefix(family))
    return None
