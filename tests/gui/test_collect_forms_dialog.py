"""File > Collect progress forms…: forms previewed with their state and reason, rows ticked (conflicts
not), Apply writing one step that Ctrl+Z takes back; the Replies tab and its reminder list."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from dxplanner.core.text import fold
from dxplanner.excel import progress_form_layout as layout
from dxplanner.services.progress_forms import FormsChoice, write_forms
from dxplanner.ui.collect_forms_dialog import CollectFormsDialog
from dxplanner.ui.main_window import MainWindow
from tests.conftest import snapshot

pytestmark = pytest.mark.gui

NEW = FormsChoice(6, datetime.date(2026, 12, 31), datetime.date(2027, 1, 10))
ISSUED = datetime.datetime(2026, 11, 20, 9, 0)
TODAY = datetime.date(2027, 1, 12)  # two days after the deadline


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _menu_texts(window: MainWindow) -> list[str]:
    file_menu: Any = window.menuBar().actions()[0].menu()
    return [action.text() for action in file_menu.actions()]


def test_forms_are_previewed_applied_as_one_step_and_the_replies_listed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert "Co&llect progress forms…" in _menu_texts(window)
    assert window.open_file(demo_path)
    session = window.session
    assert session is not None
    written = write_forms(session.store, NEW, tmp_path / "forms", ISSUED)
    filled = written.forms[0]
    book: Any = openpyxl.load_workbook(filled.path)
    sheet = book.worksheets[0]
    sheet.cell(layout.FIRST_ROW, layout.PROGRESS).value = 75
    sheet.cell(layout.FIRST_ROW, layout.DIFFICULTY).value = "Thiếu kinh phí"
    book.save(filled.path)
    other: Any = openpyxl.Workbook()
    other.save(tmp_path / "khac.xlsx")
    before = snapshot(session.store)

    dialog = CollectFormsDialog(
        session, TODAY, window, choose_files=lambda _parent: [filled.path, tmp_path / "khac.xlsx"]
    )
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.add_files_button.click()
    forms = dialog.forms
    states = {_text(forms, row, 0): _text(forms, row, 2) for row in range(forms.rowCount())}
    assert states == {filled.path.name: "Accepted, late (due 10/01/2027)", "khac.xlsx": "Refused"}
    refused = next(row for row in range(forms.rowCount()) if _text(forms, row, 0) == "khac.xlsx")
    assert _text(forms, refused, 3) == "not a progress form written by dxplanner"
    rows = dialog.rows
    assert rows.rowCount() == 1
    tick = rows.item(0, 0)
    assert tick is not None and tick.checkState() == Qt.CheckState.Checked
    assert (_text(rows, 0, 4), _text(rows, 0, 7)) == ("75%", "Thiếu kinh phí")
    assert dialog.apply_button.isEnabled()

    dialog.apply_button.click()
    assert messages == [] and not dialog.isVisible()
    assert session.undo_stack.undoText() == "Collect progress forms"
    after = snapshot(session.store)
    assert len(after["progress_report"]) == len(before["progress_report"]) + 1
    assert len(after["form_receipt"]) == 1

    replies = CollectFormsDialog(session, TODAY, window).replies
    qtbot.addWidget(replies)
    table = replies.table
    said = {_text(table, row, 0): _text(table, row, 1) for row in range(table.rowCount())}
    assert len(said) == len(written.forms)
    names = list(said)
    assert names == sorted(names, key=fold)  # "Ủy ban…" among the U's, not after "Văn phòng…"
    assert said[filled.unit_name] == "Received late, on 12/01/2027"
    assert list(said.values()).count("Not yet sent, overdue") == len(written.forms) - 1
    replies.copy_button.click()
    reminder = QGuiApplication.clipboard().text()
    assert "it was due on 10/01/2027" in reminder
    assert filled.unit_name not in reminder
    assert all(form.unit_name in reminder for form in written.forms[1:])

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(session.store) == before
