"""Splitting a cell that names several units into their names, and the roles its words give them."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from dxplanner.core.text import fold
from dxplanner.core.unit_words import (
    ABBREVIATIONS,
    BARE_KINDS,
    ENTERPRISE_STARTS,
    JOINERS,
    LOCALITIES,
    LOCALITY_ENDS,
    LOCALITY_STARTS,
    MARKED_KINDS,
    NEVER_NESTED,
    OWN_NAME_PREFIXES,
    PUBLIC_STARTS,
    UNIT_PREFIXES,
)

_SPACES = re.compile(r"\s+")
# Between two units' names: "và", "and", or a dash ("Sở A - Sở B", but "Sở Lao động - Thương binh").
_AND = re.compile(r"\s+(?:và|va|với|and|&|-|–)\s+", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\s,.;]+")
_LIST_SEPARATORS = re.compile(r"[;\n\r]+|\s[+•]\s")
_COLLECTIVE = re.compile(r"(^|\s)cac\s")
# A short name: capitals without the marks of a Vietnamese word ("VTV", "TTXVN", "HĐND", "KH&CN").
_SHORT_NAME = re.compile(r"[A-ZĐ][A-ZĐ0-9&]+")
# What a role says, written before the units it gives it to: "Chủ trì:", "Đề nghị phối hợp:".
_ROLE_MARK = re.compile(
    r"(?:^|(?<=[\s;.,(]))(?:(?:đơn vị|cơ quan|don vi|co quan)\s+)?(?:(?:đề nghị|de nghi)\s+)?"
    r"(?P<role>chủ trì|phối hợp|đầu mối|chu tri|phoi hop|dau moi)?(?:\s+(?:thực hiện|thuc hien))?\s*:",
    re.IGNORECASE,
)
_LEAD_ROLES = ("chu tri", "dau moi")
# A wording that says who will decide or assign, naming no body that does the task (folded):
# "Do Chủ tịch Hội đồng thẩm định quyết định (*)", "Theo phân công của Ủy ban nhân dân tỉnh".
_NAMES_NO_BODY = re.compile(
    r"(?:do\s.+\s(?:quyet dinh|phan cong|chi dinh|giao)"
    r"|theo\s+(?:su\s+)?(?:phan cong|chi dao|quyet dinh|chi dinh)\s+cua\s.+)(?:\s*\(\*+\))?"
)
# Words after a unit's name that say what it does, not who it is (folded, matched at the name's end).
_ROLE_WORDS = re.compile(
    r"\s*\((?P<role>chu tri|phoi hop|dau moi|thuc hien|neu co)\)$"
    r"|\s+(?:to chuc\s+)?(?:thuc hien|trien khai)(?:\s+(?:tai|tren|o|theo)\b.*)?$"
    r"|\s+theo\s+(?:chuc nang|tham quyen|linh vuc|phan cap|nhiem vu|pham vi)\b.*$"
    r"|\s+(?P<last>chu tri|phoi hop)$"
)


@dataclass(frozen=True)
class UnitList:
    """The units one cell names, by role; the role words taken out of it as written; the words cut
    off that name no unit; and the wordings that name no body at all."""

    leads: tuple[str, ...]
    cooperating: tuple[str, ...]
    trimmed: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()  # words cut off by the copy that name no unit ("…, Bộ")
    unnamed: tuple[str, ...] = ()  # wordings that say who decides, not who does ("Do … quyết định")


class _Piece(NamedTuple):
    """What one piece of a cell names: each unit (its name, role words cut, role they give), and the
    words left out."""

    names: tuple[tuple[str, str | None, str | None], ...]
    dropped: tuple[str, ...]
    unnamed: bool = False  # the piece says who will decide, naming no unit


@functools.lru_cache(maxsize=4096)
def read_units(text: str, lead: bool) -> UnitList:
    """The units a cell names; those it gives no role lead when `lead` (a lead's cell), else cooperate.

    "Chủ trì: Sở A; Phối hợp: Sở B, Sở C" gives each its role wherever it is written; "(chủ trì)"
    after a name makes that one lead. Role words are taken out of the names and listed in `trimmed`.
    """
    text = unicodedata.normalize("NFC", text)
    leads: list[str] = []
    cooperating: list[str] = []
    trimmed: list[str] = []
    dropped: list[str] = []
    unnamed: list[str] = []
    for role, words in _by_role(text, trimmed):
        for piece in _pieces(words):
            read = _piece_names(piece)
            dropped.extend(read.dropped)
            if read.unnamed:
                unnamed.append(piece)
            for name, cut, said in read.names:
                if cut:
                    trimmed.append(cut)
                taken = said or role
                if taken in _LEAD_ROLES or (taken is None and lead):
                    leads.append(name)
                else:
                    cooperating.append(name)
    return UnitList(tuple(leads), tuple(cooperating), tuple(trimmed), tuple(dropped), tuple(unnamed))


def _by_role(text: str, trimmed: list[str]) -> list[tuple[str | None, str]]:
    """The cell cut where a role is written ("Chủ trì:"): each piece's role (None: none said) and words."""
    if ":" not in text:
        return [(None, text)]  # most cells: no role written
    pieces: list[tuple[str | None, str]] = []
    role: str | None = None
    at = 0
    for mark in _ROLE_MARK.finditer(text):
        if not mark.group().strip(" :"):
            continue  # a colon with no role before it
        pieces.append((role, text[at : mark.start()]))
        trimmed.append(mark.group().strip())
        role = fold(mark.group("role")) if mark.group("role") else None
        at = mark.end()
    pieces.append((role, text[at:]))
    return [(role, words) for role, words in pieces if words.strip(" ;.,-")]


@functools.lru_cache(maxsize=8192)
def _piece_names(piece: str) -> _Piece:
    # Cells list the same few dozen units in ever other combinations: each piece is read once.
    if _NAMES_NO_BODY.fullmatch(_folded(piece)):
        return _Piece((), (), unnamed=True)
    units, dropped = _piece_units(piece)
    return _Piece(tuple(_without_role_words(name) for name in units), tuple(dropped))


def _without_role_words(name: str) -> tuple[str, str | None, str | None]:
    """The name without the role words after it ("thực hiện tại địa phương"), those words, and the
    role they give."""
    key = fold(name)
    if len(key) != len(name):
        return name, None, None  # a character that folds to more or fewer: leave the name as written
    found = _ROLE_WORDS.search(key)
    if found is None or found.start() == 0:
        return _without_role_in_brackets(name)
    role = found.group("role") or found.group("last")
    return name[: found.start()].strip(" ,"), name[found.start() :].strip(), role


def _without_role_in_brackets(name: str) -> tuple[str, str | None, str | None]:
    """The name without what it does written in brackets after it, those words, and the role they give.

    "Văn phòng UBND tỉnh (theo dõi, đôn đốc, tổng hợp chung)" is "Văn phòng UBND tỉnh"; bodies in
    brackets ("Đơn vị vận hành hệ thống (Sở KH&CN, …)") are part of the name.
    """
    if not name.endswith(")"):
        return name, None, None  # most names
    opening = name.rfind("(")
    words = name[opening + 1 : -1].strip()
    if opening <= 0 or not words[:1].islower() or _starts_a_unit(words):
        return name, None, None
    role = next((role for role in (*_LEAD_ROLES, "phoi hop") if _folded(words).startswith(role)), None)
    return name[:opening].strip(" ,"), name[opening:], role


# A plan names the same few hundred units over and over: an import of ten thousand tasks compares
# each of its units with the others on the task, and folding them again cost a tenth of the reading.
@functools.lru_cache(maxsize=4096)
def unit_key(name: str) -> str:
    """A unit's name as compared: folded, without a leading "các" or the commas between its words.

    "Các bộ, ngành, địa phương" and "Bộ, ngành, địa phương" are the same bodies, "SỞ TÀI CHÍNH"
    and "Sở Tài chính" the same department.
    """
    return _PUNCTUATION.sub(" ", _folded(name)).strip().removeprefix("cac ")


def split_units(text: str) -> list[str]:
    """The units a cell names: split on semicolons, line breaks and slashes, and on commas before a unit.

    A part after a comma that does not begin like a unit's name belongs to the one before:
    "Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố" and "Sở Văn hóa, Thể thao và Du
    lịch" name one body each, "Sở Y tế, UBND các huyện" two. So does a part in lower case after a
    collective: "Các tỉnh, thành phố trực thuộc Trung ương", "Tập đoàn, doanh nghiệp công nghệ số",
    unless it is a kind of another family ("Các bộ, ngành, địa phương, doanh nghiệp liên quan" is
    two). A short name ("VTV, VOV") or a body of the State ("Quốc hội") is a unit of its own, and
    a comma inside brackets never splits.
    """
    return [unit for piece in _pieces(text) for unit in _piece_units(piece)[0]]


def _pieces(text: str) -> list[str]:
    """The cell cut on semicolons, line breaks and bullets, each piece on one line."""
    pieces = []
    for piece in _LIST_SEPARATORS.split(_lines_joined(text)):
        piece = _SPACES.sub(" ", piece).strip(" -+•.,")
        if piece:
            pieces.append(piece)
    return pieces


def _piece_units(piece: str) -> tuple[list[str], list[str]]:
    """The units one piece names, split on commas before a unit, slashes and "và"; and the words
    left out."""
    units: list[str] = []
    dropped: list[str] = []
    parts = [part for part in (part.strip(" .") for part in _outside_brackets(piece, ",")) if part]
    for index, part in enumerate(parts):
        if units and index == len(parts) - 1 and _cut_off(units[-1], part):
            dropped.append(part)
        elif units and _goes_on(units[-1], part) and not _begins_bodies(units[-1], parts[index:]):
            units[-1] += ", " + part
        else:
            units.append(part)
    return [
        unit
        for named in units
        for one in _back_to_back(named)
        for part in _split_slash(one)
        for unit in _split_and(part)
    ], dropped


def _cut_off(before: str, part: str) -> bool:
    """Whether the last part is a kind of body alone after a named one: a name the copy cut off.

    "Bộ Khoa học và Công nghệ, Bộ" ends where the page did; "UBND tỉnh, huyện" names the
    committees of both localities, and "Các Sở, Ban, Ngành" lists kinds.
    """
    key = _folded(part)
    if " " in key or key not in BARE_KINDS or key in ABBREVIATIONS or key in LOCALITIES:
        return False
    before_key = _folded(before)
    return _names_a_unit(before) and not _COLLECTIVE.search(before_key) and before_key not in BARE_KINDS


def _back_to_back(name: str) -> list[str]:
    """Two names of one kind that never holds another of its kind, written with nothing between.

    "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ" is two ministries (the copy lost the
    line break); "Văn phòng Bộ Tư pháp" is an office in one, "Bộ Chỉ huy Bộ đội Biên phòng" one.
    """
    head, _space, rest = name.partition(" ")
    if head not in NEVER_NESTED or f" {head} " not in rest:
        return [name]  # most names
    words = name.split(" ")
    names: list[str] = []
    start = 0
    for at in range(1, len(words) - 1):
        if words[at] == head and words[at + 1][:1].isupper() and words[at - 1] not in JOINERS:
            names.append(" ".join(words[start:at]))
            start = at
    return [*names, " ".join(words[start:])]


def _outside_brackets(text: str, separator: str) -> list[str]:
    """The text cut at each separator outside brackets: "Đơn vị (Sở A, Sở B)" names one body."""
    if "(" not in text:
        return text.split(separator)  # most pieces: no brackets
    parts: list[str] = []
    depth = at = 0
    for index, character in enumerate(text):
        if character == "(":
            depth += 1
        elif character == ")":
            depth = max(depth - 1, 0)
        elif character == separator and depth == 0:
            parts.append(text[at:index])
            at = index + 1
    parts.append(text[at:])
    return parts


def _lines_joined(text: str) -> str:
    """The cell with each line that goes on with the one above joined to it ("Thương binh⏎và Xã hội")."""
    if "\n" not in text:
        return text
    lines = [line.strip() for line in text.splitlines()]
    joined: list[str] = []
    for line in lines:
        if not line:
            continue
        follows = line[0].islower() and not _folded(line).startswith("cac ")
        if joined and (follows or joined[-1].endswith((",", " và", " va", "-"))):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return "\n".join(joined)


def _goes_on(before: str, part: str) -> bool:
    """Whether a part after a comma goes on naming the body before it."""
    if _named_by_itself(part):
        return False  # "VTV, VOV, TTXVN", "Các cơ quan Đảng, Quốc hội": each is a body
    if not _starts_a_unit(part) or _same_localities(before, part):
        return True
    key = _folded(before)
    if not (_COLLECTIVE.search(key) or key in BARE_KINDS):
        return False
    if part[0].islower() and not part.startswith("các "):
        # After "UBND các huyện", "Các tỉnh" or "Tập đoàn", a part in lower case lists more of the
        # same; a kind of another family begins other bodies: "Các bộ, ngành, địa phương,
        # doanh nghiệp liên quan" names the public bodies, then the enterprises.
        family, other = _family(_last_kind(before)), _family(_folded(part))
        return family is None or other is None or family == other
    return len(part.split()) <= 2  # "UBND các huyện, Thị xã"


def _named_by_itself(part: str) -> bool:
    """Whether a part names one body by its own name: a short name ("VTV", "UBND xã") or "Quốc hội"."""
    first, _space, rest = part.partition(" ")
    if _SHORT_NAME.fullmatch(first):
        if rest:  # "UBND xã" names a body, "CSDL chuyên ngành" (a database) does not
            return _names_a_unit(part)
        # "VTV", "UBND"; but "BAN" in a cell written in capitals is the kind "ban".
        return _folded(first) in ABBREVIATIONS or _folded(first) not in BARE_KINDS
    return part[0].isupper() and (_folded(part) + " ").startswith(OWN_NAME_PREFIXES)


def _begins_bodies(before: str, rest: list[str]) -> bool:
    """Whether a kind of body in lower case after a named body begins others in general.

    "Bộ Tài chính, bộ, ngành liên quan": "bộ" is no part of the ministry's name but the start
    of "bộ, ngành liên quan". Alone at the end ("UBND tỉnh, huyện") it is left where it is.
    """
    part = rest[0]
    if len(rest) < 2 or not part[0].islower() or _folded(part) not in BARE_KINDS:
        return False
    key = _folded(before)
    return _names_a_unit(before) and not _COLLECTIVE.search(key) and key not in BARE_KINDS


def _split_slash(text: str) -> list[str]:
    """ "Ban Quản lý quy hoạch /Tư vấn được lựa chọn" is two bodies; "UBND xã/phường" is one."""
    at = text.find("/")
    if at < 0:
        return [text]
    if "(" in text and not _outside(text, at):
        return [text]  # "Sở A (phòng B/C)": a slash inside brackets names no other body
    left, right = text[:at].strip(), text[at + 1 :].strip()
    if _names_a_unit(left) and right and _starts_a_unit(right):
        return [left, *_split_slash(right)]
    return [text]


def _starts_a_unit(text: str) -> bool:
    return _names_a_unit(text) or _folded(text).startswith(("cac ", "cong an ", "bo chi huy "))


# "các bộ, ngành, địa phương", "các địa phương": bodies in general, never part of one body's name
# (unlike "các Khu công nghiệp" after a management board).
_BODIES_IN_GENERAL = re.compile(
    r"cac (bo|nganh|dia phuong|tinh|thanh pho|so|co quan|don vi|huyen|xa|doanh nghiep|to chuc)\b"
)


def _split_and(text: str) -> list[str]:
    """ "Sở Tài chính và Sở Nội vụ" is two units; "Sở Thông tin và Truyền thông" is one."""
    found = [
        cut for cut in _AND.finditer(text) if "(" not in text or _outside(text, cut.start())
    ]  # a "và" in brackets joins words inside one body's name
    if not found:
        return [text]  # most names: no "và" at all
    cuts = [0, *(at for cut in found for at in cut.span()), len(text)]
    parts = [text[start:end].strip() for start, end in zip(cuts[::2], cuts[1::2], strict=True)]
    if all(_names_a_unit(part) for part in parts) and not any(
        _same_localities(left, right) for left, right in itertools.pairwise(parts)
    ):
        return [part for part in parts if part]
    # "Sở Kế hoạch và Đầu tư và các cơ quan liên quan": the last "và" may join a unit to others.
    left, right = text[: found[-1].start()].strip(), parts[-1]
    if not right:
        return [text]
    # Only a unit, or "các … liên quan": "Ban Quản lý Khu kinh tế … và các Khu công nghiệp" is one.
    others = _folded(right).startswith("cac ") and (
        _folded(right).endswith(("lien quan", "khac")) or bool(_BODIES_IN_GENERAL.match(_folded(right)))
    )
    if _names_a_unit(left) and (others or (_names_a_unit(right) and not _same_localities(left, right))):
        return [left, right]
    # "Các sở, ban, ngành và UBND xã, phường": a collective, then a body named in capitals.
    if _folded(left).startswith("cac ") and right[0].isupper() and _names_a_unit(right):
        return [left, right]
    return [text]


def _outside(text: str, at: int) -> bool:
    """Whether the character at `at` stands outside brackets."""
    before = text[:at]
    return before.count("(") <= before.count(")")


def _same_localities(before: str, part: str) -> bool:
    """Whether a part in lower case names more localities of the body before it.

    "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương" are the committees of both.
    """
    return (
        part[:1].islower()
        and (" " + _folded(before) + " ").endswith(LOCALITY_ENDS)
        and (_folded(part) + " ").startswith(LOCALITY_STARTS)
    )


def _family(key: str) -> str | None:
    """The family of the kind of body a folded text begins with: "enterprise", "public" or None."""
    key += " "
    if key.startswith(ENTERPRISE_STARTS):
        return "enterprise"
    return "public" if key.startswith(PUBLIC_STARTS) else None


def _last_kind(collective: str) -> str:
    """The kind a collective names last, folded: "Các bộ, ngành, địa phương" -> "dia phuong"."""
    last = _folded(collective).rsplit(",", 1)[-1].strip()
    return last.rsplit("cac ", 1)[-1]


@functools.lru_cache(maxsize=8192)
def _names_a_unit(text: str) -> bool:
    # A plan names a few dozen units thousands of times: each answer is kept.
    key = fold(text) + " "
    if len(key.split()) < 2 or not key.startswith(UNIT_PREFIXES):
        return False
    first = unicodedata.normalize("NFC", text.split(maxsplit=1)[0].lower())
    marked = MARKED_KINDS.get(key.split(maxsplit=1)[0])
    # Folding lost the marks that tell "Viện" from "Viên": where the word has marks, they must be a body's.
    return marked is None or first == fold(first) or first in marked


@functools.lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    return fold(text)
