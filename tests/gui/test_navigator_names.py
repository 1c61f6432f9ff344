"""The navigator names each plan and strategy so that the part that tells them apart stays in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKind

pytestmark = pytest.mark.gui


def _rows(window: MainWindow, kind: NodeKind) -> list[QModelIndex]:
    model = window.navigator_model
    found, pending = [], [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        key = model.key(index)
        if key is not None and key.kind is kind:
            found.append(index)
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    return found


def _shown(window: MainWindow, index: QModelIndex) -> str:
    """The row's text as the navigator paints it in its width: cut as the view cuts it."""
    view = window.navigator
    view.scrollTo(index)
    room = view.visualRect(index).width() - 8  # the item's margins
    return view.fontMetrics().elidedText(str(index.data()), view.textElideMode(), room)


@pytest.mark.parametrize("kind", [NodeKind.PLAN, NodeKind.STRATEGY])
def test_plans_and_strategies_keep_their_years_in_sight_and_say_their_whole_name_on_hover(
    qtbot: QtBot, window: MainWindow, demo_path: Path, kind: NodeKind
) -> None:
    window.show()
    assert window.open_file(demo_path)
    window.navigator.expandAll()
    rows = _rows(window, kind)
    assert len(rows) >= (2 if kind is NodeKind.PLAN else 1)
    shown = [_shown(window, index) for index in rows]
    assert len(set(shown)) == len(shown), shown  # no two rows read the same
    for index, text in zip(rows, shown, strict=True):
        assert text[:4].isdigit(), text  # the year comes first, where it is never cut
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()  # the whole name on hover
