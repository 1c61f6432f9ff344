"""Reading a workbook on a worker thread, with progress and a way to stop."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from dxplanner.core.errors import DomainError
from dxplanner.core.plan_table import PlanTable, TableField
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.i18n import _


@dataclass(frozen=True)
class ReadRequest:
    """What to read: the workbook, and the user's corrections (sheet, header row, columns)."""

    path: Path
    sheet: str | None = None
    header_row: int | None = None
    columns: dict[int, TableField] | None = None


class TableReader(QThread):
    """Reads one request; says `progressed` as it goes, then `finished_reading` or `failed`."""

    progressed = Signal(int, int)  # rows read, rows expected
    finished_reading = Signal(object)  # a PlanTable
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
            table: PlanTable = read_plan_table(
                request.path,
                sheet=request.sheet,
                header_row=request.header_row,
                columns=request.columns,
                progress=self._progress,
            )
        except DomainError as error:
            self.failed.emit(error.message)
            return
        except Exception as error:  # a bug must not leave the dialog waiting forever
            self.failed.emit(_("The workbook could not be read: {reason}").format(reason=error))
            return
        self.finished_reading.emit(table)

    def _progress(self, done: int, expected: int) -> bool:
        self.progressed.emit(done, expected)
        return not self._stop.is_set()
