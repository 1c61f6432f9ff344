"""What a first edit needs is made ready while the window idles after opening, and nothing is written."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.keys import type_into_editor


def _connections_ready(store: PlanStore) -> bool:
    """Whether every connection an edit may be given already holds change capture's log.

    Looked at only while every pooled connection is idle: with one out (a background reading),
    taking two would make a new one, and the pool would keep it in place of a ready one.
    """
    pool = store.engine.pool
    assert isinstance(pool, sa.pool.QueuePool)
    if pool.checkedout() or pool.checkedin() < pool.size():
        return False
    with ExitStack() as held:
        connections = [held.enter_context(store.engine.connect()) for _ in range(pool.size())]
        return all(
            connection.exec_driver_sql("SELECT 1 FROM temp.sqlite_master WHERE name = 'dx_change'").first()
            is not None
            for connection in connections
        )


def _file_state(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.glob("*journal*"))


def test_opening_and_idling_makes_editing_ready_and_leaves_the_file_as_it_was(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    before = _file_state(demo_path)
    store = window.store
    assert store is not None and window.session is not None
    qtbot.waitUntil(lambda: _connections_ready(store), timeout=5000)
    qtbot.wait(200)
    assert _file_state(demo_path) == before
    assert window.session.undo_stack.count() == 0
    assert store.last_journal.changes == ()


def test_the_first_edit_after_idling_is_made_and_undone(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None and window.session is not None and window.editor is not None
    qtbot.waitUntil(lambda: _connections_ready(store), timeout=5000)
    sheet = window.editor.sheet
    task = next(task for task in sheet.model.reading_order() if not sheet.model.has_children(task))
    row = sheet.model.sheet_row(task)
    assert row is not None
    index = sheet.model.index_of(task, SheetColumn.NAME)
    sheet.view.setCurrentIndex(index)
    sheet.view.edit(index)
    type_into_editor(qtbot, "Renamed first")
    renamed = sheet.model.sheet_row(task)
    assert renamed is not None and renamed.name == "Renamed first"
    window.session.undo_stack.undo()
    restored = sheet.model.sheet_row(task)
    assert restored is not None and restored.name == row.name
