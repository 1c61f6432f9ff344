"""File > Import > Architecture (ArchiMate)…: the preview, a unit chosen by hand, the import, Ctrl+Z."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dxplanner.services.estate_exchange import save_map
from dxplanner.services.estate_import import read_estate_file
from dxplanner.services.estate_view import estate_map
from dxplanner.ui.estate_import_dialog import NEW_UNIT, EstateImportDialog, import_architecture
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from tests.conftest import snapshot

pytestmark = pytest.mark.gui

ARCHI_FILE = Path(__file__).resolve().parents[1] / "data" / "archimate" / "archi_province.xml"
LGSP = "LGSP tỉnh Bắc Giang"


def _names_on_map(window: MainWindow) -> set[str]:
    assert window.editor is not None
    scene = window.editor.estate_map.scene
    assert scene is not None
    return {item.element.name for item in scene.boxes.values()}


def _names_in_systems_table(window: MainWindow) -> set[str]:
    assert window.editor is not None
    model = window.editor.estate_page(NodeKind.ESTATE_SYSTEMS).model
    return {
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }


def test_the_preview_is_imported_as_one_step_the_map_shows_it_and_ctrl_z_takes_it_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    session, editor = window.session, window.editor
    assert session is not None and editor is not None
    before = snapshot(session.store)
    editor.toggle_estate_map(window.current_key())
    assert LGSP not in _names_on_map(window) | _names_in_systems_table(window)
    dialog = EstateImportDialog(session, ARCHI_FILE, read_estate_file(ARCHI_FILE), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()

    # The national portal the file names without an owner is the demo's own: updated, not doubled.
    assert "Systems: 5 new, 1 updated, 0 unchanged" in dialog.counts.text()
    assert dialog.skipped.rowCount() == len(dialog.preview.skipped) > 0
    reason = dialog.skipped.item(0, 2)
    assert reason is not None and reason.text()  # each with its reason
    # A unit of the file the plan lacks is to be made, unless the user chooses one of the plan's.
    new = [ref for ref, combo in dialog.units.combos.items() if combo.currentData() == NEW_UNIT]
    assert new and f"{len(new)} new" in dialog.counts.text()
    combo = dialog.units.combos[new[0]]
    combo.setCurrentIndex(1)  # the first of the plan's units
    assert f"{len(new) - 1} new" in dialog.counts.text()

    dialog.import_button.click()

    assert dialog.result() == EstateImportDialog.DialogCode.Accepted and dialog.outcome is not None
    assert session.undo_stack.undoText() == "Import architecture"
    assert LGSP in _names_on_map(window) and LGSP in _names_in_systems_table(window)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(session.store) == before
    assert LGSP not in _names_on_map(window) | _names_in_systems_table(window)


def test_a_file_that_is_not_an_exchange_file_is_one_message_and_no_dialog(
    window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    other = tmp_path / "notes.xml"
    other.write_text("<notes/>", encoding="utf-8")
    before = snapshot(window.session.store)

    assert not import_architecture(window, window.session, other)

    assert messages == ["notes.xml is not an ArchiMate Open Exchange file."]
    assert snapshot(window.session.store) == before


def test_the_file_menus_import_architecture_asks_for_a_file_and_imports_it(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_file(demo_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(ARCHI_FILE), ""))
    shown: list[EstateImportDialog] = []

    def import_at_once(dialog: EstateImportDialog) -> int:
        shown.append(dialog)
        dialog.import_now()  # as if Import were pressed in the dialog
        return int(dialog.result())

    monkeypatch.setattr(EstateImportDialog, "exec", import_at_once)

    window.import_architecture_action.trigger()

    assert shown and shown[0].outcome is not None
    window.select(NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert LGSP in _names_in_systems_table(window)


def test_the_plans_own_export_has_nothing_to_import(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    session = window.session
    assert session is not None
    exported = tmp_path / "kien-truc.xml"
    save_map(estate_map(session.store, datetime.date.today()), exported)

    dialog = EstateImportDialog(session, exported, read_estate_file(exported), parent=window)
    qtbot.addWidget(dialog)

    assert "Systems: 0 new, 0 updated, 54 unchanged" in dialog.counts.text()
    assert "nothing to import" in dialog.counts.text() and not dialog.import_button.isEnabled()
