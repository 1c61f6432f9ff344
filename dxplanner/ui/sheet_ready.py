"""After the sheet first shows a plan, make its first edit ready while the window idles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

# After the first paint, past the chart and the details built then and their first paint: a
# person takes longer than this to open a cell and type, and nothing painted waits for the work.
IDLE_MS = 300
TRIES = 5  # a connection busy in a background reading each time: the first edit prepares it itself


class EditsReady(QObject):
    """Runs prepare once, a moment after its target's first paint once armed (a plan is shown), and
    again a moment later while it says it could not finish (False)."""

    def __init__(self, target: QObject, prepare: Callable[[], bool]) -> None:
        super().__init__(target)
        self._prepare = prepare
        self._armed = False
        self._done = False
        self._tries = 0
        target.installEventFilter(self)

    def arm(self) -> None:
        """Prepare after the next paint, unless done already (the file and its statements stay ready)."""
        self._armed = not self._done

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(IDLE_MS, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._tries += 1
        self._done = self._prepare() or self._tries >= TRIES
        if not self._done:
            QTimer.singleShot(IDLE_MS, self, self._run)
