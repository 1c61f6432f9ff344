"""Reading a workbook on a worker thread, with progress and a way to stop."""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from dxplanner.core.catalogue_table import CatalogueTable
from dxplanner.core.errors import DomainError
from dxplanner.core.indicator_table import IndicatorTable
from dxplanner.core.plan_table import PlanTable
from dxplanner.i18n import _
from dxplanner.services.importing import ReadRequest, read_table

__all__ = ["ReadRequest", "TableReader"]


class TableReader(QThread):
    """Reads one request; says `progressed` as it goes, then `finished_reading` or `failed`."""

    progressed = Signal(int, int)  # rows read, rows expected
    finished_reading = Signal(object)  # a PlanTable or an IndicatorTable
    failed = Signal(str)  # the message to show

    def __init__(self, request: ReadRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the reading to stop at the next block of rows."""
        self._stop.set()

    def run(self) -> None:
        """Read (on the worker thread)."""
        request = self.request
        try:
            table: PlanTable | IndicatorTable | CatalogueTable = read_table(request, self._progress)
        except DomainError as error:
            self.failed.emit(error.message)
            return
        except Exception:  # a bug must not leave the dialog waiting forever, nor show a traceback
            logging.getLogger(__name__).exception("reading %s failed", request.path)
            self.failed.emit(
                _("{name} could not be read. If Excel opens it, save it again as .xlsx and retry.").format(
                    name=request.path.name
                )
            )
            return
        self.finished_reading.emit(table)

    def abandon(self) -> None:
        """Stop listening and let the reading end on its own, without making the window wait for it.

        openpyxl cannot be interrupted while it opens a workbook; the thread is kept alive (and
        waited for when the application quits) instead of blocking the window until it is done.
        """
        self.cancel()
        for signal in (self.progressed, self.finished_reading, self.failed):
            with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
                signal.disconnect()
        self.setParent(None)
        if self.isRunning():
            _ABANDONED.add(self)
            self.finished.connect(lambda: _ABANDONED.discard(self))
            application = QCoreApplication.instance()
            if application is not None and not application.property("dxplanner_waits_for_readers"):
                application.aboutToQuit.connect(_wait_for_abandoned)
                application.setProperty("dxplanner_waits_for_readers", True)

    def _progress(self, done: int, expected: int) -> bool:
        self.progressed.emit(done, expected)
        return not self._stop.is_set()


# Readings the window stopped listening to, kept alive until they end.
_ABANDONED: set[TableReader] = set()


def _wait_for_abandoned() -> None:
    for reader in list(_ABANDONED):
        reader.wait()
