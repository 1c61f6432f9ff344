"""The conflict dialog shows both versions whole: long names wrap in their cells, no scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from dxplanner.core.errors import ConflictError, RecordConflict
from dxplanner.services.conflicts import Difference, RecordDifferences
from dxplanner.ui.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui

MINE = (
    "Xây dựng Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP) giai đoạn 2, "
    "kết nối với các hệ thống của bộ, ngành"
)
THEIRS = "Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP) và kết nối Nền tảng NDXP theo Công văn 1552"


def _dialog(qtbot: QtBot, width: int) -> tuple[ConflictDialog, QMainWindow]:
    parent = QMainWindow()
    qtbot.addWidget(parent)
    parent.resize(width, 800)
    conflict = RecordConflict("task", 3, "Nhiệm vụ", THEIRS, 1, 2, {"name": MINE}, {"name": THEIRS})
    shown = [
        RecordDifferences(
            conflict, (Difference("name", "Tên nhiệm vụ", MINE, THEIRS, MINE, THEIRS),), "lethic, lúc 11:31"
        )
    ]
    dialog = ConflictDialog(ConflictError("Nhiệm vụ đã được người khác sửa.", [conflict]), shown, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, parent  # the window keeps the dialog alive


@pytest.mark.parametrize("width", [1366, 1920])
def test_both_versions_are_read_whole_without_scrolling_sideways(qtbot: QtBot, width: int) -> None:
    dialog, _window = _dialog(qtbot, width)
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0
    # Each version's cell is tall enough for its wrapped lines: the whole text is shown, not cut.
    for column in (2, 3):
        item = table.item(0, column)
        assert item is not None
        needed = table.fontMetrics().boundingRect(
            0, 0, table.columnWidth(column) - 12, 10_000, int(item.textAlignment()) | 0x1000, item.text()
        )
        assert table.rowHeight(0) >= needed.height()
    # The dialog fits the window it belongs to.
    assert dialog.width() <= width
