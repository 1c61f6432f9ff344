"""Report progress…: the dialog starts from where the tasks are, and never lowers progress unasked."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import ProgressReport, Task
from dxplanner.i18n import set_language
from dxplanner.numbers import decimal_text
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_dialog import ProgressDialog
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.conftest import TODAY, Answers

pytestmark = pytest.mark.gui

AT_85 = 350  # in progress, 85%
AT_75 = 353  # in progress, 75%
AT_80 = 357  # in progress, 80%


@pytest.fixture
def dialog_window(
    qtbot: QtBot, settings: QSettings, answers: Answers, messages: list[str]
) -> Iterator[MainWindow]:
    """The main window with its real progress dialog (questions still answered by the test)."""
    main_window = MainWindow(
        settings, open_plan_file, create_plan, today=lambda: TODAY, confirm=answers.ask_confirm
    )
    qtbot.addWidget(main_window)
    main_window.show()
    yield main_window
    if main_window.store is not None:
        main_window.store.close()


def _sheet(window: MainWindow, demo_path: Path, task_ids: list[int]) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.clearSelection()
    selection = sheet.view.selectionModel()
    for task_id in task_ids:
        selection.select(sheet.model.index_of(task_id, SheetColumn.NAME), selection.SelectionFlag.Select)
    return sheet


def _in_dialog(qtbot: QtBot, act: Callable[[ProgressDialog], None]) -> list[str]:
    """Run act on the dialog once it is shown; what it saw is returned as lines of text."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgressDialog) or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        seen.append(f"progress={dialog.progress.text()}")
        seen.append(f"status={dialog.status.currentText()}")
        act(dialog)
        if dialog.isVisible():  # never leave a test waiting on a dialog nobody closes
            seen.append("left open")
            dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def _press_enter(qtbot: QtBot) -> Callable[[ProgressDialog], None]:
    def act(dialog: ProgressDialog) -> None:
        dialog.progress.setFocus()
        qtbot.keyClick(dialog.progress, Qt.Key.Key_Return)

    return act


def _type_figure(qtbot: QtBot, figure: str) -> Callable[[ProgressDialog], None]:
    def act(dialog: ProgressDialog) -> None:
        dialog.progress.setFocus()
        qtbot.keyClick(dialog.progress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.progress, figure)
        qtbot.keyClick(dialog.progress, Qt.Key.Key_Return)

    return act


def _task(window: MainWindow, task_id: int) -> Task:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task


def _reports(window: MainWindow) -> list[tuple[int, float, TaskStatus]]:
    with window.store.read() as session:  # type: ignore[union-attr]
        rows = session.exec(
            select(ProgressReport).where(ProgressReport.as_of == TODAY).order_by(col(ProgressReport.task_id))
        ).all()
        return [(row.task_id, row.progress, row.status) for row in rows]


def test_ok_on_one_task_reports_the_figure_it_has(
    qtbot: QtBot, dialog_window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    sheet = _sheet(dialog_window, demo_path, [AT_85])
    seen = _in_dialog(qtbot, _press_enter(qtbot))
    sheet.actions_by_name["report"].trigger()
    assert seen == ["progress=85%", "status=(from the progress)"]
    assert _reports(dialog_window) == [(AT_85, 85.0, TaskStatus.IN_PROGRESS)]
    task = _task(dialog_window, AT_85)
    assert (task.progress, task.status) == (85.0, TaskStatus.IN_PROGRESS)
    assert answers.questions == []


def test_tasks_at_different_figures_each_keep_their_own_unless_one_is_typed(
    qtbot: QtBot, dialog_window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(dialog_window, demo_path, [AT_75, AT_80])
    seen = _in_dialog(qtbot, _press_enter(qtbot))
    sheet.actions_by_name["report"].trigger()
    assert seen[0] == "progress=(each keeps its own: 75% to 80%)"
    assert _reports(dialog_window) == [
        (AT_75, 75.0, TaskStatus.IN_PROGRESS),
        (AT_80, 80.0, TaskStatus.IN_PROGRESS),
    ]
    # A figure typed applies to both.
    dialog_window.session.undo_stack.undo()  # type: ignore[union-attr]
    _in_dialog(qtbot, _type_figure(qtbot, "90"))
    sheet.actions_by_name["report"].trigger()
    assert _reports(dialog_window) == [
        (AT_75, 90.0, TaskStatus.IN_PROGRESS),
        (AT_80, 90.0, TaskStatus.IN_PROGRESS),
    ]


def test_a_lower_figure_is_asked_about_and_a_no_records_nothing(
    qtbot: QtBot, dialog_window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    sheet = _sheet(dialog_window, demo_path, [AT_85])
    before = snapshot(dialog_window.store)  # type: ignore[arg-type]
    answers.confirm = False
    _in_dialog(qtbot, _type_figure(qtbot, "60"))
    sheet.actions_by_name["report"].trigger()
    assert answers.questions == [
        "60% is lower than the progress this task has now (85%). Record the lower figure?"
    ]
    assert snapshot(dialog_window.store) == before  # type: ignore[arg-type]

    answers.confirm = True
    _in_dialog(qtbot, _type_figure(qtbot, "60"))
    sheet.actions_by_name["report"].trigger()
    assert _reports(dialog_window) == [(AT_85, 60.0, TaskStatus.IN_PROGRESS)]
    assert _task(dialog_window, AT_85).progress == 60.0


def test_the_dialog_starts_from_a_status_the_figure_does_not_say(qtbot: QtBot) -> None:
    dialog = ProgressDialog([40.0], [TaskStatus.SUSPENDED], datetime.date(2026, 11, 20), "dd/MM/yyyy")
    qtbot.addWidget(dialog)
    assert isinstance(dialog.progress, QDoubleSpinBox) and dialog.progress.value() == 40
    assert isinstance(dialog.status, QComboBox)
    assert dialog.status.currentData() == TaskStatus.SUSPENDED.value
    answer = dialog.answer()
    assert (answer.progress, answer.status) == (40.0, TaskStatus.SUSPENDED)


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(("typed", "figure"), [("2,5", 2.5), ("7.5", 7.5), ("12,5%", 12.5), ("40", 40.0)])
def test_a_figure_typed_with_either_decimal_mark_is_reported_as_typed(
    qtbot: QtBot, typed: str, figure: float, language: str
) -> None:
    """A whole-number box took 2,5 as 25; Qt's decimal box takes 7.5 as 75 in Vietnamese."""
    set_language(language)
    try:
        dialog = ProgressDialog([0.0], [TaskStatus.NOT_STARTED], datetime.date(2026, 11, 20), "dd/MM/yyyy")
        qtbot.addWidget(dialog)
        dialog.progress.setFocus()
        qtbot.keyClick(dialog.progress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.progress, typed)
        dialog.progress.interpretText()
        assert dialog.answer().progress == figure
        assert dialog.progress.text() == f"{decimal_text(figure)}%"
    finally:
        set_language("en")


def test_the_dialogs_figure_and_status_keep_in_agreement(qtbot: QtBot) -> None:
    dialog = ProgressDialog([60.0], [TaskStatus.IN_PROGRESS], datetime.date(2026, 11, 20), "dd/MM/yyyy")
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.COMPLETED.value))
    assert dialog.progress.value() == 100
    assert (dialog.answer().progress, dialog.answer().status) == (100.0, TaskStatus.COMPLETED)
    dialog.progress.setFocus()
    qtbot.keyClick(dialog.progress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.progress, "70")
    assert dialog.status.currentData() is None  # completed no longer: the figure says the status
    dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.NOT_STARTED.value))
    assert dialog.progress.value() == 0
