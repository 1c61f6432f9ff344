"""Two users edit the same task: the second sees both versions in the conflict dialog and chooses by keys.

One user works in the window; the other writes through a store of their own on the same plan
(the file opened again without its lock, or the same database on the server). Each choice
leaves the expected row in the plan, and the sheet shows the stored values after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.enums import FundingSource, TaskStatus
from dxplanner.core.models import ActionPlan
from dxplanner.services import edits, records
from dxplanner.services.files import open_plan
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.server_store import open_server
from dxplanner.ui.conflict_dialog import ConflictDialog
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.conftest import TODAY
from tests.gui.keys import open_editor, type_text

pytestmark = pytest.mark.gui

Key = tuple[Qt.Key, Qt.KeyboardModifier]
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


@dataclass
class Shared:
    """The window of one user and the store of another, on the same plan."""

    window: MainWindow
    other: OpenPlan
    task_id: int
    on_server: bool


@pytest.fixture(params=["file", "server"])
def shared(
    request: pytest.FixtureRequest, qtbot: QtBot, settings: QSettings, messages: list[str]
) -> Iterator[Shared]:
    """The demo plan open in the window, and a second user's store on it; the last task of the first
    plan shown in the sheet."""
    if request.param == "file":
        location: str | Path = request.getfixturevalue("demo_path")
        other: OpenPlan = open_plan_file(Path(location), lock=False)
    else:
        # Prepared as `server init` leaves it: the tests' superuser an administrator, changes announced.
        location = request.getfixturevalue("live_url")
        other = open_server(str(location))
    window = MainWindow(settings, open_plan, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    assert window.open_file(location), messages
    assert window.live is None or window.live.wait_listening(10)
    plan = _plans(other)[0]
    window.select(NodeKey(NodeKind.PLAN, plan))
    assert window.editor is not None
    model = window.editor.sheet.model
    leaves = [task_id for task_id in model.reading_order() if not model.has_children(task_id)]
    yield Shared(window, other, leaves[-1], request.param == "server")
    other.close()
    window.close_file()


def _plans(plan: OpenPlan) -> list[int]:
    """The ids of the action plans, the earliest first."""
    with plan.read() as session:
        return [
            found.id
            for found in session.exec(select(ActionPlan).order_by(col(ActionPlan.start))).all()
            if found.id
        ]


@dataclass
class DialogWatch:
    """Answers the conflict dialog when it opens, key by key, and notes what it showed."""

    keys: list[Key]
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    intro: str = ""
    opened: int = 0

    def start(self) -> QTimer:
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: self._answer(timer))
        timer.start()
        return timer

    def _answer(self, timer: QTimer) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            return
        timer.stop()
        self.opened += 1
        table = dialog.table
        self.intro = dialog.intro.text()
        self.rows = [
            tuple(table.item(row, column).text() for column in range(4))  # type: ignore[misc, union-attr]
            for row in range(table.rowCount())
        ]
        # Offscreen there is no window manager to make the dialog the active window, as a desktop does.
        dialog.activateWindow()
        QApplication.processEvents()
        for key, modifiers in self.keys:
            QTest.keyClick(QApplication.focusWidget() or dialog, key, modifiers)


def _edit_cell(
    qtbot: QtBot,
    shared: Shared,
    column: SheetColumn,
    text: str,
    watch: DialogWatch,
    meanwhile: Callable[[], object] = lambda: None,
) -> None:
    """Type text into a task's cell; while its editor is open, the other user makes their change."""
    sheet = shared.window.editor.sheet  # type: ignore[union-attr]
    sheet.select_task(shared.task_id, column)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    editor = open_editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, text)
    meanwhile()
    timer = watch.start()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits an editor's data on the next turn of the event loop
    timer.stop()
    # Others' changes that waited for the edit to end are shown now (on a server, as they come).
    qtbot.waitUntil(lambda: not shared.window.session.holding, timeout=3000)  # type: ignore[union-attr]


def _stored(plan: OpenPlan, task_id: int) -> records.TaskRecord:
    found = records.task(plan, task_id)
    assert found is not None
    return found


def _shown(shared: Shared, column: SheetColumn) -> str:
    model = shared.window.editor.sheet.model  # type: ignore[union-attr]
    return str(model.data(model.index_of(shared.task_id, column), Qt.ItemDataRole.DisplayRole))


def _their_change(shared: Shared, **fields: object) -> Callable[[], object]:
    """The other user's edit of the same task, from the version stored when they make it."""
    return lambda: edits.update_task(
        shared.other, shared.task_id, seen=_stored(shared.other, shared.task_id).version, **fields
    )


def test_keep_mine_writes_my_value_over_theirs_and_keeps_their_other_changes(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    theirs = _their_change(shared, name="Tên do người khác sửa", notes="ghi chú của họ")
    watch = DialogWatch([(Qt.Key.Key_K, ALT)])
    _edit_cell(qtbot, shared, SheetColumn.NAME, "Tên tôi sửa", watch, theirs)
    # Only the name is in conflict: they changed the notes too, which I did not touch.
    assert watch.opened == 1 and messages == []
    assert [row[1:] for row in watch.rows] == [("Task name", "Tên tôi sửa", "Tên do người khác sửa")]
    # A server's history says who made the other version; a file keeps none.
    assert ("changed by postgres, at " in watch.intro) is shared.on_server
    stored = _stored(shared.other, shared.task_id)
    assert (stored.name, stored.notes) == ("Tên tôi sửa", "ghi chú của họ")
    assert _shown(shared, SheetColumn.NAME) == "Tên tôi sửa"
    assert _shown(shared, SheetColumn.NOTES) == "ghi chú của họ"


def test_take_theirs_drops_my_edit_and_the_sheet_shows_theirs(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    theirs = _their_change(shared, name="Tên do người khác sửa")
    undo = shared.window.session.undo_stack  # type: ignore[union-attr]
    steps = undo.count()
    watch = DialogWatch([(Qt.Key.Key_Escape, NONE)])
    _edit_cell(qtbot, shared, SheetColumn.NAME, "Tên tôi sửa", watch, theirs)
    assert watch.opened == 1 and messages == []
    assert _stored(shared.other, shared.task_id).name == "Tên do người khác sửa"
    assert _shown(shared, SheetColumn.NAME) == "Tên do người khác sửa"
    assert undo.count() == steps  # nothing was made, so there is nothing to undo


def test_merge_keeps_mine_where_ticked_and_theirs_elsewhere(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    # They suspended the task at 20%; I type 60%, which would also make it "in progress".
    theirs = _their_change(shared, progress=20, status=TaskStatus.SUSPENDED)
    # Down to the status row, Space unticks my status, Alt+M merges: my figure, their status.
    watch = DialogWatch([(Qt.Key.Key_Down, NONE), (Qt.Key.Key_Space, NONE), (Qt.Key.Key_M, ALT)])
    _edit_cell(qtbot, shared, SheetColumn.PROGRESS, "60", watch, theirs)
    assert watch.opened == 1 and messages == []
    assert [row[1:] for row in watch.rows] == [
        ("Progress", "60", "20"),
        ("Status", "In progress", "Suspended"),
    ]
    stored = _stored(shared.other, shared.task_id)
    assert (stored.progress, stored.status) == (60, TaskStatus.SUSPENDED)
    row = shared.window.editor.sheet.model.sheet_row(shared.task_id)  # type: ignore[union-attr]
    assert row is not None and (row.progress, row.status) == (60, TaskStatus.SUSPENDED)
    assert _shown(shared, SheetColumn.PROGRESS) == "60%"


def test_their_change_to_another_field_of_the_task_is_no_conflict_and_both_stand(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    watch = DialogWatch([(Qt.Key.Key_Escape, NONE)])
    _edit_cell(qtbot, shared, SheetColumn.NAME, "Tên tôi sửa", watch, _their_change(shared, notes="của họ"))
    assert watch.opened == 0 and messages == []
    stored = _stored(shared.other, shared.task_id)
    assert (stored.name, stored.notes) == ("Tên tôi sửa", "của họ")
    assert (_shown(shared, SheetColumn.NAME), _shown(shared, SheetColumn.NOTES)) == ("Tên tôi sửa", "của họ")


def test_an_edit_without_anyone_elses_change_between_opens_no_dialog(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    watch = DialogWatch([(Qt.Key.Key_Escape, NONE)])
    _edit_cell(qtbot, shared, SheetColumn.NAME, "Tên mới", watch)
    _edit_cell(qtbot, shared, SheetColumn.NOTES, "Ghi chú mới", watch)
    assert watch.opened == 0 and messages == []
    stored = _stored(shared.other, shared.task_id)
    assert (stored.name, stored.notes) == ("Tên mới", "Ghi chú mới")


def test_a_budget_line_edited_in_the_details_meets_their_change_and_keeps_mine(
    qtbot: QtBot, shared: Shared, messages: list[str]
) -> None:
    line = add_budget_line(
        shared.other, shared.task_id, source=FundingSource.LOCAL_BUDGET, year=2026, planned=100_000_000
    ).id
    plan_editor = shared.window.editor
    assert plan_editor is not None and line is not None
    details = plan_editor.details
    details.task.show_record(shared.task_id)
    budget = details.task.record_tables[1]
    row = budget.table.rowCount() - 1  # lines are listed in the order added
    seen = records.budget_lines_of(shared.other, shared.task_id)[-1].version
    watch = DialogWatch([(Qt.Key.Key_K, ALT)])
    budget.table.setCurrentCell(row, 2)
    item = budget.table.item(row, 2)
    assert item is not None
    budget.table.editItem(item)
    editor = open_editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "300000000")
    edits.update_budget_line(shared.other, line, seen=seen, planned=200_000_000)
    timer = watch.start()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    timer.stop()
    qtbot.waitUntil(lambda: not shared.window.session.holding, timeout=3000)  # type: ignore[union-attr]
    assert watch.opened == 1 and messages == []
    assert watch.rows[0][1] == "Planned amount"
    assert records.budget_lines_of(shared.other, shared.task_id)[-1].planned == 300_000_000
    assert budget.table.item(row, 2).text() == "300,000,000"  # type: ignore[union-attr]
