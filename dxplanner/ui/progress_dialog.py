"""The dialog of a progress report: the date, how far the work has come, a remark."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from dxplanner.core.enums import TaskStatus
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.ui.qdates import from_qdate


@dataclass(frozen=True)
class ProgressAnswer:
    """What the user reported."""

    as_of: datetime.date
    progress: float
    status: TaskStatus | None
    remark: str | None


class ProgressDialog(QDialog):
    """Asks for one report that applies to every selected task."""

    def __init__(
        self, count: int, today: datetime.date, qt_date_format: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Report progress of {count} tasks").format(count=count))
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat(qt_date_format)
        self.progress = QSpinBox()
        self.progress.setRange(0, 100)
        self.progress.setSuffix("%")
        self.status = QComboBox()
        self.status.addItem(_("(from the progress)"), None)
        for member in TaskStatus:
            self.status.addItem(label(member), member.value)
        self.remark = QLineEdit()
        self.remark.setPlaceholderText(_("e.g. Đã ban hành Nghị định"))
        form = QFormLayout(self)
        form.addRow(_("Report date"), self.as_of)
        form.addRow(_("Progress"), self.progress)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Remark"), self.remark)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> ProgressAnswer:
        """What the dialog holds now."""
        as_of = from_qdate(self.as_of.date()) or datetime.date.today()
        status = self.status.currentData()
        return ProgressAnswer(
            as_of,
            float(self.progress.value()),
            None if status is None else TaskStatus(status),
            self.remark.text() or None,
        )


def ask_progress(
    parent: QWidget, count: int, today: datetime.date, qt_date_format: str
) -> ProgressAnswer | None:
    """Show the dialog; the answer, or None when cancelled."""
    dialog = ProgressDialog(count, today, qt_date_format, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
