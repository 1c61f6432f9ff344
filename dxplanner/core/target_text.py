"""Reading an indicator's target as agencies write it: "≥ 40", "≤ 5 ASEAN; ≤ 60 thế giới", or words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dxplanner.core.enums import Comparison
from dxplanner.core.text import fold

SIGNS = {
    Comparison.AT_LEAST: "≥",
    Comparison.AT_MOST: "≤",
    Comparison.ABOVE: ">",
    Comparison.BELOW: "<",
    Comparison.EQUAL: "=",
}
_SIGN_OF = {"≥": Comparison.AT_LEAST, ">=": Comparison.AT_LEAST, "=>": Comparison.AT_LEAST,
            "≤": Comparison.AT_MOST, "<=": Comparison.AT_MOST, "=<": Comparison.AT_MOST,
            ">": Comparison.ABOVE, "<": Comparison.BELOW, "=": Comparison.EQUAL}  # fmt: skip
# Words before the number, folded, longest first; None: "đạt 100%" says no more than the number.
_WORDS_BEFORE: tuple[tuple[str, Comparison | None], ...] = (
    ("khong vuot qua", Comparison.AT_MOST),
    ("khong thap hon", Comparison.AT_LEAST),
    ("khong cao hon", Comparison.AT_MOST),
    ("dat toi thieu", Comparison.AT_LEAST),
    ("dat it nhat", Comparison.AT_LEAST),
    ("toi thieu", Comparison.AT_LEAST),
    ("it nhat", Comparison.AT_LEAST),
    ("khong duoi", Comparison.AT_LEAST),
    ("khong qua", Comparison.AT_MOST),
    ("toi da", Comparison.AT_MOST),
    ("dat tren", Comparison.ABOVE),
    ("dat duoi", Comparison.BELOW),
    ("tren", Comparison.ABOVE),
    ("hon", Comparison.ABOVE),
    ("duoi", Comparison.BELOW),
    ("at least", Comparison.AT_LEAST),
    ("at most", Comparison.AT_MOST),
    ("more than", Comparison.ABOVE),
    ("over", Comparison.ABOVE),
    ("less than", Comparison.BELOW),
    ("under", Comparison.BELOW),
    ("dat", None),
    ("tu", None),  # "từ 80% trở lên": the words after say which way
)
_WORDS_AFTER = (("tro len", Comparison.AT_LEAST), ("tro xuong", Comparison.AT_MOST))
# One number: "40", "40,5", "1.000", "0.85"; a unit of percent or per mille may follow it.
_FIGURE = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_NUMBER = re.compile(rf"(?<![\w.,])({_FIGURE})\s*(%|‰)?")
# A range: "40 - 50", "20% - 50%", "từ 40 đến 50"; what follows may only repeat the unit.
_RANGE = re.compile(
    rf"^\s*(?:(?:từ|tu)\s+)?({_FIGURE})\s*(%|‰)?\s*(?:-|–|—|đến|den|tới|toi)\s*({_FIGURE})\s*(%|‰)?(.*)$",
    re.IGNORECASE,
)
# Words after a figure that say more of it rather than where it holds: "và tăng dần …".
_NOTE_STARTS = ("va ", "hoac ", "trong do", "tang ", "giam ", "moi nam", "hang nam", "dong thoi", "sau do")
_PARTS = re.compile(r"\s*[;\n]\s*")
_SIGNS_AT_END = re.compile(r"(≥|≤|>=|=>|<=|=<|>|<|=)\s*$")
# A scope after the number is a few words ("ASEAN", "thế giới", "cấp tỉnh"), not a sentence.
MOST_SCOPE_WORDS = 5
_EMPTY = {"", "-", "--", "x", "…", "...", "/"}
# A unit written after a figure is a word or two ("khu", "doanh nghiệp"), not a sentence.
_MOST_UNIT_WORDS = 3
# Words at the end of an indicator's name that carry on into its target ("… đạt tối thiểu" | "26,1%").
# Not "hơn", "trên": "… tốt hơn" ends a name without saying how the target compares.
_NAME_ENDINGS = tuple(
    (words, meaning)
    for words, meaning in _WORDS_BEFORE
    if meaning is not None and words not in ("tren", "hon", "duoi", "over", "under")
)


@dataclass(frozen=True)
class TargetReading:
    """One target as the cell writes it: a number with a comparison and a scope, or words only."""

    text: str  # the part of the cell it was read from, as written
    value: float | None = None
    comparison: Comparison | None = None
    scope: str | None = None  # "ASEAN", "thế giới"; None: the indicator's own target
    upper: float | None = None  # the high figure of a range ("40 - 50"); value is then the low one
    note: str | None = None  # words written after the figure ("và tăng dần theo yêu cầu phát triển")

    @property
    def in_words(self) -> bool:
        """Whether the target is a statement rather than a number ("Đạt mức khá của khu vực")."""
        return self.value is None


def read_targets(written: object, measure_unit: str = "") -> list[TargetReading]:
    """The targets a cell states: one per part split by ";" or a line break, or the whole cell as words.

    A number typed in the cell is a target with no comparison; "40 - 50" is one target from the
    low figure to the high one. A part that is not one number (or range) with at most a
    comparison, a scope and words that say more of it makes the whole cell one target in words:
    a statement is kept as written, never half read as a number.
    """
    if isinstance(written, bool) or written is None:
        return []
    if isinstance(written, int | float):
        return [TargetReading(number_text(float(written)), float(written))]
    text = str(written).strip()
    if text in _EMPTY:
        return []
    parts = [part for part in _PARTS.split(text) if part]
    readings = [_range(part, measure_unit) or _numeric(part, measure_unit) for part in parts]
    numbers = [reading for reading in readings if reading is not None]
    if len(numbers) == len(parts) and len({reading.scope for reading in numbers}) == len(numbers):
        return numbers
    return [TargetReading(" ".join(text.split()) if "\n" not in text else "; ".join(parts))]


def _range(part: str, measure_unit: str) -> TargetReading | None:
    """A range of the indicator's unit ("40 - 50", "20% - 50%"), or None when the part is no range."""
    found = _RANGE.match(part)
    if found is None:
        return None
    first, second = _value(found.group(1)), _value(found.group(3))
    signs = {sign for sign in (found.group(2), found.group(4)) if sign}
    rest = found.group(5).strip().strip("()[]").strip(" .,:-–")
    if first is None or second is None or len(signs) > 1 or (rest and not _is_unit(rest, measure_unit)):
        return None
    if signs and measure_unit.strip() and not signs <= set(measure_unit):
        return None  # "20% - 50%" of a count of bodies: not a range of the indicator's unit
    if not signs and all(value.is_integer() and 1900 <= value <= 2100 for value in (first, second)):
        return None  # "2025 - 2030": years, not figures
    low, high = min(first, second), max(first, second)
    text = " ".join(part.split())
    return TargetReading(text, low, upper=high) if high > low else TargetReading(text, low)


def _numeric(part: str, measure_unit: str) -> TargetReading | None:
    """One number with what is written around it, or None when the words around it say more."""
    found = list(_NUMBER.finditer(part))
    if len(found) != 1:
        return None  # none, or a range ("40-50%"), or a year beside the number
    match = found[0]
    value = _value(match.group(1))
    if value is None:
        return None
    before, after = part[: match.start()], part[match.end() :]
    comparison, before, said = _comparison_before(before)
    after_key = fold(after)
    for words, meaning in _WORDS_AFTER:
        if after_key.startswith(words):
            comparison, said = meaning, True
            after = after.strip()[len(words) :]
            break
    before_scope = before.strip().rstrip(":").strip()
    if before_scope and not before.strip().endswith(":") and not said:
        return None  # "Thuộc nhóm 50 nước…": a statement around a number
    if before_scope and not before.strip().endswith(":") and said:
        return None  # words before the comparison that are no scope label ("riêng cấp xã đạt 60%")
    after_scope = after.strip().strip("()[]").strip(" .,:-–")
    if after_scope and _is_unit(after_scope, measure_unit):
        after_scope = ""
    note = None
    if after_scope and said and (_says_more(after_scope) or len(after_scope.split()) > MOST_SCOPE_WORDS):
        # "≥ 3% và tăng dần theo yêu cầu phát triển": the figure is the target, the words its note.
        note, after_scope = " ".join(after.strip(" ,;:-–").split()), ""
    if after_scope and ((not said and not before_scope) or len(after_scope.split()) > MOST_SCOPE_WORDS):
        return None  # a number followed by a sentence, not a target with a scope
    if before_scope and after_scope:
        return None
    scope = before_scope or after_scope or None
    return TargetReading(" ".join(part.split()), value, comparison, scope, note=note)


def _says_more(words: str) -> bool:
    """Whether words after a figure say more of it ("và tăng dần") rather than name a scope ("ASEAN")."""
    return (fold(words) + " ").startswith(_NOTE_STARTS)


def _comparison_before(before: str) -> tuple[Comparison | None, str, bool]:
    """The comparison written just before the number, the words before it, and whether one was written."""
    sign = _SIGNS_AT_END.search(before)
    if sign is not None:
        return _SIGN_OF[sign.group(1)], before[: sign.start()], True
    words = before.split()
    folded = [fold(word) for word in words]
    for phrase, meaning in _WORDS_BEFORE:
        size = len(phrase.split())
        if len(folded) >= size and " ".join(folded[-size:]) == phrase:
            return meaning, " ".join(words[:-size]) + (" " if size < len(words) else ""), True
    return None, before, False


def _value(text: str) -> float | None:
    """A number as Vietnamese tables write it: a dot between thousands, a comma before decimals."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return float(text.replace(".", ""))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _is_unit(words: str, measure_unit: str) -> bool:
    """Whether the words after a number only repeat its unit of measure ("≥ 1.000 doanh nghiệp")."""
    key = fold(words)
    unit = fold(measure_unit)
    return bool(unit) and (key == unit or key.startswith(unit + " ") or unit.startswith(key))


def number_text(value: float) -> str:
    """A number as short as it is exact, with a decimal point ("60", "0.5")."""
    return str(int(value)) if value.is_integer() else str(value)


def written(
    value: float | None,
    comparison: Comparison | None,
    scope: str | None,
    text: str | None,
    number: Callable[[float], str] = number_text,
    *,
    upper: float | None = None,
) -> str:
    """A target as a person reads it: "≥ 40", "40 – 50", "≤ 5 (ASEAN)", "≥ 3 và tăng dần", or its words.

    The text of a target with a number is its note, said after it; number writes the figures.
    """
    if value is None:
        said = text or ""
    elif upper is not None:
        said = f"{number(value)} – {number(upper)}"  # a range: at least the one, at most the other
    else:
        said = f"{SIGNS[comparison]} {number(value)}" if comparison is not None else number(value)
    if value is not None and text:
        said = f"{said} {text}"
    return f"{said} ({scope})" if scope else said


def unit_written_with(written: object) -> str:
    """The unit of measure written with a target's figure ("100%": "%", "01 khu": "khu"), or "".

    Words after a figure that follows a comparison name where it holds ("≤ 3 Đông Nam Á"), no unit.
    """
    if not isinstance(written, str):
        return ""
    part = _PARTS.split(written.strip())[0]
    found = list(_NUMBER.finditer(part))
    if not found:
        return ""
    if found[-1].group(2):
        return found[-1].group(2)
    after = part[found[-1].end() :].strip(" .,;:()[]")
    _comparison, _before, said = _comparison_before(part[: found[0].start()])
    words = after.split()
    if said or not words or len(words) > _MOST_UNIT_WORDS or not all(word.isalpha() for word in words):
        return ""
    return " ".join(words)


def comparison_in_name(name: str) -> tuple[Comparison, str] | None:
    """The comparison an indicator's name ends with ("… đạt tối thiểu"), and its words as written."""
    words = name.rstrip(" :").split()
    folded = [fold(word) for word in words]
    for phrase, meaning in _NAME_ENDINGS:
        size = len(phrase.split())
        if meaning is not None and len(folded) > size and " ".join(folded[-size:]) == phrase:
            return meaning, " ".join(words[-size:])
    return None
