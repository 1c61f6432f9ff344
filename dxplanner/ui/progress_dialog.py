"""The dialog of a progress report: the date, how far the work has come, a remark."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from dxplanner.core.enums import TaskStatus
from dxplanner.core.errors import DomainError
from dxplanner.core.progress_status import progress_after_status, status_for_progress
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.ui.app_settings import date_style_of
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.percent_box import PercentBox

# The progress field's value below 0%: "each task keeps the figure it has".
KEEP_EACH = -1


@dataclass(frozen=True)
class ProgressAnswer:
    """What the user reported (progress None: each task keeps its own figure)."""

    as_of: datetime.date
    progress: float | None
    status: TaskStatus | None
    remark: str | None


class ProgressDialog(QDialog):
    """Asks for one report that applies to every selected task, starting from where they stand.

    One task, or several at one figure: the field starts at that figure. Several at
    different figures: it says so, and each keeps its own unless a figure is typed. A
    figure below a task's present one is asked about before the dialog closes.
    """

    def __init__(
        self,
        figures: Sequence[float],
        statuses: Sequence[TaskStatus],
        today: datetime.date,
        qt_date_format: str,
        confirm: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._figures = list(figures)
        self._confirm = confirm or self._ask_with_a_box
        self._today = today
        self.setWindowTitle(_("Report progress of {count} tasks").format(count=len(self._figures)))
        # Typed as text: a date editor's sections misread a date typed over the one shown.
        dates = date_style_of(qt_date_format)
        self.as_of = DateLine(dates, lambda: today)
        self.as_of.set_date(today)
        self.progress = PercentBox()
        low, high = min(self._figures, default=0.0), max(self._figures, default=0.0)
        if round(low, 1) == round(high, 1):
            self.progress.setRange(0, 100)
            self.progress.setValue(round(low, 1))
        else:
            self.progress.setRange(KEEP_EACH, 100)
            self.progress.setSpecialValueText(
                _("(each keeps its own: {low}% to {high}%)").format(
                    low=decimal_text(round(low, 1)), high=decimal_text(round(high, 1))
                )
            )
            self.progress.setValue(KEEP_EACH)
        self._started_at = self.progress.value()
        self.status = QComboBox()
        self.status.addItem("", None)
        for member in TaskStatus:
            self.status.addItem(label(member), member.value)
        self.status.setCurrentIndex(max(0, self.status.findData(self._stated(statuses))))
        self._name_derived_status()
        self.progress.valueChanged.connect(self._name_derived_status)
        self.progress.valueChanged.connect(self._status_follows_figure)
        self.status.currentIndexChanged.connect(self._figure_follows_status)
        self.remark = QLineEdit()
        self.remark.setPlaceholderText(_("e.g. Decree issued"))
        form = QFormLayout(self)
        form.addRow(_("Report date"), self.as_of)
        form.addRow(_("Progress"), self.progress)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Remark"), self.remark)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_unless_lowering_is_declined)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _stated(self, statuses: Sequence[TaskStatus]) -> str | None:
        """The tasks' common status when their figures alone would not say it (suspended, say)."""
        if not statuses or len(set(statuses)) != 1:
            return None
        common = statuses[0]
        if all(status_for_progress(figure) is common for figure in self._figures):
            return None
        return common.value

    def _name_derived_status(self) -> None:
        # The first choice leaves the status to the report: what that means depends on the figure.
        keeping = self.progress.value() == KEEP_EACH
        self.status.setItemText(0, _("(each keeps its own)") if keeping else _("(from the progress)"))

    def _figure_follows_status(self) -> None:
        # Completed is 100% and not started 0%: a report saying otherwise would show another figure.
        chosen = self.status.currentData()
        if chosen == TaskStatus.COMPLETED:
            self.progress.setValue(100)
        elif chosen == TaskStatus.NOT_STARTED:
            self.progress.setValue(0)

    def _status_follows_figure(self, value: float) -> None:
        chosen = self.status.currentData()
        if chosen is None or value == KEEP_EACH:
            return
        if progress_after_status(TaskStatus(chosen), float(value)) != float(value):
            self.status.setCurrentIndex(0)  # a figure the chosen status denies: the figure says it

    def _figure(self) -> float | None:
        """The figure to report; None for each task's own."""
        value = self.progress.value()
        if value == KEEP_EACH:
            return None
        if value == self._started_at:
            # Untouched: the figure exactly, not its rounding (several within a rounding: their own).
            return self._figures[0] if len(set(self._figures)) == 1 else None
        return float(value)

    def _accept_unless_lowering_is_declined(self) -> None:
        try:
            self._as_of()
        except DomainError as error:
            show_refusal(self, error)  # the dialog stays open, holding what was typed, to correct
            self.as_of.setFocus()
            return
        figure = self._figure()
        higher = [present for present in self._figures if figure is not None and present > figure]
        if higher and figure is not None:
            if len(self._figures) == 1:
                question = _(
                    "{new}% is lower than the progress this task has now ({old}%). Record the lower figure?"
                ).format(new=decimal_text(round(figure, 1)), old=decimal_text(round(higher[0], 1)))
            else:
                question = _(
                    "{new}% is lower than the progress {count} of these tasks have now (up to {old}%). "
                    "Record the lower figure?"
                ).format(
                    new=decimal_text(round(figure, 1)),
                    count=len(higher),
                    old=decimal_text(round(max(higher), 1)),
                )
            if not self._confirm(question):
                return
        self.accept()

    def _ask_with_a_box(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _as_of(self) -> datetime.date:
        """The report date typed (InvalidInputError when it names no date, or is blank)."""
        day = self.as_of.read_date(_("Report date"), self._today, required=True)
        assert day is not None  # required
        return day

    def answer(self) -> ProgressAnswer:
        """What the dialog holds now (InvalidInputError when the report date names no date)."""
        status = self.status.currentData()
        return ProgressAnswer(
            self._as_of(),
            self._figure(),
            None if status is None else TaskStatus(status),
            self.remark.text() or None,
        )


def ask_progress(
    parent: QWidget,
    standing: Sequence[tuple[float, TaskStatus]],
    today: datetime.date,
    qt_date_format: str,
    confirm: Callable[[str], bool] | None = None,
) -> ProgressAnswer | None:
    """Show the dialog for tasks standing at these (progress, status); the answer, or None when cancelled."""
    dialog = ProgressDialog(
        [progress for progress, _status in standing],
        [status for _progress, status in standing],
        today,
        qt_date_format,
        confirm,
        parent,
    )
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
