"""The undo history keeps the last steps up to its limit, and lets go of what a dropped step kept."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.ui import session as session_module
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn, TaskSheetModel

pytestmark = pytest.mark.gui


def _limited(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> tuple[Any, TaskSheetModel, int]:
    """The demo open with an undo history of `limit` steps: its stack, the sheet's model, a task."""
    monkeypatch.setattr(session_module, "UNDO_LIMIT", limit)
    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    model = window.editor.sheet.model
    return window.session.undo_stack, model, model.reading_order()[1]


def _rename(model: TaskSheetModel, task: int, *names: str) -> None:
    for name in names:
        assert model.setData(model.index_of(task, SheetColumn.NAME), name)


def test_the_undo_history_keeps_the_last_steps_up_to_its_limit(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack, model, task = _limited(window, demo_path, monkeypatch, 3)
    _rename(model, task, "một", "hai", "ba", "bốn")
    assert stack.count() == 3
    while stack.canUndo():
        stack.undo()
    # The oldest step gave way: its edit stands, the three after it are undone.
    assert model.data(model.index_of(task, SheetColumn.NAME)) == "một"
    for _step in range(3):
        stack.redo()
    assert model.data(model.index_of(task, SheetColumn.NAME)) == "bốn"


def test_a_dropped_step_is_freed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack, model, task = _limited(window, demo_path, monkeypatch, 2)
    _rename(model, task, "một")
    first = weakref.ref(stack.command(0)._step)
    clean_before = stack.isClean()
    _rename(model, task, "hai", "ba", "bốn")
    gc.collect()
    assert (stack.count(), stack.index(), clean_before, stack.cleanIndex()) == (2, 2, False, -1)
    assert first() is None  # the dropped step's journals are let go of
