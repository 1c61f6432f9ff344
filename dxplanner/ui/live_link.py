"""The window's line to a shared plan's server: others' changes, and the server going and coming back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from dxplanner.services.live import Backoff, LiveChanges, live_changes
from dxplanner.services.open_plan import OpenPlan

__all__ = ["Backoff", "LiveLink"]


class LiveLink(QObject):
    """Passes the listener's news, heard in its own thread, to the window's thread as signals.

    A signal emitted in another thread reaches the receivers in the window's thread queued, after
    what the window is doing now: never in the middle of a repaint or an edit.
    """

    changed = Signal(object)  # a RemoteChange
    lost = Signal(str)  # why the server cannot be reached
    back = Signal()  # the server answers again

    def __init__(self, store: OpenPlan, backoff: Backoff, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live: LiveChanges | None = live_changes(
            store, self.changed.emit, self.lost.emit, self.back.emit, backoff
        )

    @property
    def shared(self) -> bool:
        """Whether there is a server to listen to (a plan file has none)."""
        return self.live is not None

    def start(self) -> None:
        """Start listening (nothing for a plan file)."""
        if self.live is not None:
            self.live.start()

    def wait_listening(self, timeout: float) -> bool:
        """Wait until others' changes are heard (a change committed before that is not)."""
        return self.live is not None and self.live.wait_listening(timeout)

    def stop(self) -> None:
        """Stop listening, before the plan closes; nothing heard afterwards reaches the window."""
        if self.live is not None:
            self.live.stop()
            self.live = None
        self.deleteLater()

    def connection_failed(self, reason: str) -> None:
        """An operation found the server gone: offline at once, and the listener checks now."""
        if self.live is not None:
            self.live.connection_failed(reason)
