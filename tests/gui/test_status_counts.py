"""The status bar counts a plan's tasks only while the plan's sheet is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind

pytestmark = pytest.mark.gui

PLAN_2026 = 6


def test_the_task_counts_leave_the_status_bar_with_the_sheet_and_come_back_with_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    counts = window._counts_label
    assert counts.isVisible() and "63 tasks shown" in counts.text()
    strategy = next(key for key in window.all_keys() if key.kind is NodeKind.DASHBOARD)
    window.select(strategy)
    assert not counts.isVisible()
    window.select(NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert not counts.isVisible()
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert counts.isVisible() and "63 tasks shown" in counts.text()
