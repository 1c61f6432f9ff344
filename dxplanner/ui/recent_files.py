"""The list of recently opened plan files, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10
_KEY = "recent_files"


class RecentFiles:
    """Most recent first, without duplicates, at most MAX_RECENT."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        """The remembered files, most recent first."""
        stored = self._settings.value(_KEY, [])
        if isinstance(stored, str):  # QSettings returns a lone string for a one-item list
            stored = [stored]
        if not isinstance(stored, list):
            return []
        return [Path(item) for item in stored if isinstance(item, str) and item]

    def add(self, path: Path) -> None:
        """Put path at the top of the list."""
        resolved = path.resolve()
        others = [item for item in self.paths() if item != resolved]
        self._settings.setValue(_KEY, [str(item) for item in [resolved, *others][:MAX_RECENT]])

    def remove(self, path: Path) -> None:
        """Forget path (e.g. because it no longer opens)."""
        self._settings.setValue(_KEY, [str(item) for item in self.paths() if item != path.resolve()])
