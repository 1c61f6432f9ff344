"""Two windows on one server: a change made in one appears in the other, which keeps its place."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.models import Task
from dxplanner.services import edits, new_records
from dxplanner.services.files import open_plan
from dxplanner.store.server_store import open_server
from dxplanner.ui.gui import create_plan
from dxplanner.ui.live_link import Backoff
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.conftest import TODAY
from tests.gui.keys import open_editor, type_text
from tests.gui.test_dashboard import _actual

pytestmark = pytest.mark.gui

# How long a test waits for another window's change to arrive; how soon it arrives (within a second)
# is measured by bench.live_changes, not here, where other work may share the machine.
WITHIN_MS = 10_000


def shared_window(qtbot: QtBot, settings: QSettings, url: str, messages: list[str]) -> MainWindow:
    """A window on the plan at url, listening for others' changes."""
    window = MainWindow(settings, open_plan, create_plan, today=lambda: TODAY, reconnect=Backoff(0.1, 0.5))
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    assert window.open_file(url), messages
    assert window.live is not None and window.live.wait_listening(10)
    return window


@pytest.fixture
def two_windows(
    qtbot: QtBot, settings: QSettings, messages: list[str], live_url: str
) -> Iterator[tuple[MainWindow, MainWindow]]:
    """Two users' windows on the demo plan on one server, each with its own connections."""
    first = shared_window(qtbot, settings, live_url, messages)
    second = shared_window(qtbot, settings, live_url, messages)
    yield first, second
    first.close_file()
    second.close_file()


def _sheet(window: MainWindow) -> TaskSheet:
    assert window.editor is not None and window.editor.sheet.plan_id is not None
    return window.editor.sheet


def _name_shown(sheet: TaskSheet, task_id: int) -> object:
    return sheet.model.data(sheet.model.index_of(task_id, SheetColumn.NAME))


def _selected(sheet: TaskSheet) -> set[tuple[int | None, int]]:
    chosen = sheet.view.selectionModel().selectedIndexes()
    return {(sheet.model.task_id(index), index.column()) for index in chosen}


def _top_task(sheet: TaskSheet) -> int | None:
    return sheet.model.task_id(sheet.view.indexAt(QPoint(1, 1)))


def test_an_edit_in_one_window_appears_in_the_other_by_itself(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], messages: list[str]
) -> None:
    mine, theirs = two_windows
    sheet, their_sheet = _sheet(mine), _sheet(theirs)
    assert sheet.plan_id == their_sheet.plan_id
    task_id = sheet.model.reading_order()[5]
    assert sheet.model.setData(
        sheet.model.index_of(task_id, SheetColumn.NAME), "Tên sửa ở máy khác", Qt.ItemDataRole.EditRole
    )
    qtbot.waitUntil(lambda: _name_shown(their_sheet, task_id) == "Tên sửa ở máy khác", timeout=WITHIN_MS)
    assert messages == []


def test_a_task_added_above_keeps_the_other_windows_selection_current_cell_and_scroll(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], messages: list[str]
) -> None:
    mine, theirs = two_windows
    their_sheet = _sheet(theirs)
    view, model = their_sheet.view, their_sheet.model
    shown = [task_id for task_id in model.reading_order() if model.index_of(task_id).isValid()]
    # The other user has two cells of two rows selected, the cursor on the first, and has
    # scrolled down so that the cursor is off the screen.
    first, second = shown[1], shown[3]
    selection = view.selectionModel()
    selection.setCurrentIndex(
        model.index_of(first, SheetColumn.NAME), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    selection.select(model.index_of(second, SheetColumn.END), QItemSelectionModel.SelectionFlag.Select)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 12
    bar.setValue(12)
    QApplication.processEvents()
    before = (_selected(their_sheet), their_sheet.current_task(), view.currentIndex().column())
    top = _top_task(their_sheet)
    assert top not in (first, second) and len(before[0]) == 2

    plan_id = their_sheet.plan_id
    assert plan_id is not None
    added = new_records.new_task(mine.store, plan_id, parent_id=None, position=0)  # type: ignore[arg-type]
    assert added.id is not None
    qtbot.waitUntil(lambda: model.index_of(added.id).isValid(), timeout=WITHIN_MS)  # type: ignore[arg-type]
    QApplication.processEvents()
    assert (_selected(their_sheet), their_sheet.current_task(), view.currentIndex().column()) == before
    # The same task at the top: the rows slid down by the one added above, and the view with them.
    assert _top_task(their_sheet) == top
    assert bar.value() == 13
    assert messages == []


def test_a_cell_being_typed_in_keeps_its_text_while_another_user_changes_the_same_task(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], live_url: str, messages: list[str]
) -> None:
    mine, theirs = two_windows
    their_sheet = _sheet(theirs)
    task_id = their_sheet.model.reading_order()[4]
    their_sheet.select_task(task_id, SheetColumn.NAME)
    their_sheet.view.setFocus()
    qtbot.keyClick(their_sheet.view, Qt.Key.Key_F2)
    editor = open_editor()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "Tên đang gõ")

    edits.update_task(mine.store, task_id, notes="Ghi chú của người kia")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: theirs.session is not None and theirs.session.holding, timeout=WITHIN_MS)
    qtbot.wait(100)  # time for a refresh, had the change not waited
    assert their_sheet.view.state() == their_sheet.view.State.EditingState
    assert editor.text() == "Tên đang gõ"
    assert their_sheet.model.data(their_sheet.model.index_of(task_id, SheetColumn.NOTES)) != (
        "Ghi chú của người kia"
    )

    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Once the edit is over: the other user's change shows, and what was typed was saved.
    qtbot.waitUntil(
        lambda: (
            their_sheet.model.data(their_sheet.model.index_of(task_id, SheetColumn.NOTES))
            == "Ghi chú của người kia"
        ),
        timeout=WITHIN_MS,
    )
    assert _name_shown(their_sheet, task_id) == "Tên đang gõ"
    server = open_server(live_url)
    with server.read() as session:
        task = session.exec(select(Task).where(Task.id == task_id)).one()
        assert (task.name, task.notes) == ("Tên đang gõ", "Ghi chú của người kia")
    server.close()
    assert messages == []


def test_a_detail_field_being_typed_in_keeps_its_text_while_the_rest_of_the_task_updates(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], live_url: str, messages: list[str]
) -> None:
    mine, theirs = two_windows
    their_sheet = _sheet(theirs)
    assert theirs.editor is not None
    qtbot.waitUntil(lambda: theirs.editor is not None and theirs.editor._details is not None)
    task_id = their_sheet.model.reading_order()[4]
    their_sheet.select_task(task_id, SheetColumn.NAME)
    form = theirs.editor.details.task
    person = form.fields["responsible_person"].widget
    assert isinstance(person, QLineEdit) and form.record_id == task_id
    person.setFocus()
    qtbot.waitUntil(person.hasFocus)
    qtbot.keyClick(person, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(person, "Nguyễn Văn A")

    edits.update_task(mine.store, task_id, name="Tên do người kia đặt")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: form.heading.text().endswith("Tên do người kia đặt"), timeout=WITHIN_MS)
    assert person.text() == "Nguyễn Văn A"  # still being typed: not put back to what is stored
    qtbot.keyClick(person, Qt.Key.Key_Return)
    server = open_server(live_url)
    with server.read() as session:
        task = session.exec(select(Task).where(Task.id == task_id)).one()
        assert (task.name, task.responsible_person) == ("Tên do người kia đặt", "Nguyễn Văn A")
    server.close()
    assert messages == []


def test_the_gantt_and_the_dashboard_follow_another_windows_edits(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], messages: list[str]
) -> None:
    mine, theirs = two_windows
    sheet, their_sheet = _sheet(mine), _sheet(theirs)
    task_id = next(
        task
        for task in their_sheet.model.reading_order()
        if not their_sheet.model.has_children(task)
        and (rolled := their_sheet.model.rolled(task)) is not None
        and rolled.progress < 50
        and rolled.end is not None
    )
    # The chart beside their sheet: the task's bar grows when its end moves a month later.
    chart = their_sheet.gantt
    their_sheet.show_chart(True)
    QApplication.processEvents()
    bar = chart.bar_rect(task_id)
    assert bar is not None
    end = sheet.model.rolled(task_id).end  # type: ignore[union-attr]
    assert end is not None
    assert sheet.model.setData(
        sheet.model.index_of(task_id, SheetColumn.END), end.replace(day=1) + datetime.timedelta(days=62)
    )
    qtbot.waitUntil(
        lambda: (now := chart.bar_rect(task_id)) is not None and now.width() > bar.width(), timeout=WITHIN_MS
    )

    # Their dashboard, on screen: the reported progress curve rises when the task is done.
    plan_id = their_sheet.plan_id
    theirs.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert theirs.editor is not None
    dashboard = theirs.editor.dashboard
    dashboard.plan.setCurrentIndex(dashboard.plan.findData(plan_id))
    qtbot.wait(300)  # the charts drawn once, before the edit
    before = _actual(theirs)
    assert sheet.model.setData(sheet.model.index_of(task_id, SheetColumn.PROGRESS), 100)
    # The change arrives as fast as in the sheet; the dashboard then reads its figures and draws
    # its charts again (matplotlib, some 0.2 s on an idle machine, more on a busy one).
    qtbot.waitUntil(lambda: _actual(theirs) != before, timeout=3000)
    assert _actual(theirs)[-1] > before[-1]
    assert messages == []
