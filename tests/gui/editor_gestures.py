"""The gestures a person makes on the task sheet and the Gantt chart: clicks, keys into editors, drags."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from dxplanner.ui.gantt.view import GanttView
from dxplanner.ui.pickers import UnitChecklist, UnitPicker
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.keys import type_text

NO_KEYS = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
ORIGIN = QPoint()


class Bot(Protocol):
    """The key and mouse helpers of pytest-qt's qtbot (QTestBot gives the same outside pytest)."""

    def keyClick(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = ...) -> None: ...  # noqa: N802

    def mouseClick(  # noqa: N802
        self, widget: QWidget, button: Qt.MouseButton, modifier: Qt.KeyboardModifier = ..., pos: QPoint = ...
    ) -> None: ...

    def mousePress(  # noqa: N802
        self, widget: QWidget, button: Qt.MouseButton, modifier: Qt.KeyboardModifier = ..., pos: QPoint = ...
    ) -> None: ...

    def mouseMove(self, widget: QWidget, pos: QPoint = ...) -> None: ...  # noqa: N802

    def mouseRelease(  # noqa: N802
        self, widget: QWidget, button: Qt.MouseButton, modifier: Qt.KeyboardModifier = ..., pos: QPoint = ...
    ) -> None: ...


class QTestBot:
    """qtbot's helpers without pytest: the same QTest calls, for a long run from the command line."""

    def keyClick(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_KEYS) -> None:  # noqa: N802
        QTest.keyClick(widget, key, modifier)

    def mouseClick(  # noqa: N802
        self,
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = NO_KEYS,
        pos: QPoint = ORIGIN,
    ) -> None:
        QTest.mouseClick(widget, button, modifier, pos)

    def mousePress(  # noqa: N802
        self,
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = NO_KEYS,
        pos: QPoint = ORIGIN,
    ) -> None:
        QTest.mousePress(widget, button, modifier, pos)

    def mouseMove(self, widget: QWidget, pos: QPoint = ORIGIN) -> None:  # noqa: N802
        QTest.mouseMove(widget, pos)

    def mouseRelease(  # noqa: N802
        self,
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = NO_KEYS,
        pos: QPoint = ORIGIN,
    ) -> None:
        QTest.mouseRelease(widget, button, modifier, pos)


def reveal(sheet: TaskSheet, task_id: int, column: int = SheetColumn.NAME) -> QModelIndex:
    """Open the groups above a task and scroll to its cell, as a person does to reach it."""
    parent = sheet.model.parent_of(task_id)
    while parent is not None:
        sheet.view.expand(sheet.model.index_of(parent))
        parent = sheet.model.parent_of(parent)
    index = sheet.model.index_of(task_id, column)
    assert index.isValid(), f"task {task_id} is not in the sheet"
    sheet.view.scrollTo(index)
    QApplication.processEvents()
    return index


def click_task(bot: Bot, sheet: TaskSheet, task_id: int, modifier: Qt.KeyboardModifier = NO_KEYS) -> None:
    """Click a task's name cell (Ctrl or Shift held to add to the selection)."""
    index = reveal(sheet, task_id)
    rect = sheet.view.visualRect(index)
    point = QPoint(rect.left() + min(40, rect.width() // 2), rect.center().y())
    assert sheet.view.indexAt(point) == index, f"the click meant for task {task_id} would land elsewhere"
    bot.mouseClick(sheet.view.viewport(), LEFT, modifier, point)
    QApplication.processEvents()


def show_column(sheet: TaskSheet, column: SheetColumn) -> None:
    """Show a column the sheet hides beside the chart (the product, the notes…), as its header's
    menu does."""
    if sheet.view.isColumnHidden(column):
        sheet.view.setColumnHidden(column, False)


def go_to_column(bot: Bot, sheet: TaskSheet, column: SheetColumn) -> None:
    """From the current cell, Tab or Shift+Tab along the row to a column, as the keyboard walks it
    (shown first, if the sheet hides it beside the chart)."""
    show_column(sheet, column)
    header = sheet.view.header()
    shown = [
        logical
        for logical in (header.logicalIndex(visual) for visual in range(header.count()))
        if not header.isSectionHidden(logical)
    ]
    here = shown.index(sheet.view.currentIndex().column())
    there = shown.index(column)
    key = Qt.Key.Key_Tab if there > here else Qt.Key.Key_Backtab
    modifier = NO_KEYS if there > here else Qt.KeyboardModifier.ShiftModifier
    for _step in range(abs(there - here)):
        bot.keyClick(sheet.view, key, modifier)
    assert sheet.view.currentIndex().column() == column


def open_cell(bot: Bot, sheet: TaskSheet, task_id: int, column: SheetColumn) -> QWidget | None:
    """Click a task, walk to a column and press F2: the editor that opened (None for a read-only cell)."""
    click_task(bot, sheet, task_id)
    go_to_column(bot, sheet, column)
    bot.keyClick(sheet.view, Qt.Key.Key_F2)
    if sheet.view.state() != QAbstractItemView.State.EditingState:
        return None
    return current_editor(sheet)


def current_editor(sheet: TaskSheet) -> QWidget:
    """The one cell editor open on the sheet."""
    QApplication.processEvents()
    found = [
        child
        for child in sheet.view.viewport().findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if child.isVisible()
    ]
    assert len(found) == 1, f"{len(found)} editors are open: {found}"
    return found[0]


def type_and_finish(bot: Bot, editor: QWidget, text: str) -> None:
    """Select everything in an editor, type text key by key (Backspace for none), and press Enter."""
    if isinstance(editor, QComboBox) and editor.lineEdit() is not None:
        editor = editor.lineEdit()  # type: ignore[assignment]
    bot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(editor, text)
    else:
        bot.keyClick(editor, Qt.Key.Key_Backspace)  # how a person empties a cell
    bot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits an editor's data on the next turn of the event loop


def choose_in_list(bot: Bot, editor: QComboBox, row: int) -> None:
    """Walk a closed drop-down list to a row with Home and Down, and press Enter."""
    bot.keyClick(editor, Qt.Key.Key_Home)
    for _step in range(row):
        bot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.currentIndex() == row
    bot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def tick_and_finish(bot: Bot, editor: UnitChecklist, typed: str) -> None:
    """In the cooperating-unit list, type a filter and Enter (ticks the only match), then Enter to finish."""
    type_text(editor.filter, typed)
    bot.keyClick(editor.filter, Qt.Key.Key_Return)
    QApplication.processEvents()
    if editor.isVisible():
        bot.keyClick(editor.filter, Qt.Key.Key_Return)
    QApplication.processEvents()


def is_unit_picker(editor: QWidget | None) -> bool:
    """Whether the editor is the lead unit's picker (or its line)."""
    return isinstance(editor, UnitPicker) or isinstance(editor.parent() if editor else None, UnitPicker)


def drag(bot: Bot, widget: QWidget, start: QPointF, end: QPointF) -> None:
    """Press, move half way, move to the end and release, as a hand drags."""
    bot.mousePress(widget, LEFT, NO_KEYS, start.toPoint())
    bot.mouseMove(widget, ((start + end) / 2).toPoint())
    bot.mouseMove(widget, end.toPoint())
    bot.mouseRelease(widget, LEFT, NO_KEYS, end.toPoint())
    QApplication.processEvents()


def row_middle(gantt: GanttView, task_id: int) -> float | None:
    """The height of a task's row in the chart, when it is on screen."""
    bottom = gantt.body_top() + gantt.tree.viewport().height() - gantt.row_height()
    for shown, top in gantt.visible_rows():
        if shown == task_id and top + gantt.row_height() < bottom:
            return top + gantt.row_height() / 2
    return None
