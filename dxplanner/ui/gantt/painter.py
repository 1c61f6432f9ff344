"""Painting the Gantt chart with QPainter: the time header, shaded days, bars, links and the legend.

The same painter draws the chart on screen and into exported PNG, SVG and PDF files, so
both look alike. It draws only what it is given: the caller passes the visible rows and
the visible span of time, and nothing here walks the whole plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from dxplanner.core.enums import DependencyType
from dxplanner.core.gantt_bar import GanttBar
from dxplanner.core.gantt_scale import TimeScale, TimeUnit, bands, barest_label, cell_label, header_cells
from dxplanner.core.schedule import Link
from dxplanner.core.status import Health
from dxplanner.core.workdays import WorkCalendar
from dxplanner.i18n import _
from dxplanner.labels import label

HEALTH_COLOURS = {
    Health.NOT_STARTED: QColor("#8a8f98"),
    Health.ON_TRACK: QColor("#2563c9"),
    Health.AT_RISK: QColor("#d18f00"),
    Health.LATE: QColor("#c62828"),
    Health.DONE: QColor("#2e7d32"),
    Health.PAUSED: QColor("#7b5e57"),
    Health.CANCELLED: QColor("#b8b8b8"),
}
LEGEND_ORDER = (Health.ON_TRACK, Health.AT_RISK, Health.LATE, Health.DONE, Health.NOT_STARTED)
CRITICAL_COLOUR = QColor("#d81b60")
TODAY_COLOUR = QColor("#e53935")
GROUP_COLOUR = QColor("#263238")
BASELINE_COLOUR = QColor("#9e9e9e")
ACTUAL_COLOUR = QColor("#37474f")
LINK_COLOUR = QColor("#546e7a")
DAY_OFF_COLOUR = QColor(0, 0, 0, 18)
GRID_COLOUR = QColor(0, 0, 0, 28)
HEADER_BACKGROUND = QColor("#f3f4f6")
HEADER_LINE = QColor("#c9ccd1")
SELECTED_ROW = QColor(38, 99, 201, 60)
# From this zoom on, each day is wide enough to shade weekends and holidays.
SHADE_DAYS_FROM_PX = 4.0


@dataclass(frozen=True)
class BarGeometry:
    """Where a bar lies in a row: its left and right edge, and its top and bottom."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        """The vertical middle of the bar."""
        return (self.top + self.bottom) / 2


def bar_geometry(
    bar: GanttBar, row_top: float, row_height: float, scale: TimeScale, x_offset: float
) -> BarGeometry:
    """Where a dated bar is drawn in its row (a milestone is a point in the middle of its day)."""
    assert bar.start is not None and bar.end is not None
    left = scale.x_of(bar.start) - x_offset
    right = scale.x_of(bar.end + datetime.timedelta(days=1)) - x_offset
    if bar.is_milestone:
        left = right = (left + right) / 2
    top = row_top + row_height * 0.22
    bottom = row_top + row_height * (0.52 if bar.is_group else 0.70)
    return BarGeometry(left, right, top, bottom)


class GanttPainter:
    """Draws the parts of a Gantt chart; rows are row_height tall."""

    def __init__(self, row_height: float, font: QFont) -> None:
        self.row_height = row_height
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)

    # The time header.

    def header(
        self,
        painter: QPainter,
        width: float,
        height: float,
        scale: TimeScale,
        x_offset: float,
        calendar: WorkCalendar | None = None,
    ) -> None:
        """The two bands of the time header across width (days off greyed when days are shown)."""
        painter.fillRect(QRectF(0, 0, width, height), HEADER_BACKGROUND)
        first, last = scale.day_at(x_offset), scale.day_at(x_offset + width)
        top_unit, bottom_unit = bands(scale.px_per_day)
        half = height / 2
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small)
        for unit, y, band_height in ((top_unit, 0.0, half), (bottom_unit, half, height - half)):
            for cell in header_cells(unit, first, last):
                left = scale.x_of(cell.start) - x_offset
                right = scale.x_of(cell.end) - x_offset
                painter.setPen(QPen(HEADER_LINE, 1))
                painter.drawLine(QPointF(left, y), QPointF(left, y + band_height))
                # A label stays in the part of its cell on screen, so a long cell keeps its name in view.
                shown = QRectF(max(left, 0.0) + 2, y, min(right, width) - max(left, 0.0) - 4, band_height)
                if shown.width() < 8:
                    continue
                # The label, else its short form, else its barest (weeks 10 to 53 fit no "W10").
                forms = (cell_label(cell, right - left), cell_label(cell, 0), barest_label(cell))
                text = next((form for form in forms if metrics.horizontalAdvance(form) <= shown.width()), "")
                if not text:
                    continue
                off = unit is TimeUnit.DAY and (
                    not calendar.is_working_day(cell.start) if calendar else cell.start.weekday() >= 5
                )
                painter.setPen(QColor("#9a9ea6") if off else QColor("#30343b"))
                painter.drawText(shown, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.setPen(QPen(HEADER_LINE, 1))
        painter.drawLine(QPointF(0, half), QPointF(width, half))
        painter.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5))

    # Behind the bars.

    def background(
        self,
        painter: QPainter,
        area: QRectF,
        scale: TimeScale,
        x_offset: float,
        calendar: WorkCalendar | None,
        today: datetime.date,
    ) -> None:
        """Days off shaded (when days are wide enough), a line at each cell of the finer band, and today."""
        first, last = scale.day_at(x_offset + area.left()), scale.day_at(x_offset + area.right())
        if calendar is not None and scale.px_per_day >= SHADE_DAYS_FROM_PX:
            day = first
            while day <= last:
                if not calendar.is_working_day(day):
                    left = scale.x_of(day) - x_offset
                    painter.fillRect(
                        QRectF(left, area.top(), scale.px_per_day, area.height()), DAY_OFF_COLOUR
                    )
                day += datetime.timedelta(days=1)
        _top, bottom_unit = bands(scale.px_per_day)
        painter.setPen(QPen(GRID_COLOUR, 1))
        for cell in header_cells(bottom_unit, first, last):
            x = scale.x_of(cell.start) - x_offset
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        if first <= today <= last:
            x = scale.x_of(today) + scale.px_per_day / 2 - x_offset
            pen = QPen(TODAY_COLOUR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))

    # Bars.

    def bar(
        self,
        painter: QPainter,
        bar: GanttBar,
        row_top: float,
        scale: TimeScale,
        x_offset: float,
        critical: bool = False,
        ghost: bool = False,
    ) -> None:
        """One task's bar: baseline under it, progress inside it, actual dates above it."""
        height = self.row_height
        if bar.baseline_start is not None and bar.baseline_end is not None and not ghost:
            left = scale.x_of(bar.baseline_start) - x_offset
            right = scale.x_of(bar.baseline_end + datetime.timedelta(days=1)) - x_offset
            strip = QRectF(left, row_top + height * 0.76, max(2.0, right - left), max(2.0, height * 0.1))
            painter.fillRect(strip, BASELINE_COLOUR)
        if not bar.dated:
            return
        geometry = bar_geometry(bar, row_top, height, scale, x_offset)
        colour = HEALTH_COLOURS.get(bar.health or Health.NOT_STARTED, HEALTH_COLOURS[Health.NOT_STARTED])
        if bar.is_group:
            self._bracket(painter, geometry, critical)
        elif bar.is_milestone:
            self._diamond(painter, geometry, colour, critical, ghost)
        else:
            self._task_bar(painter, bar, geometry, colour, critical, ghost)
        if bar.actual_start is not None and not ghost:
            left = scale.x_of(bar.actual_start) - x_offset
            end = bar.actual_end or max(bar.actual_start, bar.end or bar.actual_start)
            right = scale.x_of(end + datetime.timedelta(days=1)) - x_offset
            painter.fillRect(
                QRectF(left, row_top + height * 0.10, max(2.0, right - left), 2.5), ACTUAL_COLOUR
            )

    def _task_bar(
        self,
        painter: QPainter,
        bar: GanttBar,
        geometry: BarGeometry,
        colour: QColor,
        critical: bool,
        ghost: bool,
    ) -> None:
        width = max(2.0, geometry.right - geometry.left)
        rect = QRectF(geometry.left, geometry.top, width, geometry.bottom - geometry.top)
        light = QColor(colour).lighter(165)
        if ghost:
            light.setAlpha(110)
        painter.fillRect(rect, light)
        done = width * max(0.0, min(100.0, bar.progress)) / 100
        if done > 0:
            painter.fillRect(QRectF(rect.left(), rect.top(), done, rect.height()), colour)
        outline = CRITICAL_COLOUR if critical else colour.darker(130)
        late = bar.health is Health.LATE
        painter.setPen(
            QPen(
                outline,
                2.2 if critical or late else 1.0,
                Qt.PenStyle.DashLine if ghost else Qt.PenStyle.SolidLine,
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if not ghost:
            # The progress handle: a small notch under the bar at the progress mark.
            x = rect.left() + done
            notch = QPolygonF(
                [
                    QPointF(x, rect.bottom()),
                    QPointF(x - 3.5, rect.bottom() + 4),
                    QPointF(x + 3.5, rect.bottom() + 4),
                ]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour.darker(150)))
            painter.drawPolygon(notch)

    def _bracket(self, painter: QPainter, geometry: BarGeometry, critical: bool) -> None:
        colour = CRITICAL_COLOUR if critical else GROUP_COLOUR
        left, right = geometry.left, max(geometry.right, geometry.left + 2)
        top, bottom = geometry.top, geometry.bottom
        tip = (bottom - top) * 0.9
        path = QPainterPath()
        path.moveTo(left, top)
        path.lineTo(right, top)
        path.lineTo(right, bottom + tip)
        path.lineTo(right - tip, bottom)
        path.lineTo(left + tip, bottom)
        path.lineTo(left, bottom + tip)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPath(path)

    def _diamond(
        self, painter: QPainter, geometry: BarGeometry, colour: QColor, critical: bool, ghost: bool
    ) -> None:
        x, y = geometry.left, geometry.middle
        size = (geometry.bottom - geometry.top) * 0.75
        diamond = QPolygonF(
            [QPointF(x, y - size), QPointF(x + size, y), QPointF(x, y + size), QPointF(x - size, y)]
        )
        fill = QColor(colour)
        if ghost:
            fill.setAlpha(110)
        painter.setBrush(QBrush(fill))
        painter.setPen(QPen(CRITICAL_COLOUR if critical else colour.darker(140), 2.0 if critical else 1.0))
        painter.drawPolygon(diamond)

    # Links.

    def links(self, painter: QPainter, arrows: list[tuple[Link, BarGeometry, BarGeometry, bool]]) -> None:
        """Squared-off arrows from each predecessor's finish (or start) to its successor's start (or end).

        All lines of a colour go into one path and are drawn at once: a plan has many links.
        """
        lines = {False: QPainterPath(), True: QPainterPath()}
        heads = {False: QPainterPath(), True: QPainterPath()}
        for link, source, target, critical in arrows:
            self._route(lines[critical], heads[critical], link, source, target)
        for critical in (False, True):
            if lines[critical].isEmpty():
                continue
            colour = CRITICAL_COLOUR if critical else LINK_COLOUR
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour, 1.6 if critical else 1.0))
            painter.drawPath(lines[critical])
            painter.fillPath(heads[critical], colour)

    def _route(
        self, line: QPainterPath, heads: QPainterPath, link: Link, source: BarGeometry, target: BarGeometry
    ) -> None:
        from_finish = link.type in (DependencyType.FS, DependencyType.FF)
        to_start = link.type in (DependencyType.FS, DependencyType.SS)
        x1 = source.right if from_finish else source.left
        x2 = target.left if to_start else target.right
        y1, y2 = source.middle, target.middle
        step = 6.0
        out_x = x1 + step if from_finish else x1 - step
        in_x = x2 - step if to_start else x2 + step
        line.moveTo(x1, y1)
        line.lineTo(out_x, y1)
        fits = (in_x >= out_x) if to_start else (in_x <= out_x)
        if fits or y1 == y2:
            turn = out_x if to_start else in_x
            line.lineTo(turn, y1)
            line.lineTo(turn, y2)
        else:
            # Not enough room: turn between the two rows and come at the target from its own side.
            between = (y1 + y2) / 2 if abs(y2 - y1) > self.row_height else y2 - self.row_height / 2
            line.lineTo(out_x, between)
            line.lineTo(in_x, between)
            line.lineTo(in_x, y2)
        line.lineTo(x2, y2)
        head = 4.0 if to_start else -4.0
        heads.addPolygon(QPolygonF([QPointF(x2, y2), QPointF(x2 - head, y2 - 3), QPointF(x2 - head, y2 + 3)]))
        heads.closeSubpath()

    # The legend.

    def legend(self, painter: QPainter, left: float, top: float, critical: bool = False) -> float:
        """A line of swatches naming each standing, the baseline and today; returns its width."""
        painter.setFont(self.small)
        metrics = QFontMetricsF(self.small)
        x = left
        entries: list[tuple[str, QColor, str]] = [
            (label(health), HEALTH_COLOURS[health], "bar") for health in LEGEND_ORDER
        ]
        entries.append((_("Baseline"), BASELINE_COLOUR, "strip"))
        entries.append((_("Today"), TODAY_COLOUR, "line"))
        if critical:
            entries.append((_("Critical path"), CRITICAL_COLOUR, "outline"))
        for text, colour, shape in entries:
            swatch = QRectF(x, top + 3, 16, 9)
            if shape == "bar":
                painter.fillRect(swatch, colour)
            elif shape == "strip":
                painter.fillRect(QRectF(x, top + 6, 16, 3), colour)
            elif shape == "line":
                painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + 8, top + 1), QPointF(x + 8, top + 14))
            else:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(swatch)
            painter.setPen(QColor("#30343b"))
            painter.drawText(QPointF(x + 20, top + 12), text)
            x += 20 + metrics.horizontalAdvance(text) + 14
        return x - left

    def selected_row(self, painter: QPainter, row_top: float, width: float) -> None:
        """The highlight behind a selected row, as in the sheet."""
        painter.fillRect(QRectF(0, row_top, width, self.row_height), SELECTED_ROW)
