"""What a published table is made of: its source, its title and heading rows, its body and their reading."""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | None
Reading = dict[str, object]


@dataclass(frozen=True)
class Source:
    """Where a table was published, and the copy of it that was read."""

    title: str
    agency: str
    number: str
    date: str
    url: str
    copied_from: str
    notes: str


@dataclass(frozen=True)
class Body:
    """One body row: its cells from column A on, and the reading a careful human makes of it."""

    cells: tuple[Cell, ...]
    expected: Reading
    bold_number: bool = False


@dataclass
class Table:
    """A table as published: the sheet, the title rows, the heading row and the body."""

    name: str
    kind: str  # "tasks" or "indicators"
    sheet: str
    source: Source
    titles: tuple[str, ...]
    headings: tuple[str, ...]
    body: list[Body] = field(default_factory=list)
    # Headings that split in two have their sub-headings on a second heading row, blank under the
    # others (which run down over both rows); a heading over sub-headings runs across them.
    sub_headings: tuple[Cell, ...] = ()
    # Merged cells of the body: first row, first column, last row, last column (rows from 0, columns from 1).
    merges: tuple[tuple[int, int, int, int], ...] = ()


# The dates a careful human reads in a period ------------------------------------------------------

NO_DATES: Reading = {"start": None, "end": None}
SPAN_2025_2026: Reading = {"start": "2025-01-01", "end": "2026-12-31"}


def year(number: int) -> Reading:
    """A year written alone ("2025"): the whole year."""
    return {"start": f"{number}-01-01", "end": f"{number}-12-31"}


def years(first: int, last: int) -> Reading:
    """Years written as a span ("2026 - 2030"): from the first day of the first to the last of the last."""
    return {"start": f"{first}-01-01", "end": f"{last}-12-31"}


def month(number: int, in_year: int) -> Reading:
    """A month ("6/2025", "Tháng 4/2025"): the whole month."""
    last = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(number, 31)
    if number == 2 and in_year % 4 == 0:
        last = 29
    return {"start": f"{in_year}-{number:02d}-01", "end": f"{in_year}-{number:02d}-{last:02d}"}


def months(first: int, last: int, in_year: int) -> Reading:
    """Months as a span ("10-11/2019", "01-4/2021"): from the first one's first day to the last one's end."""
    return {"start": month(first, in_year)["start"], "end": month(last, in_year)["end"]}


def quarter(number: int, in_year: int) -> Reading:
    """A quarter ("Quý II/2025"): its three months."""
    first, last = month(3 * number - 2, in_year), month(3 * number, in_year)
    return {"start": first["start"], "end": last["end"]}


def deadline(day: int, month_number: int, in_year: int) -> Reading:
    """A day under a deadline heading ("30/11/2026", "Hoàn thành trước ngày 30/9/2026"): the end alone."""
    return {"start": None, "end": f"{in_year}-{month_number:02d}-{day:02d}"}


def onward(from_year: int) -> Reading:
    """From the first of January of a year on, with no end ("2025 và những năm tiếp theo")."""
    return {"start": f"{from_year}-01-01", "end": None}


# The ministries and collectives named again and again, as the tables write them -----------------

KHCN = "Bộ Khoa học và Công nghệ"
TTTT = "Bộ Thông tin và Truyền thông"
KHDT = "Bộ Kế hoạch và Đầu tư"
BTC = "Bộ Tài chính"
BNV = "Bộ Nội vụ"
BCA = "Bộ Công an"
BQP = "Bộ Quốc phòng"
GDDT = "Bộ Giáo dục và Đào tạo"
CONG_THUONG = "Bộ Công Thương"
TNMT = "Bộ Tài nguyên và Môi trường"
GTVT = "Bộ Giao thông vận tải"
Y_TE = "Bộ Y tế"
NGOAI_GIAO = "Bộ Ngoại giao"
VPCP = "Văn phòng Chính phủ"
ALL = "Các bộ, ngành, địa phương"
ALL_LOWER = "các bộ, ngành, địa phương"
MINISTRIES = "Các bộ, ngành"


# Readings of the common kinds of row ------------------------------------------------------------


def group_reading(code: str, name: str, parent: str | None = None) -> Reading:
    """A group's row: its numeral, its name and the group it sits in (“II.1” in “II”); nothing of a task."""
    return {
        "kind": "group",
        "code": code.rstrip("."),
        "parent_code": parent,
        "name": name,
        "lead_unit": None,
        "cooperating_units": [],
        **NO_DATES,
        "budget": [],
    }


def task_reading(
    code: str | None, parent: str | None, name: str, lead: str | None, cooperating: list[str], dates: Reading
) -> Reading:
    """A task's row: where it sits, what it is called, who leads and helps, when (no money column)."""
    return {
        "kind": "task",
        "code": code.rstrip(".") if code else None,
        "parent_code": parent,
        "name": name,
        "lead_unit": lead,
        "cooperating_units": cooperating,
        **dates,
        "budget": [],
    }


SKIPPED: Reading = {"kind": "skip"}
