"""The words catalogues use for a level of online service, yes and no, hosting, kind, level and status."""

from __future__ import annotations

import re
from typing import TypeVar

from dxplanner.core.enums import EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind
from dxplanner.core.text import fold
from dxplanner.i18n import _

M = TypeVar("M")
# A mark in a yes/no column ("x", "có", "✓", "1") and the words that say no.
_YES = frozenset({"x", "co", "✓", "✔", "v", "1", "yes", "y", "da tich hop", "da phe duyet", "da co", "dat"})
_NO = frozenset({"", "-", "0", "khong", "chua", "no", "n", "chua tich hop", "chua phe duyet", "chua co"})
# "Mức độ 3", "Mức 4", "MĐ 3", "DVC mức độ 4", or the digit alone.
_OLD_LEVEL = re.compile(r"(?:^|\b)(?:muc(?: do)?|md|level)\s*(\d+)\b|^(\d+)$")
_FULL = ("toan trinh", "full")
_PARTIAL = ("mot phan", "partial")
_INFORMATION = ("cung cap thong tin", "thong tin truc tuyen", "information")
# A level the system has not been given yet.
_NOT_YET = ("chua", "dang ", "khong")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_SECURITY = re.compile(r"^(?:cap(?: do)?|cd|level)?\s*(\d+|[iv]+)$")
_KINDS = (
    (("co so du lieu", "csdl", "database", "kho du lieu"), SystemKind.DATABASE),
    (("cong thong tin", "cong dich vu", "trang thong tin", "cong ", "portal", "website"), SystemKind.PORTAL),
    (("nen tang", "lgsp", "ndxp", "platform", "truc tich hop"), SystemKind.PLATFORM),
    (("an toan", "giam sat", "soc", "an ninh", "security"), SystemKind.SECURITY),
    (("ha tang", "trung tam du lieu", "mang ", "may chu", "infrastructure"), SystemKind.INFRASTRUCTURE),
    (
        ("he thong thong tin", "phan mem", "ung dung", "httt", "application", "he thong"),
        SystemKind.APPLICATION,
    ),
)
_HOSTINGS = (
    (("dam may chinh phu", "gcloud", "government cloud", "may chu chinh phu"), Hosting.GOVERNMENT_CLOUD),
    (
        ("dam may thuong mai", "thue dich vu", "commercial cloud", "dam may", "cloud"),
        Hosting.COMMERCIAL_CLOUD,
    ),
    (("trung tam du lieu", "ttdl", "data centre", "data center"), Hosting.PROVINCIAL_DATA_CENTRE),
    (("phong may", "tai don vi", "server room", "own"), Hosting.OWN_SERVER_ROOM),
)
_LEVELS = (
    (("quoc gia", "trung uong", "national"), GovernmentLevel.NATIONAL),
    (("so", "nganh", "huyen", "xa", "department"), GovernmentLevel.DEPARTMENT),
    (("bo", "tinh", "ministry", "province"), GovernmentLevel.MINISTRY_PROVINCE),
)
# "Dự kiến xây dựng" is still planned, "Đã dừng vận hành" retired: the words of the plan and the end first.
_STATUSES = (
    (
        ("ngung", "dung hoat dong", "dung van hanh", "da dung", "thay the", "huy bo", "retired"),
        EstateStatus.RETIRED,
    ),
    (("du kien", "de xuat", "chua", "ke hoach", "planned"), EstateStatus.PLANNED),
    (("xay dung", "trien khai", "nang cap", "thu nghiem", "building"), EstateStatus.BUILDING),
    (("van hanh", "su dung", "hoat dong", "khai thac", "running", "dang"), EstateStatus.RUNNING),
)


class UnreadWordError(ValueError):
    """A cell whose words say nothing the column can hold; its message says so to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def service_level(text: str) -> tuple[int | None, ServiceLevel | None]:
    """The old level (1-4) and the new level a cell names ("Toàn trình", "Mức độ 3", "Mức độ 4 (toàn trình)").

    The new level is taken only from its own words: an old "Mức độ 4" does not say "toàn trình".
    """
    key = fold(text)
    if not key:
        return None, None
    level: ServiceLevel | None = None
    if any(word in key for word in _FULL):
        level = ServiceLevel.FULL_PROCESS_ONLINE
    elif any(word in key for word in _PARTIAL):
        level = ServiceLevel.PARTIAL_ONLINE
    elif any(word in key for word in _INFORMATION):
        level = ServiceLevel.INFORMATION
    found = _OLD_LEVEL.search(key)
    old = int(found.group(1) or found.group(2)) if found else None
    if old is not None and not 1 <= old <= 4:
        raise UnreadWordError(
            _("“{text}” is no level of online service: the old levels go from 1 to 4.").format(text=text)
        )
    if old is None and level is None:
        raise UnreadWordError(
            _(
                "“{text}” is no level of online service: write “Toàn trình”, “Một phần” or an old "
                "level (“Mức độ 3”, “Mức độ 4”)."
            ).format(text=text)
        )
    return old, level


def yes_or_no(value: object) -> bool:
    """A mark in a yes/no column: "x", "có", "✓", "1" are yes; an empty cell, "không", "0" are no."""
    if isinstance(value, bool):
        return value
    key = fold("" if value is None else str(value)).strip(" .")
    if isinstance(value, int | float) and not isinstance(value, bool):
        key = "1" if value == 1 else "0" if value == 0 else key
    if key in _YES or key.startswith(("co ", "da ")):
        return True
    if key in _NO or key.startswith(("khong", "chua")):
        return False
    raise UnreadWordError(
        _(
            "“{text}” is neither yes nor no: mark yes with “x” or “có”, and leave the cell empty for no."
        ).format(text=value)
    )


def security_level(value: object) -> int | None:
    """A level of information security, 1 to 5 ("Cấp độ 3", "3", "III"); None while it is not yet set
    ("Chưa xác định", "Đang lập hồ sơ")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = fold(str(value)).strip(" .")
    if key in ("", "-") or key.startswith(_NOT_YET):
        return None
    found = _SECURITY.match(key)
    number = None
    if found is not None:
        word = found.group(1)
        number = int(word) if word.isdigit() else _ROMAN.get(word)
    if number is None or not 1 <= number <= 5:
        raise UnreadWordError(
            _("“{text}” is no level of information security: the levels go from 1 to 5.").format(text=value)
        )
    return number


def system_kind(text: str) -> SystemKind | None:
    """What kind of element a "Loại" cell names (None when its words name none)."""
    return _first(text, _KINDS)


def hosting(text: str) -> Hosting | None:
    """Where a system runs, as a "Nơi triển khai" cell says it (None when its words name no place)."""
    return _first(text, _HOSTINGS)


def government_level(text: str) -> GovernmentLevel | None:
    """Whose a system is, as a "Cấp" cell says it ("quốc gia", "bộ, tỉnh", "sở, ngành")."""
    words = set(re.findall(r"\w+", fold(text)))
    key = fold(text)
    for keys, found in _LEVELS:
        if any((key_word in key) if " " in key_word else (key_word in words) for key_word in keys):
            return found
    return None


def status(text: str) -> EstateStatus | None:
    """Where a system is in its life, as a "Tình trạng" cell says it."""
    return _first(text, _STATUSES)


def _first(text: str, table: tuple[tuple[tuple[str, ...], M], ...]) -> M | None:
    key = fold(text) + " "
    return next((found for words, found in table if any(word in key for word in words)), None)
