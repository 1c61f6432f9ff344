"""The official report's blocks printed to PDF by Qt (QTextDocument on QPdfWriter): no LibreOffice needed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from dxplanner.core.report_blocks import (
    BODY_SIZE,
    FONT,
    Page,
    ReportBlocks,
)
from dxplanner.ui.report_text import RESOLUTION, device, report_text

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
MOST_CUTS = 500  # rows moved to a new page at most: a bound on laying the text out again


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
    width, height = device(page.text_width), device(page.height - page.top - page.bottom)
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
            painter.translate(device(page.left), device(page.top) - number * height)
            text.draw_page(painter, number * height, width, height)
            painter.restore()
    finally:
        painter.end()


def _page_number(painter: QPainter, page: Page, face: str, number: int) -> None:
    font = QFont(face)
    font.setPointSizeF(BODY_SIZE)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    top = device(NUMBER_FROM_TOP_CM)
    area = QRectF(device(page.left), top, device(page.text_width), device(page.top) - top)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(number))
