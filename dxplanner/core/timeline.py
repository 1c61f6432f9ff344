"""Reading the time a plan states in words ("Quý II/2025", "trước ngày 30/6/2025") as dates."""

from __future__ import annotations

import datetime
import enum
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from dxplanner.core.text import fold

# Excel counts days from 30 December 1899 (its 1900 leap-year bug is before 1 March 1900).
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_YEAR_MIN, _YEAR_MAX = 1900, 2200
# Serial numbers of 1 Jan 1900 and 31 Dec 2200: dates a plan can hold.
_EXCEL_FIRST, _EXCEL_LAST = 2, (datetime.date(_YEAR_MAX, 12, 31) - _EXCEL_EPOCH).days


class TimelineKind(enum.StrEnum):
    """What sort of period a timeline text names."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    YEARS = "years"
    RANGE = "range"
    UNTIL = "until"  # open-ended: only an end ("trước ngày 30/6/2025", "đến năm 2025")
    FROM = "from"  # open-ended: only a start ("từ ngày 01/6/2022")
    RECURRING = "recurring"  # "hằng năm": no fixed dates of its own
    CONTINUOUS = "continuous"  # "thường xuyên": no fixed dates of its own
    RELATIVE = "relative"  # "90 ngày kể từ ngày ban hành Kế hoạch": dated once the plan's date is known
    AFTER_ACT = "after_act"  # "30 ngày sau khi Trung ương ban hành": another body's act, no date we can know
    ORIENTATION = "orientation"  # "Tầm nhìn 2050": a direction, not the task's span
    UNKNOWN = "unknown"


class TimelineGuess(enum.StrEnum):
    """A guess the reading made, which the importer shows the user."""

    ORIENTATION = "orientation"  # "định hướng đến năm 2030" left out of the task's span
    LAST_OF_SEVERAL = "last_of_several"  # several deadlines in one cell: the last is the task's
    DOCUMENT_DATE = "document_date"  # "QĐ 123/QĐ-UBND ngày 02/3/2026": the document's date, not the task's
    REMARK = "remark"  # a line of words under the date, kept apart as a remark
    PLAN_DATE = "plan_date"  # a deadline counted from the plan's own date
    OTHER_ACT = "other_act"  # a deadline counted from another body's act, whose date no table gives
    THEN_ONGOING = "then_ongoing"  # "trước ngày 30/9/2026 và duy trì liên tục": the deadline ends the task


@dataclass(frozen=True)
class Offset:
    """How long after the plan's date a deadline falls ("90 ngày", "03 tháng")."""

    count: int
    unit: str  # "days", "working_days", "weeks", "months" or "years"

    def after(self, day: datetime.date) -> datetime.date:
        """The day this long after `day` (a month later on the 31st is the month's last day)."""
        if self.unit == "days":
            return day + datetime.timedelta(days=self.count)
        if self.unit == "weeks":
            return day + datetime.timedelta(weeks=self.count)
        if self.unit == "working_days":
            from dxplanner.core.workdays import vietnam_calendar  # holidays load only when asked

            return vietnam_calendar().add_working_days(day, self.count)
        months = self.count * (12 if self.unit == "years" else 1)
        year, month = divmod(day.month - 1 + months, 12)
        first = datetime.date(day.year + year, month + 1, 1)
        last = _month(first.year, first.month)[1].day
        return first.replace(day=min(day.day, last))


@dataclass(frozen=True)
class Timeline:
    """A timeline text and the period it names."""

    text: str
    start: datetime.date | None
    end: datetime.date | None
    kind: TimelineKind
    guesses: tuple[TimelineGuess, ...] = ()
    remark: str | None = None  # words under the date that say something else ("Đề xuất thường xuyên")
    dated_text: str | None = None  # the text without its remark
    after: Offset | None = None  # how long after the plan's date, for a deadline counted from it

    @property
    def ok(self) -> bool:
        """Whether the text was understood."""
        return self.kind is not TimelineKind.UNKNOWN

    @property
    def when(self) -> str:
        """The text that gives the dates: all of it, less a remark under them."""
        return self.text if self.dated_text is None else self.dated_text


@dataclass(frozen=True)
class _Mention:
    """One period named inside a text, found at position `at`."""

    at: int
    start: datetime.date
    end: datetime.date
    kind: TimelineKind
    stop: int = 0  # where the mention ends in the text


def parse_timeline(value: object, plan_date: datetime.date | None = None) -> Timeline:
    """The period a timeline names; never raises: what it cannot read comes back as UNKNOWN.

    A deadline counted from the plan's date ("90 ngày kể từ ngày ban hành Kế hoạch") is dated
    when `plan_date` is given, and RELATIVE, with no dates, when it is not.
    """
    if isinstance(value, datetime.datetime):
        day = value.date()
        return Timeline(value.isoformat(sep=" "), day, day, TimelineKind.DAY)
    if isinstance(value, datetime.date):
        return Timeline(value.isoformat(), value, value, TimelineKind.DAY)
    text = ""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _from_serial(value, str(value))
        text = "" if value is None else str(value)
        return _parse_text(text, plan_date)
    except Exception:  # odd input must come back unparsed, whatever it is (the importer warns)
        return Timeline(text, None, None, TimelineKind.UNKNOWN)


def _from_serial(serial: float, text: str) -> Timeline:
    if not math.isfinite(float(serial)) or not _EXCEL_FIRST <= serial <= _EXCEL_LAST:
        return Timeline(text, None, None, TimelineKind.UNKNOWN)
    day = _EXCEL_EPOCH + datetime.timedelta(days=int(serial))
    return Timeline(text, day, day, TimelineKind.DAY)


def _prepare(text: str) -> tuple[str, tuple[TimelineGuess, ...]]:
    """The text folded for matching, with the preposition "từ" told apart and document numbers blanked.

    A document's date and an orientation year are blanked too, and said among the guesses.
    """
    # "từ" (from) and "tư" (as in "Thông tư", "Đầu tư") fold alike: name the preposition first.
    text = re.sub(r"(?i)\b(t)ừ\b", " from ", unicodedata.normalize("NFC", text))
    folded = fold(text)
    guesses: list[TimelineGuess] = []

    def blank(match: re.Match[str]) -> str:
        if match.group("date"):
            guesses.append(TimelineGuess.DOCUMENT_DATE)
        return " " * len(match.group())

    # "Nghị định 08/2022/NĐ-CP", "Quyết định 942/QĐ-TTg" are document numbers, not dates; nor is
    # the day such a document was signed ("GP 45/GP-UBND ngày 02/3/2026") the task's start.
    folded = _DOCUMENT_NUMBER.sub(blank, folded)
    if "huong" in folded or "tam nhin" in folded:
        # "đến năm 2025, định hướng đến năm 2030": the orientation's year is not the task's.
        folded, orientations = _ORIENTATION.subn(lambda match: " " * len(match.group()), folded)
        if orientations:
            guesses.append(TimelineGuess.ORIENTATION)
    return folded, tuple(dict.fromkeys(guesses))


def _parse_text(text: str, plan_date: datetime.date | None) -> Timeline:
    if "\n" in text or "\r" in text:
        dated, remark = _remark_apart(text)
        if remark is not None:
            reading = _parse_text(dated, plan_date)
            if reading.start is not None or reading.end is not None:
                return Timeline(
                    text,
                    reading.start,
                    reading.end,
                    reading.kind,
                    (*reading.guesses, TimelineGuess.REMARK),
                    remark,
                    dated,
                    reading.after,
                )
    folded, guesses = _prepare(text)
    if re.fullmatch(r"\d{5}(\.0+)?", folded):
        return _from_serial(float(folded), text)
    if _IMPOSSIBLE.search(folded):
        return Timeline(text, None, None, TimelineKind.UNKNOWN)
    mentions, masked = _mentions(folded)
    recurring = bool(_RECURRING.search(masked))
    continuous = bool(_CONTINUOUS.search(masked))
    if not mentions:
        if recurring:
            return Timeline(text, None, None, TimelineKind.RECURRING, guesses)
        if continuous:
            return Timeline(text, None, None, TimelineKind.CONTINUOUS, guesses)
        relative = _relative(text, masked, plan_date)
        if relative is not None:
            return relative
        if TimelineGuess.ORIENTATION in guesses:
            return Timeline(text, None, None, TimelineKind.ORIENTATION, guesses)
        return Timeline(text, None, None, TimelineKind.UNKNOWN)
    start = min(mention.start for mention in mentions)
    end = max(mention.end for mention in mentions)
    first, last = mentions[0], mentions[-1]
    before_first, after_last = masked[: first.at], masked[last.stop :]
    # "Năm 2022 và hàng năm": that period, then every one after it, runs on with no end.
    onwards = bool(_FROM.search(before_first) or _ONWARDS.search(after_last) or _AND_EVERY.match(after_last))
    if (recurring or continuous) and _deadline_then_ongoing(before_first, after_last):
        # "Hoàn thành trước ngày 30/9/2026 và duy trì liên tục": a deadline; the upkeep after it has no end.
        reading = _period(text, mentions, masked[: last.stop], start, end, onwards=False)
        if reading.kind is TimelineKind.UNTIL:
            return Timeline(
                text, None, reading.end, TimelineKind.UNTIL, (*guesses, TimelineGuess.THEN_ONGOING)
            )
    if recurring or continuous:
        kind = TimelineKind.RECURRING if recurring else TimelineKind.CONTINUOUS
        return Timeline(text, start, None if onwards else end, kind, guesses)
    if _several_deadlines(mentions, masked):
        # "Trình trước ngày 10/4/2026; ban hành trước 30/4/2026": steps, of which the last ends the task.
        return Timeline(text, None, end, TimelineKind.UNTIL, (*guesses, TimelineGuess.LAST_OF_SEVERAL))
    reading = _period(text, mentions, masked, start, end, onwards)
    if not guesses:
        return reading
    return Timeline(reading.text, reading.start, reading.end, reading.kind, guesses)


def _period(
    text: str, mentions: list[_Mention], masked: str, start: datetime.date, end: datetime.date, onwards: bool
) -> Timeline:
    """The period one mention, or a span of them, names."""
    first, last = mentions[0], mentions[-1]
    before_first, after_last = masked[: first.at], masked[last.stop :]
    # "Từ năm 2021 đến năm 2025" names both ends: a span is never open-ended at the front.
    spans = len(mentions) > 1 or first.kind in (TimelineKind.YEARS, TimelineKind.RANGE)
    if not spans:
        if _BEFORE.search(before_first):
            # Before a day is by that day (how deadlines are written); before a month,
            # quarter or year is by the end of the day before it begins.
            last_day = end if first.kind is TimelineKind.DAY else start - datetime.timedelta(days=1)
            return Timeline(text, None, last_day, TimelineKind.UNTIL)
        if _THROUGH.search(before_first):
            return Timeline(text, None, end, TimelineKind.UNTIL)
        if _AFTER.search(before_first):
            return Timeline(text, end + datetime.timedelta(days=1), None, TimelineKind.FROM)
        if onwards:
            return Timeline(text, start, None, TimelineKind.FROM)
        return Timeline(text, start, end, first.kind)
    if _ONWARDS.search(after_last):
        return Timeline(text, start, None, TimelineKind.FROM)
    if all(mention.kind in (TimelineKind.YEAR, TimelineKind.YEARS) for mention in mentions):
        return Timeline(text, start, end, TimelineKind.YEARS)
    return Timeline(text, start, end, TimelineKind.RANGE)


# A document's number ("123/QĐ-UBND", "08/2022/NĐ-CP", "57-NQ/TW") and the day it was signed, if written.
_DOCUMENT_NUMBER = re.compile(
    r"\b\d+(?:-[a-z][a-z0-9]*)?\s*/\s*(?:\d{4}\s*/\s*)?[a-z][a-z0-9.&-]*"
    r"(?P<date>\s*,?\s*(?:ban hanh\s+)?ngay\s+\d{1,2}"
    r"(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+thang\s+\d{1,2}\s*,?\s*nam\s+\d{4}))?"
)
# "định hướng đến năm 2030", "tầm nhìn 2050", "hướng tới 2045": a direction beyond the task's end.
_ORIENTATION = re.compile(
    r"\b(?:dinh huong|tam nhin|huong toi)(?:\s+(?:den|toi))?(?:\s+nam)?\s+\d{4}(?:\s*-\s*\d{4})?\b"
)
# Between two days of a span ("01/3 - 30/6/2026", "từ … đến …", or one under the other with nothing
# between), as opposed to two deadlines with words of their own.
_SPAN_JOIN = re.compile(r"\s*(?:(?:-|den|toi|to|until|till|through)(?:\s+ngay)?)?\s*")
# "90 ngày kể từ ngày ban hành Kế hoạch", "03 tháng sau khi Kế hoạch được ban hành" (folded; "từ" is "from").
_RELATIVE = re.compile(
    r"\b(\d{1,3})\s+(ngay lam viec|ngay|tuan|thang|nam)\s+(?:ke\s+|tinh\s+)?(?:from|sau)\s+"
    r"(?:(?:ngay|khi|thoi diem)\s+)?(.*)$"
)
_RELATIVE_UNITS = {
    "ngay": "days",
    "ngay lam viec": "working_days",
    "tuan": "weeks",
    "thang": "months",
    "nam": "years",
}
# What the plan is dated by: its issuing, its signing, its taking effect, its approval.
_PLAN_EVENT = re.compile(r"\b(ban hanh|ky|hieu luc|phe duyet)\b")
# The plan itself, named as the one issued ("Kế hoạch được ban hành", "Quyết định có hiệu lực").
_PLAN_ITSELF = re.compile(r"\b(ke hoach|chuong trinh|quyet dinh|phuong an)\b")
# Other documents, whose dates are not the plan's.
_OTHER_DOCUMENT = re.compile(
    r"\b(luat|nghi dinh|nghi quyet|thong tu|chi thi|de an|du an|hop dong|cong van|van ban)\b"
)
# The plan's date in its title rows: "ngày 12/3/2026", "ngày 05 tháng 01 năm 2026".
_DATED = re.compile(
    r"\bngay\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4}))"
)
# A place and a date, as a document's heading writes when it was signed: "Quảng Ngãi, ngày …".
_PLACE_AND_DATE = re.compile(r"^[^\d,]{2,40},\s*ngay\b")
# A quarter that cannot be ("Quý V/2025", "Q5/2025"): the whole text is not understood.
_IMPOSSIBLE = re.compile(
    r"\b(?:quy|qui|q\.?)\s*(?:v|vi{1,3}|i{4,}|ix|x|0|[5-9]|\d{2,})\s*(?:[/.-]|nam\b|\d{4})"
)
# Periods that are one step each, as opposed to spans of them.
_SINGLE_PERIODS = frozenset(
    (TimelineKind.DAY, TimelineKind.MONTH, TimelineKind.QUARTER, TimelineKind.HALF_YEAR, TimelineKind.YEAR)
)
# Words before a date that make it a deadline, a start, or the day after it.
_BEFORE = re.compile(r"\b(truoc|before|prior to)\b")
_THROUGH = re.compile(
    r"\b(den|by|until|till|no later than|not later than|cham nhat|khong qua|khong muon hon|deadline|end of)\b"
    r"|\b(cuoi|het)( nam)?\s*$"
)
_AFTER = re.compile(r"\b(sau|after)\b")
_FROM = re.compile(
    r"\b(from|bat dau|since|starting|beginning)\b"
    # Unaccented text: "tu" is "từ" unless it is part of "thông tư", "đầu tư", "tư vấn", "tự động"...
    r"|(?<!thong )(?<!dau )\btu\b(?! (van|dong|nhan|chu|tin|phap|duy|lieu))"
)
# Words after a date that leave the end open ("Năm 2024 và các năm tiếp theo", "2024 trở đi").
_ONWARDS = re.compile(
    r"\b(tro di|tro ve sau|(cac|nhung) nam (tiep theo|sau)|onwards?|and beyond|and after)\b"
)
# "và hằng năm", "and every year" right after a period: it and every one after it.
_AND_EVERY = re.compile(
    r"\s*,?\s*(?:va|and)\s+"
    r"(?:(?:hang|moi)\s+(?:nam|quy|thang|tuan)|every (?:year|quarter|month)|annually|yearly)\b"
)
_RECURRING = re.compile(
    r"\bhang (nam|quy|thang|tuan)\b|\bdinh ky\b|\b(annual(ly)?|yearly|every (year|quarter|month)|"
    r"each year|quarterly|monthly|periodic(ally)?)\b"
)
_CONTINUOUS = re.compile(
    r"\b(thuong xuyen|lien tuc|ongoing|on-going|on going|continuous(ly)?|regular(ly)?)\b"
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_NUMBER = r"(iv|iii|ii|i|[1-4])"
_LIST_JOIN = r"\s*(?:,|;|-|va|den|and|to|&)\s*"
_ANY_QUARTER = r"(?:iv|iii|ii|i|[1-4])"
_QUARTER_WORD = r"(?:quy|qui|q\.?|quarters?)"
_QUARTER_LIST = rf"{_ANY_QUARTER}(?:{_LIST_JOIN}(?:{_QUARTER_WORD}\s*)?{_ANY_QUARTER})+"
_MONTH_LIST = rf"\d{{1,2}}(?:{_LIST_JOIN}(?:thang\s*|t\s*)?\d{{1,2}})+"
_SEP = r"\s*[/.-]\s*"
_YEAR = r"(\d{4})"
_YEAR_WORD = r"(?:\s*[/.-]\s*|\s*,?\s*(?:nam|of|in)?\s*)"


def _day(year: int, month: int, day: int) -> tuple[datetime.date, datetime.date]:
    date = datetime.date(year, month, day)
    return date, date


def _month(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, 1), following - datetime.timedelta(days=1)


def _quarter(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    return _month(year, 3 * quarter - 2)[0], _month(year, 3 * quarter)[1]


def _half(year: int, second: bool) -> tuple[datetime.date, datetime.date]:
    return (
        (datetime.date(year, 7, 1), datetime.date(year, 12, 31))
        if second
        else (
            datetime.date(year, 1, 1),
            datetime.date(year, 6, 30),
        )
    )


def _years(first: int, last: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31)


def _short_span(first: int, last_two_digits: int) -> tuple[datetime.date, datetime.date]:
    last = first - first % 100 + last_two_digits
    if last <= first:
        raise ValueError("a span must end after it starts")
    return _years(first, last)


def _quarter_number(token: str) -> int:
    return _ROMAN.get(token) or int(token)


def _quarters(year: int, listed: str) -> tuple[datetime.date, datetime.date]:
    numbers = [_quarter_number(token) for token in re.findall(_QUARTER_NUMBER, listed)]
    return _quarter(year, min(numbers))[0], _quarter(year, max(numbers))[1]


def _months(year: int, listed: str) -> tuple[datetime.date, datetime.date]:
    numbers = [int(token) for token in re.findall(r"\d{1,2}", listed)]
    return _month(year, min(numbers))[0], _month(year, max(numbers))[1]


def _month_span(year: int, first: int, last: int) -> tuple[datetime.date, datetime.date]:
    if not 1 <= first < last <= 12:
        # "15-3/2025" is no span of months: leave it to the patterns after this one.
        raise ValueError("not a span of months")
    return _month(year, first)[0], _month(year, last)[1]


# Each pattern: compiled regex, kind, and how to turn its groups into a period. Earlier patterns win:
# the text they match is blanked out before later (shorter) patterns look.
_PATTERNS: list[tuple[re.Pattern[str], TimelineKind, object]] = [
    (
        re.compile(r"\b(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b"),  # ISO: 2025-06-30
        TimelineKind.DAY,
        lambda g: _day(int(g[0]), int(g[2]), int(g[3])),
    ),
    (
        # The same separator twice: "3-6/2024" is a span of months, not 3 June.
        re.compile(r"\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b"),
        TimelineKind.DAY,
        lambda g: _day(int(g[3]), int(g[2]), int(g[0])),
    ),
    (
        re.compile(rf"\bngay (\d{{1,2}}) thang (\d{{1,2}}){_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.DAY,
        lambda g: _day(int(g[2]), int(g[1]), int(g[0])),
    ),
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_NAME},? {_YEAR}\b"),
        TimelineKind.DAY,
        lambda g: _day(int(g[2]), _MONTHS[g[1]], int(g[0])),
    ),
    (
        re.compile(rf"\b{_MONTH_NAME} (\d{{1,2}})(?:st|nd|rd|th)?,? {_YEAR}\b"),
        TimelineKind.DAY,
        lambda g: _day(int(g[2]), _MONTHS[g[0]], int(g[1])),
    ),
    (
        re.compile(rf"\b{_QUARTER_WORD}\s*({_QUARTER_LIST}){_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.RANGE,
        lambda g: _quarters(int(g[1]), g[0]),
    ),
    (
        re.compile(rf"\b(?:thang|t)\s*({_MONTH_LIST}){_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.RANGE,
        lambda g: _months(int(g[1]), g[0]),
    ),
    (
        # "10-11/2019", "01-4/2021": months as a span with "tháng" left out (a dash, then the year's "/").
        re.compile(rf"\b(\d{{1,2}})\s*-\s*(\d{{1,2}})\s*/\s*{_YEAR}\b"),
        TimelineKind.RANGE,
        lambda g: _month_span(int(g[2]), int(g[0]), int(g[1])),
    ),
    (
        re.compile(rf"\b{_MONTH_NAME}\s*(?:-|to|through|until|till)\s*{_MONTH_NAME},? {_YEAR}\b"),
        TimelineKind.RANGE,
        lambda g: (_month(int(g[2]), _MONTHS[g[0]])[0], _month(int(g[2]), _MONTHS[g[1]])[1]),
    ),
    (
        re.compile(rf"\b{_QUARTER_WORD}\s*{_QUARTER_NUMBER}{_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.QUARTER,
        lambda g: _quarter(int(g[1]), _quarter_number(g[0])),
    ),
    (
        re.compile(rf"\b(first|second|third|fourth) quarter(?: of)? {_YEAR}\b"),
        TimelineKind.QUARTER,
        lambda g: _quarter(int(g[1]), ("first", "second", "third", "fourth").index(g[0]) + 1),
    ),
    (
        re.compile(rf"\b(?:6 thang|nua) (dau|cuoi)(?: nam)?{_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.HALF_YEAR,
        lambda g: _half(int(g[1]), g[0] == "cuoi"),
    ),
    (
        re.compile(rf"\b(?:(first|second) half(?: of)?|(h1|h2)){_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.HALF_YEAR,
        lambda g: _half(int(g[2]), (g[0] or g[1]) in ("second", "h2")),
    ),
    (
        re.compile(rf"\b(?:thang|t)?\s*(\d{{1,2}}){_SEP}{_YEAR}\b"),
        TimelineKind.MONTH,
        lambda g: _month(int(g[1]), int(g[0])),
    ),
    (
        re.compile(rf"\bthang (\d{{1,2}}){_YEAR_WORD}{_YEAR}\b"),
        TimelineKind.MONTH,
        lambda g: _month(int(g[1]), int(g[0])),
    ),
    (
        re.compile(rf"\b{_MONTH_NAME},? {_YEAR}\b"),
        TimelineKind.MONTH,
        lambda g: _month(int(g[1]), _MONTHS[g[0]]),
    ),
    (
        re.compile(rf"\b{_YEAR}\s*(?:-|den|to|through)\s*(?:nam\s*)?{_YEAR}\b"),
        TimelineKind.YEARS,
        lambda g: _years(int(g[0]), int(g[1])),
    ),
    (
        re.compile(rf"\b{_YEAR}\s*-\s*(\d{{2}})\b"),  # "2024-25"
        TimelineKind.YEARS,
        lambda g: _short_span(int(g[0]), int(g[1])),
    ),
    (
        re.compile(rf"\b{_YEAR}\b"),
        TimelineKind.YEAR,
        lambda g: _years(int(g[0]), int(g[0])),
    ),
]

# Months and quarters named without a year take the year named next in the text
# ("từ tháng 3 đến tháng 6/2024", "Quý II - Quý III/2025").
_YEARLESS: list[tuple[re.Pattern[str], TimelineKind]] = [
    (re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\b"), TimelineKind.DAY),  # "từ 01/6 đến 30/6/2025"
    (re.compile(rf"\b(?:quy|qui|q\.?)\s*{_QUARTER_NUMBER}\b"), TimelineKind.QUARTER),
    (re.compile(r"\bthang (\d{1,2})\b"), TimelineKind.MONTH),
]


def _mentions(folded: str) -> tuple[list[_Mention], str]:
    """Every period the text names, in reading order, and the text with them blanked out."""
    masked = folded
    found: list[_Mention] = []
    for pattern, kind, period in _PATTERNS:
        for match in pattern.finditer(masked):
            groups = match.groups()
            if kind in (TimelineKind.YEAR, TimelineKind.YEARS) and not all(
                _YEAR_MIN <= int(year) <= _YEAR_MAX for year in groups if len(year) == 4
            ):
                continue
            try:
                start, end = period(groups)  # type: ignore[operator]
            except (ValueError, KeyError):
                continue
            if not (_YEAR_MIN <= start.year <= _YEAR_MAX and start <= end):
                continue
            found.append(_Mention(match.start(), start, end, kind, match.end()))
        masked = pattern.sub(lambda match: " " * len(match.group()), masked)
    found.extend(_yearless(masked, found))
    found.sort(key=lambda mention: mention.at)
    return found, masked


def _yearless(masked: str, dated: list[_Mention]) -> list[_Mention]:
    loose: list[_Mention] = []
    for pattern, kind in _YEARLESS:
        for match in pattern.finditer(masked):
            following = [mention for mention in dated if mention.at > match.start()]
            preceding = [mention for mention in dated if mention.at < match.start()]
            anchor = following[0] if following else preceding[-1] if preceding else None
            if anchor is None:
                continue
            year = anchor.end.year if following else anchor.start.year
            token = match.group(1)
            try:
                if kind is TimelineKind.DAY:
                    start, end = _day(year, int(match.group(2)), int(token))
                elif kind is TimelineKind.QUARTER:
                    start, end = _quarter(year, _quarter_number(token))
                else:
                    start, end = _month(year, int(token))
            except ValueError:
                continue
            loose.append(_Mention(match.start(), start, end, kind, match.end()))
    return loose


def _deadline_then_ongoing(before_first: str, after_last: str) -> bool:
    """Whether the words make a deadline of the periods, with recurring or continuous work only after them."""
    deadline = _BEFORE.search(before_first) or _THROUGH.search(before_first)
    ongoing_before = _RECURRING.search(before_first) or _CONTINUOUS.search(before_first)
    return (
        bool(deadline)
        and not ongoing_before
        and bool(_RECURRING.search(after_last) or _CONTINUOUS.search(after_last))
    )


def _several_deadlines(mentions: list[_Mention], masked: str) -> bool:
    """Whether the text names several days, or periods given as steps, that are not the ends of one span."""
    if len(mentions) < 2 or _FROM.search(masked[: mentions[0].at]):
        return False  # "từ 01/6 đến 30/6/2025"
    between = [masked[first.stop : second.at] for first, second in itertools.pairwise(mentions)]
    if all(mention.kind is TimelineKind.DAY for mention in mentions):
        return not any(_SPAN_JOIN.fullmatch(words) for words in between)
    # "Năm 2025; Năm 2030": single periods parted by semicolons are steps; "Năm 2023, 2024" is a
    # list of years, and spans ("2021-2025; 2026-2030") run on into each other.
    return all(mention.kind in _SINGLE_PERIODS for mention in mentions) and all(
        ";" in words for words in between
    )


def _remark_apart(text: str) -> tuple[str, str | None]:
    """The lines that give the dates, and the lines of words under them that are a remark (or None)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    remark: list[str] = []
    while len(lines) > 1 and _is_remark(lines[-1]):
        remark.insert(0, lines.pop())
    return "\n".join(lines), " ".join(remark) or None


def _is_remark(line: str) -> bool:
    """A line of words that starts a sentence of its own ("Đề xuất …", "(tùy theo …)"), with no date in it."""
    if any(character.isdigit() for character in line) or len(line.split()) < 2:
        return False
    # "và các năm tiếp theo" goes on with the line above; a remark starts anew.
    return (line[0].isupper() or line[0] in "(-+*•") and not _ONWARDS.search(fold(line))


def _relative(text: str, masked: str, plan_date: datetime.date | None) -> Timeline | None:
    """A deadline counted from the plan's date: dated when the plan's date is known, else RELATIVE."""
    found = _RELATIVE.search(masked)
    if found is None:
        return None
    anchor = found.group(3)
    event = _PLAN_EVENT.search(anchor)
    if event is None or _OTHER_DOCUMENT.search(anchor):
        return None  # counted from some other document's date, which the table does not give
    offset = Offset(int(found.group(1)), _RELATIVE_UNITS[found.group(2)])
    if anchor[: event.start()].strip() and not _PLAN_ITSELF.search(anchor):
        # Someone acts, and not on the plan ("sau khi Trung ương ban hành"): when is in no table.
        return Timeline(text, None, None, TimelineKind.AFTER_ACT, (TimelineGuess.OTHER_ACT,), after=offset)
    if plan_date is None:
        return Timeline(text, None, None, TimelineKind.RELATIVE, after=offset)
    return Timeline(
        text, None, offset.after(plan_date), TimelineKind.UNTIL, (TimelineGuess.PLAN_DATE,), after=offset
    )


def plan_date_in(lines: Iterable[str]) -> datetime.date | None:
    """The plan's own date, as its title rows state it ("Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2026").

    The date of the document the table comes with wins over the place-and-date line of a heading;
    a draft with the day left blank has none.
    """
    heading: datetime.date | None = None
    for line in lines:
        key = fold(line)
        if "ngay" not in key:
            continue
        found = _DATED.search(key)
        if found is None:
            continue
        day, month, year = (
            (found.group(1), found.group(2), found.group(3))
            if found.group(2)
            else (found.group(1), found.group(4), found.group(5))
        )
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if "kem theo" in key or "ban hanh" in key:
            return date
        if heading is None and _PLACE_AND_DATE.match(key):
            heading = date
    return heading


def dates_for(
    text: str, plan_start: datetime.date, plan_end: datetime.date
) -> tuple[datetime.date | None, datetime.date | None] | None:
    """The planned dates a task written with this timeline gets in a plan (None when unreadable).

    Recurring and continuous work runs through the plan's period; a deadline starts
    with the plan (when it falls inside it); a start runs to the end the words give.
    """
    reading = parse_timeline(text)
    if not reading.ok:
        return None
    if reading.kind in (TimelineKind.RECURRING, TimelineKind.CONTINUOUS) and reading.start is None:
        return plan_start, plan_end
    start = reading.start
    if start is None and reading.end is not None and plan_start <= reading.end:
        start = plan_start
    return start, reading.end
