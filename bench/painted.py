"""A watcher of paint events, for the benches that time until something is on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class Painted(QObject):
    """Notes every widget painted since it was last cleared."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.add(id(watched))
        return False
