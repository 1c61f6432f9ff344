"""Which column is which: the headings agencies write over each column, Vietnamese or English."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dxplanner.core.plan_table import TableField
from dxplanner.core.text import fold


@dataclass(frozen=True)
class ColumnSpec:
    """A field and the headings that name it (folded: lower case, no accents)."""

    field: TableField
    exact: tuple[str, ...] = ()  # the whole heading is one of these
    starts: tuple[str, ...] = ()  # the heading begins with one of these
    contains: tuple[str, ...] = ()  # the heading holds one of these


# Order matters: the first spec a heading matches wins (a progress "Tiến độ (%)" before a schedule "Tiến độ").
SPECS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        TableField.NUMBER, exact=("stt", "tt", "so tt", "so thu tu", "no", "no.", "#", "number", "nr")
    ),
    # A second numbering column beside "TT": "Chi tiết" a, b, c under 1, 2, 3.
    ColumnSpec(TableField.SUB_NUMBER, exact=("chi tiet", "tt chi tiet", "stt chi tiet")),
    ColumnSpec(
        TableField.CODE,
        exact=("ma", "ma so", "ma nv", "ky hieu", "code", "task code", "task id"),
        starts=("ma nhiem vu", "ma so nhiem vu", "ma du an", "ma cong viec"),
    ),
    ColumnSpec(TableField.PROGRESS, contains=("% hoan thanh", "ty le hoan thanh", "tien do (%)", "progress")),
    ColumnSpec(
        TableField.LEAD_UNIT,
        contains=(
            "chu tri",
            "don vi thuc hien",
            "co quan thuc hien",
            "lead agency",
            "lead unit",
            "responsible",
            "in charge",
            "implementing",
            # "Phân công nhiệm vụ": one column naming who leads and who cooperates.
            "phan cong",
        ),
    ),
    ColumnSpec(
        TableField.COOPERATING,
        contains=("phoi hop", "cooperat", "co-operat", "coordinat", "supporting"),
    ),
    # Before the timeline: "Thời gian bắt đầu" and "Thời gian kết thúc" are two date columns.
    ColumnSpec(
        TableField.START,
        exact=("tu", "tu ngay", "from", "start", "start date"),
        starts=(
            "bat dau",
            "ngay bat dau",
            "thoi gian bat dau",
            "nam bat dau",
            "khoi cong",
            "thoi diem bat dau",
        ),
    ),
    ColumnSpec(
        TableField.END,
        exact=("den", "den ngay", "hoan thanh", "end", "end date", "to", "finish"),
        starts=(
            "ket thuc",
            "ngay ket thuc",
            "thoi gian ket thuc",
            "nam ket thuc",
            "nam hoan thanh",
            "thoi diem ket thuc",
        ),
    ),
    ColumnSpec(
        TableField.TIMELINE,
        starts=(
            "thoi gian",
            "thoi han",
            "tien do",
            "moc thoi gian",
            "lo trinh",
            "timeline",
            "deadline",
            "schedule",
            "time",
            "duration",
            "period",
            "due",
        ),
    ),
    ColumnSpec(
        TableField.CENTRAL_BUDGET, contains=("ngan sach tw", "ngan sach trung uong", "nstw", "central")
    ),
    ColumnSpec(TableField.LOCAL_BUDGET, contains=("ngan sach dp", "ngan sach dia phuong", "nsdp", "local")),
    ColumnSpec(TableField.ODA, contains=("oda", "von vay")),
    ColumnSpec(TableField.ENTERPRISE, contains=("doanh nghiep", "enterprise")),
    ColumnSpec(
        TableField.OTHER_FUNDS,
        contains=("von khac", "nguon khac", "xa hoi hoa", "huy dong khac", "other fund", "other source"),
        exact=("khac", "other"),
    ),
    # "Nguồn lực" holds the money itself ("NSĐP 2.300 triệu đồng"), not only where it comes from.
    ColumnSpec(TableField.BUDGET, starts=("nguon luc",)),
    ColumnSpec(
        TableField.SOURCE, starts=("nguon von", "nguon kinh phi", "nguon", "source", "funding source")
    ),
    ColumnSpec(
        TableField.BUDGET,
        starts=(
            "kinh phi",
            "tong kinh phi",
            "nhu cau kinh phi",
            "nhu cau von",
            "du toan",
            "tong muc dau tu",
            "tong von",
            "von",
            "budget",
            "cost",
            "funding",
            "tong so",
            "tong",
        ),
    ),
    ColumnSpec(
        TableField.PRODUCT,
        starts=("san pham", "ket qua", "output", "deliverable", "product", "expected result", "result"),
    ),
    ColumnSpec(TableField.NOTES, starts=("ghi chu", "note", "remark", "comment")),
    ColumnSpec(
        TableField.NAME,
        starts=(
            "nhiem vu",
            "ten nhiem vu",
            "ten nhom nhiem vu",  # "Tên nhóm nhiệm vụ/nhiệm vụ": groups and tasks in one column
            "nhom nhiem vu",
            "noi dung",
            "cac du an",
            "ten du an",
            "du an",
            "nhiem vu, du an",
            "nhiem vu/du an",
            "cong viec",
            "hoat dong",
            "task",
            "activit",
            "action",
            "project",
            "item",
            "description",
        ),
    ),
)

_MONEY_UNITS = (
    (re.compile(r"\b(ty|ti) (dong|vnd)\b|\bbillion\b|\bbn\b"), 1_000_000_000),
    (re.compile(r"\btrieu( dong| vnd)?\b|\btr\.?d\b|\bmillion\b|\bmn\b"), 1_000_000),
    (re.compile(r"\b(nghin|ngan) dong\b|1\.000 dong|\bthousand\b"), 1_000),
)
_PROGRESS_WORDS = ("tien do", "hoan thanh", "ty le", "muc do", "progress", "complet", "done")
_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")


def heading_key(text: object) -> str:
    """A heading folded, without what it says in brackets ("Kinh phí (triệu đồng)" -> "kinh phi")."""
    folded = fold(str(text)) if text is not None else ""
    bare = _BRACKETS.sub(" ", folded).replace(":", " ").strip()
    return " ".join(bare.split()) or folded


def field_of(heading: object) -> TableField | None:
    """The field a heading names, or None when it names none we know."""
    full = fold(str(heading)) if heading is not None else ""
    key = heading_key(heading)
    if not key:
        return None
    if "%" in full and any(word in key for word in _PROGRESS_WORDS):
        return TableField.PROGRESS  # "Tiến độ thực hiện (%)": a share done, not a schedule
    for spec in SPECS:
        if key in spec.exact or full in spec.exact:
            return spec.field
        if any(key.startswith(start) for start in spec.starts):
            return spec.field
        if any(part in full for part in spec.contains):
            return spec.field
    return None


def money_factor(heading: object) -> int | None:
    """The unit a heading states for its amounts ("(triệu đồng)": a million), or None when it states none."""
    folded = fold(str(heading)) if heading is not None else ""
    for pattern, factor in _MONEY_UNITS:
        if pattern.search(folded):
            return factor
    if re.search(r"\b(dong|vnd)\b", folded):
        return 1
    return None


def is_english(headings: list[str]) -> bool:
    """Whether the headings are English (amounts are then written 1,250.5 rather than 1.250,5)."""
    english = {
        "no.",
        "no",
        "task",
        "lead agency",
        "timeline",
        "output",
        "budget",
        "notes",
        "source",
        "deadline",
    }
    if sum(heading_key(heading) in english for heading in headings) >= 2:
        return True
    # Vietnamese headings carry accents ("Nhiệm vụ"); a header with none among several is English.
    return len(headings) >= 3 and all(heading.isascii() for heading in headings)
