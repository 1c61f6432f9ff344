"""Dates typed into the details beside the sheet (baseline and actual dates): what is typed is saved."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.core.models import Task
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from tests.conftest import snapshot
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

DECREE = 353  # in the 2026 plan, with no actual dates yet
PLAN_2026 = 6
D = datetime.date


def _field(window: MainWindow, demo_path: Path, name: str) -> QWidget:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    window.editor.sheet.select_task(DECREE)
    form = window.editor.details.task
    assert form.record_id == DECREE
    return form.fields[name].widget


def _retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def _task(window: MainWindow) -> Task:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, DECREE)
    assert task is not None
    return task


@pytest.mark.parametrize(
    ("field", "first", "second"),
    [("actual_start", "15/02/2026", "20/03/2026"), ("baseline_end", "15/10/2026", "20/11/2026")],
)
def test_a_date_typed_into_a_detail_field_is_the_date_saved(
    qtbot: QtBot, window: MainWindow, demo_path: Path, field: str, first: str, second: str
) -> None:
    widget = _field(window, demo_path, field)
    for typed in (first, second):
        _retype(qtbot, widget, typed)
        day, month, year = (int(part) for part in typed.split("/"))
        assert getattr(_task(window), field) == D(year, month, day)
    _retype(qtbot, widget, "")
    assert getattr(_task(window), field) is None


def test_a_text_that_is_no_date_is_refused_in_the_details(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    widget = _field(window, demo_path, "actual_start")
    before = snapshot(window.store)  # type: ignore[arg-type]
    _retype(qtbot, widget, "đầu năm")
    assert messages and "is not a date" in messages[-1] and "dd/mm/yyyy" in messages[-1]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
