"""The import preview reads a procedures list when the user chooses that kind, says what is new, imports it
as one undoable step, and the estate's page of services then lists the procedures."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.core.indicator_table import TableKind
from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from tests.conftest import snapshot, without_estate
from tests.unit import catalogue_samples as samples

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 12, 6)


def test_choosing_the_procedures_kind_previews_and_imports_them(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(without_estate(demo_path))
    session = window.session
    assert session is not None
    before = snapshot(session.store)
    dialog = ImportDialog(session, samples.plan_then_procedures(tmp_path), TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    # The plan's tasks on the first sheet are found first; the user asks for the procedures.
    assert dialog.chosen_kind() is TableKind.TASKS and dialog.table is not None
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.kind.setCurrentIndex(dialog.kind.findData(TableKind.PROCEDURES))
    assert dialog.catalogue_table is not None and dialog.table is None
    assert dialog.status.text().startswith(
        "A catalogue of procedures on sheet “Phụ lục TTHC”, header on row 5: "
        "4 procedures, 4 new and 0 updated"
    )
    assert dialog.sheet.currentText() == "Phụ lục TTHC"
    assert dialog.tabs.currentWidget() is dialog.catalogue
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.tasks_page))
    assert not dialog.plan_name.isVisible()
    assert dialog.target.itemText(0) == "The estate of this plan file"
    shown = [
        [cell.text() if (cell := dialog.catalogue.item(row, column)) else "" for column in (0, 1, 2, 4, 8)]
        for row in range(dialog.catalogue.rowCount())
    ]
    assert shown == [
        ["1.001234", "Đăng ký đất đai lần đầu", "Đất đai", "Full-process online", "new"],
        ["2.000123.000.00.00.H56", "Cung cấp dữ liệu đất đai", "Đất đai", "Partial online", "new"],
        ["1.000894", "Đăng ký khai sinh", "Hộ tịch", "old level 4", "new"],
        ["1.001193", "Đăng ký kết hôn", "Hộ tịch", "old level 3", "new"],
    ]
    assert dialog.import_button.isEnabled()

    dialog.import_button.click()
    assert dialog.catalogue_outcome is not None
    assert (dialog.catalogue_outcome.added, dialog.catalogue_outcome.updated) == (4, 0)

    # The estate's page of services shows them.
    window.select(NodeKey(NodeKind.ESTATE_SERVICES))
    assert window.editor is not None
    page = window.editor.estate_page(NodeKind.ESTATE_SERVICES)
    names = {
        page.model.index(row, column).data() for row in range(page.model.rowCount()) for column in (0, 1)
    }
    assert {"Đăng ký đất đai lần đầu", "Đăng ký kết hôn"} <= names

    # One step: undone, the plan is as it was.
    window.edit_menu.actions()[0].trigger()
    assert snapshot(session.store) == before


def test_choosing_the_unit_of_a_text_recounts_what_is_new_and_what_is_updated(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(without_estate(demo_path))
    session = window.session
    assert session is not None
    first = ImportDialog(session, samples.procedures(tmp_path), TODAY, parent=window)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.ready, timeout=10_000):
        first.show()
    # A list that is no plan table is read as the catalogue its headings say.
    assert first.chosen_kind() is TableKind.PROCEDURES
    first.import_button.click()
    # The same list again, its land procedures' unit written so that no unit of the file is found.
    rows = samples.procedures_rows()
    rows[7][4] = rows[8][4] = "Phòng Đăng ký đất đai"
    again = ImportDialog(session, samples.procedures(tmp_path, rows, "lan-2.xlsx"), TODAY, parent=window)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.ready, timeout=10_000):
        again.show()
    assert "2 new and 2 updated" in again.status.text()
    combo = again.units.combos["Phòng Đăng ký đất đai"]
    combo.setCurrentIndex(combo.findText("Sở Tài nguyên và Môi trường"))
    assert "0 new and 4 updated" in again.status.text()
    marks = [cell.text() if (cell := again.catalogue.item(row, 8)) else "" for row in range(4)]
    assert marks == ["update"] * 4


def test_a_list_with_bad_rows_shows_them_and_cannot_be_imported(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    session = window.session
    assert session is not None
    rows = samples.systems_rows()
    rows[4][6] = "Cấp độ 9"
    dialog = ImportDialog(session, samples.systems(tmp_path, rows), TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert dialog.chosen_kind() is TableKind.SYSTEMS
    assert "1 errors" in dialog.status.text()
    assert dialog.tabs.currentWidget() is dialog.problems
    said = [cell.text() if (cell := dialog.problems.item(0, column)) else "" for column in range(3)]
    assert said == ["5", "G", "“Cấp độ 9” is no level of information security: the levels go from 1 to 5."]
    assert not dialog.import_button.isEnabled()
