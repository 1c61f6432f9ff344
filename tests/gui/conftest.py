"""Fixtures for window tests: settings in a temporary file, a window on a plan file, captured messages."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import TaskStatus
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_dialog import ProgressAnswer

TODAY = datetime.date(2026, 11, 20)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings kept in the test's own folder, never the user's; English, day-first dates."""
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    stored.setValue("language", "en")
    return stored


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files and folders the window asked the desktop to open, instead of opening them."""
    asked: list[str] = []

    def open_url(url: QUrl) -> bool:
        asked.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return asked


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the window would have shown in a box (the box itself would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


# How long a user reads a message before pressing OK. The box's event loop keeps turning meanwhile,
# as on a desktop (repaints, timers): what Qt left for later, such as deleting a closed editor,
# happens while the box waits, and a test that closed the box at once would not see it.
READING_MS = 500
_TICK_MS = 25


@pytest.fixture
def boxes(qtbot: QtBot, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages shown in real modal boxes, each read for a moment and then closed with Enter."""

    def warn(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        messages.append(text)
        ticks = QTimer(box)
        ticks.setInterval(_TICK_MS)
        ticks.timeout.connect(lambda: _read_on(box, ticks))
        ticks.start()
        box.exec()
        if parent is not None:  # as a window manager does: the window under the box is active again
            parent.window().activateWindow()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return messages


def _read_on(box: QMessageBox, ticks: QTimer) -> None:
    read = ticks.property("read") or 0
    ticks.setProperty("read", read + _TICK_MS)
    if read + _TICK_MS < READING_MS:
        return
    ticks.stop()
    focused = QApplication.focusWidget()
    QTest.keyClick(focused if focused is not None and box.isAncestorOf(focused) else box, Qt.Key.Key_Return)


class Answers:
    """What the test answers when the window asks (confirmations, progress reports)."""

    def __init__(self) -> None:
        self.confirm = True
        self.progress: ProgressAnswer | None = None
        self.questions: list[str] = []

    def ask_confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.confirm

    def ask_progress(self, standing: list[tuple[float, TaskStatus]]) -> ProgressAnswer | None:
        self.questions.append(f"progress of {len(standing)}")
        return self.progress


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, answers: Answers, messages: list[str]) -> Iterator[MainWindow]:
    """The main window with no plan file open yet."""
    main_window = MainWindow(
        settings,
        open_plan_file,
        create_plan,
        today=lambda: TODAY,
        confirm=answers.ask_confirm,
        ask_progress=answers.ask_progress,
    )
    qtbot.addWidget(main_window)
    # The size the gesture tests measure in; the window itself fits the (800 x 600 offscreen) screen.
    main_window.resize(1440, 860)
    main_window.show()
    yield main_window
    if main_window.store is not None:
        main_window.store.close()
