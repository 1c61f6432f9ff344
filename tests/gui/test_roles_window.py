"""The window on a shared plan offers what the user's role allows, and says why when the server refuses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import PlanRole
from dxplanner.services.files import open_plan
from dxplanner.services.shared import grant_role
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.conftest import TODAY
from tests.gui.keys import type_as_user, type_into_editor
from tests.role_fixtures import PLANNER, REPORTER, RolesPlan

pytestmark = pytest.mark.gui

NAME_REFUSED = "Your role on this plan (unit reporter) may not change a task's name; nothing was changed."


@pytest.fixture
def shared_window(qtbot: QtBot, settings: QSettings, messages: list[str]) -> Iterator[MainWindow]:
    window = MainWindow(settings, open_plan, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    yield window
    window.close_file()


def _sheet_of(window: MainWindow, plan: RolesPlan, login: str) -> TaskSheet:
    """The window signed in as login, on the action plan holding the reporter's unit's first task."""
    assert window.open_file(plan.url(login))
    plan_id = plan.scalar("SELECT plan_id FROM task WHERE id = :id", id=plan.led)
    assert isinstance(plan_id, int)
    window.select(NodeKey(NodeKind.PLAN, plan_id))
    assert window.editor is not None
    return window.editor.sheet


def _editable(sheet: TaskSheet, task_id: int, column: SheetColumn) -> bool:
    return bool(sheet.model.flags(sheet.model.index_of(task_id, column)) & Qt.ItemFlag.ItemIsEditable)


def _press_f2_on(qtbot: QtBot, sheet: TaskSheet, task_id: int, column: SheetColumn) -> None:
    sheet.select_task(task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)


def test_a_reporter_reports_progress_on_their_units_tasks_and_is_told_why_not_the_rest(
    qtbot: QtBot, shared_window: MainWindow, roles_plan: RolesPlan, messages: list[str]
) -> None:
    sheet = _sheet_of(shared_window, roles_plan, REPORTER)
    assert shared_window.role_label.text() == "Your role: unit reporter"
    assert _editable(sheet, roles_plan.led, SheetColumn.PROGRESS)
    assert _editable(sheet, roles_plan.cooperated, SheetColumn.STATUS)
    assert not _editable(sheet, roles_plan.other, SheetColumn.PROGRESS)
    for column in (SheetColumn.NAME, SheetColumn.LEAD, SheetColumn.COOPERATING, SheetColumn.END):
        assert not _editable(sheet, roles_plan.led, column), column
    assert not sheet.actions_by_name["add"].isEnabled() and not sheet.actions_by_name["delete"].isEnabled()
    assert sheet.actions_by_name["report"].isEnabled()

    # Trying to rename their own unit's task opens no editor: the status bar says why.
    said: list[str] = []
    sheet.notice.connect(said.append)
    _press_f2_on(qtbot, sheet, roles_plan.led, SheetColumn.NAME)
    assert sheet.view.state() != QAbstractItemView.State.EditingState
    assert said == [NAME_REFUSED]
    _press_f2_on(qtbot, sheet, roles_plan.other, SheetColumn.PROGRESS)
    assert said[-1] == (
        "Your role on this plan (unit reporter) lets you report only on the tasks your unit leads or "
        "cooperates on; nothing was changed."
    )
    # Insert (add a task below) is refused the same way, and nothing is added.
    tasks = roles_plan.scalar("SELECT count(*) FROM task")
    qtbot.keyClick(sheet.view, Qt.Key.Key_Insert)
    assert said[-1] == "Your role on this plan (unit reporter) may not add tasks; nothing was changed."
    assert roles_plan.scalar("SELECT count(*) FROM task") == tasks

    # Their own task's progress is typed in as on a file, and reaches the server.
    _press_f2_on(qtbot, sheet, roles_plan.led, SheetColumn.PROGRESS)
    type_as_user(qtbot, "55")
    assert roles_plan.scalar("SELECT progress FROM task WHERE id = :id", id=roles_plan.led) == 55
    assert messages == []


def test_a_name_typed_after_the_role_changed_is_refused_by_the_server_and_the_sheet_keeps_the_stored_one(
    qtbot: QtBot, shared_window: MainWindow, roles_plan: RolesPlan, boxes: list[str]
) -> None:
    sheet = _sheet_of(shared_window, roles_plan, PLANNER)
    assert shared_window.role_label.text() == "Your role: planner"
    stored = roles_plan.scalar("SELECT name FROM task WHERE id = :id", id=roles_plan.led)
    assert _editable(sheet, roles_plan.led, SheetColumn.NAME)
    # Meanwhile the administrator makes this login a reporter: only the server knows it yet.
    grant_role(roles_plan.url(), PLANNER, PlanRole.REPORTER, roles_plan.unit_code)

    _press_f2_on(qtbot, sheet, roles_plan.led, SheetColumn.NAME)
    type_into_editor(qtbot, "Tên mới do người báo cáo gõ")
    qtbot.waitUntil(lambda: boxes != [])
    assert boxes == [NAME_REFUSED]
    assert roles_plan.scalar("SELECT name FROM task WHERE id = :id", id=roles_plan.led) == stored
    name = sheet.model.index_of(roles_plan.led, SheetColumn.NAME)
    assert sheet.model.data(name, Qt.ItemDataRole.DisplayRole) == stored
    # No editor opens again to correct a name the role may not change; the window now knows the role.
    qtbot.wait(50)
    assert sheet.view.state() != QAbstractItemView.State.EditingState
    assert shared_window.role_label.text() == "Your role: unit reporter"
    assert not _editable(sheet, roles_plan.led, SheetColumn.NAME)
    assert _editable(sheet, roles_plan.led, SheetColumn.PROGRESS)
    assert not sheet.actions_by_name["add"].isEnabled()
    assert not shared_window.session.undo_stack.canUndo()  # type: ignore[union-attr]


def test_a_reporter_undoes_and_redoes_their_own_report_with_the_keys(
    qtbot: QtBot, shared_window: MainWindow, roles_plan: RolesPlan, messages: list[str]
) -> None:
    from dxplanner.ui.progress_dialog import ProgressAnswer

    sheet = _sheet_of(shared_window, roles_plan, REPORTER)

    def stored() -> tuple[object, object]:  # the task's progress, and how many reports it has
        task = roles_plan.led
        return (
            roles_plan.scalar("SELECT progress FROM task WHERE id = :id", id=task),
            roles_plan.scalar("SELECT count(*) FROM progress_report WHERE task_id = :id", id=task),
        )

    before = stored()
    assert isinstance(before[1], int)
    sheet._ask = lambda _standing: ProgressAnswer(TODAY, 55.0, None, "Đã xong phần khảo sát")
    sheet.select_task(roles_plan.led, SheetColumn.NAME)
    sheet.actions_by_name["report"].trigger()
    reported = (55.0, before[1] + 1)
    assert stored() == reported

    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored() == before
    qtbot.keyClick(sheet.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored() == reported
    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the redone report too
    assert stored() == before
    assert messages == []
