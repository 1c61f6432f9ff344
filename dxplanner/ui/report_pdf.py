"""The official report's blocks printed to PDF by Qt (QTextDocument on QPdfWriter): no LibreOffice needed."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

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
)

# Dots per inch of the PDF's coordinates: fine enough that the layout's rounding never shows.
RESOLUTION = 1200
# Faces metric-compatible with Times New Roman first (the lines break where Word breaks them),
# then other serif faces; only those that have the Vietnamese letters are taken.
SERIF_FACES = (
    FONT,
    "Liberation Serif",
    "Tinos",
    "Nimbus Roman",
    "TeX Gyre Termes",
    "Noto Serif",
    "DejaVu Serif",
)
# Where the page number sits: the top centre, in the top margin, about where Word puts its header.
NUMBER_FROM_TOP_CM = 1.0
RULE_POINTS = 0.75  # the rule's thickness, as Word draws the paragraph's bottom border
MOST_CUTS = 500  # rows moved to a new page at most: a bound on laying the text out again
_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTRE: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
    Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify,
}


def report_face(families: list[str] | None = None) -> str:
    """The face the PDF is set in: Times New Roman where installed, else a serif face with Vietnamese."""
    if families is None:
        families = QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    for face in SERIF_FACES:
        if face in families:
            return face
    return FONT  # Qt substitutes the closest face it has


def write_pdf(blocks: ReportBlocks, path: Path) -> None:
    """Print the blocks to path as an A4 PDF numbered from page 2 (OSError when it cannot be written)."""
    page = blocks.page
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QSizeF(page.width * 10, page.height * 10), QPageSize.Unit.Millimeter))
    # The margins are kept by hand (the page number sits in the top one): the painter gets the whole sheet.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setCreator("dxplanner")
    face = report_face()
    width, height = _device(page.text_width), _device(page.height - page.top - page.bottom)
    cuts: set[tuple[int, int]] = set()
    while True:
        text = report_text(blocks, face, cuts)
        layout = text.document.documentLayout()
        layout.setPaintDevice(writer)  # the text is measured at the PDF's resolution, not the screen's
        text.document.setPageSize(QSizeF(width, height))
        cut = text.first_cut_row(height)
        if cut is None or cut in cuts or len(cuts) >= MOST_CUTS:
            break
        cuts.add(cut)  # and lay the text out again: each row moved moves those after it
    painter = QPainter()
    if not painter.begin(writer):  # QPdfWriter says no more than that it could not open the file
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
    try:
        for number in range(text.document.pageCount()):
            if number:
                writer.newPage()
                _page_number(painter, page, face, number + 1)
            painter.save()
            painter.translate(_device(page.left), _device(page.top) - number * height)
            context = QAbstractTextDocumentLayout.PaintContext()
            # Black on white, whatever the desktop's colours.
            context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
            context.clip = QRectF(0, number * height, width, height)
            painter.setClipRect(context.clip)
            layout.draw(painter, context)
            text.draw_rules(painter)
            painter.restore()
    finally:
        painter.end()


@dataclass
class ReportText:
    """The blocks as a rich text document, and where its short rules go once it is laid out."""

    document: QTextDocument
    rules: list[tuple[int, float]]  # (the position of the line the rule is under, its inset in cm)
    rows: list[_Row]  # every row of every table of figures, in order

    def first_cut_row(self, page_height: float) -> tuple[int, int] | None:
        """The first row of a table of figures that a page's end cuts: (the table's number, the row's).

        Qt breaks a row between the lines of its cells, as Word does; but it then paints the
        whole row on both pages, clipped, and the text hidden on each is read by a search, a copy
        or a screen reader as if it were there twice. A row more than half a page high is left cut.
        """
        layout = self.document.documentLayout()
        layout.documentSize()  # the layout is made when asked for; a block's place is not enough to ask
        for row in self.rows:
            cells = [row.table.cellAt(row.row, column) for column in range(row.table.columns())]
            top = min(layout.blockBoundingRect(self._block_at(cell.firstPosition())).top() for cell in cells)
            bottom = max(
                layout.blockBoundingRect(self._block_at(cell.lastPosition())).bottom() for cell in cells
            )
            if int(top // page_height) != int((bottom - 1) // page_height) and bottom - top < page_height / 2:
                return row.number, max(row.shown, 1)  # cut headings go on with the first row
        return None

    def _block_at(self, position: int) -> QTextBlock:
        return self.document.findBlock(position)

    def draw_rules(self, painter: QPainter) -> None:
        """Draw each rule under its line, centred, as wide as the line's column less its insets."""
        layout = self.document.documentLayout()
        pen = QPen(QColor("black"))
        pen.setWidthF(_points_on_device(RULE_POINTS))
        painter.setPen(pen)
        for position, inset in self.rules:
            area = layout.blockBoundingRect(self.document.findBlock(position))  # in the document's frame
            left, right = area.left() + _device(inset), area.right() - _device(inset)
            if right > left:
                painter.drawLine(QLineF(left, area.bottom(), right, area.bottom()))


@dataclass(frozen=True)
class _Row:
    """A row of a table of figures as laid out: the table's number, the row's there, and in Qt's table."""

    number: int
    shown: int  # 0 for the headings, 1 for the first row of figures
    table: QTextTable
    row: int


def report_text(blocks: ReportBlocks, face: str, cuts: set[tuple[int, int]] | None = None) -> ReportText:
    """The blocks as a rich text document (its layout still to be given a device and a page).

    Each (table, row) in cuts starts a new page, under the table's headings.
    """
    document = QTextDocument()
    document.setDocumentMargin(0)
    base = QFont(face)
    base.setPointSizeF(BODY_SIZE)
    document.setDefaultFont(base)
    writer = _Writer(document, face, cuts or set())
    writer.write(blocks)
    return ReportText(document, writer.rules, writer.rows)


def _device(cm: float) -> float:
    """Centimetres in the PDF's own units: the page, its margins, a first line's indent."""
    return cm / 2.54 * RESOLUTION


def _points_on_device(points: float) -> float:
    """Points in the PDF's own units."""
    return points / 72 * RESOLUTION


def _points(points: float) -> float:
    """Points in a format's units for margins and padding: pixels at 96 dpi, which the layout
    scales to the PDF's resolution itself (a first line's indent it does not: see `_device`)."""
    return points * 96 / 72


def _page_number(painter: QPainter, page: Page, face: str, number: int) -> None:
    font = QFont(face)
    font.setPointSizeF(BODY_SIZE)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    top = _device(NUMBER_FROM_TOP_CM)
    area = QRectF(_device(page.left), top, _device(page.text_width), _device(page.top) - top)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(number))


class _Writer:
    """Blocks appended, one after another, at the end of a text document."""

    def __init__(self, document: QTextDocument, face: str, cuts: set[tuple[int, int]]) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        self.face = face
        # A document, a table's cell and the place after a table each begin with an empty
        # paragraph: the first thing written there takes it instead of adding another.
        self.fresh = True
        self.rules: list[tuple[int, float]] = []
        self.cuts = cuts
        self.kept: int | None = None  # where the paragraph just written starts, when it is kept with the next
        self.rows: list[_Row] = []

    def write(self, blocks: ReportBlocks) -> None:
        for block in blocks.blocks:
            if isinstance(block, Columns):
                self._columns(block)
            elif isinstance(block, Table):
                self._table(block)
            else:
                self._line(block)
            kept = isinstance(block, Paragraph) and block.keep_with_next
            self.kept = self.cursor.block().position() if kept else None

    def _characters(self, size: float, bold: bool = False, italic: bool = False) -> QTextCharFormat:
        characters = QTextCharFormat()
        characters.setFontFamilies([self.face])
        characters.setFontPointSize(size)
        characters.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        characters.setFontItalic(italic)
        return characters

    def _block(self, form: QTextBlockFormat) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(form)
            self.fresh = False
        else:
            self.cursor.insertBlock(form)
        self.cursor.setBlockCharFormat(self._characters(BODY_SIZE))

    def _blank(self) -> None:
        """Make an empty line as high as a line of the body, as Word makes it.

        Word gives an empty paragraph the height of its mark, which is in the body's size; Qt
        measures an empty line's face at the screen's resolution, not the PDF's, and leaves it
        almost no height. A no-break space is measured as text.
        """
        self.cursor.insertText("\u00a0", self._characters(BODY_SIZE))

    def _line(self, block: Line) -> None:
        if isinstance(block, Rule):
            self._rule(block)
        else:
            self._paragraph(block)

    def _paragraph(self, block: Paragraph) -> None:
        form = QTextBlockFormat()
        form.setAlignment(_ALIGN[block.align])
        form.setTextIndent(_device(block.indent))
        form.setTopMargin(_points(block.before))
        form.setBottomMargin(_points(block.after))
        self._block(form)
        if not block.text:
            self._blank()
        for run in block.runs:
            self.cursor.insertText(run.text, self._characters(block.size, run.bold, run.italic))

    def _rule(self, rule: Rule) -> None:
        """An empty line, under which `ReportText.draw_rules` draws the rule once the text is laid out.

        Qt's own horizontal rule is a grey hairline at the PDF's resolution: too faint for a
        document that is printed and signed.
        """
        self._block(QTextBlockFormat())
        self._blank()
        self.rules.append((self.cursor.block().position(), rule.inset))

    def _columns(self, block: Columns) -> None:
        table = self._new_table(block.widths, 1, border=0.0)
        for column, lines in enumerate(block.cells):
            self.cursor = table.cellAt(0, column).firstCursorPosition()
            self.fresh = True
            for each in lines:
                self._line(each)
        self._after()

    def _table(self, block: Table) -> None:
        """The table, in as many pieces as it has cuts, each piece on a new page under the headings."""
        number = len({row.number for row in self.rows})
        cut = sorted(shown for table, shown in self.cuts if table == number)
        starts = sorted({1, *cut})
        if 1 in cut and self.kept is not None:
            # The whole table goes to the next page, and the heading it is kept with goes with it.
            cursor = QTextCursor(self.document.findBlock(self.kept))
            form = cursor.blockFormat()
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setBlockFormat(form)
            cut.remove(1)
        for piece, start in enumerate(starts):
            end = starts[piece + 1] if piece + 1 < len(starts) else 1 + len(block.rows)
            shown = [0, *range(start, end)]
            # One pixel at 96 dpi (0.75 pt), about Word's grid: Qt draws no border thinner than one.
            table = self._new_table(block.widths, len(shown), border=1.0, new_page=start in cut)
            for row, index in enumerate(shown):
                self.rows.append(_Row(number, index, table, row))
                cells = block.header if index == 0 else block.rows[index - 1]
                for column, cell in enumerate(cells):
                    self.cursor = table.cellAt(row, column).firstCursorPosition()
                    self.fresh = True
                    self._cell(cell)
            self._after()
        # An empty line under the table, as in the Word document, where it keeps two tables apart.
        self._block(QTextBlockFormat())
        self._blank()

    def _cell(self, cell: Cell) -> None:
        form = QTextBlockFormat()
        form.setAlignment(_ALIGN[cell.align])
        self._block(form)
        self.cursor.insertText(cell.text, self._characters(TABLE_SIZE, cell.bold))

    def _new_table(
        self, widths: tuple[float, ...], rows: int, *, border: float, new_page: bool = False
    ) -> QTextTable:
        form = QTextTableFormat()
        form.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        total = sum(widths)
        form.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 * width / total) for width in widths]
        )
        form.setCellSpacing(0)
        form.setCellPadding(_points(2.5) if border else 0)
        form.setBorder(border)
        form.setBorderCollapse(True)
        form.setBorderBrush(QBrush(QColor("black")))
        form.setBorderStyle(
            QTextFrameFormat.BorderStyle.BorderStyle_Solid
            if border
            else QTextFrameFormat.BorderStyle.BorderStyle_None
        )
        form.setHeaderRowCount(1 if border else 0)  # a table of figures repeats its headings on each page
        form.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if new_page:
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return self.cursor.insertTable(rows, len(widths), form)

    def _after(self) -> None:
        """Go on writing after the table, in the empty paragraph Qt keeps there."""
        self.cursor = QTextCursor(self.document)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = True
