"""A step dropped by the undo limit lets go of what its undo kept."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.ui import session as session_module
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn

pytestmark = pytest.mark.gui


def test_a_dropped_step_is_freed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "UNDO_LIMIT", 2)
    assert window.open_file(demo_path)
    assert window.editor is not None and window.session is not None
    stack = window.session.undo_stack
    model = window.editor.sheet.model
    task = model.reading_order()[1]
    assert model.setData(model.index_of(task, SheetColumn.NAME), "một")
    first = weakref.ref(stack.command(0)._step)  # type: ignore[attr-defined]
    clean_before = stack.isClean()
    for name in ("hai", "ba", "bốn"):
        assert model.setData(model.index_of(task, SheetColumn.NAME), name)
    gc.collect()
    assert (stack.count(), stack.index(), clean_before, stack.cleanIndex()) == (2, 2, False, -1)
    assert first() is None  # the dropped step's journals are let go of
