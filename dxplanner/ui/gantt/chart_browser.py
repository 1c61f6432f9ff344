"""A strategy's plans on one time axis: a read-only chart with its own names column, opened from the strategy.

Each action plan is a group row over its tasks; a click on a group's name opens or closes
it. Only the rows and days on screen are painted, as in the chart beside the sheet.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QScrollBar,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.core.gantt_bar import GanttBar, GanttChart
from dxplanner.core.gantt_scale import TimeScale, fit_zoom
from dxplanner.core.schedule import Link
from dxplanner.i18n import _
from dxplanner.services.charts import strategy_chart
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.gantt.export import export_chart
from dxplanner.ui.gantt.painter import BarGeometry, GanttPainter, bar_geometry
from dxplanner.ui.gantt.rows import LinkIndex

NAMES_WIDTH = 320.0
MARGIN_DAYS = 30


class ChartBrowser(QWidget):
    """Scroll, zoom and fold a whole chart given as plain data."""

    def __init__(
        self, chart: GanttChart, date_format: str = "%d/%m/%Y", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chart_browser")
        self.chart = chart
        self.date_format = date_format
        self.row_height = float(self.fontMetrics().height() + 8)
        self.header_height = 2 * float(self.fontMetrics().height() + 6)
        self.painter = GanttPainter(self.row_height, self.font())
        self.closed: set[int] = set()
        self._shown: list[GanttBar] = []
        self._row_of: dict[int, int] = {}
        self._links = LinkIndex([])
        self._bar_of = {bar.task_id: bar for bar in chart.bars}
        self._parent_of = self._parents(chart.bars)
        span = chart.span() or (chart.today, chart.today)
        self._span = span
        self.scale = TimeScale(span[0] - datetime.timedelta(days=MARGIN_DAYS), 1.0)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.vbar.valueChanged.connect(self.update)
        self.hbar.valueChanged.connect(self.update)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout_rows()

    @staticmethod
    def _parents(bars: list[GanttBar]) -> dict[int, int | None]:
        """Each row's group, from the levels of rows listed parents first."""
        parents: dict[int, int | None] = {}
        stack: list[GanttBar] = []
        for bar in bars:
            while stack and stack[-1].level >= bar.level:
                stack.pop()
            parents[bar.task_id] = stack[-1].task_id if stack else None
            stack.append(bar)
        return parents

    # Rows.

    def _layout_rows(self) -> None:
        shown: list[GanttBar] = []
        hidden_below: int | None = None
        for bar in self.chart.bars:
            if hidden_below is not None and bar.level > hidden_below:
                continue
            hidden_below = bar.level if bar.task_id in self.closed else None
            shown.append(bar)
        self._shown = shown
        self._row_of = {bar.task_id: row for row, bar in enumerate(shown)}
        placed = []
        for link in self.chart.links:
            row_a, row_b = self._shown_row(link.predecessor), self._shown_row(link.successor)
            if row_a is not None and row_b is not None:
                placed.append((link, row_a, row_b))
        self._links = LinkIndex(placed)
        self._update_ranges()
        self.update()

    def shown_rows(self) -> list[GanttBar]:
        """The rows, groups open or closed as the user left them."""
        return list(self._shown)

    def toggle(self, task_id: int) -> None:
        """Open a closed group, or close an open one."""
        self.closed.symmetric_difference_update({task_id})
        self._layout_rows()

    # Zoom and scroll.

    def _chart_width(self) -> float:
        return max(50.0, self.width() - NAMES_WIDTH - self.vbar.sizeHint().width())

    def _body_height(self) -> float:
        return max(0.0, self.height() - self.header_height - self.hbar.sizeHint().height())

    def _update_ranges(self) -> None:
        rows_on_screen = int(self._body_height() // self.row_height)
        self.vbar.setRange(0, max(0, len(self._shown) - rows_on_screen))
        self.vbar.setPageStep(max(1, rows_on_screen))
        total = self.scale.x_of(self._span[1] + datetime.timedelta(days=MARGIN_DAYS))
        self.hbar.setRange(0, max(0, round(total - self._chart_width())))
        self.hbar.setPageStep(max(1, round(self._chart_width())))
        self.hbar.setSingleStep(20)

    def fit(self) -> None:
        """The whole span across the width."""
        first, last = self._span
        self.scale = TimeScale(self.scale.origin, fit_zoom(first, last, self._chart_width() - 40))
        self._update_ranges()
        self.hbar.setValue(round(self.scale.x_of(first) - 20))
        self.update()

    def zoom_by(self, factor: float, anchor: float | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the day under anchor (chart pixels) in place."""
        at = self._chart_width() / 2 if anchor is None else anchor
        position = (self.hbar.value() + at) / self.scale.px_per_day
        self.scale = self.scale.zoomed(factor)
        self._update_ranges()
        self.hbar.setValue(round(position * self.scale.px_per_day - at))
        self.update()

    def scroll_to_today(self) -> None:
        """Bring today to the middle."""
        self.hbar.setValue(round(self.scale.x_of(self.chart.today) - self._chart_width() / 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        vertical, horizontal = self.vbar.sizeHint().width(), self.hbar.sizeHint().height()
        self.vbar.setGeometry(
            self.width() - vertical,
            round(self.header_height),
            vertical,
            self.height() - horizontal - round(self.header_height),
        )
        self.hbar.setGeometry(
            round(NAMES_WIDTH),
            self.height() - horizontal,
            self.width() - round(NAMES_WIDTH) - vertical,
            horizontal,
        )
        self._update_ranges()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.25**steps, event.position().x() - NAMES_WIDTH)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.hbar.setValue(round(self.hbar.value() - steps * 60))
        else:
            self.vbar.setValue(round(self.vbar.value() - steps * 3))
        event.accept()

    # Painting.

    def _visible(self) -> list[tuple[int, GanttBar, float]]:
        first = self.vbar.value()
        count = int(self._body_height() // self.row_height) + 1
        top = self.header_height
        return [
            (row, self._shown[row], top + (row - first) * self.row_height)
            for row in range(first, min(len(self._shown), first + count))
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), QColor("white"))
        visible = self._visible()
        chart_width, body_height = self._chart_width(), self._body_height()
        x_offset = float(self.hbar.value())
        bold = QFont(self.font())
        bold.setBold(True)
        for row, bar, top in visible:
            if row % 2:
                painter.fillRect(QRectF(0, top, NAMES_WIDTH, self.row_height), QColor("#f6f7f9"))
            indent = 6 + 14 * bar.level
            marker = ("▸ " if bar.task_id in self.closed else "▾ ") if bar.is_group else ""
            painter.setFont(bold if bar.is_group else self.font())
            painter.setPen(QColor("#1f2329"))
            text = f"{marker}{bar.code + '  ' if bar.code else ''}{bar.name}"
            elided = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, round(NAMES_WIDTH - indent - 6)
            )
            painter.drawText(
                QRectF(indent, top, NAMES_WIDTH - indent, self.row_height),
                int(Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
        painter.save()
        painter.translate(NAMES_WIDTH, 0)
        body = QRectF(0, self.header_height, chart_width, body_height)
        painter.setClipRect(body)
        self.painter.background(painter, body, self.scale, x_offset, self.chart.calendar, self.chart.today)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_links(painter, visible, x_offset)
        for _row, bar, top in visible:
            self.painter.bar(
                painter, bar, top, self.scale, x_offset, critical=bar.task_id in self.chart.critical
            )
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setClipRect(QRectF(0, 0, chart_width, self.header_height))
        self.painter.header(
            painter, chart_width, self.header_height, self.scale, x_offset, self.chart.calendar
        )
        painter.restore()
        painter.fillRect(QRectF(0, 0, NAMES_WIDTH, self.header_height), QColor("#f3f4f6"))
        painter.setFont(bold)
        painter.setPen(QColor("#30343b"))
        painter.drawText(
            QRectF(8, 0, NAMES_WIDTH - 8, self.header_height),
            int(Qt.AlignmentFlag.AlignVCenter),
            _("Action plans and tasks"),
        )
        painter.setPen(QColor("#c9ccd1"))
        painter.drawLine(QPointF(NAMES_WIDTH, 0), QPointF(NAMES_WIDTH, self.height()))

    def _paint_links(
        self, painter: QPainter, visible: list[tuple[int, GanttBar, float]], x_offset: float
    ) -> None:
        if not visible:
            return
        first_row, first_top = visible[0][0], visible[0][2]
        arrows: list[tuple[Link, BarGeometry, BarGeometry, bool]] = []
        for link, row_a, row_b in self._links.across(first_row, visible[-1][0]):
            source, target = self._shown[row_a], self._shown[row_b]
            if not source.dated or not target.dated:
                continue
            top_a = first_top + (row_a - first_row) * self.row_height
            top_b = first_top + (row_b - first_row) * self.row_height
            critical = link.predecessor in self.chart.critical and link.successor in self.chart.critical
            first = bar_geometry(source, top_a, self.row_height, self.scale, x_offset)
            second = bar_geometry(target, top_b, self.row_height, self.scale, x_offset)
            arrows.append((link, first, second, critical))
        self.painter.links(painter, arrows)

    def _shown_row(self, task_id: int) -> int | None:
        current: int | None = task_id
        while current is not None:
            if current in self._row_of:
                return self._row_of[current]
            current = self._parent_of.get(current)
        return None

    # Mouse.

    def _row_at(self, y: float) -> GanttBar | None:
        for _row, bar, top in self._visible():
            if top <= y < top + self.row_height:
                return bar
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self._row_at(event.position().y())
        if bar is not None and bar.is_group and event.position().x() < NAMES_WIDTH:
            self.toggle(bar.task_id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self._row_at(event.pos().y())  # type: ignore[attr-defined]
            if bar is not None:
                dates = ""
                if bar.start and bar.end:
                    form = self.date_format
                    dates = f"\n{bar.start.strftime(form)} – {bar.end.strftime(form)}"
                QToolTip.showText(event.globalPos(), f"{bar.name}{dates}", self)  # type: ignore[attr-defined]
            return True
        return super().event(event)


class StrategyChartDialog(QDialog):
    """The chart of every action plan of a strategy, with zoom, today and export."""

    def __init__(
        self, chart: GanttChart, date_format: str = "%d/%m/%Y", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Gantt chart: {name}").format(name=chart.title))
        self.resize(1200, 720)
        self.browser = ChartBrowser(chart, date_format, self)
        toolbar = QToolBar(self)
        for text, slot in (
            (_("Zoom out"), lambda: self.browser.zoom_by(1 / 1.5)),
            (_("Zoom in"), lambda: self.browser.zoom_by(1.5)),
            (_("Whole plan"), self.browser.fit),
            (_("Today"), self.browser.scroll_to_today),
            (_("Export chart…"), self.export),
        ):
            toolbar.addAction(text).triggered.connect(slot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.browser)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.browser.fit()

    def export(self, path: Path | None = None) -> int | None:
        """Save the whole chart (PDF pages, or one picture)."""
        if path is None:
            from dxplanner.ui.gantt.export_dialog import choose_chart_file

            path = choose_chart_file(self)
            if path is None:
                return None
        try:
            return export_chart(self.browser.chart, path, date_format=self.browser.date_format)
        except DomainError as error:
            show_refusal(self, error)
            return None


def open_strategy_chart(
    parent: QWidget,
    store: OpenPlan,
    strategy_id: int,
    today: Callable[[], datetime.date],
    date_format: str = "%d/%m/%Y",
) -> StrategyChartDialog | None:
    """Show the chart of a strategy's plans in a window of its own."""
    try:
        chart = strategy_chart(store, strategy_id, today())
    except DomainError as error:
        show_refusal(parent, error)
        return None
    dialog = StrategyChartDialog(chart, date_format, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
