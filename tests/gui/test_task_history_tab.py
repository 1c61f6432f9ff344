"""The History tab of a task on a shared plan: who changed which field from what to what; none on a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from dxplanner.services.files import open_plan
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.gui


@pytest.fixture
def shared_window(qtbot: QtBot, settings: QSettings, messages: list[str]) -> Iterator[MainWindow]:
    """The main window opening plans as the program does: files, and postgresql:// URLs."""
    window = MainWindow(settings, open_plan, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close_file()


def _rows(table: object) -> list[tuple[str, ...]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    return [
        tuple(
            (item.text() if (item := table.item(row, column)) else "")
            for column in range(table.columnCount())
        )
        for row in range(table.rowCount())
    ]


def test_a_tasks_history_tab_shows_each_edit_with_who_and_the_field_before_and_after(
    shared_window: MainWindow, demo_server_url: str, messages: list[str]
) -> None:
    assert shared_window.open_file(demo_server_url), messages
    editor = shared_window.editor
    assert editor is not None
    sheet = editor.sheet
    task_id = sheet.model.reading_order()[-1]
    old_name = sheet.model.data(sheet.model.index_of(task_id, SheetColumn.NAME))
    assert sheet.model.setData(
        sheet.model.index_of(task_id, SheetColumn.NAME), "Tên sửa trong cửa sổ", Qt.ItemDataRole.EditRole
    )
    sheet.select_task(task_id)
    details = editor.details
    tab = details.history
    assert tab is not None
    assert [details.tabText(number) for number in range(details.count())] == ["Task", "Plan", "History"]
    details.setCurrentWidget(tab)
    rows = _rows(tab.table)
    # The newest first: the rename, by the login the window signed in with.
    assert rows[0][1:] == (
        "postgres",
        f"changed: task {_code_and(sheet, task_id)}",
        "Task name",  # the field as the user knows it, not the column's name
        old_name,
        "Tên sửa trong cửa sổ",
    )
    # Undone in the window, the undo is the newest line; another task's history is not shown.
    shared_window.session.undo_stack.undo()  # type: ignore[union-attr]
    rows = _rows(tab.table)
    assert rows[0][3:] == ("Task name", "Tên sửa trong cửa sổ", old_name)
    other = sheet.model.reading_order()[0]
    sheet.select_task(other)
    assert all("Tên sửa trong cửa sổ" not in row for row in _rows(tab.table))
    assert messages == []


def _code_and(sheet: object, task_id: int) -> str:
    from dxplanner.ui.task_sheet import TaskSheet

    assert isinstance(sheet, TaskSheet)
    code = sheet.model.data(sheet.model.index_of(task_id, SheetColumn.CODE))
    return f"{code} Tên sửa trong cửa sổ" if code else "Tên sửa trong cửa sổ"


def test_a_plan_file_has_no_history_tab(shared_window: MainWindow, demo_path: Path) -> None:
    assert shared_window.open_file(demo_path)
    assert shared_window.editor is not None
    details = shared_window.editor.details
    assert details.history is None
    assert [details.tabText(number) for number in range(details.count())] == ["Task", "Plan"]


def test_a_record_added_to_a_task_is_one_line_of_its_history(
    shared_window: MainWindow, demo_server_url: str, messages: list[str]
) -> None:
    # A plan copied to the server was added record by record: each record is one line to read,
    # not one line for each of its columns.
    assert shared_window.open_file(demo_server_url), messages
    editor = shared_window.editor
    assert editor is not None
    task_id = editor.sheet.model.reading_order()[-1]
    editor.sheet.select_task(task_id)
    tab = editor.details.history
    assert tab is not None
    editor.details.setCurrentWidget(tab)
    rows = _rows(tab.table)
    added = [row for row in rows if row[2].startswith("added")]
    assert added, rows
    assert all(row[3:] == ("", "", "") for row in added)
