"""The import preview shows, row by row, what the reading guessed: joined, filled down, read as a heading."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.main_window import MainWindow
from tests.unit import excel_structure_samples as samples

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)


def _preview(qtbot: QtBot, window: MainWindow, demo_path: Path, workbook: Path) -> ImportDialog:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ImportDialog(window.session, workbook, TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    return dialog


def _item(dialog: ImportDialog, row: int) -> QTreeWidgetItem:
    """The tree's line for a worksheet row, found by its "Row" column."""
    tree = dialog.tasks
    row_column = tree.columnCount() - 2
    pending = [tree.topLevelItem(index) for index in range(tree.topLevelItemCount())]
    while pending:
        item = pending.pop()
        assert item is not None
        if item.text(row_column) == str(row):
            return item
        pending.extend(item.child(index) for index in range(item.childCount()))
    raise AssertionError(f"no line for row {row}")


def _click(qtbot: QtBot, dialog: ImportDialog, item: QTreeWidgetItem) -> None:
    tree = dialog.tasks
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_each_rows_guesses_are_in_its_line_its_tooltip_and_the_detail_line(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    dialog = _preview(qtbot, window, demo_path, samples.build_merged_over_tasks(tmp_path).path)
    tree = dialog.tasks
    guesses = tree.columnCount() - 1
    assert tree.headerItem().text(guesses) == "Guesses"

    filled = _item(dialog, 7)  # task b): lead unit, deadline and product from the merged cells above
    assert "Lead unit filled down from row 6 (one merged cell)." in filled.text(guesses)
    assert filled.toolTip(guesses).splitlines() == [
        "Lead unit filled down from row 6 (one merged cell).",
        "Timeline filled down from row 6 (one merged cell).",
        "Product filled down from row 6 (one merged cell).",
    ]
    assert filled.toolTip(1) == filled.toolTip(guesses)  # also over the task's name
    joined = _item(dialog, 8)  # task c), whose name goes on in row 9
    assert "Row 9 joined to it" in joined.text(guesses)
    assert _item(dialog, 4).text(guesses) == ""

    _click(qtbot, dialog, joined)
    assert tree.currentItem() is joined
    detail = dialog.tasks.detail
    assert detail.isVisible()
    assert detail.text().startswith("Row 8, “Nền tảng họp trực tuyến kết nối đến các xã, phường”:")
    assert "Row 9 joined to it: no number, only more of its text." in detail.text()

    _click(qtbot, dialog, _item(dialog, 4))
    assert (
        detail.text()
        == "Row 4, “Cập nhật Kiến trúc chính quyền số của tỉnh”: read as written, nothing guessed."
    )


def test_a_heading_row_says_why_it_is_a_group(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    dialog = _preview(qtbot, window, demo_path, samples.build_unnumbered_subgroups(tmp_path).path)
    heading = _item(dialog, 6)
    _click(qtbot, dialog, heading)
    assert dialog.tasks.detail.text() == (
        "Row 6, “Nhóm nhiệm vụ về dữ liệu”: A group heading: no number, but written in bold."
    )
    assert heading.font(1).bold()
