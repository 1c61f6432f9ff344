"""File > Send progress forms: the round is chosen in a dialog, the forms written, the folder offered."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from dxplanner.services.progress_forms import FormsChoice, read_form
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_forms_action import FormsDialog, WrittenFormsBox, write_progress_forms

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)


def _file_action(window: MainWindow, text: str) -> object:
    file_menu: Any = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action.text() == text)


def test_the_file_menu_offers_the_forms_and_asks_for_a_plan_file_first(
    window: MainWindow, messages: list[str]
) -> None:
    action = _file_action(window, "Send progress &forms…")
    action.trigger()  # type: ignore[attr-defined]
    assert messages == ["Open or create a plan file first (File menu)."]


def test_the_forms_of_the_running_plan_are_written_and_the_folder_offered(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = FormsDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    assert dialog.plan.currentText() == "Kế hoạch triển khai Chính phủ số năm 2026"  # running today
    assert dialog.as_of.text() == "20/11/2026" and dialog.deadline.text() == "27/11/2026"
    assert dialog.chosen_folder() == demo_path.parent / "Progress forms 2026-11-20"
    dialog.folder.setText(str(tmp_path / "gửi đi"))
    dialog.cooperating.setChecked(True)
    choice = dialog.choice()
    assert choice == FormsChoice(6, TODAY, datetime.date(2026, 11, 27), True)
    written = write_progress_forms(window, window.session, choice, dialog.chosen_folder())
    assert messages == [] and written is not None
    assert sorted(form.path for form in written.forms) == sorted((tmp_path / "gửi đi").iterdir())
    assert all(read_form(form.path).recognised for form in written.forms)
    opened: list[Path] = []
    box = WrittenFormsBox(written, window, opened.append)
    qtbot.addWidget(box)
    assert box.text() == (
        f"{len(written.forms)} progress forms on “Kế hoạch triển khai Chính phủ số năm 2026” "
        f"were written to {tmp_path / 'gửi đi'}."
    )
    box.open_button.click()
    assert opened == [tmp_path / "gửi đi"]


def test_a_deadline_before_the_reporting_day_keeps_the_dialog_open(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = FormsDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.deadline.setText("10/11/2026")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert messages == ["The deadline cannot come before the reporting day."]
    assert dialog.isVisible() and dialog.deadline.text() == "10/11/2026"


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_written(
    window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    (tmp_path / "out").mkdir()
    blocker = tmp_path / "out" / "a file"
    blocker.write_text("")
    choice = FormsChoice(6, TODAY, TODAY)
    assert write_progress_forms(window, window.session, choice, blocker / "forms") is None
    assert len(messages) == 1 and "cannot be made" in messages[0]
    assert sorted((tmp_path / "out").iterdir()) == [blocker]
