"""Writing a Gantt chart to PNG, SVG or PDF: title, date, task names, time header, bars, links and legend.

PDF pages are A4 or A3 landscape; the rows run on over as many pages as they need, each
page with the title, the page number, the time header and the legend. Every file is
written under a temporary name and then moved into place, so a failed export never
leaves a broken file where a good one was.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.gantt_bar import GanttBar, GanttChart
from dxplanner.core.gantt_scale import TimeScale, fit_zoom
from dxplanner.file_access import write_failure
from dxplanner.i18n import _
from dxplanner.temporary_files import temporary_beside
from dxplanner.ui.gantt.painter import GanttPainter, bar_geometry

ROW_HEIGHT = 18.0
LABEL_WIDTH = 330.0
HEADER_HEIGHT = 34.0
TITLE_HEIGHT = 46.0
LEGEND_HEIGHT = 26.0
MARGIN = 16.0
PICTURE_WIDTH = 1800.0
# Beyond this height a single picture becomes unwieldy (and huge in memory): PDF pages are the way.
MAX_PICTURE_HEIGHT = 30000.0
PAD_DAYS = 7
PDF_DPI = 96


class Paper(enum.Enum):
    """The paper a PDF is laid out for, in landscape."""

    A4 = QPageSize.PageSizeId.A4
    A3 = QPageSize.PageSizeId.A3


FORMATS = ("png", "svg", "pdf")


def export_chart(
    chart: GanttChart,
    path: Path,
    paper: Paper = Paper.A4,
    span: tuple[datetime.date, datetime.date] | None = None,
    printed: datetime.date | None = None,
    date_format: str = "%d/%m/%Y",
) -> int:
    """Write the chart to path (its suffix says PNG, SVG or PDF); returns the number of pages written."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise InvalidInputError(
            _("A chart can be saved as PNG, SVG or PDF, not as “{suffix}”.").format(
                suffix=path.suffix or path.name
            )
        )
    _need_application()
    first, last = chart_days(chart, span)
    printed_text = (printed or datetime.date.today()).strftime(date_format)
    temporary = temporary_beside(path, ".part")
    try:
        if kind == "pdf":
            pages = _write_pdf(chart, temporary, paper, first, last, printed_text)
        else:
            _write_picture(chart, temporary, kind, first, last, printed_text)
            pages = 1
        temporary.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("The chart could not be written to {path}: {reason}").format(
                path=path, reason=write_failure(error, path)
            )
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return pages


def _need_application() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("export_chart needs a Qt application: use painting_application()")


@contextmanager
def painting_application() -> Iterator[None]:
    """A Qt application for fonts and painting, for the command line (which has none), shut down after."""
    if QGuiApplication.instance() is not None:
        yield
        return
    application = QGuiApplication(["dxplanner"])
    try:
        yield
    finally:
        # Shut it down now: left to the interpreter's exit, its destruction can crash the process.
        application.shutdown()


def _write_picture(
    chart: GanttChart,
    path: Path,
    kind: str,
    first: datetime.date,
    last: datetime.date,
    printed: str,
) -> None:
    width = PICTURE_WIDTH
    height = TITLE_HEIGHT + HEADER_HEIGHT + ROW_HEIGHT * len(chart.bars) + LEGEND_HEIGHT + 2 * MARGIN
    if height > MAX_PICTURE_HEIGHT:
        raise InvalidInputError(
            _(
                "The chart has {rows} rows, too many for one picture: save it as PDF, which spreads them "
                "over pages, or export only what is visible."
            ).format(rows=len(chart.bars))
        )
    size = QSize(round(width), round(height))
    if kind == "png":
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            _paint_page(painter, QRectF(0, 0, width, height), chart, chart.bars, first, last, printed, None)
        finally:
            painter.end()
        # The stubs say bytes for the format, but PySide6 takes only a str.
        if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
            raise OSError(0, _("the picture could not be saved"))
        return
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(chart.title)
    generator.setDescription(_("Gantt chart made by dxplanner"))
    painter = QPainter(generator)
    try:
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        _paint_page(painter, QRectF(0, 0, width, height), chart, chart.bars, first, last, printed, None)
    finally:
        painter.end()


def _write_pdf(
    chart: GanttChart,
    path: Path,
    paper: Paper,
    first: datetime.date,
    last: datetime.date,
    printed: str,
) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(chart.title)
    writer.setCreator("dxplanner")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(paper.value),
            QPageLayout.Orientation.Landscape,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    return paint_pages(writer, chart, first, last, printed)


def chart_days(
    chart: GanttChart, span: tuple[datetime.date, datetime.date] | None
) -> tuple[datetime.date, datetime.date]:
    """The days a printed chart spans: the span asked for (else the chart's), a week more each side."""
    first, last = span or chart.span() or (chart.today, chart.today)
    return first - datetime.timedelta(days=PAD_DAYS), last + datetime.timedelta(days=PAD_DAYS)


def paint_pages(
    device: QPagedPaintDevice, chart: GanttChart, first: datetime.date, last: datetime.date, printed: str
) -> int:
    """Paint the chart over as many pages of device (a PDF writer, a printer) as its rows need.

    The device is set to 96 dots per inch (PDF_DPI) by its maker: the layout's sizes are in
    those dots, so a page holds as many rows on paper as in a PDF. Returns the number of pages.
    """
    area = QRectF(device.pageLayout().paintRectPixels(PDF_DPI))
    area.moveTo(0, 0)
    per_page = max(
        1, int((area.height() - TITLE_HEIGHT - HEADER_HEIGHT - LEGEND_HEIGHT - 2 * MARGIN) // ROW_HEIGHT)
    )
    chunks = [chart.bars[start : start + per_page] for start in range(0, len(chart.bars), per_page)] or [[]]
    painter = QPainter(device)
    try:
        for number, rows in enumerate(chunks, start=1):
            if number > 1:
                device.newPage()
            _paint_page(painter, area, chart, rows, first, last, printed, (number, len(chunks)))
    finally:
        painter.end()
    return len(chunks)


def _paint_page(
    painter: QPainter,
    area: QRectF,
    chart: GanttChart,
    rows: list[GanttBar],
    first: datetime.date,
    last: datetime.date,
    printed: str,
    page: tuple[int, int] | None,
) -> None:
    """One page (or the whole picture): title block, names, header, bars and links of these rows, legend."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(8.5)
    draw = GanttPainter(ROW_HEIGHT, font)
    left, top = area.left() + MARGIN, area.top() + MARGIN
    width = area.width() - 2 * MARGIN
    _title_block(painter, chart.title, printed, page, QRectF(left, top, width, TITLE_HEIGHT), font)
    chart_left = left + LABEL_WIDTH
    chart_width = width - LABEL_WIDTH
    scale = TimeScale(first, fit_zoom(first, last, chart_width))
    header_top = top + TITLE_HEIGHT
    body_top = header_top + HEADER_HEIGHT
    body = QRectF(chart_left, body_top, chart_width, ROW_HEIGHT * len(rows))

    painter.save()
    painter.translate(chart_left, header_top)
    painter.setClipRect(QRectF(0, 0, chart_width, HEADER_HEIGHT))
    draw.header(painter, chart_width, HEADER_HEIGHT, scale, 0.0, chart.calendar)
    painter.restore()

    _names(painter, rows, QRectF(left, body_top, LABEL_WIDTH, body.height()), font)
    painter.save()
    painter.translate(chart_left, body_top)
    painter.setClipRect(QRectF(0, 0, chart_width, body.height()))
    draw.background(
        painter, QRectF(0, 0, chart_width, body.height()), scale, 0.0, chart.calendar, chart.today
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _links(painter, draw, chart, rows, scale)
    for number, bar in enumerate(rows):
        draw.bar(painter, bar, number * ROW_HEIGHT, scale, 0.0, critical=bar.task_id in chart.critical)
    painter.restore()
    painter.setPen(QPen(QColor("#c9ccd1"), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(left, header_top, width, HEADER_HEIGHT + body.height()))
    painter.drawLine(QPointF(chart_left, header_top), QPointF(chart_left, body.bottom()))
    draw.legend(painter, left, body.bottom() + 8, critical=bool(chart.critical))


def _title_block(
    painter: QPainter,
    title: str,
    printed: str,
    page: tuple[int, int] | None,
    rect: QRectF,
    font: QFont,
) -> None:
    heading = QFont(font)
    heading.setPointSizeF(12)
    heading.setBold(True)
    painter.setPen(QColor("#111111"))
    painter.setFont(heading)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), 22), int(Qt.AlignmentFlag.AlignLeft), title
    )
    painter.setFont(font)
    painter.setPen(QColor("#4a4f57"))
    line = _("Gantt chart, {date}").format(date=printed)
    if page is not None:
        line += "  ·  " + _("page {number} of {count}").format(number=page[0], count=page[1])
    painter.drawText(
        QRectF(rect.left(), rect.top() + 22, rect.width(), 18), int(Qt.AlignmentFlag.AlignLeft), line
    )


def _names(painter: QPainter, rows: list[GanttBar], rect: QRectF, font: QFont) -> None:
    bold = QFont(font)
    bold.setBold(True)
    metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
    for number, bar in enumerate(rows):
        top = rect.top() + number * ROW_HEIGHT
        if number % 2:
            painter.fillRect(QRectF(rect.left(), top, rect.width(), ROW_HEIGHT), QColor("#f6f7f9"))
        indent = 6 + 12 * bar.level
        text = f"{bar.code}  {bar.name}" if bar.code else bar.name
        use, use_metrics = (bold, bold_metrics) if bar.is_group else (font, metrics)
        painter.setFont(use)
        painter.setPen(QColor("#1f2329"))
        shown = use_metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - indent - 6)
        painter.drawText(
            QRectF(rect.left() + indent, top, rect.width() - indent, ROW_HEIGHT),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            shown,
        )


def _links(
    painter: QPainter, draw: GanttPainter, chart: GanttChart, rows: list[GanttBar], scale: TimeScale
) -> None:
    """The links whose two tasks are both on this page."""
    where = {bar.task_id: (number, bar) for number, bar in enumerate(rows)}
    arrows = []
    for link in chart.links_among(where):
        source, target = where[link.predecessor], where[link.successor]
        if not source[1].dated or not target[1].dated:
            continue
        critical = link.predecessor in chart.critical and link.successor in chart.critical
        first = bar_geometry(source[1], source[0] * ROW_HEIGHT, ROW_HEIGHT, scale, 0.0)
        second = bar_geometry(target[1], target[0] * ROW_HEIGHT, ROW_HEIGHT, scale, 0.0)
        arrows.append((link, first, second, critical))
    draw.links(painter, arrows)
