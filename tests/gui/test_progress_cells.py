"""Progress and status cells: what the sheet shows is what is stored, or the edit says what else it did."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import Task
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.keys import open_editor, type_as_user, type_text

pytestmark = pytest.mark.gui

DECREE = 353  # in progress, 75%, 01/07/2026 - 30/09/2026
CORE_DATA_LIST = "Ban hành danh mục dữ liệu cốt lõi, dữ liệu quan trọng của bộ, ngành"
CORE_DATA = 354  # completed, 100%, 01/01/2026 - 31/03/2026
PLAN_2026 = 6


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    return window.editor.sheet


def _edit(qtbot: QtBot, sheet: TaskSheet, task_id: int, column: SheetColumn) -> None:
    sheet.select_task(task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)


def _choose(qtbot: QtBot, words: str) -> None:
    """Pick a status in the open list by typing its first letters, then Enter."""
    combo = open_editor()
    assert isinstance(combo, QComboBox)
    type_text(combo, words)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()


def _stored(window: MainWindow, task_id: int) -> tuple[float, TaskStatus]:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task.progress, task.status


def _shown(sheet: TaskSheet, task_id: int) -> tuple[str, str]:
    model = sheet.model
    return (
        model.data(model.index_of(task_id, SheetColumn.PROGRESS)),
        model.data(model.index_of(task_id, SheetColumn.STATUS)),
    )


def test_60_typed_on_a_completed_task_shows_60_and_takes_it_back_to_in_progress_in_one_step(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, CORE_DATA, SheetColumn.PROGRESS)
    type_as_user(qtbot, "60")
    assert _stored(window, CORE_DATA) == (60.0, TaskStatus.IN_PROGRESS)
    assert _shown(sheet, CORE_DATA) == ("60%", "Late")  # it was due on 31/03/2026
    assert window.statusBar().currentMessage() == (
        f"“{CORE_DATA_LIST}” is at 60% now, so its status is in progress."
    )
    assert messages == []
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert _stored(window, CORE_DATA) == (100.0, TaskStatus.COMPLETED)
    assert _shown(sheet, CORE_DATA) == ("100%", "Done")


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [("2,5", 2.5, "2.5%"), ("7.5", 7.5, "7.5%"), ("12,5%", 12.5, "12.5%"), ("40 %", 40.0, "40%")],
)
def test_a_progress_typed_with_a_decimal_mark_is_stored_as_typed(
    qtbot: QtBot,
    window: MainWindow,
    demo_path: Path,
    messages: list[str],
    typed: str,
    stored: float,
    shown: str,
) -> None:
    """Either decimal mark is read (a Vietnamese user types a comma): neither is dropped to make 25 of 2,5."""
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, DECREE, SheetColumn.PROGRESS)
    type_as_user(qtbot, typed)
    assert _stored(window, DECREE) == (stored, TaskStatus.IN_PROGRESS)
    assert _shown(sheet, DECREE)[0] == shown
    assert messages == []
    _edit(qtbot, sheet, DECREE, SheetColumn.PROGRESS)
    assert open_editor().text() == shown.removesuffix("%")  # type: ignore[attr-defined]


def test_a_progress_that_is_no_number_is_refused_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    _edit(qtbot, sheet, DECREE, SheetColumn.PROGRESS)
    type_as_user(qtbot, "một nửa")
    assert messages == ["Progress: 'một nửa' is not a number."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert _shown(sheet, DECREE)[0] == "75%"


def test_100_typed_on_a_task_in_progress_completes_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, DECREE, SheetColumn.PROGRESS)
    type_as_user(qtbot, "100")
    assert _stored(window, DECREE) == (100.0, TaskStatus.COMPLETED)
    assert _shown(sheet, DECREE) == ("100%", "Done")


def test_completed_chosen_on_a_task_at_75_takes_it_to_100_and_says_so(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, DECREE, SheetColumn.STATUS)
    _choose(qtbot, "Comp")
    assert _stored(window, DECREE) == (100.0, TaskStatus.COMPLETED)
    assert _shown(sheet, DECREE) == ("100%", "Done")
    assert "its progress is 100%" in window.statusBar().currentMessage()
    assert messages == []
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert _stored(window, DECREE) == (75.0, TaskStatus.IN_PROGRESS)


def test_not_started_chosen_on_a_task_at_75_takes_it_to_0_and_says_so(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, DECREE, SheetColumn.STATUS)
    _choose(qtbot, "Not")
    assert _stored(window, DECREE) == (0.0, TaskStatus.NOT_STARTED)
    assert _shown(sheet, DECREE)[0] == "0%"
    assert "its progress is 0%" in window.statusBar().currentMessage()


def test_in_progress_chosen_on_a_task_at_100_is_refused_with_what_to_do_instead(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    _edit(qtbot, sheet, CORE_DATA, SheetColumn.STATUS)
    _choose(qtbot, "In")
    assert messages == [
        f"“{CORE_DATA_LIST}” is at 100%, which is done. To take it back to in progress, type the "
        "progress it has really made in its Progress cell: the status follows."
    ]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert _shown(sheet, CORE_DATA) == ("100%", "Done")


def test_in_progress_chosen_on_an_undated_task_at_0_says_why_it_still_shows_not_started(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    store = open_plan_file(demo_path)
    task_id = create_task(store, PLAN_2026, name="Khảo sát hiện trạng").id
    store.close()
    assert task_id is not None
    sheet = _sheet(window, demo_path)
    _edit(qtbot, sheet, task_id, SheetColumn.STATUS)
    _choose(qtbot, "In")
    assert _stored(window, task_id) == (0.0, TaskStatus.IN_PROGRESS)
    assert _shown(sheet, task_id) == ("0%", "Not started")
    assert window.statusBar().currentMessage() == (
        "“Khảo sát hiện trạng” is in progress, but shows as not started until its progress is above 0%."
    )
