"""Undo in the window when a record was changed since by another hand: one message, nothing undone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from tests.conftest import snapshot

pytestmark = pytest.mark.gui


def test_undo_of_a_record_changed_since_says_so_and_keeps_the_other_change(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    model = window.editor.sheet.model
    task_id = model.reading_order()[1]
    assert model.setData(model.index_of(task_id, SheetColumn.NAME), "Tên tôi sửa")
    assert window.session.undo_stack.count() == 1
    # Another user (another connection, as on a shared store) renames the same task meanwhile.
    with closing(sqlite3.connect(demo_path, isolation_level=None)) as other:
        other.execute("UPDATE task SET name = 'Tên người khác sửa' WHERE id = ?", (task_id,))
    theirs = snapshot(window.session.store)

    window.session.undo_stack.undo()

    assert messages == ["A record this step changed has been changed since; nothing was undone."]
    assert snapshot(window.session.store) == theirs


def test_a_step_refused_for_good_leaves_the_stack_and_undo_goes_on_to_the_steps_before_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    stack = window.session.undo_stack
    model = window.editor.sheet.model
    first, second = model.reading_order()[1:3]
    assert model.setData(model.index_of(first, SheetColumn.NAME), "Tên thứ nhất")
    assert model.setData(model.index_of(second, SheetColumn.NAME), "Tên thứ hai")
    with closing(sqlite3.connect(demo_path, isolation_level=None)) as other:
        other.execute("UPDATE task SET name = 'Tên người khác sửa' WHERE id = ?", (second,))
    theirs = snapshot(window.session.store)

    stack.undo()
    assert messages == ["A record this step changed has been changed since; nothing was undone."]
    assert snapshot(window.session.store) == theirs
    # The refused step is not offered to redo (it was never undone), and no more to undo.
    assert not stack.canRedo() and stack.count() == 1 and stack.undoText() != ""
    stack.redo()
    assert snapshot(window.session.store) == theirs and len(messages) == 1

    stack.undo()  # the step before it
    assert model.data(model.index_of(first, SheetColumn.NAME)) != "Tên thứ nhất"
    assert model.data(model.index_of(second, SheetColumn.NAME)) == "Tên người khác sửa"
    stack.redo()
    assert model.data(model.index_of(first, SheetColumn.NAME)) == "Tên thứ nhất"
    assert len(messages) == 1


def test_an_undo_refused_while_another_program_writes_the_file_can_be_tried_again(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    stack = window.session.undo_stack
    model = window.editor.sheet.model
    task = model.reading_order()[1]
    before = model.data(model.index_of(task, SheetColumn.NAME))
    assert model.setData(model.index_of(task, SheetColumn.NAME), "Tên tôi sửa")
    with closing(sqlite3.connect(demo_path, isolation_level=None, timeout=0)) as other:
        other.execute("BEGIN IMMEDIATE")
        stack.undo()
        other.execute("ROLLBACK")
    assert len(messages) == 1 and "try again" in messages[0]
    qtbot.waitUntil(lambda: stack.canUndo() and not stack.canRedo())
    stack.undo()  # the other program is done: the user tries again, as the message says
    assert model.data(model.index_of(task, SheetColumn.NAME)) == before
    assert len(messages) == 1


def test_a_redo_pressed_before_a_refused_undo_is_put_back_redoes_nothing_more(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dxplanner.services import undo as undo_service
    from dxplanner.store.server_store import ServerGoneError

    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    stack = window.session.undo_stack
    model = window.editor.sheet.model
    first, second, third = model.reading_order()[1:4]
    for task, name in ((first, "Tên A"), (second, "Tên B"), (third, "Tên C")):
        assert model.setData(model.index_of(task, SheetColumn.NAME), name)
    stack.undo()  # the third step is undone: one step to redo
    done_before = snapshot(window.session.store)

    def gone(*_args: object) -> object:
        raise ServerGoneError("Cannot reach the PostgreSQL server: the connection is closed.")

    with monkeypatch.context() as offline:
        offline.setattr(undo_service, "undo", gone)
        offline.setattr(undo_service, "redo", gone)
        stack.undo()  # the second step, refused while the server is away
        stack.redo()  # a key pressed before the stack is put back
        qtbot.wait(100)
    assert stack.index() == 2 and stack.count() == 3 and len(messages) == 1
    assert snapshot(window.session.store) == done_before  # the third step was not redone behind the user
    stack.redo()
    assert model.data(model.index_of(third, SheetColumn.NAME)) == "Tên C"
