"""The map's graphics view: zoom with Ctrl+wheel, Ctrl+= / Ctrl+- and fit (Ctrl+0), pan by dragging."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from dxplanner.core.estate_map import MapElement
from dxplanner.ui.estate_map.scene import BoxItem
from dxplanner.ui.estate_map.style import BAND_EDGE, BAND_FILL, BAND_TITLE

MIN_SCALE = 0.05
MAX_SCALE = 4.0
STEP = 1.25


class BandTitles(QWidget):
    """The bands' titles kept in sight at the view's left edge once the map is scrolled past them.

    A widget over the view rather than something drawn in the scene: the view scrolls by moving
    its pixels, which would drag a drawn title along with the map.
    """

    WIDTH = 92

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def place(self) -> None:
        """Show the titles when the map's own are out of sight, over the viewport's left edge."""
        scene = self.view.scene()
        layout = getattr(scene, "layout", None)
        left = self.view.mapToScene(QPoint(0, 0)).x()
        wanted = layout is not None and left > 40
        self.setVisible(wanted)
        if wanted:
            area = self.view.viewport().geometry()
            self.setGeometry(area.x(), area.y(), self.WIDTH, area.height())
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = getattr(self.view.scene(), "layout", None)
        if layout is None:
            return
        painter = QPainter(self)
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(True)
        painter.setFont(font)
        for band in layout.bands:
            top = self.view.mapFromScene(QPointF(0, band.y)).y()
            bottom = self.view.mapFromScene(QPointF(0, band.y + band.h)).y()
            if bottom < 0 or top > self.height():
                continue
            strip = QRectF(0, top, self.WIDTH, bottom - top)
            painter.fillRect(strip, BAND_FILL[band.layer])
            painter.setPen(BAND_EDGE[band.layer])
            painter.drawLine(strip.topRight(), strip.bottomRight())
            painter.setPen(BAND_TITLE)
            # The title at the top of the band's part in sight, so that a tall band keeps its name.
            shown = QRectF(5, max(top, 0) + 4, self.WIDTH - 8, min(bottom, self.height()) - max(top, 0) - 8)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(shown, flags, band.title)
        painter.end()


class MapView(QGraphicsView):
    """Shows the map's scene; a click selects a box, a double-click asks to open its record."""

    element_activated = Signal(object)  # the MapElement double-clicked
    # The element a click selected (None: none). Not the scene's selectionChanged: a scene going
    # away with a box selected signals from its destructor, after its Python side is gone.
    element_chosen = Signal(object)
    zoomed = Signal(float)  # the new scale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("estate_map_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # Only what moved is painted again when scrolling; the items cache nothing (text changes size).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.titles = BandTitles(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.titles.place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.titles.place()

    def scale_now(self) -> float:
        """The scale the map is drawn at (1: a point of the layout is a pixel)."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom around the middle of the view (the mouse's place for the wheel), within bounds."""
        now = self.scale_now()
        wanted = min(MAX_SCALE, max(MIN_SCALE, now * factor))
        if wanted != now:
            self.scale(wanted / now, wanted / now)
            self.titles.place()
            self.zoomed.emit(wanted)

    def set_scale(self, wanted: float) -> None:
        self.zoom_by(wanted / self.scale_now())

    def fit(self) -> None:
        """The whole map in the view."""
        if self.scene() is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            # Fitted, the scroll bars go and the viewport grows: fit again to the grown viewport.
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.titles.place()
            self.zoomed.emit(self.scale_now())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def _zoom_key(self, event: QKeyEvent) -> str | None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            return "in"
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_Minus
        ):
            return "out"
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_0:
            return "fit"
        return None

    def event(self, event: QEvent) -> bool:
        # The Gantt chart's actions hold the same keys for the whole window: while the map has the
        # focus, its keys are its own.
        overridden = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if overridden and self._zoom_key(event) is not None:  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        which = self._zoom_key(event)
        if which == "in":
            self.zoom_by(STEP)
        elif which == "out":
            self.zoom_by(1 / STEP)
        elif which == "fit":
            self.fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        before = self._selected()
        super().mousePressEvent(event)
        after = self._selected()
        if after != before:
            self.element_chosen.emit(after)

    def _selected(self) -> MapElement | None:
        scene = self.scene()
        for item in scene.selectedItems() if scene is not None else ():
            if isinstance(item, BoxItem):
                return item.element
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, BoxItem):
            item = item.parentItem()
        if isinstance(item, BoxItem):
            element: MapElement = item.element
            self.element_activated.emit(element)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
