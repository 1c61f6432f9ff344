"""What the sheet repaints when the focus goes to a cell editor and back: the cursor's row, not all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.ui.sheet_view import SheetView

pytestmark = pytest.mark.gui


class _Painted(QObject):
    """Gathers the regions its widget paints."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())  # type: ignore[attr-defined]
        return False


def _window(qtbot: QtBot) -> tuple[QWidget, SheetView, QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    view, elsewhere = SheetView(), QLineEdit()
    layout.addWidget(view)
    layout.addWidget(elsewhere)
    model = QStandardItemModel(200, 4, view)
    for row in range(200):
        for column in range(4):
            model.setItem(row, column, QStandardItem(f"{row}.{column}"))
    view.setModel(model)
    qtbot.addWidget(window)
    window.resize(600, 500)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    selection = view.selectionModel()
    # Rows selected above and below the cursor: a style that greys selections without the focus would
    # have them repainted too.
    for row in (3, 4, 5, 6):
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(model.index(5, 1), QItemSelectionModel.SelectionFlag.NoUpdate)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return window, view, elsewhere


def _painted_after(qtbot: QtBot, view: SheetView, move_focus: object) -> QRect:
    painted = _Painted()
    view.viewport().installEventFilter(painted)
    qtbot.wait(50)
    painted.rects.clear()
    move_focus()  # type: ignore[operator]
    qtbot.wait(50)
    QApplication.processEvents()
    view.viewport().removeEventFilter(painted)
    union = QRect()
    for rect in painted.rects:
        union = union.united(rect)
    return union


def test_the_focus_leaving_and_coming_back_repaints_the_cursors_row_only(qtbot: QtBot) -> None:
    _shown, view, elsewhere = _window(qtbot)
    current = view.visualRect(view.currentIndex())
    row = QRect(0, current.top(), view.viewport().width(), current.height())

    left = _painted_after(qtbot, view, elsewhere.setFocus)
    back = _painted_after(qtbot, view, view.setFocus)

    # The cursor's mark is drawn only while the sheet has the focus: its row must repaint, both ways.
    for union in (left, back):
        assert union.contains(row), f"the cursor's row {row} was not repainted ({union})"
        # ...and nothing else: a whole repaint of 40 rows cost 8 ms of every edit's round trip.
        assert union.height() <= row.height(), f"more than the cursor's row was repainted: {union}"


def test_where_cells_look_otherwise_without_the_focus_the_whole_sheet_repaints(qtbot: QtBot) -> None:
    _shown, view, elsewhere = _window(qtbot)
    if not view.style().styleHint(QStyle.StyleHint.SH_ItemView_ChangeHighlightOnFocus, None, view):
        pytest.fail("the style never draws cells otherwise without the focus: nothing to check")
    palette = view.palette()
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("#bbbbbb"))
    view.setPalette(palette)

    left = _painted_after(qtbot, view, elsewhere.setFocus)
    back = _painted_after(qtbot, view, view.setFocus)

    # The selected rows are drawn grey without the focus: every one of them must repaint.
    selected = view.visualRect(view.model().index(3, 0)).united(view.visualRect(view.model().index(6, 0)))
    for union in (left, back):
        assert union.contains(QRect(0, selected.top(), 1, selected.height())), union
