"""Handing a file or a folder to the desktop: a folder opens in the file manager, a file in its program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

# Opens a path on the desktop; the tests hand in their own.
OpenPath = Callable[[Path], object]


def open_on_desktop(path: Path) -> bool:
    """Show a folder in the desktop's file manager, or open a file in its program."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
