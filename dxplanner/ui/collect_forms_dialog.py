"""File > Collect progress forms…: the returned forms previewed, the rows chosen, applied as one step;
and which units have replied to a round, with the reminder list for those that have not."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.i18n import N_, _
from dxplanner.labels import label
from dxplanner.services import form_replies, progress_collect
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.progress_collect import CollectPreview, FormPreview, RowKey, RowPreview
from dxplanner.ui.errors import show_problem
from dxplanner.ui.session import PlanSession

# Asks the user for paths (files or a folder); an empty list when they cancel.
Chooser = Callable[[QWidget], list[Path]]

TITLE_TEXT = N_("Collect progress forms")
_NAME_WIDTH = 260  # pixels at most for a file's or a unit's name in the list of forms


def _item(text: object, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        item.setToolTip(tip)
    return item


def _day(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def collect_progress_forms(parent: QWidget, session: PlanSession | None, today: datetime.date) -> bool:
    """Show the collect dialog; True when forms were collected into the plan."""
    if session is None:
        show_problem(parent, _(TITLE_TEXT), _("Open or create a plan file first (File menu)."))
        return False
    try:
        dialog = CollectFormsDialog(session, today, parent)
    except DomainError as error:
        show_problem(parent, _(TITLE_TEXT), error.message)
        return False
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


def _choose_files(parent: QWidget) -> list[Path]:
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, _("Choose the returned forms"), str(Path.home()), _("Excel workbooks (*.xlsx)")
    )
    return [Path(name) for name in chosen]


def _choose_folder(parent: QWidget) -> list[Path]:
    chosen = QFileDialog.getExistingDirectory(
        parent, _("Choose the folder of returned forms"), str(Path.home())
    )
    return [Path(chosen)] if chosen else []


class FormList(QTableWidget):
    """The forms chosen: file, unit, accepted (on time or late) or refused, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("collected_forms")
        self.setHorizontalHeaderLabels([_("File"), _("Unit"), _("State"), _("Reason")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()

    def show_forms(self, forms: Sequence[FormPreview]) -> None:
        self.setRowCount(len(forms))
        for row, form in enumerate(forms):
            if not form.accepted:
                state = _("Refused")
            elif form.late:
                state = _("Accepted, late (due {day})").format(day=_day(form.deadline))
            else:
                state = _("Accepted")
            reason = form.reason or "; ".join(form.problems)
            for column, text in enumerate((form.path.name, form.unit_name, state, reason)):
                self.setItem(row, column, _item(text, str(form.path) if column == 0 else reason))
        self.resizeColumnsToContents()
        # Long file and unit names keep room for the reason (the whole name is in the tooltip).
        for column in (0, 1):
            self.setColumnWidth(column, min(self.columnWidth(column), _NAME_WIDTH))


class RowChoices(QTableWidget):
    """Each task row of the accepted forms with a tick: what is written; conflicts wait for a tick."""

    HEADINGS = (
        N_("Write"),
        N_("Unit"),
        N_("No."),
        N_("Task"),
        N_("Progress"),
        N_("Status"),
        N_("Result"),
        N_("Difficulties"),
        N_("Proposals"),
        N_("Notes"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADINGS), parent)
        self.setObjectName("collected_rows")
        self.setHorizontalHeaderLabels([_(text) for text in self.HEADINGS])
        self.verticalHeader().hide()
        self.keys: list[RowKey] = []

    def show_rows(self, found: CollectPreview) -> None:
        rows = [
            (number, form, row)
            for number, form in enumerate(found.forms)
            if form.accepted
            for row in form.rows
        ]
        self.setRowCount(len(rows))
        self.keys = []
        for at, (number, form, row) in enumerate(rows):
            self.keys.append((number, row.task_id))
            tick = _item("")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            tick.setFlags(flags if row.applicable else Qt.ItemFlag.NoItemFlags)
            ticked = (number, row.task_id) in found.ticked
            tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.setItem(at, 0, tick)
            for column, text in enumerate(self._texts(form, row), 1):
                self.setItem(at, column, _item(text, text))
        self.resizeColumnsToContents()

    @staticmethod
    def _texts(form: FormPreview, row: RowPreview) -> list[str]:
        report = row.report
        notes = list(row.notes)
        if row.edited:
            notes.insert(0, _("Edited outside the fill cells: not written."))
        if report is None:
            return [form.unit_name, row.code, row.name, "", "", "", "", "", " ".join(notes)]
        return [
            form.unit_name,
            row.code,
            row.name,
            f"{report.progress:g}%",
            label(report.status),
            report.remark or "",
            report.difficulty or "",
            report.proposal or "",
            " ".join(notes),
        ]

    def chosen(self) -> set[RowKey]:
        """The rows ticked."""
        return {
            key
            for at, key in enumerate(self.keys)
            if (item := self.item(at, 0)) is not None and item.checkState() == Qt.CheckState.Checked
        }


class RepliesPage(QWidget):
    """A round's units: replied on a day, late, or waiting; and the reminder list to the clipboard."""

    def __init__(self, plan: OpenPlan, today: datetime.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan, self.today = plan, today
        self.found: form_replies.RoundReplies | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Round:")))
        self.round = QComboBox()
        self.round.setObjectName("reply_round")
        top.addWidget(self.round, 1)
        layout.addLayout(top)
        self.deadline = QLabel()
        layout.addWidget(self.deadline)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("replies")
        self.table.setHorizontalHeaderLabels([_("Unit"), _("Reply"), _("Filled in by")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.copy_button = QPushButton(_("Copy the reminder list"))
        self.copy_button.setToolTip(
            _("The units that have not replied, with the deadline, to paste into a message")
        )
        self.copy_button.clicked.connect(self.copy_reminder)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        self.round.currentIndexChanged.connect(self.show_round)
        self.reload()

    def reload(self, round_id: int | None = None) -> None:
        """Read the rounds again (after a collect), keeping round_id (or the one shown) chosen."""
        keep = round_id if round_id is not None else self.round.currentData()
        self.round.blockSignals(True)
        self.round.clear()
        for item in form_replies.rounds(self.plan):
            self.round.addItem(item.text, item.id)
        found = self.round.findData(keep) if keep is not None else -1
        self.round.setCurrentIndex(max(found, 0) if self.round.count() else -1)
        self.round.blockSignals(False)
        self.show_round()

    def show_round(self) -> None:
        round_id = self.round.currentData()
        self.found = None if round_id is None else form_replies.replies(self.plan, int(round_id), self.today)
        units = self.found.units if self.found else ()
        self.table.setRowCount(len(units))
        for row, reply in enumerate(units):
            for column, text in enumerate((reply.unit_name, form_replies.state_text(reply), reply.reporter)):
                self.table.setItem(row, column, _item(text))
        if self.found is None:
            self.deadline.setText(_("No progress forms have been sent from this plan file yet."))
        else:
            replied = sum(reply.replied for reply in units)
            self.deadline.setText(
                _("Due on {deadline}: {replied} of {count} units have replied.").format(
                    deadline=_day(self.found.deadline), replied=replied, count=len(units)
                )
            )
        self.table.resizeColumnsToContents()
        self.copy_button.setEnabled(self.found is not None)

    def copy_reminder(self) -> None:
        """Put the reminder list on the clipboard."""
        if self.found is not None:
            QGuiApplication.clipboard().setText(form_replies.reminder(self.found))


class CollectFormsDialog(QDialog):
    """Returned forms chosen, previewed and applied (Apply / Cancel), and the round's replies."""

    def __init__(
        self,
        session: PlanSession,
        today: datetime.date,
        parent: QWidget | None = None,
        choose_files: Chooser = _choose_files,
        choose_folder: Chooser = _choose_folder,
    ) -> None:
        super().__init__(parent)
        self.session, self.today = session, today
        self.choose_files, self.choose_folder = choose_files, choose_folder
        self.paths: list[Path] = []
        self.preview: CollectPreview | None = None
        self.setWindowTitle(_(TITLE_TEXT))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        forms_page = QWidget()
        forms_layout = QVBoxLayout(forms_page)
        choosing = QHBoxLayout()
        self.add_files_button = QPushButton(_("Add forms…"))
        self.add_folder_button = QPushButton(_("Add a folder…"))
        self.add_files_button.clicked.connect(lambda: self.add_paths(self.choose_files(self)))
        self.add_folder_button.clicked.connect(lambda: self.add_paths(self.choose_folder(self)))
        choosing.addWidget(self.add_files_button)
        choosing.addWidget(self.add_folder_button)
        choosing.addStretch(1)
        forms_layout.addLayout(choosing)
        self.summary = QLabel(_("Add the returned forms, or a folder holding them."))
        self.summary.setWordWrap(True)
        forms_layout.addWidget(self.summary)
        self.forms = FormList()
        self.rows = RowChoices()
        forms_layout.addWidget(self.forms, 1)
        forms_layout.addWidget(
            QLabel(_("What is written (a row reported on since the form went out is unticked):"))
        )
        forms_layout.addWidget(self.rows, 2)
        self.replies = RepliesPage(session.store, today)
        self.tabs.addTab(forms_page, _("Forms"))
        self.tabs.addTab(self.replies, _("Replies"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(_("Apply"))
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.apply_now)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_paths(self, chosen: Sequence[Path]) -> None:
        """Add files or folders to the forms and preview them all again."""
        if not chosen:
            return
        try:
            paths = progress_collect.form_paths([*self.paths, *chosen])
            found = progress_collect.preview(self.session.store, paths, self.today)
        except DomainError as error:
            show_problem(self, self.windowTitle(), error.message)
            return
        self.paths, self.preview = paths, found
        self.forms.show_forms(found.forms)
        self.rows.show_rows(found)
        accepted = sum(form.accepted for form in found.forms)
        self.summary.setText(
            _("{accepted} of {count} forms can be collected; {refused} refused.").format(
                accepted=accepted, count=len(found.forms), refused=len(found.forms) - accepted
            )
        )
        self.apply_button.setEnabled(found.any_accepted)
        first = next((form.round_id for form in found.forms if form.round_id is not None), None)
        if first is not None:
            self.replies.reload(first)

    def apply_now(self) -> None:
        """Write the accepted forms and the ticked rows as one undoable step; a refusal keeps the dialog."""
        found, chosen = self.preview, self.rows.chosen()
        if found is None or not found.any_accepted:
            return

        def operation(plan: OpenPlan) -> Changes:
            return progress_collect.apply(plan, found, chosen)

        if self.session.run(_(TITLE_TEXT), operation) is None:
            return
        self.accept()
