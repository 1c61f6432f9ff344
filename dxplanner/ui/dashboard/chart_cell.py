"""One chart of the dashboard: a matplotlib canvas that can be exported or copied as a picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from dxplanner.charts.glyphs import RememberedGlyphs
from dxplanner.charts.hover import words_at
from dxplanner.collector import collector_paused
from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.services.charts import save_chart
from dxplanner.ui.errors import show_refusal


class ChartCell(QWidget):
    """A chart that is redrawn with a new Figure when the data changes; right-click to export or copy it.

    A chart may be given as the means to build it (`show_chart`): it is built when it comes on
    screen (`build_if_shown`) or is asked for, so that the charts scrolled out of sight cost nothing.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.name = name
        self._saying = False  # whether a tooltip of this chart's is showing
        self._build: Callable[[Figure], Figure] | None = None
        self.canvas = self._new_canvas(Figure())
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.canvas)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in ((_("Export chart…"), self.ask_and_export), (_("Copy as picture"), self.copy)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.addAction(action)

    @property
    def figure(self) -> Figure:
        """The figure shown now (built now if it was waiting to come on screen)."""
        self.build()
        return self.canvas.figure

    @property
    def waiting(self) -> bool:
        """Whether the chart is yet to be built."""
        return self._build is not None

    def show_chart(self, build: Callable[[Figure], Figure], height: float) -> None:
        """Show the chart build(figure shown now) makes, height pixels high, once it is on screen (see
        build_if_shown). build may draw on the figure it is given and give it back: it is redrawn."""
        self._build = build
        # Until then the canvas shows the old chart as it was drawn: a new layout of the page
        # (the new heights) would draw its old numbers once more at the new size, for nothing.
        self.canvas.held = True
        self.setMinimumHeight(round(height))

    def build_if_shown(self) -> bool:
        """Build the waiting chart if some of it is on screen; whether it was built."""
        # The canvas covers the cell: the cell's own unobscured region is empty while its canvas shows.
        if self._build is None or not self.isVisible():
            return False
        if self.visibleRegion().isEmpty() and self.canvas.visibleRegion().isEmpty():
            return False
        self.build()
        return True

    def build(self) -> None:
        """Build the waiting chart now, on screen or not."""
        if self._build is not None:
            build, self._build = self._build, None
            self.canvas.held = False
            # A chart makes thousands of artists and no garbage cycle worth a pass over the heap.
            with collector_paused():
                figure = build(self.canvas.figure)
            if figure is self.canvas.figure:
                self.canvas.draw_idle()
            else:
                self.show_figure(figure)

    def _new_canvas(self, figure: Figure) -> _PageCanvas:
        canvas = _PageCanvas(figure)  # type: ignore[no-untyped-call]
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.mpl_connect("motion_notify_event", self._say_what_is_under_the_mouse)
        return canvas

    def _say_what_is_under_the_mouse(self, event: Any) -> None:
        # A row whose label was cut short says its whole name in a tooltip.
        words = None if self._build is not None else words_at(self.canvas.figure, event.x, event.y)
        if words is not None:
            QToolTip.showText(QCursor.pos(), words, self.canvas)
        elif self._saying:
            QToolTip.hideText()
        self._saying = words is not None

    def show_figure(self, figure: Figure, height: float | None = None) -> None:
        """Show a newly built figure in place of the old one (and of a chart waiting to be built)."""
        self._build = None
        # A canvas of its own: the canvas fits its figure to the space it is given and to the
        # screen's pixel ratio, which a figure handed to an old canvas would miss.
        old, self.canvas = self.canvas, self._new_canvas(figure)
        self._layout.replaceWidget(old, self.canvas)
        old.hide()
        old.deleteLater()
        if height is not None:
            self.setMinimumHeight(round(height))

    def export(self, path: Path) -> bool:
        """Save the chart as PNG, SVG or PDF (by the suffix); a refusal is shown and gives False."""
        try:
            save_chart(self.figure, path)
        except DomainError as error:
            show_refusal(self, error)
            return False
        finally:
            self.figure.set_canvas(self.canvas)  # saving gave the figure a canvas of its own
        return True

    def ask_and_export(self) -> None:
        """Ask for the file, then save the chart in it."""
        from dxplanner.ui.gantt.export_dialog import choose_chart_file

        path = choose_chart_file(self)
        if path is not None:
            self.export(path)

    def copy(self) -> None:
        """Put the chart on the clipboard as a picture, to paste into a document."""
        clipboard = QGuiApplication.clipboard()
        clipboard.setImage(self.canvas.grab().toImage())


class _PageCanvas(RememberedGlyphs, FigureCanvasQTAgg):
    """A chart on a page that scrolls: the mouse wheel over it scrolls the page (nothing on the
    dashboard's charts zooms or pans); not drawn while held (its chart is about to be built anew).
    Its words are drawn with the glyphs drawn before (charts.glyphs): the same pixels, sooner."""

    held = False

    def draw_idle(self) -> None:
        if not self.held:
            super().draw_idle()  # type: ignore[no-untyped-call]

    def paintEvent(self, event: QPaintEvent) -> None:
        # The first paint draws the figure (text layout, Agg): as in building it, no pass of the
        # cycle collector over the heap.
        with collector_paused():
            super().paintEvent(event)  # type: ignore[no-untyped-call]

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Handed to the page's scroll area: Qt passes a wheel on to the parents only when it comes
        # from the mouse itself, and a canvas takes every one.
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()
            return
        QApplication.sendEvent(area.viewport(), event)
