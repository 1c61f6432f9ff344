"""The window sets a shown plan's objects aside from the cycle collector, and frees them with the plan."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_a_plan_shown_is_set_aside_from_full_collections_and_freed_once_closed(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    window._settle_timer.setInterval(50)  # the user pauses at once
    assert window.open_file(demo_path)
    assert window.editor is not None
    editor = weakref.ref(window.editor)
    model = weakref.ref(window.editor.sheet.model)

    # After a pause the plan's objects stand outside the collector's full passes, which stalled edits.
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    assert gc.get_freeze_count() > 10_000

    window.close_file()
    # Closed, the plan is handed back: its sheet and editor are freed, cycles and all.
    assert gc.get_freeze_count() == 0
    qtbot.waitUntil(lambda: (gc.collect(), editor() is None and model() is None)[1], timeout=5_000)
