"""Fixtures for window tests: settings in a temporary file, a window on a plan file, captured messages."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

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
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the window would have shown in a box (the box itself would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


class Answers:
    """What the test answers when the window asks (confirmations, progress reports)."""

    def __init__(self) -> None:
        self.confirm = True
        self.progress: ProgressAnswer | None = None
        self.questions: list[str] = []

    def ask_confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.confirm

    def ask_progress(self, count: int) -> ProgressAnswer | None:
        self.questions.append(f"progress of {count}")
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
