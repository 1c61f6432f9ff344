"""Which cells of one column are written in bold: read from the workbook's XML, and only when asked.

openpyxl's fast read gives values without styles; reading every cell's style would cost as much
as the import again. A row's boldness is needed only for the few rows that could be a heading.
"""

from __future__ import annotations

import re
import zipfile

_CHUNK = 1 << 20
_STYLE = re.compile(rb"""\ss\s*=\s*["'](\d+)["']""")


def bold_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """The numbers of the cell styles whose font is bold (empty when the styles cannot be read)."""
    from defusedxml import ElementTree

    try:
        with archive.open("xl/styles.xml") as part:
            root = ElementTree.parse(part).getroot()
    except Exception:  # no styles, or unreadable: openpyxl says what is wrong with the file
        return frozenset()
    if root is None:
        return frozenset()
    fonts: list[bool] = []
    styles: set[int] = set()
    for element in root:
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag == "fonts":
            fonts = [_is_bold(font) for font in element]
        elif tag == "cellXfs":
            for number, style in enumerate(element):
                font = style.get("fontId", "0")
                if font.isdigit() and int(font) < len(fonts) and fonts[int(font)]:
                    styles.add(number)
    return frozenset(styles)


def _is_bold(font: object) -> bool:
    for part in font:  # type: ignore[attr-defined]
        if str(part.tag).rsplit("}", 1)[-1] == "b":
            return str(part.get("val", "1")).lower() not in ("0", "false")
    return False


def bold_rows(archive: zipfile.ZipFile, member: str, column: str, bold: frozenset[int]) -> frozenset[int]:
    """The rows whose cell in a column (its letters, "B") has a bold style, streaming the sheet's XML."""
    if not bold:
        return frozenset()
    cell = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*[\"']" + column.encode() + rb"(\d+)[\"'][^>]*>")
    rows: set[int] = set()
    carried = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            piece = carried + chunk
            if chunk:
                cut = piece.rfind(b"<")  # a tag cut in two waits for the next piece
                piece, carried = (piece[:cut], piece[cut:]) if cut > 0 else (piece, b"")
            for found in cell.finditer(piece):
                style = _STYLE.search(found[0])
                if style is not None and int(style[1]) in bold:
                    rows.add(int(found[1]))
            if not chunk:
                return frozenset(rows)
