"""Text as it may go into a cell: never a live formula, no control characters, within Excel's limit."""

from __future__ import annotations

import re
from typing import Any

# Excel holds at most this many characters in a cell.
MAX_CELL_TEXT = 32_767
# XML 1.0 cannot hold these; tab, line feed and carriage return it can.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A cell starting so may be taken for a formula by a spreadsheet (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def without_control_characters(text: str) -> tuple[str, int]:
    """The text without the characters a workbook cannot hold, and how many were taken out."""
    cleaned, removed = _CONTROL.subn("", text)
    return cleaned, removed


def split_for_cells(text: str) -> list[str]:
    """The text in pieces that each fit a cell (one piece when it fits)."""
    return [text[start : start + MAX_CELL_TEXT] for start in range(0, len(text), MAX_CELL_TEXT)] or [""]


def text_cell(sheet: Any, text: str) -> object:
    """What to append for a text on a write-only sheet: the text itself, or a cell forced to text.

    openpyxl makes "=…" a formula and "#N/A" an error; those, and text starting with + - @ or a
    line break, become text cells marked with Excel's quote prefix, their characters unchanged.
    """
    if not text.startswith(_FORMULA_STARTS) and text not in _ERROR_CODES:
        return text
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
