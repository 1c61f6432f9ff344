"""The whole file through Excel in the window: export off the GUI thread, restore as one undoable step."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from dxplanner.store.plan_file import create_plan_file
from dxplanner.ui.data_exchange import write_export
from dxplanner.ui.main_window import MainWindow
from tests.conftest import snapshot


def test_a_data_workbook_exported_from_the_window_restores_into_a_new_file(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    demo = snapshot(window.session.store)
    workbook = tmp_path / "data.xlsx"
    assert write_export(window, window.session, workbook) == workbook
    assert workbook.exists() and messages == []

    empty_path = tmp_path / "empty.dxplan"
    create_plan_file(empty_path)
    assert window.open_file(empty_path)
    session = window.session
    assert session is not None
    empty = snapshot(session.store)
    assert window.import_workbook(workbook)  # recognised as ours: no preview, restored whole
    assert snapshot(session.store) == demo
    assert session.undo_stack.undoText() == "Import data.xlsx"
    session.undo_stack.undo()
    assert snapshot(session.store) == empty
    session.undo_stack.redo()
    assert snapshot(session.store) == demo


def test_a_data_workbook_is_refused_by_a_file_that_holds_records(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    before = snapshot(window.session.store)
    workbook = tmp_path / "data.xlsx"
    assert write_export(window, window.session, workbook) == workbook
    assert not window.import_workbook(workbook)
    assert messages and "new or empty plan file" in messages[-1]
    assert snapshot(window.session.store) == before
    assert window.session.undo_stack.count() == 0


def test_an_export_that_cannot_be_written_says_so(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    assert write_export(window, window.session, tmp_path / "missing" / "data.xlsx") is None
    assert messages and "cannot be written" in messages[-1]
