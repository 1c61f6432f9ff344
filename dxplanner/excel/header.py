"""Finding a plan table's header among the rows at the top of a sheet, and what each column holds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dxplanner.core.plan_table import SOURCE_COLUMNS, TableField
from dxplanner.core.text import fold
from dxplanner.excel.headings import field_of, heading_key, money_factor
from dxplanner.excel.values import text_of

# Title rows rarely take more than a dozen lines; 40 leaves room for a long preamble.
HEADER_SCAN_ROWS = 40
# Columns that all hold money, counted as one kind when judging a header.
_MONEY_FIELDS = {TableField.BUDGET, TableField.SOURCE, *SOURCE_COLUMNS}
_MONEY = TableField.BUDGET
# Columns that number or code the rows, counted as one kind too: a number and a code are not a table.
_NUMBERING_FIELDS = {TableField.NUMBER, TableField.SUB_NUMBER, TableField.CODE}
# The words of a heading naming who answers for a row by law, not who leads it ("Cơ quan chịu trách
# nhiệm quản lý nhà nước theo quy định"): the lead only where no lead column names one.
_RESPONSIBLE = "chiu trach nhiem"
# A number or code is short; the rows under a header looked at to tell one from a sentence.
_MARK_LENGTH = 30
_LOOK_BELOW = 30
# Columns that say by when: beside one, "Tiến độ" is how far a task has come, not its schedule (beside
# a start alone it may still be the deadline).
_SCHEDULE_FIELDS = {TableField.TIMELINE, TableField.END}
# Headings split into a second row of headings of their own words.
_SPLIT_HEADINGS = {TableField.TIMELINE, TableField.BUDGET, TableField.SOURCE, *SOURCE_COLUMNS}
# Headings a second header row may hold under a merged one ("Kinh phí" over its sources, "Thời gian").
_SUB_FIELDS = {
    *SOURCE_COLUMNS,
    TableField.START,
    TableField.END,
    TableField.BUDGET,
    TableField.LEAD_UNIT,
    TableField.COOPERATING,
    TableField.SOURCE,
}


@dataclass
class Header:
    """Where the header is (1-based rows) and what each column (0-based) holds."""

    first_row: int
    last_row: int
    columns: dict[int, TableField]
    headings: dict[int, str]
    money_factor: int | None
    skip_rows: set[int] = field(default_factory=set)  # a row of column numbers under the header
    # Every heading's text, to know the header again where it is repeated lower down.
    texts: frozenset[str] = frozenset()
    # A column naming the body the law makes responsible ("Cơ quan chịu trách nhiệm quản lý nhà nước")
    # beside a lead column: it names the lead of a row whose lead cell is empty.
    responsible: int | None = None

    @property
    def score(self) -> int:
        """How surely this is the table's header: the number of different things its columns hold.

        Money counts once however many columns split it: a budget summary by source is not the
        task table beside it.
        """
        return len({_kind(found) for found in self.columns.values()})


def _kind(found: TableField) -> TableField:
    if found in _MONEY_FIELDS:
        return _MONEY
    return TableField.NUMBER if found in _NUMBERING_FIELDS else found


def likeliest_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The row nearest to being a header, to say what it lacks; None when no row names a column.

    The row naming the most kinds of column, then the one with the most headings.
    """
    best: Header | None = None
    for index in range(min(len(rows), HEADER_SCAN_ROWS)):
        candidate = header_at(rows, index + 1)
        if candidate is not None and (
            best is None or (candidate.score, len(candidate.headings)) > (best.score, len(best.headings))
        ):
            best = candidate
    return best


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The most plausible header in the first rows: it must name the tasks and at least one other thing."""
    best: Header | None = None
    for index in range(min(len(rows), HEADER_SCAN_ROWS)):
        candidate = header_at(rows, index + 1)
        if candidate is None or TableField.NAME not in candidate.columns.values() or candidate.score < 2:
            continue
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def header_at(rows: Sequence[Sequence[object]], row: int) -> Header | None:
    """The header starting at a 1-based row, taking the next row as its second line when it is one."""
    if row > len(rows):
        return None
    top = list(rows[row - 1])
    below = list(rows[row]) if row < len(rows) else []
    top_fields = {column: field_of(value) for column, value in enumerate(top)}
    if not any(top_fields.values()):
        return None
    second = _is_second_line(top, below, top_fields)
    width = max(len(top), len(below) if second else 0)
    # "Tiến độ" beside "Thời gian hoàn thành" holds how far a task has come ("Đang triển khai").
    schedule_elsewhere = any(
        field_of(value) in _SCHEDULE_FIELDS and not _is_tien_do(value)
        for value in (*top, *(below if second else ()))
        if value is not None
    )
    columns: dict[int, TableField] = {}
    headings: dict[int, str] = {}
    parent = ""
    taken: set[TableField] = set()
    for column in range(width):
        upper = text_of(top[column]) if column < len(top) else ""
        lower = text_of(below[column]) if second and column < len(below) else ""
        # A heading merged across columns is written in its first cell only.
        parent = upper or (parent if lower else "")
        heading = " / ".join(part for part in (parent, lower) if part)
        if heading:
            headings[column] = heading  # every heading, so that the user can give any column a role
        found = (field_of(lower) if lower else None) or field_of(parent)
        if parent and lower and field_of(parent) is TableField.TIMELINE and found is TableField.TIMELINE:
            found = _start_or_end(lower)
        if found is TableField.TIMELINE and schedule_elsewhere and _is_tien_do(lower or parent):
            found = TableField.PROGRESS
        if found is TableField.NUMBER and TableField.NUMBER in taken:
            found = TableField.SUB_NUMBER  # "TT" twice: the second numbers the rows under the first's
        if found is None:
            continue
        # The first column of a kind holds it and a repeat is left out (the user can choose it),
        # except a budget split by year ("Kinh phí" over 2026, 2027, …): every year counts.
        by_year = found is TableField.BUDGET and year_of(heading) is not None
        if found in taken and not by_year:
            continue
        columns[column] = found
        if not by_year:
            taken.add(found)
    last = row + 1 if second else row
    for column, found in list(columns.items()):
        # "Chi tiết" with no numbering column beside it, or over sentences, describes the task;
        # "Mã" over sentences is no code.
        if found in (TableField.SUB_NUMBER, TableField.CODE) and (
            (found is TableField.SUB_NUMBER and TableField.NUMBER not in taken)
            or not _holds_marks(rows[last : last + _LOOK_BELOW], column)
        ):
            del columns[column]
    texts = frozenset(
        text for line in (top, below if second else []) for value in line if (text := text_of(value))
    )
    responsible = _responsible_column(columns, headings)
    if responsible is not None and TableField.LEAD_UNIT not in columns.values():
        columns[responsible] = TableField.LEAD_UNIT  # the only column naming who answers: the lead
        responsible = None
    header = Header(row, last, columns, headings, money_factor_of(columns, headings), texts=texts)
    header.responsible = responsible
    if last < len(rows) and column_numbers(rows[last]):
        header.skip_rows.add(last + 1)
    return header


def _responsible_column(columns: dict[int, TableField], headings: dict[int, str]) -> int | None:
    """The first column given no role whose heading names the body responsible ("chịu trách nhiệm")."""
    for column, heading in sorted(headings.items()):
        if column not in columns and _RESPONSIBLE in heading_key(heading):
            return column
    return None


def money_factor_of(columns: dict[int, TableField], headings: dict[int, str]) -> int | None:
    """The money unit the headings of the budget columns state (the first that states one)."""
    for column, found in sorted(columns.items()):
        if found is TableField.BUDGET or found in SOURCE_COLUMNS:
            factor = money_factor(headings.get(column, ""))
            if factor is not None:
                return factor
    return None


def stated_money_factor(rows: Sequence[Sequence[object]]) -> int | None:
    """The money unit a line above the table states ("Đơn vị tính: triệu đồng", "ĐVT: tỷ đồng")."""
    for row in rows:
        for value in row:
            key = fold(text_of(value))
            if key.startswith(("don vi tinh", "dvt", "(don vi tinh", "(dvt", "unit:", "(unit")):
                factor = money_factor(key)
                if factor is not None:
                    return factor
    return None


def year_of(heading: str) -> int | None:
    """The one year a budget heading names ("Kinh phí / 2026", "Kinh phí năm 2027"), or None.

    A period ("giai đoạn 2026-2030") names no single year.
    """
    last = heading.rsplit(" / ", 1)[-1]
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", last)
    if len(years) != 1 or re.search(r"\d\s*[-–]\s*\d", last):
        return None
    return int(years[0])


def _is_second_line(top: list[object], below: list[object], top_fields: dict[int, TableField | None]) -> bool:
    """Whether the row under a header is a second line of headings rather than the first task.

    Under a heading that is split ("Thời gian thực hiện" over "Từ", "Đến"; "Kinh phí" over
    "Tổng số", "NSNN") any short words are headings; elsewhere only headings we know are.
    """
    if not below:
        return False
    found = False
    parent: TableField | None = None
    for column, value in enumerate(below):
        over = top_fields.get(column)
        if text_of(top[column]) if column < len(top) else "":
            parent = over
        text = text_of(value)
        if not text:
            continue
        sub = field_of(text)
        split = parent in _SPLIT_HEADINGS and len(text) <= 40 and not re.search(r"\d", text)
        if sub is None and not split and not re.fullmatch(r"(nam )?\d{4}", fold(text)):
            return False  # text that names nothing we know: data, not a heading
        if (
            sub in _SUB_FIELDS
            or split
            or over in (None, TableField.BUDGET, TableField.TIMELINE, TableField.SOURCE)
        ):
            found = True
    return found


def _holds_marks(rows: Sequence[Sequence[object]], column: int) -> bool:
    """Whether a column's first values are numbers or codes ("a", "1.2", "KH26_N01") more than sentences."""
    marks = sentences = 0
    for line in rows:
        text = text_of(line[column]) if column < len(line) else ""
        if text:
            if len(text) <= _MARK_LENGTH and text.count(" ") <= 1:
                marks += 1
            else:
                sentences += 1
    return marks >= sentences


def _is_tien_do(heading: object) -> bool:
    return heading_key(heading).startswith("tien do")


def _start_or_end(text: str) -> TableField | None:
    """What a heading under "Thời gian" names: its start ("Từ", "Bắt đầu"), its end ("Đến", "Hoàn thành")."""
    key = fold(text)
    first = key.split()[0] if key.split() else ""
    if first in ("tu", "from", "start") or any(word in key for word in ("bat dau", "khoi cong", "start")):
        return TableField.START
    if first in ("den", "to", "end") or any(
        word in key for word in ("ket thuc", "hoan thanh", "end", "finish")
    ):
        return TableField.END
    return TableField.TIMELINE


def column_numbers(row: Sequence[object]) -> bool:
    """Whether a row only numbers the columns above it: 1 2 3 … or (1) (2) (3) …"""
    numbers = []
    for value in row:
        text = text_of(value).strip("()")
        if not text:
            continue
        if not text.isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
