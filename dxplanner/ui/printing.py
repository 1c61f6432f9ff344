"""Printing the task sheet as a table and the Gantt chart: pages, the print preview and page setup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPageSetupDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QTreeView, QWidget

from dxplanner.i18n import _
from dxplanner.ui.gantt.export import PDF_DPI

MARGIN = 16.0
TITLE_HEIGHT = 46.0
PADDING = 3.0
MIN_COLUMN = 36.0  # a column narrower than this on paper shows nothing readable
MAX_NAME_LINES = 3  # a long task name wraps over at most so many lines; the rest is elided
MAX_COLUMN = 150.0  # a column other than the name is never wider (a long note is cut instead)
NAME_SHARE = 0.25  # the least of the page's width the task's name keeps


@dataclass(frozen=True)
class PrintRow:
    """One row of the sheet as printed: its cells' texts, how deep it sits, and how it is set."""

    cells: tuple[str, ...]
    level: int
    bold: bool
    colour: QColor | None  # late or at risk, as the sheet colours it


@dataclass(frozen=True)
class PrintTable:
    """The sheet as the user sees it: the columns shown, their relative widths, the rows open."""

    title: str
    headings: tuple[str, ...]
    widths: tuple[float, ...]  # in the view's pixels: scaled to the paper's width
    rows: tuple[PrintRow, ...]
    wrapped: int  # the column whose text wraps (the task's name)


def sheet_table(view: QTreeView, title: str, wrapped_column: int) -> PrintTable:
    """The rows and columns the sheet shows (folded groups stay folded, filtered rows stay out)."""
    model = view.model()
    header = view.header()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    headings = tuple(
        str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "").replace(
            "\n", " "
        )
        for column in columns
    )
    rows: list[PrintRow] = []
    index = model.index(0, 0, QModelIndex())
    while index.isValid():
        if not view.isRowHidden(index.row(), index.parent()):
            rows.append(_row(view, index, columns))
        index = view.indexBelow(index)
    widths = tuple(float(max(view.columnWidth(column), 1)) for column in columns)
    wrapped = columns.index(wrapped_column) if wrapped_column in columns else -1
    return PrintTable(title, headings, widths, tuple(rows), wrapped)


def _row(view: QTreeView, index: QModelIndex | QPersistentModelIndex, columns: list[int]) -> PrintRow:
    model = view.model()
    level, parent = 0, index.parent()
    while parent.isValid():
        level, parent = level + 1, parent.parent()
    cells = []
    for column in columns:
        cell = model.index(index.row(), column, index.parent())
        cells.append(str(cell.data(Qt.ItemDataRole.DisplayRole) or ""))
    font = model.index(index.row(), columns[0] if columns else 0, index.parent()).data(
        Qt.ItemDataRole.FontRole
    )
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    return PrintRow(
        tuple(cells),
        level,
        bool(isinstance(font, QFont) and font.bold()) or model.hasChildren(index),
        brush.color() if brush is not None else None,
    )


class _TablePages:
    """The table laid out on pages of one size: which rows go on which page, and how tall each is."""

    def __init__(self, table: PrintTable, area: QRectF, font: QFont) -> None:
        self.table = table
        self.area = area
        self.font = font
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.widths = self._widths(area.width() - 2 * MARGIN)
        metrics = QFontMetricsF(self.bold)
        self.line = metrics.lineSpacing()
        self.header_height = (
            max(
                self._lines(text, width_of, metrics, most=6)  # a heading shows whole
                for text, width_of in zip(table.headings, self.widths, strict=True)
            )
            * self.line
            + 2 * PADDING
            if table.headings
            else 0.0
        )
        self.heights = [self._height(row) for row in table.rows]
        self.pages = self._paginate()

    def _widths(self, width: float) -> list[float]:
        """Each column as wide as its widest text (dates and figures whole), the name taking the rest.

        Where the other columns leave the name less than NAME_SHARE of the page, the widest of them
        are narrowed to one width (their texts end in "…"): dates, figures and statuses stay whole,
        and the name, which is what a reader reads, keeps its room.
        """
        table = self.table
        plain, bold = QFontMetricsF(self.font), QFontMetricsF(self.bold)
        natural = []
        for column, heading in enumerate(table.headings):
            words = max((bold.horizontalAdvance(word) for word in heading.split()), default=0.0)
            cells = max(
                ((bold if row.bold else plain).horizontalAdvance(row.cells[column]) for row in table.rows),
                default=0.0,
            )
            natural.append(min(max(words, cells, MIN_COLUMN) + 2 * PADDING + 2, MAX_COLUMN))
        if not 0 <= table.wrapped < len(natural):
            scale = min(1.0, width / sum(natural)) if natural else 1.0
            return [column * scale for column in natural]
        others = [column for number, column in enumerate(natural) if number != table.wrapped]
        cap = _water_level(others, width * (1 - NAME_SHARE))
        widths = [min(column, cap) for column in natural]
        widths[table.wrapped] = width - sum(widths) + widths[table.wrapped]
        return widths

    def _lines(self, text: str, width: float, metrics: QFontMetricsF, most: int = MAX_NAME_LINES) -> int:
        """How many lines text wraps over in a cell of width (at most `most`)."""
        room = QRectF(0, 0, max(width - 2 * PADDING, 1), 10_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        return max(
            1,
            min(
                most,
                round(metrics.boundingRect(room, flags, text).height() / metrics.lineSpacing()),
            ),
        )

    def _height(self, row: PrintRow) -> float:
        lines = 1
        if 0 <= self.table.wrapped < len(row.cells):
            metrics = QFontMetricsF(self.bold if row.bold else self.font)
            indent = row.level * 10.0
            lines = self._lines(
                row.cells[self.table.wrapped], self.widths[self.table.wrapped] - indent, metrics
            )
        return lines * self.line + 2 * PADDING

    def _paginate(self) -> list[list[int]]:
        room = self.area.height() - 2 * MARGIN - TITLE_HEIGHT - self.header_height
        pages: list[list[int]] = [[]]
        used = 0.0
        for number, height in enumerate(self.heights):
            if pages[-1] and used + height > room:
                pages.append([])
                used = 0.0
            pages[-1].append(number)
            used += height
        return pages

    def paint(self, painter: QPainter, page: int, printed: str) -> None:
        left, top = self.area.left() + MARGIN, self.area.top() + MARGIN
        _title(painter, self.table.title, printed, (page + 1, len(self.pages)), left, top, self.font)
        y = top + TITLE_HEIGHT
        grid = QPen(QColor("#9aa0a6"), 0.6)
        x = left
        painter.setFont(self.bold)
        for heading, width in zip(self.table.headings, self.widths, strict=True):
            cell = QRectF(x, y, width, self.header_height)
            painter.fillRect(cell, QColor("#e8eaed"))
            painter.setPen(grid)
            painter.drawRect(cell)
            painter.setPen(QColor("#111111"))
            centred = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            painter.drawText(cell.adjusted(PADDING, PADDING, -PADDING, -PADDING), centred, heading)
            x += width
        y += self.header_height
        for number in self.pages[page]:
            row, height = self.table.rows[number], self.heights[number]
            painter.setFont(self.bold if row.bold else self.font)
            x = left
            for column, (text, width) in enumerate(zip(row.cells, self.widths, strict=True)):
                cell = QRectF(x, y, width, height)
                painter.setPen(grid)
                painter.drawRect(cell)
                painter.setPen(row.colour or QColor("#111111"))
                inner = cell.adjusted(PADDING, PADDING, -PADDING, -PADDING)
                if column == self.table.wrapped:
                    inner.setLeft(inner.left() + row.level * 10.0)
                    flags = int(
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
                    )
                    painter.drawText(inner, flags, text)
                else:
                    shown = QFontMetricsF(painter.font()).elidedText(
                        text, Qt.TextElideMode.ElideRight, inner.width()
                    )
                    painter.drawText(
                        inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), shown
                    )
                x += width
            y += height


def _water_level(widths: list[float], room: float) -> float:
    """The width W such that the columns, none wider than W, fill room (inf when they fit as they are)."""
    if sum(widths) <= room:
        return float("inf")
    ordered = sorted(widths)
    below = 0.0
    for count, width in enumerate(ordered):
        left = len(ordered) - count  # the columns from this one up share what is left equally
        level = (room - below) / left
        if level <= width:
            return max(level, MIN_COLUMN)
        below += width
    return ordered[-1]


def _title(
    painter: QPainter, title: str, printed: str, page: tuple[int, int], left: float, top: float, font: QFont
) -> None:
    heading = QFont(font)
    heading.setPointSizeF(12)
    heading.setBold(True)
    painter.setPen(QColor("#111111"))
    painter.setFont(heading)
    painter.drawText(QRectF(left, top, 2000, 22), int(Qt.AlignmentFlag.AlignLeft), title)
    painter.setFont(font)
    painter.setPen(QColor("#4a4f57"))
    line = _("Task sheet, {date}").format(date=printed) + "  ·  "
    line += _("page {number} of {count}").format(number=page[0], count=page[1])
    painter.drawText(QRectF(left, top + 22, 2000, 18), int(Qt.AlignmentFlag.AlignLeft), line)


def paint_table(device: QPagedPaintDevice, table: PrintTable, printed: str) -> int:
    """Paint the table over as many pages of device as it needs (the device at 96 dots per inch)."""
    area = QRectF(device.pageLayout().paintRectPixels(PDF_DPI))
    area.moveTo(0, 0)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(7.5)  # small enough for a dozen columns on A4 landscape, as a printed table is
    pages = _TablePages(table, area, font)
    painter = QPainter(device)
    try:
        for page in range(len(pages.pages)):
            if page:
                device.newPage()
            pages.paint(painter, page, printed)
    finally:
        painter.end()
    return len(pages.pages)


def new_printer(layout: QPageLayout | None = None) -> QPrinter:
    """A printer at 96 dots per inch (the pages' layout unit), on A4 landscape unless told otherwise."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setResolution(PDF_DPI)
    printer.setPageLayout(
        layout
        or QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


class PrintSetup:
    """The page layout the user chose (paper, orientation, margins), kept for the window's session."""

    def __init__(self) -> None:
        self.layout: QPageLayout | None = None

    def page_setup(self, parent: QWidget) -> bool:
        """Ask for the paper, orientation and margins; whether the user chose."""
        printer = new_printer(self.layout)
        dialog = QPageSetupDialog(printer, parent)
        if not dialog.exec():
            return False
        self.layout = printer.pageLayout()
        return True

    def preview(
        self, parent: QWidget, title: str, paint: Callable[[QPrinter], object]
    ) -> QPrintPreviewDialog:
        """The print preview of what paint draws, with its own page setup and Print button; shown."""
        printer = new_printer(self.layout)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(lambda target: self._paint(target, paint))
        dialog.finished.connect(lambda _result: self._keep(printer))
        dialog.resize(int(parent.width() * 0.8) or 1000, int(parent.height() * 0.9) or 700)
        dialog.open()
        return dialog

    def _paint(self, target: QPrinter, paint: Callable[[QPrinter], object]) -> None:
        target.setResolution(PDF_DPI)  # the preview's own page setup may have made a new one
        paint(target)

    def _keep(self, printer: QPrinter) -> None:
        self.layout = printer.pageLayout()  # a change made in the preview stays for the next print
