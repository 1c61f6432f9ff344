"""Qt's own buttons and menus speak Vietnamese in the Vietnamese window (Qt has no translation of its own)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from dxplanner.i18n import current_language, set_language
from dxplanner.ui.gui import _install_qt_translations

pytestmark = pytest.mark.gui


@pytest.fixture
def app() -> Iterator[QApplication]:
    """The application, its language put back after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = current_language()
    yield app
    set_language(before)
    _install_qt_translations(app)


def _words(app: QApplication, language: str) -> tuple[list[str], list[str], list[str]]:
    set_language(language)
    _install_qt_translations(app)
    question = QMessageBox(
        QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    line = QLineEdit()
    menu = [action.text() for action in line.createStandardContextMenu().actions()]
    return (
        [button.text() for button in question.buttons()],
        [button.text() for button in buttons.buttons()],
        menu,
    )


def test_a_question_and_a_dialogs_buttons_are_in_vietnamese(qtbot: QtBot, app: QApplication) -> None:
    answers, buttons, menu = _words(app, "vi")
    assert sorted(answers) == ["&Có", "&Không"]
    assert sorted(buttons) == ["Hủy", "Đồng ý"]
    assert "&Sao chép\tCtrl+C" in menu and "Chọn tất cả\tCtrl+A" in menu
    # Back in English, Qt's own words again: nothing of the Vietnamese table is left installed.
    answers, buttons, menu = _words(app, "en")
    assert sorted(answers) == ["&No", "&Yes"]
    assert sorted(buttons) == ["Cancel", "OK"]
    assert "&Copy\tCtrl+C" in menu
