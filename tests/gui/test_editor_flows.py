"""What committee staff do all day, driven through the real window from the keyboard."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.models import ProgressReport, Task, Unit
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKind
from dxplanner.ui.progress_dialog import ProgressAnswer
from dxplanner.ui.sheet_model import SheetColumn
from tests.conftest import snapshot
from tests.gui.conftest import Answers
from tests.gui.keys import type_into_editor

pytestmark = pytest.mark.gui

NAMES = [
    "Hoàn thiện thể chế",
    "Ban hành quy chế quản lý dữ liệu",
    "Ban hành kiến trúc Chính phủ số",
    "Rà soát thủ tục hành chính",
    "Cập nhật danh mục dữ liệu dùng chung",
    "Phát triển hạ tầng số",
    "Nâng cấp LGSP",
    "Kết nối NDXP",
    "Mở rộng Trung tâm dữ liệu",
    "Giám sát an toàn thông tin (SOC)",
]


@pytest.fixture
def agency_file(plan_path: Path) -> Path:
    """An empty plan file of an agency that has set up its units."""
    store = open_plan_file(plan_path)
    ministry = create_unit(store, code="BTTTT", name="Bộ Thông tin và Truyền thông", short_name="Bộ TT&TT").id
    create_unit(
        store, code="CDS", name="Cục Chuyển đổi số quốc gia", short_name="Cục CĐS", parent_id=ministry
    )
    create_unit(store, code="ATTT", name="Cục An toàn thông tin", parent_id=ministry)
    store.close()
    return plan_path


def _tasks(window: MainWindow) -> list[Task]:
    assert window.store is not None
    with window.store.read() as session:
        return list(session.exec(select(Task).order_by(col(Task.id))).all())


def _by_name(window: MainWindow) -> dict[str, Task]:
    return {task.name: task for task in _tasks(window)}


def test_a_day_of_editing_then_undo_to_the_start_and_redo(
    qtbot: QtBot, window: MainWindow, agency_file: Path, answers: Answers, messages: list[str]
) -> None:
    window.open_file(agency_file)
    assert window.store is not None and window.editor is not None
    original = snapshot(window.store)

    # Add a strategy and an action plan from the Insert menu.
    insert = {action.text(): action for action in window.insert_menu.actions()}
    insert["New &strategy"].trigger()
    insert["New action &plan"].trigger()
    assert window.current_key() is not None and window.current_key().kind is NodeKind.PLAN  # type: ignore[union-attr]
    sheet = window.editor.sheet
    assert window.editor.stack.currentWidget() is window.editor.plan_page

    # Type ten tasks with the keyboard only.
    sheet.view.setFocus()
    for name in NAMES:
        qtbot.keyClick(sheet.view, Qt.Key.Key_Insert)
        type_into_editor(qtbot, name)
    assert [task.name for task in sorted(_tasks(window), key=lambda task: task.position)] == NAMES

    # Indent them into two groups.
    for name in NAMES[1:5] + NAMES[6:]:
        sheet.select_task(_by_name(window)[name].id or 0)
        qtbot.keyClick(
            sheet.view,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    tasks = _by_name(window)
    first, second = tasks[NAMES[0]].id, tasks[NAMES[5]].id
    assert [tasks[name].parent_id for name in NAMES] == [
        None,
        first,
        first,
        first,
        first,
        None,
        second,
        second,
        second,
        second,
    ]
    assert sheet.model.rowCount() == 2

    # Set lead units by typing part of a name.
    for name, typed in ((NAMES[6], "chuyen doi"), (NAMES[9], "an toan thong")):
        sheet.select_task(_by_name(window)[name].id or 0, SheetColumn.LEAD)
        qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
        type_into_editor(qtbot, typed)
    with window.store.read() as session:
        units = {unit.code: unit.id for unit in session.exec(select(Unit)).all()}
    tasks = _by_name(window)
    assert (tasks[NAMES[6]].lead_unit_id, tasks[NAMES[9]].lead_unit_id) == (units["CDS"], units["ATTT"])

    # Paste a block copied from a spreadsheet, heading row and all, below the last task.
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    clipboard.setText(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\n"
        "5\tXây dựng kho dữ liệu dùng chung\tCục CĐS\tQuý III/2026\n"
        "6\tĐào tạo kỹ năng số cho cán bộ\tbo thong tin\tHằng năm\n"
    )
    sheet.select_task(_by_name(window)[NAMES[9]].id or 0)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = _by_name(window)["Xây dựng kho dữ liệu dùng chung"]
    assert pasted.parent_id == second and pasted.lead_unit_id == units["CDS"]
    assert (pasted.planned_start, pasted.planned_end) == (
        datetime.date(2026, 7, 1),
        datetime.date(2026, 9, 30),
    )
    assert messages == []

    # Report progress on two tasks in one gesture.
    answers.progress = ProgressAnswer(datetime.date(2026, 11, 20), 60, None, "Đang triển khai")
    sheet.view.clearSelection()
    for name in NAMES[6:8]:
        index = sheet.model.index_of(_by_name(window)[name].id or 0, SheetColumn.NAME)
        sheet.view.selectionModel().select(index, sheet.view.selectionModel().SelectionFlag.Select)
    sheet.actions_by_name["report"].trigger()
    with window.store.read() as session:
        reports = session.exec(select(ProgressReport.remark)).all()
    assert reports == ["Đang triển khai", "Đang triển khai"]
    assert _by_name(window)[NAMES[6]].progress == 60
    done = snapshot(window.store)
    steps = window.session.undo_stack.count()  # type: ignore[union-attr]
    assert steps >= 2 + 10 + 8 + 2 + 1 + 1

    # Undo everything back to the start: the file is exactly as it was.
    while window.session.undo_stack.canUndo():  # type: ignore[union-attr]
        qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.store) == original
    assert not [key for key in window.all_keys() if key.kind in (NodeKind.STRATEGY, NodeKind.PLAN)]
    assert window.editor.sheet.model.rowCount() == 0

    # And redo it all.
    while window.session.undo_stack.canRedo():  # type: ignore[union-attr]
        qtbot.keyClick(sheet.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.store) == done
    assert messages == []
