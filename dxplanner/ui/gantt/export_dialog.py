"""File > Export chart: choose what to export (whole plan or what is visible), the paper, and the file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.gantt.export import Paper, export_chart
from dxplanner.ui.gantt.view import GanttView


class ExportChoice(QDialog):
    """What part of the chart to export, and on which paper a PDF is laid out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export chart"))
        self.whole = QRadioButton(_("The whole plan"))
        self.visible = QRadioButton(_("What is visible"))
        self.whole.setChecked(True)
        self.paper = QComboBox()
        self.paper.addItem(_("A4 landscape"), Paper.A4)
        self.paper.addItem(_("A3 landscape"), Paper.A3)
        form = QFormLayout()
        form.addRow(_("Export"), self.whole)
        form.addRow("", self.visible)
        form.addRow(_("Paper (PDF)"), self.paper)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def export_to(gantt: GanttView, path: Path, whole: bool = True, paper: Paper = Paper.A4) -> int | None:
    """Write the chart to path; a refusal is shown to the user and gives None."""
    try:
        chart, span = gantt.chart(whole)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_chart(chart, path, paper, span, date_format=gantt.model.date_format)
        finally:
            QApplication.restoreOverrideCursor()
    except DomainError as error:
        show_refusal(gantt, error)
        return None


def ask_and_export(parent: QWidget, gantt: GanttView) -> None:
    """Ask what to export and where, then write it."""
    choice = ExportChoice(parent)
    if choice.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = choose_chart_file(parent)
    if chosen is not None:
        export_to(gantt, chosen, choice.whole.isChecked(), choice.paper.currentData())


def choose_chart_file(parent: QWidget) -> Path | None:
    """Ask for the file to save a chart in; a name typed without a suffix takes the chosen type's."""
    path, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        _("Export chart"),
        "",
        _("PDF document (*.pdf);;PNG picture (*.png);;SVG drawing (*.svg)"),
    )
    if not path:
        return None
    chosen = Path(path)
    if not chosen.suffix:
        suffix = re.search(r"\*(\.\w+)", chosen_filter)
        chosen = chosen.with_suffix(suffix.group(1) if suffix else ".pdf")
    return chosen
