"""The details pane's add-link box: it suggests the plan's tasks as one types (accents or not), and it
starts empty for each task chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from tests.gui.test_link_checks import CORE_DATA_LIST, VNEID, _refused

REPORTING_RULES = 355  # "Sửa đổi quy định về chế độ báo cáo ...": it comes after another task

pytestmark = pytest.mark.gui


def test_the_box_suggests_tasks_by_unaccented_words_and_a_suggestion_names_one_task(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path) and window.editor is not None
    window.show()
    window.editor.sheet.select_task(VNEID)
    box = window.editor.details.task.add_link
    box.setFocus()
    qtbot.keyClicks(box, "du lieu cot loi")
    completer = box.completer()
    popup = completer.popup() if completer is not None else None
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert shown and all("cốt lõi" in text.lower() for text in shown), shown
    row = next(number for number, text in enumerate(shown) if "Ban hành danh mục dữ liệu cốt lõi" in text)
    assert shown[row].split(" ", 1)[0].isdigit()  # its number first, as the sheet shows it
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # Enter on a suggestion takes it and adds the link
    assert box.text() == shown[row]
    assert _refused(messages), messages  # the one task chosen, refused for its dates (not "2 tasks match")


def test_the_box_starts_empty_when_another_task_is_chosen(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path) and window.editor is not None
    window.editor.sheet.select_task(VNEID)
    box = window.editor.details.task.add_link
    box.setFocus()
    qtbot.keyClicks(box, "abc")
    window.editor.sheet.select_task(CORE_DATA_LIST)
    QApplication.processEvents()
    assert box.text() == ""


def test_the_link_table_shows_its_type_and_lag_in_a_narrow_details_pane(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path) and window.editor is not None
    window.show()
    details = window.editor.details
    window.editor.sheet.select_task(REPORTING_RULES)
    links = details.task.links.table
    assert links.rowCount() >= 1
    details.resize(380, details.height())
    details.task.links.resize(340, links.height())
    QApplication.processEvents()
    header = links.horizontalHeader()
    room = links.viewport().width()
    for column in (1, 2):  # the link's type and its lag, beside the long name of the task
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room, column
        assert header.sectionSize(column) >= links.fontMetrics().horizontalAdvance("FS"), column
