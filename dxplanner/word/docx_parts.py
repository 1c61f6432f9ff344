"""The pieces of a Decree 30/2020 document that python-docx has no call for: lines, fields, bare tables."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from dxplanner.core.report_blocks import BODY_SIZE, FONT


def set_font(run: Any, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """The run in the document's face and size (the East Asian and complex-script faces too)."""
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), FONT)


def line(
    container: Any,
    text: str,
    size: float = BODY_SIZE,
    *,
    bold: bool = False,
    italic: bool = False,
    centre: bool = False,
    after: float = 0,
) -> Any:
    """A paragraph of one run: a heading's line, a title, a recipient."""
    paragraph = container.add_paragraph()
    set_font(paragraph.add_run(text), size, bold=bold, italic=italic)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def underline_short(paragraph: Any, inset_cm: float) -> None:
    """The short rule Decree 30 draws under the agency's name, the motto and the title.

    The bottom border of a small empty paragraph, indented on both sides so that it is about as
    long as the text above it; a drawn shape would float and move when the text is edited.
    """
    paragraph.paragraph_format.left_indent = Cm(inset_cm)
    paragraph.paragraph_format.right_indent = Cm(inset_cm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def page_number(paragraph: Any) -> None:
    """A PAGE field: the page's number, worked out by the word processor."""
    run = paragraph.add_run()
    set_font(run, BODY_SIZE)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), ("end", None)):
        if kind is None:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)


def no_borders(table: Any) -> None:
    """A table used only to set things side by side (the heading, the signature) draws no lines."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def column_widths(table: Any, widths_cm: list[float]) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's and the table's: all are set)."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    total = properties.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        properties.append(total)
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(round(sum(widths_cm) * 567)))  # twentieths of a point in a centimetre
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)


def repeat_as_header(row: Any) -> None:
    """The table's heading row is printed again at the top of each page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
