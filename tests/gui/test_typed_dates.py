"""Dates typed into the sheet's Start and End cells: what is typed is what is saved, in the chosen format."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget
from pytestqt.qtbot import QtBot

from dxplanner.core.models import Task
from dxplanner.i18n import speaking
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.app_settings import date_style_of
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.keys import open_editor, type_as_user

pytestmark = pytest.mark.gui

DECREE = 353  # in the 2026 plan: 01/07/2026 - 30/09/2026
PLAN_2026, PLAN_2021 = 6, 1
D = datetime.date


def _undated_task(demo_path: Path, plan_id: int) -> int:
    store = open_plan_file(demo_path)
    try:
        task_id = create_task(store, plan_id, name="Nhiệm vụ mới chưa có ngày").id
    finally:
        store.close()
    assert task_id is not None
    return task_id


def _open(window: MainWindow, demo_path: Path, plan_id: int = PLAN_2026) -> TaskSheet:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, plan_id))
    assert window.editor is not None
    return window.editor.sheet


def _edit_cell(qtbot: QtBot, sheet: TaskSheet, task_id: int, column: SheetColumn) -> None:
    sheet.select_task(task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)


def _dates(window: MainWindow, task_id: int) -> tuple[D | None, D | None]:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task.planned_start, task.planned_end


@pytest.mark.parametrize(
    ("qt_format", "typed", "expected"),
    [
        ("dd/MM/yyyy", "15/02/2026", D(2026, 2, 15)),
        ("dd/MM/yyyy", "20/03/2026", D(2026, 3, 20)),
        ("dd.MM.yyyy", "15.02.2026", D(2026, 2, 15)),
        ("yyyy-MM-dd", "2026-02-15", D(2026, 2, 15)),
    ],
)
def test_a_date_typed_over_a_dated_cell_is_the_date_saved(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    demo_path: Path,
    messages: list[str],
    qt_format: str,
    typed: str,
    expected: D,
) -> None:
    settings.setValue("date_format", qt_format)
    sheet = _open(window, demo_path)
    _edit_cell(qtbot, sheet, DECREE, SheetColumn.START)
    type_as_user(qtbot, typed)
    assert messages == []
    assert _dates(window, DECREE) == (expected, D(2026, 9, 30))
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.START)) == typed


@pytest.mark.parametrize(
    ("qt_format", "start", "end"),
    [("dd/MM/yyyy", "15/02/2026", "20/03/2026"), ("yyyy-MM-dd", "2026-02-15", "2026-03-20")],
)
def test_dates_typed_into_the_blank_cells_of_an_undated_task_are_saved(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    demo_path: Path,
    messages: list[str],
    qt_format: str,
    start: str,
    end: str,
) -> None:
    settings.setValue("date_format", qt_format)
    task_id = _undated_task(demo_path, PLAN_2026)
    sheet = _open(window, demo_path)
    _edit_cell(qtbot, sheet, task_id, SheetColumn.START)
    type_as_user(qtbot, start, Qt.Key.Key_Tab)  # Tab goes on to the End cell and opens it
    QApplication.processEvents()
    assert sheet.view.currentIndex().column() == SheetColumn.END
    type_as_user(qtbot, end)
    assert messages == []
    assert _dates(window, task_id) == (D(2026, 2, 15), D(2026, 3, 20))


def test_emptying_a_date_cell_clears_the_date(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _open(window, demo_path)
    _edit_cell(qtbot, sheet, DECREE, SheetColumn.END)
    type_as_user(qtbot, "")
    assert messages == []
    assert _dates(window, DECREE) == (D(2026, 7, 1), None)
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.END)) == ""


@pytest.mark.parametrize("typed", ["32/01/2026", "15/13/2026", "29/02/2026", "15/02", "mai", "15/02/26"])
def test_a_text_that_is_no_date_is_refused_once_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str], typed: str
) -> None:
    sheet = _open(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    _edit_cell(qtbot, sheet, DECREE, SheetColumn.START)
    type_as_user(qtbot, typed)
    assert messages == [f"Start: “{typed}” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert sheet.model.data(sheet.model.index_of(DECREE, SheetColumn.START)) == "01/07/2026"


def _calendar_page_on_opening(qtbot: QtBot, window: MainWindow) -> tuple[int, int]:
    """Open the cell's calendar from the keyboard (Alt+Down) and say which month it shows."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    calendar = popup if isinstance(popup, QCalendarWidget) else popup.findChild(QCalendarWidget)  # type: ignore[union-attr]
    assert calendar is not None and calendar.isVisible()
    page = (calendar.yearShown(), calendar.monthShown())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    qtbot.wait(50)
    window.activateWindow()  # offscreen there is no window manager to give the window back its focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return page


def test_the_calendar_opens_on_the_cells_date_and_on_today_for_a_blank_cell(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    task_id = _undated_task(demo_path, PLAN_2026)
    sheet = _open(window, demo_path)
    _edit_cell(qtbot, sheet, DECREE, SheetColumn.END)
    assert _calendar_page_on_opening(qtbot, window) == (2026, 9)
    qtbot.keyClick(open_editor(), Qt.Key.Key_Escape)
    _edit_cell(qtbot, sheet, task_id, SheetColumn.START)
    assert _calendar_page_on_opening(qtbot, window) == (2026, 11)  # today in these tests: 20/11/2026


def test_the_calendar_of_a_blank_cell_in_a_past_plan_opens_on_the_plans_start(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    task_id = _undated_task(demo_path, PLAN_2021)
    sheet = _open(window, demo_path, PLAN_2021)
    _edit_cell(qtbot, sheet, task_id, SheetColumn.START)
    assert _calendar_page_on_opening(qtbot, window) == (2021, 1)


def test_a_date_picked_in_the_calendar_is_saved(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    task_id = _undated_task(demo_path, PLAN_2026)
    sheet = _open(window, demo_path)
    _edit_cell(qtbot, sheet, task_id, SheetColumn.START)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    calendar = popup if isinstance(popup, QCalendarWidget) else popup.findChild(QCalendarWidget)  # type: ignore[union-attr]
    assert calendar is not None
    # The keys go where the keyboard sends them: the calendar's table of days.
    focused = QApplication.focusWidget()
    assert focused is not None and calendar.isAncestorOf(focused)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # from today, 20/11/2026, to the 21st
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _dates(window, task_id)[0] is not None)
    assert _dates(window, task_id) == (D(2026, 11, 21), None)
    assert messages == []
    assert sheet.model.data(sheet.model.index_of(task_id, SheetColumn.START)) == "21/11/2026"


def test_a_whole_date_shows_while_it_is_typed_beside_the_chart(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    """The cell fits a date, not a date and the calendar button: the day scrolled out of sight."""
    sheet = _open(window, demo_path)
    qtbot.waitUntil(sheet.chart_shown)  # the narrow columns beside the chart
    _edit_cell(qtbot, sheet, DECREE, SheetColumn.START)
    editor = open_editor()
    assert isinstance(editor, DateLine)
    editor.selectAll()
    qtbot.keyClicks(editor, "15/03/2026")
    typed = editor.fontMetrics().horizontalAdvance("15/03/2026")
    # The text ends where the cursor is: it begins inside the line, not scrolled to the left of it.
    assert editor.cursorRect().center().x() - typed >= 0


@pytest.mark.parametrize(
    ("qt_format", "english", "vietnamese"),
    [("dd/MM/yyyy", "dd/mm/yyyy", "nn/tt/nnnn"), ("dd.MM.yyyy", "dd.mm.yyyy", "nn.tt.nnnn"),
     ("yyyy-MM-dd", "yyyy-mm-dd", "nnnn-tt-nn")],
)  # fmt: skip
def test_the_way_to_write_a_date_is_said_in_the_windows_language(
    qtbot: QtBot, qt_format: str, english: str, vietnamese: str
) -> None:
    style = date_style_of(qt_format)
    with speaking("vi"):
        line = DateLine(style, datetime.date.today)
        qtbot.addWidget(line)
        assert line.placeholderText() == vietnamese  # ngày / tháng / năm
    with speaking("en"):
        english_line = DateLine(style, datetime.date.today)
        qtbot.addWidget(english_line)
        assert english_line.placeholderText() == english
