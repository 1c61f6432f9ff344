"""The progress report's workbook (XlsxWriter) and its cells' looks: fonts, fills, borders, formats."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxplanner.excel.cell_text import (
    MAX_CELL_TEXT,
    fitted,
    looks_like_formula,
    without_control_characters,
)
from dxplanner.excel.data_sheets import DATE_FORMAT
from dxplanner.excel.xlsx_rows import Cell, XlsxBook

EPOCH = datetime.datetime(1899, 12, 31)  # Excel's day 0 (the 1900 date system)
# Excel's colours, as ARGB hex without the alpha: a light red for late rows, grey for headings.
LATE_FILL = "FDE2E1"
HEADING_FILL = "D9E1F2"
GROUP_FILL = "F2F2F2"


@dataclass(frozen=True)
class Look:
    """How one cell looks."""

    bold: bool = False
    italic: bool = False
    size: float = 11
    fill: str | None = None
    wrap: bool = False
    centre: bool = False
    border: bool = False
    number_format: str | None = None


class ReportBook(XlsxBook):
    """The report's XlsxWriter workbook, written row by row (constant-memory mode); each look's format
    is made once."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._formats: dict[tuple[Look, bool, bool], Any] = {}
        self._seen: dict[tuple[int, bool, bool], tuple[Look, Any]] = {}
        self._styles: dict[tuple[int, bool, bool], tuple[Look, str]] = {}
        self._days: dict[datetime.date, str] = {}

    def style(self, look: Look, dated: bool, quoted: bool) -> str:
        """A cell's style attribute for the look (' s="4"'): its format's index, given at first use."""
        seen = self._styles.get((id(look), dated, quoted))
        if seen is not None and seen[0] is look:
            return seen[1]
        style = f' s="{self.format(look, dated, quoted)._get_xf_index()}"'
        self._styles[id(look), dated, quoted] = (look, style)  # the look kept: its id stays its own
        return style

    def day(self, day: datetime.date) -> str:
        """A day as the number a cell holds (made once per day: a plan's tasks share a few hundred)."""
        number = self._days.get(day)
        if number is None:
            serial = float((datetime.datetime.fromordinal(day.toordinal()) - EPOCH).days)
            # Excel counts a 29 February 1900 that never was (as XlsxWriter does, after day 59).
            number = self._days[day] = f"{serial + 1 if serial > 59 else serial:.16G}"
        return number

    def format(self, look: Look, dated: bool, quoted: bool) -> Any:
        """The workbook's format of a look (a date's with the date format; quoted: kept as typed)."""
        # Most cells take a look made once (the report's constants): found by its identity, as
        # hashing and comparing the look's eight fields at every cell took a third of the writing.
        seen = self._seen.get((id(look), dated, quoted))
        if seen is not None and seen[0] is look:
            return seen[1]
        key = (look, dated, quoted)
        if key not in self._formats:
            properties: dict[str, Any] = {
                "font_name": "Times New Roman",
                "font_size": look.size,
                "bold": look.bold,
                "italic": look.italic,
                "text_wrap": look.wrap,
                "valign": "vcenter" if look.centre else "top",
                "quote_prefix": quoted,
            }
            if look.centre:
                properties["align"] = "center"
            if look.fill:
                properties |= {"pattern": 1, "bg_color": f"#{look.fill}"}
            if look.border:
                properties |= {"border": 1, "border_color": "#808080"}
            if look.number_format is not None:
                properties["num_format"] = look.number_format
            elif dated:
                properties["num_format"] = DATE_FORMAT
            self._formats[key] = self.book.add_format(properties)
        self._seen[id(look), dated, quoted] = (
            look,
            self._formats[key],
        )  # the look kept: its id stays its own
        return self._formats[key]


@dataclass
class CellMaker:
    """Makes the report's cells: user text made safe, with the format of the look, as the sheet's XML."""

    book: ReportBook
    notes: list[tuple[str, str]] = field(default_factory=list)  # (what was changed, its text's start)

    def cell(self, value: object, look: Look = Look()) -> Cell:
        """A cell holding value (user text made safe) with the look."""
        book = self.book
        if isinstance(value, str):
            if not value.isprintable() or len(value) > MAX_CELL_TEXT // 2:  # most text is neither
                value = self._safe_text(value)
            # Shown and kept as typed, never evaluated.
            return book.style(look, False, looks_like_formula(value)) + inline_text(value)
        if value is None:
            return book.style(look, False, False) + "/>"
        if isinstance(value, datetime.date):
            return f"{book.style(look, True, False)}><v>{book.day(value)}</v></c>"
        return f"{book.style(look, False, False)}><v>{_number(value)}</v></c>"

    def _safe_text(self, text: str) -> str:
        if not text.isprintable():  # most text is: that test is far quicker than the search
            text, removed = without_control_characters(text)
            if removed:
                self.notes.append(("control", text[:60]))
        cut = fitted(text)
        if cut != text:
            self.notes.append(("long", text[:60]))
        return cut


# XlsxWriter's inline text (3.3): its escape of an escape-like text and of control characters, and
# of the two non-characters; then XML's three; leading or trailing space kept.
_ESCAPE_LIKE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def inline_text(text: str) -> str:
    """A text cell's XML after its style, as XlsxWriter writes it in constant-memory mode."""
    if not text.isprintable() or "_x" in text:  # most text is printable, with nothing to escape
        text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda found: f"_x{ord(found.group(1)):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    # (str.isspace is what a pattern's \s matches.)
    space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _number(value: object) -> str:
    """A number as XlsxWriter writes it; like it, refuses what is not one (NaN, infinity)."""
    if not math.isfinite(value):  # type: ignore[arg-type]
        raise TypeError(
            "NAN/INF not supported in write_number() without 'nan_inf_to_errors' Workbook() option"
        )
    return f"{value:.16G}"
