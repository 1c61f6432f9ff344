"""Finding a unit from what a person typed or pasted: its code, name or short name, accents or not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dxplanner.core.text import fold
from dxplanner.i18n import _


@dataclass(frozen=True)
class UnitName:
    """What a unit can be called."""

    id: int
    code: str
    name: str
    short_name: str | None = None

    @property
    def label(self) -> str:
        """How a list shows the unit: its short name when it has one, then its name."""
        return f"{self.short_name} — {self.name}" if self.short_name else self.name


def name_key(text: str) -> str:
    """A name as matching compares it: folded, "&" spaced apart, single spaces."""
    return " ".join(fold(text).replace("&", " & ").split())


_key = name_key


class UnitIndex:
    """All units, searchable without regard to accents, case or spacing."""

    def __init__(self, units: Iterable[UnitName]) -> None:
        self.units = list(units)
        self._exact: dict[str, list[UnitName]] = {}
        for unit in self.units:
            for alias in {unit.code, unit.name, unit.short_name or "", unit.label}:
                if alias:
                    self._exact.setdefault(_key(alias), []).append(unit)

    def find(self, text: str) -> UnitName | None:
        """The one unit text names: exactly by code, name or short name, else the only one containing it."""
        key = _key(text)
        if not key:
            return None
        exact = {unit.id: unit for unit in self._exact.get(key, [])}
        if len(exact) == 1:
            return next(iter(exact.values()))
        if exact:
            return None
        found = self.search(text)
        return found[0] if len(found) == 1 else None

    def not_one(self, text: str, what: str) -> str:
        """Why text names no single unit, for a message: no unit is called so, or several are."""
        key = _key(text)
        exact = {unit.id for unit in self._exact.get(key, [])} if key else set()
        if len(exact) > 1 or (not exact and len(self.search(text)) > 1):
            return _(
                "{what}: several units are called '{text}'; type the unit's code or its full name."
            ).format(what=what, text=text)
        return _("{what}: no unit is called '{text}' in this plan file; add it under Units first.").format(
            what=what, text=text
        )

    def search(self, text: str) -> list[UnitName]:
        """Units whose code, name or short name contains every word typed, best matches first."""
        words = _key(text).split()
        if not words:
            return list(self.units)
        hits = []
        for unit in self.units:
            haystack = _key(f"{unit.code} {unit.short_name or ''} {unit.name}")
            if all(word in haystack for word in words):
                # Shorter names that start with the text come first: "Bộ TT" before "Sở ... Bộ TT".
                hits.append((not haystack.startswith(words[0]), len(unit.name), unit))
        return [unit for *_order, unit in sorted(hits, key=lambda hit: hit[:2])]
