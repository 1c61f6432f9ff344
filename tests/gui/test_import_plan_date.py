"""The import preview's plan date: shown as the title rows give it, typed for a draft that has none."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.main_window import MainWindow
from tests.unit import excel_cell_samples as samples

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 5, 4)


def _type_date(qtbot: QtBot, dialog: ImportDialog, text: str) -> None:
    """Type into the plan's date box as a user does, and leave it with Enter."""
    dialog.plan_date.setFocus()
    dialog.plan_date.selectAll()
    qtbot.keyClicks(dialog.plan_date, text)
    qtbot.keyClick(dialog.plan_date, Qt.Key.Key_Return)


def _open(
    qtbot: QtBot, window: MainWindow, demo_path: Path, workbook: Path, date_format: str = "%d/%m/%Y"
) -> ImportDialog:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ImportDialog(window.session, workbook, TODAY, date_format, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    return dialog


def test_a_drafts_deadlines_are_dated_once_the_plans_date_is_typed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    dialog = _open(qtbot, window, demo_path, samples.build_relative_deadline_in_a_draft(tmp_path).path)
    assert dialog.table is not None and dialog.plan_date.text() == ""
    assert dialog.table.tasks[0].end is None
    assert any("counts from the plan's date" in problem.message for problem in dialog.table.warnings)

    # A date that cannot be: said in the status line, and the table stays as read.
    before = dialog.table
    _type_date(qtbot, dialog, "31/02/2026")
    assert "is not a date" in dialog.status.text()
    assert dialog.table is before

    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        _type_date(qtbot, dialog, "12/03/2026")
    assert dialog.table.tasks[0].end == datetime.date(2026, 6, 10)
    assert "deadline counted from the plan's date 12/03/2026" in dialog.table.tasks[0].guesses
    assert dialog.table.warnings == []
    assert dialog.plan_date.text() == "12/03/2026"


def test_the_date_the_title_rows_give_is_shown(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    dialog = _open(qtbot, window, demo_path, samples.build_deadlines_in_words(tmp_path).path)
    assert dialog.plan_date.text() == "12/03/2026"
    assert dialog.table is not None and dialog.table.tasks[0].end == datetime.date(2026, 6, 10)


def test_the_plans_date_says_how_to_write_it_in_the_windows_date_format(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    workbook = samples.build_relative_deadline_in_a_draft(tmp_path).path
    dialog = _open(qtbot, window, demo_path, workbook, "%Y-%m-%d")
    assert dialog.plan_date.placeholderText() == "yyyy-mm-dd"  # as the date shown in it is written
