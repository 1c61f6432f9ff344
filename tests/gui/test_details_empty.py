"""With no task chosen, the details beside the sheet say so and offer nothing to edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind

pytestmark = pytest.mark.gui

PLAN_2026 = 6
DECREE = 353


def test_the_details_of_no_task_show_no_values_and_cannot_be_edited_until_a_task_is_chosen(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    form = window.editor.details.task
    form.show_record(None)
    assert "No task" in form.heading.text()
    for bound in form.fields.values():
        editor = bound.widget
        assert not editor.isEnabled(), bound.spec.name
        if isinstance(editor, QComboBox):
            assert editor.currentText() in ("", "—"), bound.spec.name  # not "Low"
        if isinstance(editor, QPlainTextEdit):
            assert editor.toPlainText() == "", bound.spec.name
        elif isinstance(editor, QLineEdit):
            assert editor.text() == "", bound.spec.name
    window.editor.sheet.select_task(DECREE)
    assert form.record_id == DECREE and "No task" not in form.heading.text()
    assert all(bound.widget.isEnabled() for bound in form.fields.values())
    assert form.fields["priority"].widget.currentText()  # type: ignore[attr-defined]


def test_a_task_the_search_hides_leaves_the_details_and_one_it_keeps_stays_current(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    sheet, form = window.editor.sheet, window.editor.details.task
    sheet.select_task(DECREE)
    assert form.record_id == DECREE
    sheet.search.setText("nghi dinh")  # the decree's own words: it stays, current
    assert sheet.current_task() == DECREE and form.record_id == DECREE
    sheet.search.setText("VNeID")  # it is filtered out: the details show no task
    assert sheet.current_task() is None
    assert form.record_id is None and "No task" in form.heading.text()
