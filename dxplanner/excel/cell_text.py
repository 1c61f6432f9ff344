"""Text as it may go into a cell: never a live formula, what XML would lose escaped as Excel does."""

from __future__ import annotations

import re
from typing import Any

# Excel holds at most this many characters in a cell, counted in UTF-16 units (an emoji takes two).
MAX_CELL_TEXT = 32_767
# XML 1.0 cannot hold these; tab, line feed and carriage return it can.
_XML_REFUSED = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff"
_CONTROL = re.compile(f"[{_XML_REFUSED}]")
# A cell starting so may be taken for a formula by a spreadsheet (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


# Excel's own escape for a character in cell text (ST_Xstring): "_x000D_" is a carriage return.
# What is read back: control characters, the underscore, and the two non-characters.
_UNESCAPE = re.compile(r"_x(?:00[01][0-9A-Fa-f]|005[Ff]|[Ff]{3}[EeFf])_")
# What XML would lose or refuse: control characters, and carriage returns (read back as line feeds).
_UNSAFE = _XML_REFUSED + "\\r"
# One pass over the text finds both: a character to escape, or an underscore that would start an
# escape once written (the "_" after the four digits may be the start of an escape made here).
_TO_ESCAPE = re.compile(rf"_(?=x[0-9A-Fa-f]{{4}}[_{_UNSAFE}])|[{_UNSAFE}]")


def utf16_units(text: str) -> int:
    """The text's length as Excel counts it: in UTF-16 units, two for a character past U+FFFF."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cell_units(piece: str) -> int:
    # Text of up to half a cell fits however it is counted: most text is not counted at all.
    return len(piece) if len(piece) * 2 <= MAX_CELL_TEXT else utf16_units(piece)


def fitted(text: str) -> str:
    """The text as a cell holds it: cut, ending in "…", when it is longer than Excel's limit."""
    if _cell_units(text) <= MAX_CELL_TEXT:
        return text
    units = 1  # the "…"
    for index, character in enumerate(text):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > MAX_CELL_TEXT:
            return text[:index] + "…"
    return text


def escaped_pieces(text: str) -> list[str]:
    """The text escaped, in pieces that each fit a cell once escaped; each piece reads back on its own."""
    pieces: list[str] = []
    start = 0
    while start < len(text) or not pieces:
        size = MAX_CELL_TEXT
        piece = escaped(text[start : start + size])
        # An escape takes seven characters and an emoji two units: take fewer characters until it fits.
        while (units := _cell_units(piece)) > MAX_CELL_TEXT:
            size -= max(1, (units - MAX_CELL_TEXT) // 7)
            piece = escaped(text[start : start + size])
        pieces.append(piece)
        start += size
    return pieces


def escaped(text: str) -> str:
    """The text with every character XML would lose written as Excel's escape, so it reads back the same.

    Text that already looks like an escape gets its underscore escaped, as Excel does.
    """
    if text.isprintable() and "_x" not in text:
        return text  # most text: nothing to look for, and this test is far quicker than the search
    return _TO_ESCAPE.sub(lambda found: f"_x{ord(found.group(0)):04X}_", text)


def unescaped(text: str) -> str:
    """Cell text as Excel meant it: its escapes of control characters ("_x000D_") made the characters again.

    Only those and the escaped underscore ("_x005F_") are read: they are all Excel and we write,
    and openpyxl has already taken "x005F_" out of shared strings, so reading "_x0041_" as "A"
    would change text a user typed.
    """
    if "_x" not in text:
        return text
    return _UNESCAPE.sub(lambda found: chr(int(found.group(0)[2:6], 16)), text)


def without_control_characters(text: str) -> tuple[str, int]:
    """The text without the characters a workbook cannot hold, and how many were taken out."""
    cleaned, removed = _CONTROL.subn("", text)
    return cleaned, removed


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet may take the text for a formula or an error ("=…", "+…", "#N/A")."""
    return text.startswith(_FORMULA_STARTS) or text in _ERROR_CODES


def text_cell(sheet: Any, text: str) -> object:
    """What to append for a text on a write-only sheet: the text itself, or a cell forced to text.

    openpyxl makes "=…" a formula and "#N/A" an error; those, and text starting with + - @ or a
    line break, become text cells marked with Excel's quote prefix, their characters unchanged.
    """
    if not looks_like_formula(text):
        return text
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
