"""Typing into the window as a person would: key by key, Vietnamese letters included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot


def type_text(widget: QWidget, text: str) -> None:
    """Type text key by key, Vietnamese letters included (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into_editor(qtbot: QtBot, text: str, finish: Qt.Key = Qt.Key.Key_Return) -> None:
    """Replace the text of the cell editor just opened with text, then press finish (Enter, Tab)."""
    QApplication.processEvents()  # the editor takes the focus once the view has placed it
    editor = QApplication.focusWidget()
    if isinstance(editor, QAbstractItemView):
        # Offscreen, a closed list of matches can leave the focus on the view: find the open editor.
        open_editors = [child for child in editor.viewport().findChildren(QWidget) if child.isVisible()]
        editor = next(child for child in reversed(open_editors) if isinstance(child, (QLineEdit, QComboBox)))
    if isinstance(editor, QComboBox) and editor.lineEdit() is not None:
        editor = editor.lineEdit()
    assert isinstance(editor, QLineEdit), editor
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, text)
    qtbot.keyClick(editor, finish)
    QApplication.processEvents()  # Qt commits an editor's data on the next turn of the event loop


def open_editor() -> QWidget:
    """The cell editor the view has just opened (offscreen, the focus may stay on the view)."""
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    if isinstance(focused, QAbstractItemView):
        shown = [child for child in focused.viewport().findChildren(QWidget) if child.isVisible()]
        focused = shown[-1] if shown else focused
    assert focused is not None
    return focused


def type_as_user(qtbot: QtBot, text: str, finish: Qt.Key = Qt.Key.Key_Return) -> None:
    """Select all, type text and press finish, each key sent where the keyboard sends it: the focus widget."""
    QApplication.processEvents()
    qtbot.keyClick(_focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(_focused(), text)
    else:  # emptying a cell: what is selected goes with Backspace
        qtbot.keyClick(_focused(), Qt.Key.Key_Backspace)
    qtbot.keyClick(_focused(), finish)
    QApplication.processEvents()


def _focused() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard"
    return focused
