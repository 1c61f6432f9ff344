"""Keeping the open file safe while a window shows it: backups as it is edited, news of others' writes."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.services.files import BackupReason, BackupShelf, FileLockedError, written_state
from dxplanner.services.open_plan import OpenPlan

BACKUP_MINUTES = 10
POLL_MILLISECONDS = 2000


class LockAnswer(enum.Enum):
    """What to do with a file someone else has open for editing."""

    READ_ONLY = "read-only"
    ANYWAY = "anyway"
    CANCEL = "cancel"


def ask_about_lock(parent: QWidget | None, error: FileLockedError) -> LockAnswer:
    """Ask whether to open a locked file read-only, open it anyway, or leave it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("The plan file is in use"))
    box.setText(error.message)
    box.setInformativeText(
        _(
            "Open it read-only to look without changing it. Open it anyway only if that window is "
            "no longer used: from then on it cannot save its changes."
        )
    )
    read_only = box.addButton(_("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(_("Open &anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    if clicked is read_only:
        return LockAnswer.READ_ONLY
    if clicked is anyway:
        return LockAnswer.ANYWAY
    return LockAnswer.CANCEL


class FileGuard(QObject):
    """Takes backups of the open file, and watches it for writes by others while it is read-only here."""

    changed_outside = Signal()  # the file was written by another program while open read-only here
    became_read_only = Signal()  # another window took the file over: this one may write no more
    backup_failed = Signal(str)

    def __init__(
        self,
        shelf: BackupShelf | None,
        parent: QObject | None = None,
        backup_minutes: float = BACKUP_MINUTES,
        poll_milliseconds: int = POLL_MILLISECONDS,
    ) -> None:
        super().__init__(parent)
        self.shelf = shelf
        self._store: OpenPlan | None = None
        self._was_read_only = False
        self._seen: tuple[int, int, int] | None = None
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(int(backup_minutes * 60_000))
        self._backup_timer.timeout.connect(lambda: self.back_up(BackupReason.EDITING))
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_milliseconds)
        self._poll_timer.timeout.connect(self.poll)

    def watch(self, store: OpenPlan | None, *, opened: bool = True) -> None:
        """Look after store from now on (None: nothing is open); opened: it was just opened, and is
        backed up at once (not when another window hands it on, the backups already running)."""
        self._store = store
        self._backup_timer.stop()
        self._poll_timer.stop()
        if store is None:
            return
        self._was_read_only = store.read_only
        self._seen = written_state(store.path)
        self._poll_timer.start()
        if not store.read_only and self.shelf is not None:
            if opened:
                # After the window has shown the file: a large copy must not hold up the first paint.
                QTimer.singleShot(0, lambda: self.back_up(BackupReason.OPENED, store))
            self._backup_timer.start()

    def back_up(self, reason: str, store: OpenPlan | None = None) -> None:
        """Copy the open file to its backups now, if it changed since the last copy."""
        store = store or self._store
        if store is None or store is not self._store or self.shelf is None or store.read_only:
            return
        try:
            self.shelf.take(store.path, reason)
        except DomainError as error:
            self.backup_failed.emit(error.message)

    def poll(self) -> None:
        """Notice a takeover, or another program's writes while the file is read-only here."""
        store = self._store
        if store is None:
            return
        if store.read_only and not self._was_read_only:
            self._was_read_only = True
            self._backup_timer.stop()
            self.became_read_only.emit()
        if not store.read_only:
            return
        state = written_state(store.path)
        if state is not None and state != self._seen:
            self._seen = state
            self.changed_outside.emit()

    def path(self) -> Path | None:
        """The file being looked after."""
        return self._store.path if self._store is not None else None
