"""What a sheet's XML really holds, counted at the speed of bytes.count before openpyxl parses it."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

_CHUNK = 1 << 20
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>/]")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_MERGED_REF = re.compile(rb"""\sref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)["']""")


@dataclass(frozen=True)
class SheetScan:
    """How many cells a sheet's XML holds, and where its last value stands."""

    cells: int
    """Cell elements up to and with the last one that holds a value (formatted empty cells count:
    openpyxl parses each of them); those after it are never read."""
    last_row: int | None
    """The number of the last row that holds a value: 0 when none does, None when the rows are not
    numbered (then the whole sheet is read)."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """The merged ranges: first row, first column, last row, last column (1-based)."""
    errors: int = 0
    """Cells holding an error ("#N/A", "#REF!")."""
    columns: int | None = None
    """No cell lies right of this column (1-based): 26 unless a cell names a column of two or three
    letters; None when some cell names no column, or names it in a form not looked for."""


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's title and the zip member holding its XML (empty when they cannot be told)."""
    from defusedxml import ElementTree

    try:
        with archive.open("xl/workbook.xml") as part:
            book = ElementTree.parse(part).getroot()
        with archive.open("xl/_rels/workbook.xml.rels") as part:
            relations = ElementTree.parse(part).getroot()
    except Exception:  # unreadable or refused: openpyxl will say what is wrong with the file
        return {}
    if book is None or relations is None:
        return {}
    targets = {
        relation.get("Id"): str(relation.get("Target", "")).lstrip("/")
        for relation in relations
        if str(relation.get("Type", "")).endswith("/worksheet")
    }
    parts = {}
    for sheet in book.iter():
        if not str(sheet.tag).endswith("}sheet"):
            continue
        # The r:id attribute, whatever the prefix of its namespace.
        key = next((value for name, value in sheet.attrib.items() if name.endswith("}id")), None)
        target = targets.get(key)
        if target is not None and sheet.get("name") is not None:
            parts[str(sheet.get("name"))] = target if target.startswith("xl/") else f"xl/{target}"
    return parts


def scan_sheet(archive: zipfile.ZipFile, member: str) -> SheetScan:
    """Count the cells of one sheet part up to its last value, streaming it in pieces of a megabyte."""
    with archive.open(member) as stream:
        return _scan(stream)


def _scan(stream: IO[bytes]) -> SheetScan:
    marks: _Marks | None = None
    cells = cells_to_value = 0
    row: int | None = None  # the number of the row the last piece ended in
    last_row: int | None = 0
    carried = b""
    merged: list[tuple[int, int, int, int]] = []
    errors = referenced = 0
    widest = 26  # no cell names a column of two letters until one is found
    while True:
        chunk = stream.read(_CHUNK)
        piece = carried + chunk
        if chunk:
            # A tag cut in two would be counted in neither piece: what follows the last "<" waits.
            cut = piece.rfind(b"<")
            piece, carried = (piece[:cut], piece[cut:]) if cut > 0 else (piece, b"")
        if marks is None:
            if not piece and chunk:
                continue
            marks = _Marks.of(piece)
        value = max(piece.rfind(mark) for mark in marks.values)
        if value >= 0:
            cells_to_value = cells + marks.cells_in(piece, value)
            tag = max(piece.rfind(mark, 0, value) for mark in marks.rows)
            last_row = _row_number(piece, tag) if tag >= 0 else row
        cells += marks.cells_in(piece, len(piece))
        referenced += piece.count(marks.referenced)
        errors += piece.count(b' t="e"') + piece.count(b" t='e'")
        for letters in marks.wide.findall(piece):
            widest = max(widest, _column(letters))
        tag = max(piece.rfind(mark) for mark in marks.rows)
        if tag >= 0:
            row = _row_number(piece, tag)
        if marks.merge in piece:  # after the rows, in the last piece or two only
            merged.extend(_merged_ranges(piece, marks.merge))
        if not chunk:
            columns = widest if referenced == cells else None
            return SheetScan(cells_to_value, last_row, tuple(merged), errors, columns)


def _row_number(piece: bytes, tag: int) -> int | None:
    end = piece.find(b">", tag)
    found = _ROW_NUMBER.search(piece, tag, end if end >= 0 else len(piece))
    return int(found[1]) if found is not None else None


def _merged_ranges(piece: bytes, mark: bytes) -> list[tuple[int, int, int, int]]:
    found = []
    at = piece.find(mark)
    while at >= 0:
        end = piece.find(b">", at)
        ref = _MERGED_REF.search(piece, at, end if end >= 0 else len(piece))
        if ref is not None:
            first_column, first_row, last_column, last_row = ref.groups()
            found.append((int(first_row), _column(first_column), int(last_row), _column(last_column)))
        at = piece.find(mark, at + 1)
    return found


def _column(letters: bytes) -> int:
    """A column's letters as its 1-based number (A -> 1, AA -> 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


@dataclass(frozen=True)
class _Marks:
    """The byte strings that open a cell, a row and a value, with the sheet's namespace prefix."""

    cell: tuple[bytes, ...]
    rows: tuple[bytes, ...]
    values: tuple[bytes, ...]
    merge: bytes
    referenced: bytes  # a cell naming its column first, as Excel and openpyxl write it: <c r="B7"
    wide: re.Pattern[bytes]  # the same, of a column named by two or three letters

    @classmethod
    def of(cls, head: bytes) -> _Marks:
        found = _ROOT.search(head)
        prefix = found[1] + b":" if found is not None and found[1] else b""
        start = b"<" + prefix
        return cls(
            cell=(start + b"c ", start + b"c>"),
            rows=(start + b"row ", start + b"row>"),
            # A value is a <v> (numbers, shared strings, results of formulas) or an inline <is>.
            values=(start + b"v>", start + b"v ", start + b"is>"),
            merge=start + b"mergeCell ",
            referenced=start + b'c r="',
            wide=re.compile(re.escape(start + b'c r="') + rb"([A-Z]{2,3})\d"),
        )

    def cells_in(self, piece: bytes, end: int) -> int:
        return sum(piece.count(mark, 0, end) for mark in self.cell)
