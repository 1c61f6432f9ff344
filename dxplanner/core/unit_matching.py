"""Matching the unit names a table writes to the file's units: exactly, by abbreviation, then nearly."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dxplanner.core.matching import UnitName
from dxplanner.core.plan_table import MatchKind, UnitMatch
from dxplanner.core.text import fold

# How alike (0-100, rapidfuzz's token sort ratio) a name must be to be taken for a unit's.
FUZZY_THRESHOLD = 88

# What agencies abbreviate, folded, and what it stands for.
ABBREVIATIONS = {
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "kh&dt": "ke hoach va dau tu",
    "khdt": "ke hoach va dau tu",
    "tn&mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "nn&mt": "nong nghiep va moi truong",
    "ld-tb&xh": "lao dong - thuong binh va xa hoi",
    "ldtbxh": "lao dong - thuong binh va xa hoi",
    "gd&dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "vh,tt&dl": "van hoa, the thao va du lich",
    "vhttdl": "van hoa, the thao va du lich",
    "gtvt": "giao thong van tai",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "vpcp": "van phong chinh phu",
    "vp": "van phong",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tp.": "thanh pho",
    "cqnn": "co quan nha nuoc",
    "bhxh": "bao hiem xa hoi",
    "btttt": "bo thong tin va truyen thong",
    "stttt": "so thong tin va truyen thong",
    "bkhcn": "bo khoa hoc va cong nghe",
    "bkhdt": "bo ke hoach va dau tu",
    "bca": "bo cong an",
    "btc": "bo tai chinh",
    "bnv": "bo noi vu",
    "btp": "bo tu phap",
}
_TOKEN = re.compile(r"[^\s]+")
# The kind of body a name begins with: "Sở Tài chính" is not "Bộ Tài chính", however alike they read.
_KINDS = ("bo", "so", "cuc", "tong cuc", "vu", "vien", "ban", "uy ban", "van phong", "trung tam", "phong",
          "chi cuc", "cong an", "thanh tra", "kho bac", "ngan hang", "truong", "benh vien")  # fmt: skip


def expanded(text: str) -> str:
    """A name folded, with its abbreviations written out ("Sở TT&TT" -> "so thong tin va truyen thong")."""
    key = " ".join(fold(text).replace(" & ", "&").replace("& ", "&").replace(" &", "&").split())
    written_out = _TOKEN.sub(lambda token: ABBREVIATIONS.get(token.group(), token.group()), key)
    return " ".join(written_out.replace("&", " va ").split())  # "Khoa học & Công nghệ"


def _kind(key: str) -> str | None:
    return next((kind for kind in sorted(_KINDS, key=len, reverse=True) if key.startswith(kind + " ")), None)


class UnitMatcher:
    """Finds the file's unit a written name means, remembering each name it was asked about."""

    def __init__(self, units: Iterable[UnitName], context: str = "") -> None:
        self.units = list(units)
        # Where the table comes from (its agency and title): "Sở TT&TT" of Quảng Ngãi is that
        # province's, when the file holds one for each province.
        self._context = f" {expanded(context)} "
        self._by_id = {unit.id: unit for unit in self.units}
        self._exact: dict[str, list[UnitName]] = {}
        self._expanded: dict[str, list[UnitName]] = {}
        for unit in self.units:
            for alias in (unit.code, unit.name, unit.short_name or ""):
                if alias:
                    self._exact.setdefault(fold(alias), []).append(unit)
                    self._expanded.setdefault(expanded(alias), []).append(unit)
        self._choices = {index: expanded(unit.name) for index, unit in enumerate(self.units)}
        self._seen: dict[str, UnitMatch] = {}

    def match(self, text: str) -> UnitMatch:
        """The unit the text names, and how surely; a name matching nothing is a new unit."""
        if text not in self._seen:
            self._seen[text] = self._match(text)
        return self._seen[text]

    def match_all(self, texts: Sequence[str]) -> dict[str, UnitMatch]:
        """Each text's match."""
        return {text: self.match(text) for text in texts}

    def _match(self, text: str) -> UnitMatch:
        for table, how in ((self._exact, MatchKind.EXACT), (self._expanded, MatchKind.ABBREVIATION)):
            key = fold(text) if how is MatchKind.EXACT else expanded(text)
            found = {unit.id: unit for unit in table.get(key, [])}
            if len(found) == 1:
                unit = next(iter(found.values()))
                return UnitMatch(text, unit.id, how, 100.0, unit.name)
            if found:
                local = self._of_this_place(key, list(found.values()))
                if local is not None:
                    return UnitMatch(text, local.id, how, 100.0, local.name)
                # "Sở TT&TT" of which province? Not a guess to make: the user chooses.
                return UnitMatch(text, None, MatchKind.NEW, 0.0, None, tuple(sorted(found)))
        return self._fuzzy(text)

    def _of_this_place(self, key: str, candidates: list[UnitName]) -> UnitName | None:
        """The one candidate whose name adds to the text a place the table names, if there is one."""
        local = []
        for unit in candidates:
            place = expanded(unit.name).removeprefix(expanded(key)).strip()
            place = re.sub(r"^(tinh|thanh pho|tp\.?|huyen|quan|thi xa)\s+", "", place)
            if place and f" {place} " in self._context:
                local.append(unit)
        return local[0] if len(local) == 1 else None

    def _fuzzy(self, text: str) -> UnitMatch:
        from rapidfuzz import fuzz, process

        key = expanded(text)
        best = process.extractOne(
            key, self._choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_THRESHOLD
        )
        if best is not None:
            _choice, score, index = best
            unit = self.units[index]
            if _kind(key) == _kind(self._choices[index]):
                return UnitMatch(text, unit.id, MatchKind.FUZZY, float(score), unit.name)
        return UnitMatch(text, None, MatchKind.NEW, 0.0, None)
