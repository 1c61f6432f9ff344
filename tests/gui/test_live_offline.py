"""A window whose server goes away: it says so, keeps what it shows read-only, and catches up when back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.models import Task
from dxplanner.services import edits
from dxplanner.store.server_store import open_server
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.keys import open_editor, type_text
from tests.gui.test_live_windows import WITHIN_MS, _name_shown, _sheet, shared_window
from tests.postgres_cluster import ScratchCluster

pytestmark = pytest.mark.gui


def _cut_off(cluster: ScratchCluster, database: str, keep: frozenset[int]) -> None:
    """As if this machine lost the server: its connections end, and new ones are refused (others'
    connections, in keep, go on)."""
    cluster.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
    spared = ", ".join(str(pid) for pid in keep) or "0"
    cluster.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid NOT IN ({spared})"
    )


def _let_back(cluster: ScratchCluster, database: str) -> None:
    cluster.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")


def test_a_window_that_loses_its_server_says_so_refuses_edits_and_catches_up_when_it_is_back(
    qtbot: QtBot,
    settings: QSettings,
    messages: list[str],
    live_url: str,
    postgres_cluster: ScratchCluster,
) -> None:
    window = shared_window(qtbot, settings, live_url, messages)
    plan_editor = window.editor
    assert plan_editor is not None
    qtbot.waitUntil(lambda: plan_editor._details is not None)  # built just after the sheet is first shown
    sheet = _sheet(window)
    view = sheet.view
    edited, changed_meanwhile = sheet.model.reading_order()[3], sheet.model.reading_order()[6]
    shown_before = _name_shown(sheet, edited)
    other = open_server(live_url)  # another user, whose connection stays up
    with other.read() as session:
        session.exec(select(Task.id)).first()
    database = live_url.rsplit("/", 1)[1]
    _cut_off(postgres_cluster, database, keep=other.own_backends())
    try:
        qtbot.waitUntil(lambda: window.offline is not None, timeout=5000)
        assert window.offline_banner.isVisible()
        assert window.offline_banner.text().startswith(
            f"Offline: cannot reach the server {live_url}. What you see stays on screen, read-only"
        )
        assert window.offline_banner.toolTip().startswith("Cannot reach the PostgreSQL server")
        assert window.saved_label.text() == "Offline: changes cannot be saved"
        assert not window.navigator.isEnabled()
        assert not plan_editor.details.isEnabled()  # nothing can be typed where it could not be saved
        assert _name_shown(sheet, edited) == shown_before  # what was on screen stays

        # An edit is refused in words, and the cell opens again holding what was typed.
        sheet.select_task(edited, SheetColumn.NAME)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = open_editor()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(editor, "Tên gõ khi mất kết nối")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(messages) == 1, timeout=WITHIN_MS)
        assert messages[0].startswith("Cannot reach the PostgreSQL server")
        assert "The change was not saved." in messages[0]
        qtbot.waitUntil(lambda: view.state() == view.State.EditingState, timeout=WITHIN_MS)
        reopened = open_editor()
        assert isinstance(reopened, QLineEdit) and reopened.text() == "Tên gõ khi mất kết nối"
        qtbot.keyClick(reopened, Qt.Key.Key_Escape)

        # Meanwhile the other user changes a task: this window cannot hear it now.
        edits.update_task(other, changed_meanwhile, name="Đổi khi máy kia mất kết nối")
        qtbot.wait(300)
        assert _name_shown(sheet, changed_meanwhile) != "Đổi khi máy kia mất kết nối"
    finally:
        _let_back(postgres_cluster, database)

    qtbot.waitUntil(lambda: window.offline is None, timeout=5000)
    assert not window.offline_banner.isVisible() and window.navigator.isEnabled()
    assert plan_editor.details.isEnabled()
    assert window.saved_label.text().startswith("All changes saved")
    # Back: everything is read again, the change made meanwhile included.
    qtbot.waitUntil(
        lambda: _name_shown(sheet, changed_meanwhile) == "Đổi khi máy kia mất kết nối", timeout=WITHIN_MS
    )
    with other.read() as session:
        kept = session.exec(select(Task.name).where(Task.id == edited)).one()
    assert kept == shown_before  # the refused edit wrote nothing

    # And editing works again.
    assert sheet.model.setData(
        sheet.model.index_of(edited, SheetColumn.NAME), "Tên gõ khi có kết nối lại", Qt.ItemDataRole.EditRole
    )
    with other.read() as session:
        assert session.exec(select(Task.name).where(Task.id == edited)).one() == "Tên gõ khi có kết nối lại"
    other.close()
    assert len(messages) == 1


def test_a_write_that_finds_the_server_gone_says_what_was_not_saved_and_the_window_checks_the_server(
    qtbot: QtBot, settings: QSettings, messages: list[str], live_url: str
) -> None:
    window = shared_window(qtbot, settings, live_url, messages)
    plan_editor = window.editor
    assert plan_editor is not None and window.store is not None
    qtbot.waitUntil(lambda: plan_editor._details is not None)
    sheet = _sheet(window)
    task_id = sheet.model.reading_order()[4]
    sheet.select_task(task_id, SheetColumn.NAME)
    form = plan_editor.details.task
    person = form.fields["responsible_person"].widget
    assert isinstance(person, QLineEdit) and form.record_id == task_id
    # The store finds the server gone as the field is saved, before the listener has noticed.
    window.store.offline = "Cannot reach the PostgreSQL server: the connection is closed."  # type: ignore[attr-defined]
    person.setFocus()
    qtbot.waitUntil(person.hasFocus)
    type_text(person, "Trần Thị B")
    qtbot.keyClick(person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=WITHIN_MS)
    assert "What you entered, “Trần Thị B”, was not saved." in messages[0]
    # The window went offline at once, and had the listener try the server: it answers, so
    # editing is allowed again (and the plan read afresh).
    qtbot.waitUntil(lambda: window.offline is None, timeout=5000)
    assert window.statusBar().currentMessage().startswith("Connected to ")
    assert window.store.offline is None  # type: ignore[attr-defined]
    assert window.offline_banner.isHidden() and plan_editor.details.isEnabled()
    assert len(messages) == 1


def test_a_server_gone_before_the_details_are_built_takes_the_window_offline_not_down(
    qtbot: QtBot, settings: QSettings, messages: list[str], live_url: str
) -> None:
    window = shared_window(qtbot, settings, live_url, messages)
    plan_editor = window.editor
    assert plan_editor is not None and window.store is not None
    assert plan_editor._details is None  # built just after the sheet is first painted
    # The store finds the server gone as the details read their lists.
    window.store.offline = "Cannot reach the PostgreSQL server: the connection is closed."  # type: ignore[attr-defined]
    went_offline: list[str] = []
    assert window.session is not None
    window.session.connection_lost.connect(went_offline.append)
    qtbot.waitUntil(lambda: went_offline != [], timeout=WITHIN_MS)  # no error in the event loop
    # The listener finds the server answering: the window is back, with its details built then.
    qtbot.waitUntil(lambda: window.offline is None and plan_editor._details is not None, timeout=WITHIN_MS)
    assert plan_editor.details.isEnabled() and messages == []


def test_an_undo_that_finds_the_server_gone_stays_to_be_tried_again_once_it_is_back(
    qtbot: QtBot, settings: QSettings, messages: list[str], live_url: str
) -> None:
    window = shared_window(qtbot, settings, live_url, messages)
    assert window.session is not None and window.store is not None
    stack = window.session.undo_stack
    sheet = _sheet(window)
    task_id = sheet.model.reading_order()[5]
    shown_before = _name_shown(sheet, task_id)
    assert sheet.model.setData(sheet.model.index_of(task_id, SheetColumn.NAME), "Tên sẽ được hoàn tác")
    window.store.offline = "Cannot reach the PostgreSQL server: the connection is closed."  # type: ignore[attr-defined]

    stack.undo()
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=WITHIN_MS)
    assert "The change was not saved." in messages[0] and "try again" in messages[0]
    # The step stays where it was: still to undo, nothing to redo.
    qtbot.waitUntil(lambda: stack.canUndo() and not stack.canRedo(), timeout=WITHIN_MS)
    assert stack.index() == stack.count() == 1

    qtbot.waitUntil(lambda: window.offline is None, timeout=5000)
    stack.undo()
    qtbot.waitUntil(lambda: _name_shown(sheet, task_id) == shown_before, timeout=WITHIN_MS)
    with window.store.read() as session:
        assert session.exec(select(Task.name).where(Task.id == task_id)).one() == shown_before
    assert stack.canRedo() and len(messages) == 1
