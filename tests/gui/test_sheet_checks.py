"""Wrong entries in the window: one message in the user's words, and the plan file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from dxplanner.ui.date_line import DateLine
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.keys import open_editor

pytestmark = pytest.mark.gui

# Tasks of the demo's 2026 plan.
DECREE_ON_DIGITAL_SERVICES = 353  # 01/07/2026 - 30/09/2026, 75%
CORE_DATA_LIST = 354  # "Ban hành danh mục dữ liệu cốt lõi ..."; 357 follows it
TECHNICAL_STANDARD = 357  # "Ban hành quy chuẩn kỹ thuật về dữ liệu dùng chung ..."
REPORTING_RULES = 355  # 01/10/2026 - 31/12/2026, after 389 already


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    return window.editor.sheet


def _open_cell_editor(qtbot: QtBot, sheet: TaskSheet, task_id: int, column: SheetColumn) -> object:
    sheet.select_task(task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    return open_editor()


def _finish(qtbot: QtBot, editor: object) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_an_end_before_the_start_is_explained_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    editor = _open_cell_editor(qtbot, sheet, DECREE_ON_DIGITAL_SERVICES, SheetColumn.END)
    assert isinstance(editor, DateLine)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "01/06/2026")
    _finish(qtbot, editor)
    assert len(messages) == 1
    assert "the end (01/06/2026) is before the start (01/07/2026)" in messages[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    index = sheet.model.index_of(DECREE_ON_DIGITAL_SERVICES, SheetColumn.END)
    assert sheet.model.data(index) == "30/09/2026"
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_a_progress_of_120_is_explained_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    editor = _open_cell_editor(qtbot, sheet, DECREE_ON_DIGITAL_SERVICES, SheetColumn.PROGRESS)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "120")
    _finish(qtbot, editor)
    assert messages == ["Progress must be between 0 and 100, not 120."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    index = sheet.model.index_of(DECREE_ON_DIGITAL_SERVICES, SheetColumn.PROGRESS)
    assert sheet.model.data(index) == "75%"


def test_a_link_that_closes_a_cycle_is_explained_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    # The technical standard already follows the core data list: make the list follow the standard.
    sheet.select_task(CORE_DATA_LIST)
    details = window.editor.details.task  # type: ignore[union-attr]
    assert details.record_id == CORE_DATA_LIST
    details.add_link.setFocus()
    qtbot.keyClicks(details.add_link, "quy chuan ky thuat ve du lieu dung chung")
    qtbot.keyClick(details.add_link, Qt.Key.Key_Return)
    assert len(messages) == 1
    assert messages[0].startswith("This link would make a cycle")
    assert "Ban hành quy chuẩn kỹ thuật về dữ liệu dùng chung" in messages[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert details.links.table.rowCount() == 0  # the list still follows nothing
    # The same gesture with a task that can come first is taken: the reporting rules (from
    # October) after the decree on digital investment (July to September).
    sheet.select_task(REPORTING_RULES)
    assert details.record_id == REPORTING_RULES and details.links.table.rowCount() == 1
    details.add_link.clear()
    qtbot.keyClicks(details.add_link, "nghi dinh ve quan ly dau tu")
    qtbot.keyClick(details.add_link, Qt.Key.Key_Return)
    assert len(messages) == 1
    assert details.links.table.rowCount() == 2
