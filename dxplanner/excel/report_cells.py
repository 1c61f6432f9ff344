"""The look of the progress report's cells: fonts, fills, borders, wrapping, number formats."""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field
from typing import Any

from dxplanner.excel.cell_text import MAX_CELL_TEXT, text_cell, without_control_characters
from dxplanner.excel.data_sheets import DATE_FORMAT

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


@dataclass
class CellMaker:
    """Makes write-only cells with a look, sharing openpyxl's style objects between cells alike."""

    sheet: Any
    notes: list[tuple[str, str]] = field(default_factory=list)  # (what was changed, its text's start)
    _styles: dict[Look, tuple[Any, Any, Any, Any]] = field(default_factory=dict)
    _made: dict[tuple[Look, bool], Any] = field(default_factory=dict)  # the style indices of each look

    def cell(self, value: object, look: Look = Look()) -> object:
        """A cell holding value (user text made safe) with the look."""
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, str):
            value = self._safe_text(value)
            made = text_cell(self.sheet, value)  # a cell of its own when the text looks like a formula
            cell: Any = made if not isinstance(made, str) else WriteOnlyCell(self.sheet, value=value)
        else:
            cell = WriteOnlyCell(self.sheet, value=value)  # type: ignore[arg-type]
        dated = isinstance(value, datetime.date)
        if look == Look() and not dated:
            return cell
        quoted = bool(getattr(cell, "quotePrefix", False))
        known = self._made.get((look, dated)) if not quoted else None
        if known is not None:
            # openpyxl looks every style up in the workbook's lists on each assignment, which cost
            # a tenth of a second per thousand rows; a cell styled alike takes the same indices.
            cell._style = copy.copy(known)
            return cell
        font, fill, alignment, border = self._style_of(look)
        cell.font = font
        if fill is not None:
            cell.fill = fill
        cell.alignment = alignment
        if border is not None:
            cell.border = border
        if look.number_format is not None:
            cell.number_format = look.number_format
        elif dated:
            cell.number_format = DATE_FORMAT
        if not quoted:
            self._made[look, dated] = copy.copy(cell._style)
        return cell

    def _safe_text(self, text: str) -> str:
        text, removed = without_control_characters(text)
        if removed:
            self.notes.append(("control", text[:60]))
        if len(text) > MAX_CELL_TEXT:
            self.notes.append(("long", text[:60]))
            text = text[: MAX_CELL_TEXT - 1] + "…"
        return text

    def _style_of(self, look: Look) -> tuple[Any, Any, Any, Any]:
        if look not in self._styles:
            from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

            thin = Side(style="thin", color="808080")
            self._styles[look] = (
                Font(name="Times New Roman", bold=look.bold, italic=look.italic, size=look.size),
                PatternFill("solid", fgColor=look.fill) if look.fill else None,
                Alignment(
                    wrap_text=look.wrap,
                    vertical="center" if look.centre else "top",
                    horizontal="center" if look.centre else None,
                ),
                Border(left=thin, right=thin, top=thin, bottom=thin) if look.border else None,
            )
        return self._styles[look]


# The tallest row Excel allows, in points.
MAX_ROW_HEIGHT = 409


class MergedRanges(list[str]):
    """A write-only sheet's merged ranges ("B9:H9"), kept as openpyxl writes them when the sheet closes.

    openpyxl's own list compares each new range with every earlier one: a report of 5,000 groups,
    each name merged across its row, made 12 million comparisons. Ours are apart by construction.
    """

    def add(self, reference: str) -> None:
        """Merge the cells of reference."""
        self.append(reference)


class Lines:
    """A write-only sheet and how many rows were appended to it (openpyxl does not count them)."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.count = 0
        if not isinstance(sheet.merged_cells, MergedRanges):
            sheet.merged_cells = MergedRanges(str(cells) for cells in sheet.merged_cells)

    def merge(self, reference: str) -> None:
        """Merge the cells of reference ("B9:H9") when the sheet is written."""
        self.sheet.merged_cells.add(reference)

    def append(self, cells: list[object], lines: int = 1) -> None:
        """Append a row, as tall as its longest wrapped text needs (spreadsheets do not always fit it)."""
        if lines > 1:
            # Excel allows rows up to 409 points; a longer text shows its first 27 lines.
            self.sheet.row_dimensions[self.count + 1].height = min(15 * lines, MAX_ROW_HEIGHT)
        self.sheet.append(cells)
        self.count += 1
