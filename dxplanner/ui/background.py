"""Running a long job (an export, reading a workbook) off the GUI thread behind a progress dialog."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _

Progress = Callable[[int, int], bool]  # (done, expected) -> go on?
Work = Callable[[Progress], Any]


class BackgroundJob(QThread):
    """Runs work(progress) once; says `progressed` as it goes, then `succeeded` or `failed`."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next report of progress."""
        self._stop.set()

    def run(self) -> None:
        """Do the work (on the worker thread)."""
        try:
            result = self._work(self._progress)
        except DomainError as error:
            self.failed.emit(error.message)
            return
        except Exception:  # a bug must not leave the window waiting, nor show a traceback
            logging.getLogger(__name__).exception("a background job failed")
            self.failed.emit(_("The job could not be done; the details are in the log."))
            return
        self.succeeded.emit(result)

    def _progress(self, done: int, expected: int) -> bool:
        self.progressed.emit(done, expected)
        return not self._stop.is_set()


def run_with_progress(parent: QWidget | None, label: str, work: Work) -> tuple[bool, Any]:
    """Run work on a worker thread while a modal progress dialog (with Cancel) shows how far it is.

    Returns (True, result) when it succeeded; (False, message) when it failed or was cancelled,
    the message being what to tell the user (the work's own words on a cancel).
    """
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = BackgroundJob(work)
    outcome: list[tuple[bool, Any]] = []
    loop = QEventLoop()

    def progressed(done: int, expected: int) -> None:
        if expected > 0:
            dialog.setMaximum(expected)
            dialog.setValue(min(done, expected))

    # Queued: the dialog is touched on the GUI thread only, in the order the job said things.
    queued = Qt.ConnectionType.QueuedConnection
    job.progressed.connect(progressed, queued)
    job.succeeded.connect(lambda result: outcome.append((True, result)), queued)
    job.failed.connect(lambda message: outcome.append((False, message)), queued)
    job.finished.connect(loop.quit, queued)
    dialog.canceled.connect(job.cancel)
    job.start()
    loop.exec()  # the quit is queued, so a job that ends at once still ends the loop
    job.wait()
    dialog.close()
    dialog.deleteLater()
    job.deleteLater()
    return outcome[0] if outcome else (False, _("The job could not be done; the details are in the log."))
