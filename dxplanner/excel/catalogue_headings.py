"""Which column of a catalogue is which ("Mã TTHC", "Mức độ", "Đơn vị chủ quản", "Cấp độ ATTT")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dxplanner.core.catalogue_table import CatalogueField
from dxplanner.core.indicator_table import TableKind
from dxplanner.core.text import fold
from dxplanner.excel.headings import heading_key
from dxplanner.excel.values import text_of

F = CatalogueField
_NUMBER = ("stt", "tt", "so tt", "so thu tu", "no", "no.", "#")
# Checked in this order, each (words a heading starts with, words it contains, field): the security
# plan ("Phương án ATTT") before its level ("Cấp độ ATTT"), the portal ("Tích hợp Cổng DVC quốc gia")
# before a system's level ("Cấp quốc gia"), a level of online service before the name.
_COMMON: tuple[tuple[tuple[str, ...], tuple[str, ...], CatalogueField], ...] = (
    (("ghi chu", "note"), (), F.NOTES),
    (("linh vuc", "field"), (), F.FIELD),
    (("phuong an", "ho so de xuat"), ("phe duyet",), F.SECURITY_PLAN),
    (
        (),
        ("cap do attt", "cap do an toan", "muc do attt", "cap do bao dam an toan", "security level"),
        F.SECURITY_LEVEL,
    ),
    (
        ("tich hop", "dong bo"),
        ("cong dvc quoc gia", "cong dich vu cong quoc gia", "national portal"),
        F.PORTAL,
    ),
    (("thanh toan",), ("thanh toan truc tuyen", "online payment"), F.PAYMENT),
    (("ty le",), ("ho so truc tuyen", "online share"), F.SHARE),
    (("tinh trang", "trang thai", "hien trang", "status"), (), F.STATUS),
    (
        (
            "noi trien khai",
            "noi dat",
            "ha tang",
            "vi tri",
            "hosting",
            "hinh thuc trien khai",
            "mo hinh trien khai",
            "dia diem",
        ),
        (),
        F.HOSTING,
    ),
    (("loai", "phan loai", "kind", "type"), (), F.SYSTEM_KIND),
    (
        (
            "co quan thuc hien",
            "don vi giai quyet",
            "co quan giai quyet",
            "don vi thuc hien",
            "don vi chu quan",
            "co quan chu quan",
            "chu quan",
            "don vi quan ly",
            "co quan quan ly",
            "don vi",
            "co quan",
            "owner",
        ),
        (),
        F.UNIT,
    ),
)
_PROCEDURE_ONLY: tuple[tuple[tuple[str, ...], tuple[str, ...], CatalogueField], ...] = (
    (
        ("ma tthc", "ma thu tuc", "ma so tthc", "ma so thu tuc", "ma dich vu", "ma dvc", "procedure code"),
        (),
        F.CODE,
    ),
    (
        (
            "muc do",
            "muc dvc",
            "cap do dvc",
            "cap do",
            "dich vu cong truc tuyen",
            "dvc truc tuyen",
            "dvctt",
            "level",
        ),
        (),
        F.LEVEL,
    ),
    (
        ("ten thu tuc", "ten tthc", "thu tuc hanh chinh", "ten dich vu", "tthc", "procedure", "name", "ten"),
        (),
        F.NAME,
    ),
)
_SYSTEM_ONLY: tuple[tuple[tuple[str, ...], tuple[str, ...], CatalogueField], ...] = (
    (("cap do", "muc do"), (), F.SECURITY_LEVEL),
    (("cap", "pham vi", "level"), (), F.GOVERNMENT_LEVEL),
    (
        (
            "ten he thong",
            "ten httt",
            "he thong thong tin",
            "ten ung dung",
            "ten phan mem",
            "he thong",
            "system",
            "name",
            "ten",
        ),
        (),
        F.NAME,
    ),
)
_CODES_EXACT = ("ma", "ma so", "code")
# What a header must name: the records, and something of them beyond a number.
_REQUIRED = {
    TableKind.PROCEDURES: ({F.NAME}, {F.CODE, F.LEVEL, F.FULL_PROCESS, F.PARTIAL, F.PORTAL, F.FIELD}),
    TableKind.SYSTEMS: (
        {F.NAME},
        {F.UNIT, F.SYSTEM_KIND, F.HOSTING, F.SECURITY_LEVEL, F.STATUS, F.GOVERNMENT_LEVEL, F.SECURITY_PLAN},
    ),
}


@dataclass(frozen=True)
class CatalogueHeader:
    """Where a catalogue's header is (1-based rows) and what each column (0-based) holds."""

    first_row: int
    last_row: int
    columns: dict[int, CatalogueField]
    headings: dict[int, str]

    @property
    def score(self) -> int:
        """How surely this is the catalogue's header: how many different things its columns hold."""
        return len(set(self.columns.values()))


def field_of(heading: object, kind: TableKind) -> CatalogueField | None:
    """What a heading names in a catalogue of this kind (None: nothing we read)."""
    key = heading_key(text_of(heading))
    full = fold(text_of(heading))
    if not key:
        return None
    if key in _NUMBER or full in _NUMBER:
        return F.NUMBER
    if kind is TableKind.PROCEDURES and key in _CODES_EXACT:
        return F.CODE
    # A column of marks for one level ("DVC trực tuyến toàn trình"); naming both, it holds the level's words.
    marks_full, marks_partial = "toan trinh" in key, "mot phan" in key
    if kind is TableKind.PROCEDURES and marks_full != marks_partial:
        return F.FULL_PROCESS if marks_full else F.PARTIAL
    own = _PROCEDURE_ONLY if kind is TableKind.PROCEDURES else _SYSTEM_ONLY
    for starts, contains, found in (*_COMMON[:4], *own[:1], *_COMMON[4:], *own[1:]):
        if (starts and key.startswith(starts)) or any(word in full for word in contains):
            return found
    return None


def header_at(rows: Sequence[Sequence[object]], row: int, kind: TableKind) -> CatalogueHeader | None:
    """The header starting at a 1-based row, with the next row as its second line when it is one.

    A second line holds "Toàn trình", "Một phần" under a merged "Mức độ DVCTT", or "Có", "Không"
    under a merged heading: each column is named by the heading over it and its own.
    """
    if row > len(rows):
        return None
    top = [text_of(value) for value in rows[row - 1]]
    below = [text_of(value) for value in rows[row]] if row < len(rows) else []
    if not any(field_of(text, kind) for text in top):
        return None
    second = _is_second_line(top, below, kind)
    width = max(len(top), len(below) if second else 0)
    columns: dict[int, CatalogueField] = {}
    headings: dict[int, str] = {}
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
        found = (field_of(lower, kind) if lower else None) or field_of(parent, kind)
        if found is None or found in columns.values():
            continue  # the first column of a kind holds it
        columns[column] = found
    return CatalogueHeader(row, row + 1 if second else row, columns, headings)


def find_header(rows: Sequence[Sequence[object]], kind: TableKind, scan: int) -> CatalogueHeader | None:
    """The likeliest header of a catalogue of this kind in the first rows (None when no row is one)."""
    best: CatalogueHeader | None = None
    for index in range(min(len(rows), scan)):
        candidate = header_at(rows, index + 1, kind)
        if candidate is None or not is_header(candidate, kind):
            continue
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def is_header(header: CatalogueHeader, kind: TableKind) -> bool:
    """Whether the columns found make a catalogue of this kind: its names and one thing more of them."""
    needed, one_of = _REQUIRED[kind]
    found = set(header.columns.values())
    return needed <= found and bool(found & one_of)


def _is_second_line(top: list[str], below: list[str], kind: TableKind) -> bool:
    """Whether the row under a heading row holds headings under merged ones ("Toàn trình", "Một phần")."""
    texts = [(column, text) for column, text in enumerate(below) if text]
    if not texts or any(len(text) > 40 for _column, text in texts):
        return False
    under_merge = any(not (top[column] if column < len(top) else "") for column, _text in texts)
    return under_merge and all(
        field_of(text, kind) is not None or fold(text) in ("co", "khong", "x") for _column, text in texts
    )
