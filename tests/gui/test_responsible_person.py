"""A task's responsible person: a sheet column hidden until asked for, and a field of the details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.models import Task
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.keys import type_into_editor, type_text

pytestmark = pytest.mark.gui

PLAN_2026 = 6
CORE_DATA_LIST = 354  # a task of the demo's plan of 2026


def _person(window: MainWindow, task_id: int) -> str | None:
    assert window.store is not None
    with window.store.read() as session:
        return session.exec(select(Task.responsible_person).where(Task.id == task_id)).one()


def test_the_person_is_typed_in_its_sheet_column_and_shown_in_the_details(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None and window.editor.sheet.plan_id == PLAN_2026
    sheet = window.editor.sheet
    assert sheet.view.isColumnHidden(SheetColumn.PERSON)  # most plans name units only
    sheet.view.setColumnHidden(SheetColumn.PERSON, False)  # as the header's menu of columns does
    sheet.select_task(CORE_DATA_LIST, SheetColumn.PERSON)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    type_into_editor(qtbot, "đ/c Nguyễn Văn Minh")
    assert _person(window, CORE_DATA_LIST) == "đ/c Nguyễn Văn Minh"
    assert sheet.model.data(sheet.model.index_of(CORE_DATA_LIST, SheetColumn.PERSON)) == "đ/c Nguyễn Văn Minh"

    details = window.editor.details.task
    assert details.record_id == CORE_DATA_LIST
    field = details.fields["responsible_person"].widget
    assert isinstance(field, QLineEdit) and field.text() == "đ/c Nguyễn Văn Minh"
    # Typed in the details, it is in the sheet too; one undo takes it back.
    field.setFocus()
    field.selectAll()
    type_text(field, "Đồng chí Lan")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _person(window, CORE_DATA_LIST) == "Đồng chí Lan"
    assert sheet.model.data(sheet.model.index_of(CORE_DATA_LIST, SheetColumn.PERSON)) == "Đồng chí Lan"
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert _person(window, CORE_DATA_LIST) == "đ/c Nguyễn Văn Minh"
