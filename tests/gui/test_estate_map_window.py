"""The estate map in the window: F8 shows it over the open plan, F8 again goes back, a task opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind

pytestmark = pytest.mark.gui


def test_f8_shows_the_estate_map_and_f8_again_goes_back(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    window.select(NodeKey(NodeKind.PLAN, 1))
    assert editor.stack.currentWidget() is editor.plan_page
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F8)
    page = editor.estate_map
    assert editor.stack.currentWidget() is page
    assert page.scene is not None  # drawn on showing (empty until the estate's reads exist)
    assert window.map_action.text() and window.view_menu.actions() == [window.map_action]
    QTest.keyClick(page.view, Qt.Key.Key_F8)
    assert editor.stack.currentWidget() is editor.plan_page


def test_a_task_chosen_on_the_map_opens_in_its_plans_sheet(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    editor.toggle_estate_map(window.current_key())
    plan_id = editor.sheet.plan_id
    task_id = editor.sheet.model.reading_order()[3]
    editor.estate_map.open_record.emit("task", task_id)
    assert editor.stack.currentWidget() is editor.plan_page
    assert editor.sheet.plan_id == plan_id and editor.sheet.current_task() == task_id
