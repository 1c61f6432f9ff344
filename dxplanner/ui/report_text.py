"""The official report's blocks as a Qt rich text document, laid out and drawn page by page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPen,
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
    TABLE_SIZE,
    Align,
    Cell,
    Columns,
    Line,
    Paragraph,
    ReportBlocks,
    Rule,
    Table,
)

# Dots per inch of the PDF's coordinates: fine enough that the layout's rounding never shows.
RESOLUTION = 1200
RULE_POINTS = 0.75  # the rule's thickness, as Word draws the paragraph's bottom border
GRID_POINTS = 0.75  # a table's lines: one pixel at 96 dpi, the width the layout leaves them
PADDING_POINTS = 4.0  # between a table's lines and its text (Word leaves 5.4 pt left and right)
_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTRE: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
    Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify,
}


@dataclass
class ReportText:
    """The blocks as a rich text document, with what its drawing needs: its rules, its tables' rows."""

    document: QTextDocument
    rules: list[tuple[int, float]]  # (the position of the line the rule is under, its inset in cm)
    rows: list[_Row]  # every row of every table of figures, in order
    grids: list[QTextTable]  # the tables drawn with lines (each piece of a table of figures)

    def first_cut_row(self, page_height: float) -> tuple[int, int] | None:
        """The first row of a table of figures that is not on its headings' page: (table's number, row's).

        That row starts a new page under the headings again. Qt moves a row that a page's end
        would cut to the next page, but without the headings; a row whose cells are long it
        breaks between their lines, and a row more than half a page high is left so.
        """
        layout = self.document.documentLayout()
        layout.documentSize()  # the layout is made when asked for; a block's place is not enough to ask
        headings = -1
        for row in self.rows:
            cells = [row.table.cellAt(row.row, column) for column in range(row.table.columns())]
            top = min(self._place(cell.firstPosition()).top() for cell in cells)
            bottom = max(self._place(cell.lastPosition()).bottom() for cell in cells)
            first, last = int(top // page_height), int((bottom - 1) // page_height)
            if row.row == 0:
                headings = first
            moved = first != headings or first != last
            if moved and bottom - top < page_height / 2:
                return row.number, max(row.shown, 1)  # headings that would be cut go on with the first row
        return None

    def draw_page(self, painter: QPainter, top: float, width: float, height: float) -> None:
        """Draw the lines of text, the tables' lines and the rules of the page that starts at top.

        Each line of text is drawn once, on the page where its middle is. Qt's own drawing of
        the document draws every line of a paragraph or a table's row that a page's clip
        touches: out of sight, but there, and read twice by a search, a copy or a screen reader.
        """
        layout = self.document.documentLayout()
        painter.setPen(QColor("black"))  # black on white, whatever the desktop's colours
        block = self.document.begin()
        while block.isValid():
            origin = layout.blockBoundingRect(block).topLeft()  # in the document, cells included
            lines = block.layout()
            for number in range(lines.lineCount()):
                line = lines.lineAt(number)
                if top <= origin.y() + line.y() + line.height() / 2 < top + height:
                    line.draw(painter, origin)
            block = block.next()
        painter.setClipRect(QRectF(0, top, width, height))  # a table's lines stop at the page's end
        self._draw_grids(painter)
        self._draw_rules(painter)

    def _draw_grids(self, painter: QPainter) -> None:
        """The lines of each table of figures, between its cells' text and round the table."""
        pen = QPen(QColor("black"))
        pen.setWidthF(_points_on_device(GRID_POINTS))
        painter.setPen(pen)
        gap = _points_on_device(PADDING_POINTS + GRID_POINTS / 2)  # from a cell's text to its line
        for table in self.grids:
            # From the cells' text, not the table's frame: the frame runs on to the page's end
            # when a table after it starts a new page.
            columns, rows = range(table.columns()), range(table.rows())
            heads = [self._place(table.cellAt(0, column).firstPosition()) for column in columns]
            lasts = [self._place(table.cellAt(rows[-1], column).lastPosition()) for column in columns]
            left, right = heads[0].left() - gap, heads[-1].right() + gap
            top, bottom = min(head.top() for head in heads) - gap, max(last.bottom() for last in lasts) + gap
            painter.drawRect(QRectF(left, top, right - left, bottom - top))
            for head in heads[1:]:
                painter.drawLine(QLineF(head.left() - gap, top, head.left() - gap, bottom))
            for row in rows[1:]:
                y = (
                    min(self._place(table.cellAt(row, column).firstPosition()).top() for column in columns)
                    - gap
                )
                painter.drawLine(QLineF(left, y, right, y))

    def _place(self, position: int) -> QRectF:
        """Where the paragraph at position is, in the document."""
        return self.document.documentLayout().blockBoundingRect(self.document.findBlock(position))

    def _draw_rules(self, painter: QPainter) -> None:
        """Draw each rule under its line, centred, as wide as the line's column less its insets."""
        pen = QPen(QColor("black"))
        pen.setWidthF(_points_on_device(RULE_POINTS))
        painter.setPen(pen)
        for position, inset in self.rules:
            area = self._place(position)
            left, right = area.left() + device(inset), area.right() - device(inset)
            if right > left:
                painter.drawLine(QLineF(left, area.bottom(), right, area.bottom()))


@dataclass(frozen=True)
class _Row:
    """A row of a table of figures: which table, which of its rows (0 the headings), where Qt holds it."""

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
    return ReportText(document, writer.rules, writer.rows, writer.grids)


def device(cm: float) -> float:
    """Centimetres in the PDF's own units: the page, its margins, a first line's indent."""
    return cm / 2.54 * RESOLUTION


def _points_on_device(points: float) -> float:
    """Points in the PDF's own units."""
    return points / 72 * RESOLUTION


def _points(points: float) -> float:
    """Points in a format's units for margins and padding: pixels at 96 dpi, which the layout
    scales to the PDF's resolution itself (a first line's indent it does not: see `device`)."""
    return points * 96 / 72


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
        self.grids: list[QTextTable] = []

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
        form.setTextIndent(device(block.indent))
        form.setTopMargin(_points(block.before))
        form.setBottomMargin(_points(block.after))
        self._block(form)
        if not block.text:
            self._blank()
        for run in block.runs:
            self.cursor.insertText(run.text, self._characters(block.size, run.bold, run.italic))

    def _rule(self, rule: Rule) -> None:
        """An empty line, under which `ReportText.draw_page` draws the rule once the text is laid out.

        Qt's own horizontal rule is a grey hairline at the PDF's resolution: too faint for a
        document that is printed and signed.
        """
        self._block(QTextBlockFormat())
        self._blank()
        self.rules.append((self.cursor.block().position(), rule.inset))

    def _columns(self, block: Columns) -> None:
        table = self._new_table(block.widths, 1, border=0.0)
        # Qt leaves out the space above a cell's first paragraph: the table keeps it instead.
        before = max(
            (lines[0].before for lines in block.cells if lines and isinstance(lines[0], Paragraph)), default=0
        )
        form = table.format()
        form.setTopMargin(_points(before))
        table.setFormat(form)
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
            # Room for the lines `_draw_grids` draws: one pixel at 96 dpi (0.75 pt), about Word's grid.
            table = self._new_table(block.widths, len(shown), border=1.0, new_page=start in cut)
            self.grids.append(table)
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
        form.setCellPadding(_points(PADDING_POINTS) if border else 0)
        form.setBorder(border)
        form.setBorderCollapse(True)
        form.setBorderBrush(QBrush(QColor("black")))
        form.setBorderStyle(
            QTextFrameFormat.BorderStyle.BorderStyle_Solid
            if border
            else QTextFrameFormat.BorderStyle.BorderStyle_None
        )
        form.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if new_page:
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return self.cursor.insertTable(rows, len(widths), form)

    def _after(self) -> None:
        """Go on writing after the table, in the empty paragraph Qt keeps there."""
        self.cursor = QTextCursor(self.document)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = True
