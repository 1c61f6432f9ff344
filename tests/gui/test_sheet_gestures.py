"""Keyboard gestures on the sheet: moving, deleting a group, walking the cells, the progress dialog."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import Dependency, Task
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_dialog import ProgressDialog
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.conftest import Answers

pytestmark = pytest.mark.gui

LGSP_GROUP = 364  # "Nâng cấp LGSP ...": 365, 366, 367 below it, 365 -> 367 linked
CORE_DATA_LIST, DECREE = 354, 353  # positions 4 and 3 in group I of the 2026 plan


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.setFocus()
    return sheet


def _task(window: MainWindow, task_id: int) -> Task | None:
    with window.store.read() as session:  # type: ignore[union-attr]
        return session.get(Task, task_id)


def test_deleting_a_group_asks_first_and_undo_brings_the_whole_group_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    sheet.select_task(LGSP_GROUP)
    answers.confirm = False
    qtbot.keyClick(sheet.view, Qt.Key.Key_Delete)
    assert answers.questions == ["Delete the selected tasks and every task below them?"]
    assert snapshot(window.store) == before  # type: ignore[arg-type]

    answers.confirm = True
    qtbot.keyClick(sheet.view, Qt.Key.Key_Delete)
    assert all(_task(window, task_id) is None for task_id in (364, 365, 366, 367))
    with window.store.read() as session:  # type: ignore[union-attr]
        assert session.exec(select(Dependency).where(Dependency.predecessor_id == 365)).all() == []
    assert not sheet.model.index_of(LGSP_GROUP).isValid()

    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert sheet.model.index_of(367).isValid()


def test_alt_up_and_down_move_a_task_among_its_siblings(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    positions = {task_id: _task(window, task_id).position for task_id in (DECREE, CORE_DATA_LIST)}  # type: ignore[union-attr]
    sheet.select_task(CORE_DATA_LIST)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _task(window, CORE_DATA_LIST).position == positions[DECREE]  # type: ignore[union-attr]
    assert _task(window, DECREE).position == positions[CORE_DATA_LIST]  # type: ignore[union-attr]
    assert sheet.current_task() == CORE_DATA_LIST  # the cursor stays on the moved task
    assert sheet.model.index_of(CORE_DATA_LIST).row() < sheet.model.index_of(DECREE).row()
    qtbot.keyClick(sheet.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _task(window, CORE_DATA_LIST).position == positions[CORE_DATA_LIST]  # type: ignore[union-attr]


def test_tab_walks_the_cells_of_a_row_then_the_next_row(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    sheet.select_task(DECREE, SheetColumn.PRODUCT)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Tab)
    assert sheet.view.currentIndex().column() == SheetColumn.BUDGET
    qtbot.keyClick(sheet.view, Qt.Key.Key_Tab)
    assert sheet.view.currentIndex().column() == SheetColumn.NOTES
    # The slippage column is hidden until a baseline is set: Tab passes over it to the next row.
    qtbot.keyClick(sheet.view, Qt.Key.Key_Tab)
    assert sheet.current_task() == CORE_DATA_LIST and sheet.view.currentIndex().column() == SheetColumn.CODE
    qtbot.keyClick(sheet.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert sheet.current_task() == DECREE and sheet.view.currentIndex().column() == SheetColumn.NOTES
    # Columns moved by the user are walked in the order shown.
    sheet.view.header().moveSection(sheet.view.header().visualIndex(SheetColumn.NOTES), 2)
    sheet.select_task(DECREE, SheetColumn.NAME)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Tab)
    assert sheet.view.currentIndex().column() == SheetColumn.NOTES


def test_the_progress_dialog_gives_back_what_was_entered(qtbot: QtBot) -> None:
    dialog = ProgressDialog(
        [10.0, 20.0, 30.0], [TaskStatus.IN_PROGRESS] * 3, datetime.date(2026, 11, 20), "dd/MM/yyyy"
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Report progress of 3 tasks"
    assert dialog.as_of.text() == "20/11/2026"
    dialog.progress.setFocus()
    qtbot.keyClick(dialog.progress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.progress, "65")
    dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.IN_PROGRESS.value))
    qtbot.keyClicks(dialog.remark, "Da trinh Bo")
    answer = dialog.answer()
    assert (answer.as_of, answer.progress, answer.status, answer.remark) == (
        datetime.date(2026, 11, 20),
        65.0,
        TaskStatus.IN_PROGRESS,
        "Da trinh Bo",
    )
