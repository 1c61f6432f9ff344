"""A task indented into a folded group stays in sight: the group opens, the task stays current."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn

pytestmark = pytest.mark.gui

PLAN_2026 = 6


def test_a_task_indented_into_a_folded_group_stays_current_and_in_sight(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    sheet = window.editor.sheet
    first, second = sheet.model.children_shown(None)[:2]
    sheet.view.collapse(sheet.model.index_of(first))
    sheet.select_task(second, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(
        sheet.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QApplication.processEvents()
    assert sheet.model.parent_of(second) == first
    assert sheet.current_task() == second
    assert sheet.view.isExpanded(sheet.model.index_of(first))
    assert sheet.view.visualRect(sheet.model.index_of(second, SheetColumn.NAME)).height() > 0
