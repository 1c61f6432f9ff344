"""The STT column: tasks added, pasted, indented or moved show a number, and the report shows the same."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.report_action import ReportDialog, write_report
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.keys import type_into_editor

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)
DECREE = 353  # "4" in group I, whose tasks are numbered 1 to 8
LAST_OF_GROUP_I = 357  # "8"
PLAN_2026 = 6


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.setFocus()
    return sheet


def _add_below(qtbot: QtBot, sheet: TaskSheet, task_id: int, name: str) -> int:
    sheet.select_task(task_id)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Insert)
    type_into_editor(qtbot, name)
    added = sheet.current_task()
    assert added is not None and added != task_id
    return added


def _number(sheet: TaskSheet, task_id: int) -> str:
    return str(sheet.model.data(sheet.model.index_of(task_id, SheetColumn.CODE)))


def test_a_task_added_at_the_end_of_a_group_takes_the_next_number(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    added = _add_below(qtbot, sheet, LAST_OF_GROUP_I, "Tổng kết thực hiện kế hoạch")
    assert _number(sheet, added) == "9"


def test_a_task_added_between_two_numbered_tasks_is_numbered_as_an_insertion(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    first = _add_below(qtbot, sheet, DECREE, "Lấy ý kiến dự thảo Nghị định")
    second = _add_below(qtbot, sheet, first, "Trình Chính phủ dự thảo Nghị định")
    assert (_number(sheet, DECREE), _number(sheet, first), _number(sheet, second)) == ("4", "4a", "4b")
    assert _number(sheet, 354) == "5"  # the numbers the plan had are kept
    # A number typed for the first one: the one after it follows.
    sheet.select_task(first, SheetColumn.CODE)
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    type_into_editor(qtbot, "4.1")
    assert (_number(sheet, first), _number(sheet, second)) == ("4.1", "4.2")


def test_pasted_rows_indented_and_moved_tasks_show_their_numbers(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    clipboard.setText("Đánh giá giữa kỳ\nĐánh giá cuối kỳ\n")
    sheet.select_task(LAST_OF_GROUP_I, SheetColumn.NAME)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = sheet.current_task()
    assert pasted is not None and _number(sheet, pasted) == "9"
    rows = sheet.model.children_shown(sheet.model.parent_of(pasted))
    assert [_number(sheet, task_id) for task_id in rows[-2:]] == ["9", "10"]
    last = rows[-1]
    # Indented under "9": the first task below it, numbered as the plan numbers such tasks.
    sheet.select_task(last)
    qtbot.keyClick(
        sheet.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert sheet.model.parent_of(last) == pasted
    assert _number(sheet, last) == "9.1"
    # "9" moved up above "8": the number follows its new place.
    sheet.select_task(pasted)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _number(sheet, pasted) == "7a" and _number(sheet, last) == "7a.1"


def test_the_report_shows_the_numbers_the_sheet_shows(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    inserted = _add_below(qtbot, sheet, DECREE, "Lấy ý kiến dự thảo Nghị định")
    appended = _add_below(qtbot, sheet, LAST_OF_GROUP_I, "Tổng kết thực hiện kế hoạch")
    assert window.session is not None
    dialog = ReportDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert choice is not None
    path = write_report(window, window.session, choice, tmp_path / "report.xlsx", TODAY)
    assert path is not None and messages == []
    tasks = openpyxl.load_workbook(path).worksheets[1]
    numbers = {row[1]: row[0] for row in tasks.iter_rows(values_only=True) if row[1]}
    assert numbers["Lấy ý kiến dự thảo Nghị định"] == _number(sheet, inserted) == "4a"
    assert numbers["Tổng kết thực hiện kế hoạch"] == _number(sheet, appended) == "9"


def test_every_number_fits_its_cell_beside_the_chart_at_every_depth(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    """The tree indents each level inside the number column: "6.1" two levels down showed blank."""
    window.resize(1366, 768)
    window.show()
    sheet = _sheet(window, demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    qtbot.waitUntil(sheet.chart_shown)
    sheet.view.expandAll()
    QGuiApplication.processEvents()
    bold = QFont(sheet.view.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)  # a group's number is bold, the widest of the two
    cut = []
    for task_id in sheet.model.reading_order():
        number = sheet.model.number(task_id) or ""
        cell = sheet.view.visualRect(sheet.model.index_of(task_id, SheetColumn.CODE))
        if cell.width() < metrics.horizontalAdvance(number) + 4:
            cut.append((number, cell.width()))
    assert sheet.model.reading_order() and not cut, cut
