"""A refused cell edit, its message in a real box: nothing changes or crashes, and the cell opens again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from dxplanner.ui.date_line import DateLine
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.pickers import UnitChecklist, UnitPicker
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.editor_gestures import show_column
from tests.gui.keys import open_editor, type_as_user, type_text

pytestmark = pytest.mark.gui

DECREE = 353  # led by Bộ Khoa học và Công nghệ, 01/07/2026 - 30/09/2026, 75%
POLICE = 7  # Bộ Công an
CORE_DATA = 354  # completed, 100%
FINANCE = 13  # Bộ Tài chính, cooperating on DECREE
SCIENCE = 23  # Bộ Khoa học và Công nghệ


def _sheet_on(
    qtbot: QtBot, window: MainWindow, demo_path: Path, task_id: int, column: SheetColumn
) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    qtbot.waitUntil(sheet.chart_shown)  # the window as a user meets it: the chart beside the sheet
    show_column(sheet, column)
    sheet.select_task(task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    return sheet


def _lead_unit(window: MainWindow, task_id: int) -> int | None:
    from dxplanner.core.models import Task

    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task.lead_unit_id


def test_an_unknown_lead_unit_is_refused_once_and_the_cell_opens_again_to_correct_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.LEAD)
    before = snapshot(window.store)  # type: ignore[arg-type]
    type_as_user(qtbot, "Sở ABC")  # the box is read, then OK pressed with Enter
    assert boxes == ["Lead unit: no unit is called 'Sở ABC' in this plan file; add it under Units first."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert not window.session.undo_stack.canUndo()  # type: ignore[union-attr]
    # Back in the same cell, holding what was typed, to correct it.
    qtbot.waitUntil(lambda: isinstance(open_editor(), UnitPicker))
    picker = open_editor()
    assert isinstance(picker, UnitPicker) and picker.currentText() == "Sở ABC"
    assert sheet.current_task() == DECREE and sheet.view.currentIndex().column() == SheetColumn.LEAD
    type_as_user(qtbot, "cong an")
    assert _lead_unit(window, DECREE) == POLICE
    assert boxes == ["Lead unit: no unit is called 'Sở ABC' in this plan file; add it under Units first."]


def test_escape_after_a_refusal_leaves_the_cell_as_it_was(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.LEAD)
    before = snapshot(window.store)  # type: ignore[arg-type]
    type_as_user(qtbot, "Sở ABC")
    qtbot.waitUntil(lambda: isinstance(open_editor(), UnitPicker))
    qtbot.keyClick(open_editor(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sheet.view.state() == sheet.view.State.NoState)
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.LEAD)) == "Bộ KH&CN"
    assert len(boxes) == 1


def test_a_lead_unit_ticked_as_cooperating_is_refused_once_and_the_checklist_opens_again(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.COOPERATING)
    before = snapshot(window.store)  # type: ignore[arg-type]
    # Enter on the only match ticks it and keeps the list open; Enter on an empty filter commits.
    type_as_user(qtbot, "khoa hoc va cong nghe")
    assert boxes == [] and sheet.view.state() == sheet.view.State.EditingState
    type_as_user(qtbot, "")
    assert boxes == ["The lead unit cannot also be a cooperating unit of the same task."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    # Back in the list, with the ticks the user made, to untick the lead unit.
    qtbot.waitUntil(lambda: _checklist() is not None)
    checklist = _checklist()
    assert checklist is not None and set(checklist.units()) == {FINANCE, SCIENCE}


def _checklist() -> UnitChecklist | None:
    focused = QApplication.focusWidget()
    while focused is not None and not isinstance(focused, UnitChecklist):
        focused = focused.parentWidget()
    return focused


def test_a_progress_of_120_left_with_tab_is_refused_and_the_cell_opens_again_with_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.PROGRESS)
    before = snapshot(window.store)  # type: ignore[arg-type]
    type_as_user(qtbot, "120", Qt.Key.Key_Tab)
    assert boxes == ["Progress must be between 0 and 100, not 120."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(open_editor(), QLineEdit))
    assert sheet.view.currentIndex().column() == SheetColumn.PROGRESS
    line = open_editor()
    assert isinstance(line, QLineEdit) and line.text() == "120"
    type_as_user(qtbot, "80")
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.PROGRESS)) == "80%"
    assert len(boxes) == 1


def test_an_emptied_task_name_is_refused_and_the_name_cell_opens_again(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.NAME)
    before = snapshot(window.store)  # type: ignore[arg-type]
    type_as_user(qtbot, "   ")
    assert len(boxes) == 1 and "Task name" in boxes[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(open_editor(), QLineEdit))
    assert sheet.view.currentIndex().column() == SheetColumn.NAME


def test_an_end_picked_before_the_start_in_the_calendar_is_refused_once_and_the_cell_opens_again(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.END)
    before = snapshot(window.store)  # type: ignore[arg-type]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    days = QApplication.focusWidget()  # the calendar's table of days, on 30/09/2026
    assert days is not None
    for _month in range(4):
        qtbot.keyClick(days, Qt.Key.Key_PageUp)  # to 30/05/2026, before the start on 01/07/2026
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert "the end (30/05/2026) is before the start (01/07/2026)" in boxes[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(open_editor(), DateLine))
    line = open_editor()
    assert isinstance(line, DateLine) and line.text() == "30/05/2026"
    assert sheet.view.currentIndex().column() == SheetColumn.END


def test_a_refused_status_is_said_once_in_a_real_box_and_the_list_opens_again(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    sheet = _sheet_on(qtbot, window, demo_path, CORE_DATA, SheetColumn.STATUS)
    before = snapshot(window.store)  # type: ignore[arg-type]
    combo = open_editor()
    assert isinstance(combo, QComboBox)
    type_text(combo, "In")  # In progress, on a task at 100%
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0].endswith("type the progress it has really made in its Progress cell: the status follows.")
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(open_editor(), QComboBox))
    assert sheet.view.currentIndex().column() == SheetColumn.STATUS


def test_f2_on_the_lead_unit_selects_its_name_so_that_typing_replaces_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str]
) -> None:
    _sheet_on(qtbot, window, demo_path, DECREE, SheetColumn.LEAD)
    picker = open_editor()
    assert isinstance(picker, UnitPicker) and picker.currentText() == "Bộ KH&CN — Bộ Khoa học và Công nghệ"
    line = picker.lineEdit()
    assert line is not None
    type_text(line, "Bộ Công an")
    assert picker.currentText() == "Bộ Công an"  # not "Bộ Công anBộ Khoa học…" or "Bộ Khoa học…Bộ Công an"
