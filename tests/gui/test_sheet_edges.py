"""Keys at the edges of what a cell or a row allows: each either does what was typed or explains why not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.keys import open_editor, type_text

pytestmark = pytest.mark.gui

DECREE = 353  # 75% done, in the 2026 plan
LGSP_GROUP, LAST_LGSP_TASK = 364, 367  # 367 is the last of 365, 366, 367


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.setFocus()
    return sheet


def test_a_negative_progress_typed_is_explained_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    sheet.select_task(DECREE, SheetColumn.PROGRESS)
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    editor = open_editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "-5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    # Not 5 saved in silence: the minus sign was typed, and the rule says what is allowed.
    assert messages == ["Progress must be between 0 and 100, not -5."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.PROGRESS)) == "75%"


def test_moving_the_last_task_down_or_the_first_up_does_nothing_and_leaves_no_undo_step(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    first = sheet.model.children_shown(LGSP_GROUP)[0]
    for task_id, key in ((LAST_LGSP_TASK, Qt.Key.Key_Down), (first, Qt.Key.Key_Up)):
        sheet.select_task(task_id)
        qtbot.keyClick(sheet.view, key, Qt.KeyboardModifier.AltModifier)
        assert sheet.current_task() == task_id
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    # Ctrl+Z after it must undo what the user did before, not a move nobody saw.
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    assert messages == []


def test_deleting_the_task_under_the_cursor_clears_its_details_beside_the_sheet(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    assert window.editor is not None
    details = window.editor.details
    sheet.select_task(DECREE)
    assert details.task.record_id == DECREE
    qtbot.keyClick(sheet.view, Qt.Key.Key_Delete)
    assert not sheet.model.index_of(DECREE).isValid()
    # The panel must not go on showing (and offering to edit) a task the file no longer has.
    assert details.task.record_id == sheet.current_task() != DECREE
    assert "Xây dựng Nghị định" not in details.task.heading.text()
