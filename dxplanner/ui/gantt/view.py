"""The interactive Gantt chart beside the task sheet: the sheet's rows, scroll and selection over time."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollBar, QToolTip, QTreeView, QWidget

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.gantt_bar import GanttBar, GanttChart
from dxplanner.core.gantt_scale import TimeScale, fit_zoom
from dxplanner.core.schedule import ScheduleCycleError, critical_path
from dxplanner.core.status import slippage_days
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import whole_text
from dxplanner.services import outline
from dxplanner.services.conflicts import Edit
from dxplanner.ui.errors import show_problem
from dxplanner.ui.gantt.gestures import LINK_HANDLE_RADIUS, Drag, Gesture, grab, link_handle, outcome, preview
from dxplanner.ui.gantt.painter import BarGeometry, GanttPainter, bar_geometry
from dxplanner.ui.gantt.rows import VisualRows, bar_of
from dxplanner.ui.session import DataChange, PlanSession
from dxplanner.ui.sheet_model import SheetColumn, TaskSheetModel

ZOOM_STEP = 1.25
LEGEND_HEIGHT = 18.0
MARGIN_DAYS = 45  # room left and right of the plan to drag bars into
FIT_MARGIN_PX = 24.0
# Rows repainted one band at a time until this many were announced before a paint; then all at once
# (a unit renamed announces every row: working out 10,000 bands would cost more than one paint).
MAX_BANDS = 32


class GanttView(QWidget):
    """Bars aligned with the rows of `tree`; scrolls, opens, closes and selects with it."""

    zoom_changed = Signal()
    notice = Signal(str)  # what a drag did besides what was dragged, for the status bar

    def __init__(
        self,
        tree: QTreeView,
        model: TaskSheetModel,
        session: PlanSession,
        today: Callable[[], datetime.date] = datetime.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gantt_chart")
        self.tree = tree
        self.model = model
        self.session = session
        self._today = today
        self.painter = GanttPainter(float(tree.fontMetrics().height() + 8), self.font())
        self.rows = VisualRows(model, self._is_expanded)
        today_now = today()
        self.scale = TimeScale(today_now - datetime.timedelta(days=365), 2.0)
        self._span = (today_now - datetime.timedelta(days=30), today_now + datetime.timedelta(days=30))
        self.critical: frozenset[int] = frozenset()
        self.show_critical = False
        self._drag: Drag | None = None
        self._hover: int | None = None
        self._row_height: float | None = None
        self._critical_stale = False
        self._cycle_reported: str | None = None
        self._bands = 0  # rows repainted on their own since the last paint
        # Each top row's first and last day, as the plan's span was last read (None: read them all).
        self._top_spans: dict[int, tuple[datetime.date | None, datetime.date | None]] | None = None
        # Where each bar was last painted (what its arrows start and end at), by task.
        self._placed: dict[int, tuple[object, ...]] = {}
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.hbar.valueChanged.connect(self.update)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setMinimumWidth(120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        vertical = tree.verticalScrollBar()
        vertical.valueChanged.connect(self.update)
        tree.expanded.connect(self._layout_changed)
        tree.collapsed.connect(self._layout_changed)
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._layout_changed)
        model.dataChanged.connect(self._data_changed)
        selection = tree.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self.update)
        session.changed.connect(self._on_change)

    # The plan.

    def plan_loaded(self) -> None:
        """A plan (or none) is now in the sheet: read its links and show all of it."""
        self._read_links()
        self._read_span(new_plan=True)
        self.fit_plan()

    def _read_links(self) -> None:
        plan, plan_id = self.model.store, self.model.plan_id
        links = []
        if plan is not None and plan_id is not None:
            links = outline.plan_links(plan, plan_id)
        self.rows.set_links(links)
        self._links_count = len(links)
        self._critical_stale = self.show_critical

    def _read_span(self, new_plan: bool = False, changed: set[int] | None = None) -> None:
        """The plan's first and last day, from its top rows' spans (only those above changed tasks
        read again when given: reading all 500 took 2 ms of every edit)."""
        spans = self._top_spans
        if changed is None or spans is None:
            spans = self._top_spans = {
                task_id: self._span_of(task_id) for task_id in self.model.children_shown(None)
            }
        else:
            for task_id in changed:
                top: int | None = task_id
                while top is not None and top not in spans:
                    top = self.model.parent_of(top)
                if top is not None:
                    spans[top] = self._span_of(top)
        days = [day for span in spans.values() for day in span if day is not None]
        today = self._today()
        first, last = (min(days), max(days)) if days else (today, today)
        self._span = (first, last)
        origin = first - datetime.timedelta(days=MARGIN_DAYS)
        if new_plan:
            self.scale = TimeScale(origin, self.scale.px_per_day)
        elif origin < self.scale.origin:
            # The plan now starts earlier: move the axis origin and scroll by as much, so that
            # what is on screen stays where it was.
            shift = self.scale.x_of(self.scale.origin) - self.scale.x_of(origin)
            offset = self.x_offset
            self.scale = TimeScale(origin, self.scale.px_per_day)
            self._update_range()
            self.hbar.setValue(round(offset + shift))

    def _span_of(self, task_id: int) -> tuple[datetime.date | None, datetime.date | None]:
        rolled = self.model.rolled(task_id)
        return (rolled.start, rolled.end) if rolled is not None else (None, None)

    def _on_change(self, change: DataChange) -> None:
        # A deleted task takes its links with it; an edited one keeps them.
        if change.touches("dependency") or "task" in change.reshaped:
            self._read_links()
        if change.touches("task"):
            rows_only = not change.reshaped and not change.touches("action_plan", "plan_day_off")
            self._read_span(changed=change.rows.get("task") if rows_only else None)
            self._update_range()
        if change.touches("task", "dependency", "plan_day_off"):
            self._critical_stale = self.show_critical
        # What a task shows comes from the sheet, which announces the rows it changed (_data_changed):
        # the whole chart is repainted only for what the sheet does not announce.
        if (
            change.touches("dependency", "plan_day_off", "action_plan")
            or change.reshaped
            or self.show_critical
        ):
            self.update()

    def _layout_changed(self, *_args: object) -> None:
        self._top_spans = None  # top rows may have come, gone or been filtered out
        self.rows.invalidate()
        self._row_height = None
        self._critical_stale = self.show_critical
        self.update()

    def _data_changed(
        self, top_left: QModelIndex | QPersistentModelIndex | None = None, *_args: object
    ) -> None:
        # The sheet announces changed rows one by one (all of them after a unit's rename):
        # recompute the critical path once, at the next paint.
        self._critical_stale = self.show_critical
        task_id = self.model.task_id(top_left) if top_left is not None else None
        if task_id is None or self.show_critical or self._bands >= MAX_BANDS:
            self.update()  # the critical path may pass elsewhere now
            return
        self._bands += 1
        band = self._band(task_id)
        if band is not None:
            self.update(band)

    def _band(self, task_id: int) -> QRect | None:
        """The strip a task's row and its links cover on screen (None: nothing of it is on screen).

        Its bar is drawn in its row; an arrow to or from it runs to the row at the link's other end.
        A task hidden in a closed group is drawn by its group, which the sheet announces too.
        """
        row = self.rows.row_of(task_id)
        shown = self.visible_rows()
        if row is None or not shown:
            return None
        low = high = row
        bar = bar_of(self.model, task_id, with_text=False)
        if bar is None or self._placed.get(task_id) != _place(bar):
            # The bar moved: so did the arrows to and from it.
            for _link, row_a, row_b in self.rows.links_across(row, row):
                if row in (row_a, row_b):
                    low, high = min(low, row_a, row_b), max(high, row_a, row_b)
        first = self.rows.row_of(shown[0][0])
        assert first is not None
        height = self.row_height()
        top = shown[0][1] + (low - first) * height
        bottom = shown[0][1] + (high + 1 - first) * height
        # Two pixels of room for antialiased edges on the rows' borders, within the rows' area: the
        # header above it is left as it is (its bottom line lies on the first pixel of the rows).
        top, bottom = max(top - 2, self.body_top() + 1), min(bottom + 2, float(self.height()))
        if bottom <= top:
            return None
        return QRect(0, int(top), self.width(), int(bottom - top) + 1)

    def _is_expanded(self, task_id: int) -> bool:
        return self.tree.isExpanded(self.model.index_of(task_id))

    # Zoom and scroll.

    @property
    def x_offset(self) -> float:
        """How far the chart is scrolled to the right, in pixels from the axis origin."""
        return float(self.hbar.value())

    def body_width(self) -> float:
        """The width the bars are drawn in."""
        return float(self.width())

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the day under anchor_x (the middle by default) in place."""
        anchor = self.body_width() / 2 if anchor_x is None else anchor_x
        day_position = (self.x_offset + anchor) / self.scale.px_per_day
        self.scale = self.scale.zoomed(factor)
        self._update_range()
        self.hbar.setValue(round(day_position * self.scale.px_per_day - anchor))
        self.zoom_changed.emit()
        self.update()

    def set_zoom(self, px_per_day: float) -> None:
        """Show each day px_per_day wide (within the limits), keeping the middle in place."""
        self.zoom_by(px_per_day / self.scale.px_per_day)

    def fit_plan(self) -> None:
        """Zoom and scroll so that the whole plan fits the width."""
        first, last = self._span
        px_per_day = fit_zoom(first, last, max(50.0, self.body_width() - 2 * FIT_MARGIN_PX))
        self.scale = TimeScale(self.scale.origin, px_per_day)
        self._update_range()
        self.hbar.setValue(round(self.scale.x_of(first) - FIT_MARGIN_PX))
        self.zoom_changed.emit()
        self.update()

    def scroll_to_today(self) -> None:
        """Bring today to the middle of the chart."""
        today = self._today()
        first, last = self._span
        if not first <= today <= last:
            self._span = (min(first, today), max(last, today))
            self.scale = TimeScale(
                min(self.scale.origin, today - datetime.timedelta(days=MARGIN_DAYS)), self.scale.px_per_day
            )
            self._update_range()
        self.hbar.setValue(round(self.scale.x_of(today) - self.body_width() / 2))

    def _update_range(self) -> None:
        last = self._span[1] + datetime.timedelta(days=MARGIN_DAYS)
        total = self.scale.x_of(last)
        self.hbar.setRange(0, max(0, round(total - self.body_width())))
        self.hbar.setPageStep(max(1, round(self.body_width())))
        self.hbar.setSingleStep(20)

    def resizeEvent(self, event: QResizeEvent) -> None:
        height = self.hbar.sizeHint().height()
        self.hbar.setGeometry(0, self.height() - height, self.width(), height)
        self._update_range()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP**steps, event.position().x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.hbar.setValue(round(self.hbar.value() - steps * 60))
        else:
            # Rows scroll with the sheet: hand the wheel to it.
            QApplication.sendEvent(self.tree.viewport(), event)
        event.accept()

    # Critical path.

    def set_critical(self, shown: bool) -> None:
        """Highlight the tasks whose delay delays the plan (or stop)."""
        self.show_critical = shown
        if shown:
            self._compute_critical()
        else:
            self.critical = frozenset()
        self.update()

    def _compute_critical(self) -> None:
        self._critical_stale = False
        calendar = self.model.calendar()
        if calendar is None:
            self.critical = frozenset()
            return
        plan, plan_id = self.model.store, self.model.plan_id
        links = []
        if plan is not None and plan_id is not None:
            links = outline.plan_links(plan, plan_id)
        try:
            timings = critical_path(self.model.nodes(), links, calendar, self._task_name)
        except ScheduleCycleError as error:
            self.critical = frozenset()
            if error.message != self._cycle_reported:
                self._cycle_reported = error.message
                message = error.message
                # This may run in a paint: say it once the paint is over.
                QTimer.singleShot(0, lambda: show_problem(self, _("No critical path"), message))
            return
        self._cycle_reported = None
        self.critical = frozenset(task_id for task_id, timing in timings.items() if timing.critical)

    def _task_name(self, task_id: int) -> str:
        row = self.model.sheet_row(task_id)
        return row.name if row is not None else str(task_id)

    # Where rows are.

    def body_top(self) -> float:
        """Where the first row's area begins: level with the sheet's rows."""
        return float(self.tree.viewport().geometry().top())

    def header_rect(self) -> QRectF:
        """The time header, level with the sheet's column header."""
        header = self.tree.header().geometry()
        return QRectF(0, header.top(), self.width(), header.height())

    def visible_rows(self) -> list[tuple[int, float]]:
        """The tasks on screen with the top of their row in this widget, top to bottom.

        Worked out from the chart's own list of rows and the sheet's scroll bar rather than by
        asking the tree view row by row: the sheet has uniform row heights, and asking the
        view makes it lay out its rows again.
        """
        order = self.rows.order()
        if not order:
            return []
        height = self.row_height()
        value = self.tree.verticalScrollBar().value()
        if self.tree.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            first, shift = value, 0.0
        else:
            first, shift = int(value // height), float(value % height)
        top = self.body_top() - shift
        count = int(self.tree.viewport().height() // height) + 2
        last = min(len(order), first + count)
        return [(order[row], top + (row - first) * height) for row in range(max(0, first), last)]

    def row_height(self) -> float:
        """The height of a row, as the sheet draws it (all rows are alike)."""
        if self._row_height is None:
            index = self.tree.indexAt(QPoint(1, 1))
            height = self.tree.visualRect(index).height() if index.isValid() else 0
            if height <= 0:
                return self.painter.row_height
            self._row_height = float(height)
        return self._row_height

    def bar_rect(self, task_id: int) -> QRectF | None:
        """Where a task's bar is drawn now (None when its row is off screen or it has no dates)."""
        for shown_id, top in self.visible_rows():
            if shown_id == task_id:
                bar = bar_of(self.model, task_id, with_text=False)
                if bar is None or not bar.dated:
                    return None
                geometry = bar_geometry(bar, top, self.row_height(), self.scale, self.x_offset)
                return QRectF(
                    geometry.left,
                    geometry.top,
                    geometry.right - geometry.left,
                    geometry.bottom - geometry.top,
                )
        return None

    def _row_at(self, y: float) -> tuple[int, float] | None:
        for task_id, top in self.visible_rows():
            if top <= y < top + self.row_height():
                return task_id, top
        return None

    # Painting.

    def paintEvent(self, event: QPaintEvent) -> None:
        self._bands = 0
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(event.rect()))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, dirty: QRectF | None = None) -> None:
        """Paint what lies in dirty (all of the chart when None): an edit repaints its rows' band only."""
        width = float(self.width())
        dirty = QRectF(self.rect()) if dirty is None else dirty
        body = QRectF(0, self.body_top(), width, self.height() - self.hbar.height() - self.body_top())
        painter.fillRect(self.rect(), QColor("white"))
        if self._critical_stale:
            self._compute_critical()
        row_height = self.row_height()
        self.painter.row_height = row_height
        scale, x_offset = self.scale, self.x_offset
        painter.save()
        painter.setClipRect(body)
        self.painter.background(painter, body, scale, x_offset, self.model.calendar(), self._today())
        shown = [
            (task_id, top)
            for task_id, top in self.visible_rows()
            if top < dirty.bottom() and top + row_height > dirty.top()
        ]
        selection = self.tree.selectionModel()
        for task_id, top in shown:
            index = self.model.index_of(task_id)
            # The sheet selects cells: a row with any of them selected is highlighted.
            if selection is not None and selection.rowIntersectsSelection(index.row(), index.parent()):
                self.painter.selected_row(painter, top, width)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if shown:
            self._paint_links(painter, shown, row_height)
        for task_id, top in shown:
            bar = bar_of(self.model, task_id)
            if bar is None:
                continue
            self._placed[task_id] = _place(bar)
            dragged = self._drag is not None and self._drag.bar.task_id == task_id
            self.painter.bar(painter, bar, top, scale, x_offset, critical=task_id in self.critical)
            if dragged:
                self._paint_drag(painter, top)
            elif task_id == self._hover and bar.dated and not bar.is_group:
                self._paint_link_handle(painter, bar, top, row_height)
        painter.restore()
        # The legend: a strip along the bottom, over the last row (the sheet still shows that row).
        strip = QRectF(0, body.bottom() - LEGEND_HEIGHT, width, LEGEND_HEIGHT)
        if strip.intersects(dirty):
            painter.fillRect(strip, QColor(255, 255, 255, 225))
            self.painter.legend(painter, 6.0, strip.top() + 2, critical=self.show_critical)
        header = self.header_rect()
        if header.intersects(dirty):
            painter.save()
            painter.translate(0, header.top())
            self.painter.header(painter, width, header.height(), scale, x_offset, self.model.calendar())
            painter.restore()

    def _paint_links(self, painter: QPainter, shown: list[tuple[int, float]], row_height: float) -> None:
        first_id, first_top = shown[0]
        first_row = self.rows.row_of(first_id)
        if first_row is None:
            return
        order = self.rows.order()
        scale, x_offset = self.scale, self.x_offset
        # Many links share a task: place each row's bar once.
        placed: dict[int, BarGeometry | None] = {}

        def geometry(row: int) -> BarGeometry | None:
            if row not in placed:
                bar = bar_of(self.model, order[row], with_text=False)
                if bar is not None:
                    # An arrow is drawn from where its ends are now: an edit that moves one repaints it.
                    self._placed[bar.task_id] = _place(bar)
                top = first_top + (row - first_row) * row_height
                placed[row] = (
                    bar_geometry(bar, top, row_height, scale, x_offset) if bar and bar.dated else None
                )
            return placed[row]

        arrows = []
        for link, row_a, row_b in self.rows.links_across(first_row, first_row + len(shown) - 1):
            source, target = geometry(row_a), geometry(row_b)
            if source is not None and target is not None:
                critical = link.predecessor in self.critical and link.successor in self.critical
                arrows.append((link, source, target, critical))
        self.painter.links(painter, arrows)

    def _paint_drag(self, painter: QPainter, top: float) -> None:
        drag = self._drag
        assert drag is not None
        calendar = self.model.calendar()
        if drag.gesture is Gesture.LINK:
            start_x, start_y = link_handle(drag.geometry)
            painter.setPen(QPen(QColor("#263238"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(start_x, start_y), QPointF(drag.x, drag.y))
            return
        if calendar is None or not drag.far:
            return
        changed = preview(drag, self.scale, calendar)
        if changed is not None:
            self.painter.bar(painter, changed, top, self.scale, self.x_offset, ghost=True)

    def _paint_link_handle(self, painter: QPainter, bar: GanttBar, top: float, row_height: float) -> None:
        geometry = bar_geometry(bar, top, row_height, self.scale, self.x_offset)
        x, y = link_handle(geometry)
        painter.setPen(QPen(QColor("#263238"), 1.2))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(x, y), LINK_HANDLE_RADIUS - 1, LINK_HANDLE_RADIUS - 1)

    # Mouse and keys.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        x, y = event.position().x(), event.position().y()
        hit = self._row_at(y)
        if hit is None:
            return
        task_id, top = hit
        self._select(task_id, bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
        bar = bar_of(self.model, task_id)
        if bar is None or not bar.dated or self.model.calendar() is None:
            return
        geometry = bar_geometry(bar, top, self.row_height(), self.scale, self.x_offset)
        gesture = grab(bar, geometry, x, y)
        if gesture is not None:
            self._drag = Drag(gesture, bar, geometry, x, x, y, press_y=y)
            self.setCursor(
                Qt.CursorShape.SizeHorCursor if gesture is not Gesture.LINK else Qt.CursorShape.CrossCursor
            )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x, y = event.position().x(), event.position().y()
        if self._drag is not None:
            self._drag.x, self._drag.y = x, y
            self._drag.far = self._drag.far or self._dragged_far(self._drag)
            hit = self._row_at(y)
            self._drag.target = hit[0] if hit else None
            self.update()
            return
        hit = self._row_at(y)
        hover = hit[0] if hit else None
        if hover != self._hover:
            self._hover = hover
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.unsetCursor()
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        drag.x, drag.y = event.position().x(), event.position().y()
        hit = self._row_at(drag.y)
        drag.target = hit[0] if hit else None
        calendar = self.model.calendar()
        self.update()
        if calendar is None or not self._dragged_far(drag):
            return
        task_id = drag.bar.task_id
        step = outcome(drag, self.scale, calendar, self.model.sheet_row(task_id), self.model.version(task_id))
        if step is not None:
            title, operation, told = step
            if isinstance(operation, Edit):
                done = self.session.run_edit(title, operation)
            else:
                done = self.session.run(title, operation)
            if done is not None and told:
                self.notice.emit(told)

    @staticmethod
    def _dragged_far(drag: Drag) -> bool:
        """Whether the mouse went far enough to mean a drag: a click that trembles moves nothing."""
        distance = abs(drag.x - drag.press_x) + (
            abs(drag.y - drag.press_y) if drag.gesture is Gesture.LINK else 0
        )
        return distance >= QApplication.startDragDistance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.unsetCursor()
            self.update()
            return
        super().keyPressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def _select(self, task_id: int, add: bool) -> None:
        selection = self.tree.selectionModel()
        index = self.model.index_of(task_id, SheetColumn.NAME)
        if selection is None or not index.isValid():
            return
        flag = QItemSelectionModel.SelectionFlag
        how = (flag.Toggle if add else flag.ClearAndSelect) | flag.Rows
        selection.setCurrentIndex(index, how)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.pos()  # type: ignore[attr-defined]
            hit = self._row_at(position.y())
            text = self.tooltip(hit[0]) if hit else None
            if text:
                QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # Export.

    def chart(self, whole: bool) -> tuple[GanttChart, tuple[datetime.date, datetime.date] | None]:
        """The chart to export: the whole plan, or the rows and the span of time on screen."""
        plan, plan_id = self.model.store, self.model.plan_id
        if plan is None or plan_id is None:
            raise InvalidInputError(_("Open an action plan first."))
        today = self._today()
        if whole:
            found = outline.whole_chart(plan, plan_id, today)
            return dataclasses.replace(found, critical=self.critical), None
        bars = []
        bottom = self.body_top() + self.tree.viewport().height()
        for task_id, top in self.visible_rows():
            if top >= bottom:
                break
            bar = bar_of(self.model, task_id)
            if bar is not None:
                bars.append(dataclasses.replace(bar, level=self._depth(task_id)))
        links = outline.plan_links(plan, plan_id)
        title = outline.chart_title(plan, plan_id)
        calendar = self.model.calendar()
        assert calendar is not None
        span = (self.scale.day_at(self.x_offset), self.scale.day_at(self.x_offset + self.body_width()))
        return GanttChart(title, bars, links, calendar, today, self.critical), span

    def _depth(self, task_id: int) -> int:
        depth, parent = 0, self.model.parent_of(task_id)
        while parent is not None:
            depth, parent = depth + 1, self.model.parent_of(parent)
        return depth

    def tooltip(self, task_id: int) -> str | None:
        """What the chart tells of a task when the mouse rests on it."""
        bar = bar_of(self.model, task_id)
        if bar is None:
            return None
        form = self.model.date_format
        lines = [bar.name]
        if bar.lead_unit:
            lines.append(_("Lead unit: {unit}").format(unit=bar.lead_unit))
        if bar.start and bar.end:
            lines.append(f"{bar.start.strftime(form)} – {bar.end.strftime(form)}")
        lines.append(_("Progress: {percent}%").format(percent=whole_text(bar.progress)))
        if bar.health is not None:
            lines.append(_("Status: {status}").format(status=label(bar.health)))
        slip = slippage_days(bar.baseline_end, bar.end, bar.actual_end)
        if slip:
            lines.append(_("Slippage: {days} days").format(days=f"{slip:+d}"))
        return "\n".join(lines)


def _place(bar: GanttBar) -> tuple[object, ...]:
    """What decides where a bar's arrows start and end (its text, progress and colour do not)."""
    return (bar.start, bar.end, bar.is_group, bar.is_milestone)
