"""File > Send progress forms: the round is chosen in a dialog, the forms written, the folder offered."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.core.errors import InvalidInputError
from dxplanner.services.progress_forms import FormsChoice, read_form
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_forms_action import FormsDialog, WrittenFormsBox, write_progress_forms
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)


def _file_action(window: MainWindow, text: str) -> object:
    file_menu: Any = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action.text() == text)


def test_the_file_menu_offers_the_forms_once_a_plan_file_is_open(
    window: MainWindow, messages: list[str], demo_path: Path
) -> None:
    action: Any = _file_action(window, "Send progress &forms…")
    # The welcome page shows: there is no plan to send forms for, so the menu offers none.
    assert window.welcome.isVisible() and not action.isEnabled()
    action.trigger()
    assert messages == []
    assert window.open_file(demo_path)
    assert action.isEnabled()


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None], seen: list[str]) -> None:
    """Run act on the modal window of this kind once it is shown; one left open is noted and closed."""

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, kind) or not shown.isVisible():
            QTimer.singleShot(20, look)
            return
        act(shown)
        if shown.isVisible():  # never leave a test waiting on a window nobody closes
            seen.append("left open")
            shown.close()

    QTimer.singleShot(0, look)


def test_the_menu_writes_the_forms_into_the_folder_typed_and_opens_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str],
    opened: list[str],
) -> None:  # fmt: skip
    assert window.open_file(demo_path)
    folder = tmp_path / "phiếu"
    seen: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FormsDialog)
        dialog.folder.selectAll()
        type_text(dialog.folder, str(folder))
        _when_shown(WrittenFormsBox, lambda box: press_open(box), seen)
        qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)

    def press_open(box: QWidget) -> None:
        assert isinstance(box, WrittenFormsBox)
        seen.append(box.text())
        box.open_button.click()

    _when_shown(FormsDialog, fill, seen)
    _file_action(window, "Send progress &forms…").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(opened))
    assert messages == [] and opened == [str(folder)]
    assert seen == [
        f"18 progress forms on “Kế hoạch triển khai Chính phủ số năm 2026” were written to {folder}."
    ]
    assert len(list(folder.iterdir())) == 18


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
    assert all(read_form(form.path, window.session.store).recognised for form in written.forms)
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


def test_the_deadline_follows_the_reporting_day_until_the_user_sets_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = FormsDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_of.setFocus()
    dialog.as_of.selectAll()
    type_text(dialog.as_of, "31/12/2026")
    qtbot.keyClick(dialog.as_of, Qt.Key.Key_Tab)
    assert dialog.deadline.text() == "07/01/2027"
    dialog.deadline.setText("15/01/2027")  # the user's own deadline stays
    dialog.as_of.setFocus()
    dialog.as_of.selectAll()
    type_text(dialog.as_of, "30/12/2026")
    qtbot.keyClick(dialog.as_of, Qt.Key.Key_Tab)
    assert dialog.deadline.text() == "15/01/2027" and messages == []


def test_the_form_of_one_unit_can_be_sent_again_by_unticking_the_others(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = FormsDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    units = dialog.units
    assert units.count() == 18 and dialog.choice() is not None
    choice = dialog.choice()
    assert choice is not None and choice.units is None  # all ticked: the whole round
    units.setFocus()
    for row in range(1, units.count()):  # untick every unit but the first, with the space bar
        units.setCurrentRow(row)
        qtbot.keyClick(units, Qt.Key.Key_Space)
    choice = dialog.choice()
    first = units.item(0).data(Qt.ItemDataRole.UserRole)
    assert choice is not None and choice.units == frozenset({first})
    units.setCurrentRow(0)
    qtbot.keyClick(units, Qt.Key.Key_Space)
    with pytest.raises(InvalidInputError, match="at least one unit"):
        dialog.choice()
