"""Which column of an indicator table is which ("Chỉ tiêu", "Đơn vị tính", "Mục tiêu 2025"), and its year."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dxplanner.core.indicator_table import IndicatorField
from dxplanner.core.text import fold
from dxplanner.excel.headings import heading_key
from dxplanner.excel.values import text_of

F = IndicatorField
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Checked in this order: a lead column "Đơn vị chủ trì" before a unit of measure "Đơn vị", a target
# "Chỉ tiêu năm 2025" (it names a year) before the indicator's name "Chỉ tiêu".
_NUMBER = ("stt", "tt", "so tt", "so thu tu", "no", "no.", "#")
_CODE_EXACT = ("ma", "ma so", "code", "ky hieu")
_CODE_STARTS = ("ma chi tieu", "ma chi so", "ma so chi tieu", "indicator code")
_LEAD = (
    "chu tri",
    "theo doi",
    "co quan thuc hien",
    "don vi thuc hien",
    "phu trach",
    "dau moi",
    "responsible",
    "lead agency",
    "lead unit",
    "in charge",
    "monitor",
)
_NOTES = ("ghi chu", "note", "remark")
_RESULT = (
    "ket qua",
    "thuc hien",
    "uoc thuc hien",
    "uoc dat",
    "hien trang",
    "thuc trang",
    "da dat",
    "result",
    "actual",
    "achieved",
)
_UNIT_EXACT = ("don vi", "dvt", "dv", "unit", "don vi tinh", "don vi do")
_UNIT_STARTS = ("don vi tinh", "don vi do", "dvt", "unit of measure", "measure")
_TARGET = (
    "muc tieu",
    "chi tieu nam",
    "chi tieu giao",
    "chi tieu den",
    "chi tieu phan dau",
    "gia tri muc tieu",
    "ke hoach",
    "den nam",
    "nam ",
    "giai doan",
    "target",
    "phan dau",
)
_NAME = (
    "chi tieu",
    "ten chi tieu",
    "noi dung chi tieu",
    "noi dung",
    "chi so",
    "ten chi so",
    "tieu chi",
    "indicator",
    "kpi",
)
# Names of a column that can only list indicators (not "Nội dung", which a task table uses too).
_INDICATOR_WORDS = (
    "chi tieu",
    "ten chi tieu",
    "noi dung chi tieu",
    "chi so",
    "ten chi so",
    "indicator",
    "kpi",
)
# The cell under a heading naming a year, as the second row of a header writes it.
_YEAR_ONLY = re.compile(r"(nam\s*)?(19|20)\d\d")


@dataclass(frozen=True)
class IndicatorHeader:
    """Where an indicator table's header is (1-based rows) and what each column (0-based) holds."""

    first_row: int
    last_row: int
    columns: dict[int, IndicatorField]
    headings: dict[int, str]
    years: dict[int, int]  # the year a target or result column names
    # A "Kết quả" column read as the targets, since the table has no column of targets.
    results_read_as_targets: bool = False

    @property
    def score(self) -> int:
        """How surely this is an indicator table's header: how many different things its columns hold."""
        return len(set(self.columns.values()))


def field_of(heading: object) -> tuple[IndicatorField | None, int | None]:
    """What a heading names in an indicator table, and the year it names (for a target or a result)."""
    full = fold(text_of(heading))
    key = heading_key(text_of(heading))
    if not key:
        return None, None
    years = _YEAR.findall(full)
    # "giai đoạn 2021-2025": the period's end; "Đến năm 2025, định hướng 2030": the first named.
    year = (
        int(years[-1]) if re.search(r"\d\s*[-–]\s*\d", full) and years else (int(years[0]) if years else None)
    )
    if key in _NUMBER or full in _NUMBER:
        return F.NUMBER, None
    if key in _CODE_EXACT or key.startswith(_CODE_STARTS):
        return F.CODE, None
    if any(word in full for word in _LEAD):
        return F.LEAD_UNIT, None
    if key.startswith(_NOTES):
        return F.NOTES, None
    if key.startswith(_RESULT):
        return F.RESULT, year
    if key in _UNIT_EXACT or key.startswith(_UNIT_STARTS):
        return F.MEASURE_UNIT, None
    if _YEAR_ONLY.fullmatch(key) or key.startswith(_TARGET):
        return F.TARGET, year
    if key.startswith(_NAME):
        # "Chỉ tiêu 2025" is the target of a year; "Chỉ tiêu" alone names the indicators.
        return (F.TARGET, year) if year is not None else (F.NAME, None)
    return None, None


def header_at(rows: Sequence[Sequence[object]], row: int) -> IndicatorHeader | None:
    """The indicator header starting at a 1-based row, with the next row as its second line when it is one.

    A second line holds years under a merged "Mục tiêu" ("2025", "2030"), or "Mục tiêu" and
    "Kết quả" under a merged "Năm 2025".
    """
    if row > len(rows):
        return None
    top = [text_of(value) for value in rows[row - 1]]
    below = [text_of(value) for value in rows[row]] if row < len(rows) else []
    if not any(field_of(text)[0] for text in top):
        return None
    second = _is_second_line(top, below)
    width = max(len(top), len(below) if second else 0)
    columns: dict[int, IndicatorField] = {}
    headings: dict[int, str] = {}
    years: dict[int, int] = {}
    parent = ""
    for column in range(width):
        upper = top[column] if column < len(top) else ""
        lower = below[column] if second and column < len(below) else ""
        # A heading merged across columns is written in its first cell only.
        parent = upper or (parent if lower else "")
        heading = " / ".join(part for part in (parent, lower) if part)
        if not heading:
            continue
        headings[column] = heading
        found, year = _combined(parent, lower)
        if found is None or (found in columns.values() and found not in (F.TARGET, F.RESULT)):
            continue  # the first column of a kind holds it; targets and results go by year
        columns[column] = found
        if year is not None:
            years[column] = year
    results_are_targets = F.TARGET not in columns.values() and F.RESULT in columns.values()
    if results_are_targets and _names_indicators_column(columns, headings):
        # "Danh mục các chỉ tiêu": TT | Chỉ tiêu | Đơn vị | Kết quả — with no column of targets, the
        # "Kết quả" a plan lists beside its indicators is the result to reach, not one measured.
        columns = {column: F.TARGET if found is F.RESULT else found for column, found in columns.items()}
        return IndicatorHeader(
            row, row + 1 if second else row, columns, headings, years, results_read_as_targets=True
        )
    return IndicatorHeader(row, row + 1 if second else row, columns, headings, years)


def _names_indicators_column(columns: dict[int, IndicatorField], headings: dict[int, str]) -> bool:
    return any(
        found is F.NAME and heading_key(headings[column]).startswith(_INDICATOR_WORDS)
        for column, found in columns.items()
    )


def find_header(rows: Sequence[Sequence[object]], scan: int) -> IndicatorHeader | None:
    """The likeliest indicator header in the first rows: it names the indicators and at least one target."""
    best: IndicatorHeader | None = None
    for index in range(min(len(rows), scan)):
        candidate = header_at(rows, index + 1)
        if candidate is None or not is_indicator_header(candidate.columns.values()):
            continue
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def is_indicator_header(found: Iterable[IndicatorField]) -> bool:
    """Whether the columns found make an indicator table: the indicators' names and a target."""
    kinds = set(found)
    return F.NAME in kinds and F.TARGET in kinds


def names_indicators(headings: Iterable[str]) -> bool:
    """Whether a task table's headings are an indicator table's ("Chỉ tiêu", "Mục tiêu 2025").

    The name column must say it lists indicators: a task table's "Nội dung" beside a "Năm 2025"
    does not make it one.
    """
    texts = list(headings)
    found = [field_of(text)[0] for text in texts]
    says_indicators = any(
        kind is F.NAME and heading_key(text).startswith(_INDICATOR_WORDS)
        for kind, text in zip(found, texts, strict=True)
    )
    return says_indicators and is_indicator_header(kind for kind in found if kind is not None)


def may_name_indicators(headings: Iterable[str]) -> bool:
    """Whether a task table's headings may be an indicator table's whose name column says only "Nội dung".

    "TT | Nội dung | Mục tiêu | Cơ quan chủ trì": the headings alone do not tell; the cells under
    "Mục tiêu" do (figures are targets, sentences a task's aims).
    """
    return is_indicator_header(found for text in headings if (found := field_of(text)[0]) is not None)


def _combined(parent: str, lower: str) -> tuple[IndicatorField | None, int | None]:
    """What a column holds from its heading and the heading merged over it."""
    if not lower:
        return field_of(parent)
    over, over_year = field_of(parent)
    under, under_year = field_of(lower)
    if under in (F.TARGET, F.RESULT) and over in (F.TARGET, F.RESULT, None):
        # "Năm 2025" over "Mục tiêu", "Kết quả": the lower names the kind, the upper the year;
        # "Mục tiêu" over "2025": the lower is only a year (read as a target), the upper the kind.
        if _YEAR_ONLY.fullmatch(heading_key(lower)) and over is not None:
            return over, under_year or over_year
        return under, under_year or over_year
    return (under, under_year) if under is not None else (over, over_year)


def _is_second_line(top: list[str], below: list[str]) -> bool:
    """Whether the row under a heading row holds headings too (years, "Mục tiêu", "Kết quả")."""
    texts = [text for text in below if text]
    if not texts:
        return False
    for text in texts:
        if len(text) > 40:
            return False  # a sentence: an indicator's name, not a heading
        if field_of(text)[0] is None:
            return False
    # Not a first data row whose every cell happens to read as a heading: some cell sits under a merge.
    return any(
        not (top[column] if column < len(top) else "") for column, text in enumerate(below) if text
    ) or (all(_YEAR_ONLY.fullmatch(heading_key(text)) for text in texts))
