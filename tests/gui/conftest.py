"""Fixtures for window tests: settings in a temporary file, a window on a plan file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings kept in the test's own folder, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> Iterator[MainWindow]:
    """The main window with no plan file open yet."""
    main_window = MainWindow(settings, open_plan_file, create_plan)
    qtbot.addWidget(main_window)
    main_window.show()
    yield main_window
    if main_window.store is not None:
        main_window.store.close()
