"""The official progress report's blocks written as a Word document (Decree 30/2020's form)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from dxplanner.core.report import ReportData
from dxplanner.core.report_blocks import (
    BODY_SIZE,
    FONT,
    TABLE_SIZE,
    Align,
    Cell,
    Columns,
    Line,
    Page,
    Paragraph,
    ReportBlocks,
    Rule,
    Table,
    scaled,
)
from dxplanner.core.report_document import DocumentHeading
from dxplanner.core.report_sections import report_blocks
from dxplanner.i18n import speaking
from dxplanner.word.docx_parts import (
    column_widths,
    line,
    no_borders,
    page_number,
    repeat_as_header,
    set_font,
    underline_short,
)

_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def write_report_document(
    path: Path, data: ReportData, heading: DocumentHeading, *, language: str | None = None
) -> None:
    """Write the report to path (the caller writes to a temporary path and moves it into place)."""
    with speaking(language):
        blocks = report_blocks(data, heading)
    write_blocks(path, blocks)


def write_blocks(path: Path, blocks: ReportBlocks) -> None:
    """Write the document's blocks to path as a Word document."""
    document: Any = Document()
    _page(document, blocks.page)
    width = blocks.page.text_width
    for block in blocks.blocks:
        if isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, Rule):
            _rule(document, block)
        elif isinstance(block, Columns):
            _columns(document, block, width)
        else:
            _table(document, block, width)
    document.save(str(path))


def _page(document: Any, page: Page) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(page.width), Cm(page.height)
    section.top_margin, section.bottom_margin = Cm(page.top), Cm(page.bottom)
    section.left_margin, section.right_margin = Cm(page.left), Cm(page.right)
    # Decree 30: page numbers at the top centre, from the second page on.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number(header)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_SIZE)


def _paragraph(container: Any, block: Paragraph) -> Any:
    paragraph = container.add_paragraph()
    for run in block.runs:
        set_font(paragraph.add_run(run.text), block.size, bold=run.bold, italic=run.italic)
    paragraph.alignment = _ALIGN[block.align]
    form = paragraph.paragraph_format
    if block.indent:
        form.first_line_indent = Cm(block.indent)
    form.space_before = Pt(block.before)
    form.space_after = Pt(block.after)
    if block.keep_with_next:
        form.keep_with_next = True
    return paragraph


def _rule(container: Any, rule: Rule) -> None:
    underline_short(line(container, "", rule.size, centre=True), rule.inset)


def _line(container: Any, block: Line) -> None:
    if isinstance(block, Rule):
        _rule(container, block)
    else:
        _paragraph(container, block)


def _columns(document: Any, block: Columns, width: float) -> None:
    table = document.add_table(rows=1, cols=len(block.widths))
    no_borders(table)
    column_widths(table, scaled(block.widths, width))
    for cell, lines in zip(table.rows[0].cells, block.cells, strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # a cell starts with one
        for each in lines:
            _line(cell, each)


def _table(document: Any, block: Table, width: float) -> None:
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    column_widths(table, scaled(block.widths, width))
    repeat_as_header(table.rows[0])
    for row, cells in zip(table.rows, (block.header, *block.rows), strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            _cell_text(cell, value)
    # Word puts two tables that touch into one: a paragraph keeps them apart.
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_after = Pt(0)


def _cell_text(cell: Any, value: Cell) -> None:
    paragraph = cell.paragraphs[0]
    set_font(paragraph.add_run(value.text), TABLE_SIZE, bold=value.bold)
    paragraph.paragraph_format.space_after = Pt(0)
    if value.align is not Align.LEFT:  # left is the cell's own
        paragraph.alignment = _ALIGN[value.align]
