"""File > Send progress forms: choose the plan, the reporting day, the deadline and the folder; write."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.i18n import _
from dxplanner.services.files import folder_for_files
from dxplanner.services.progress_forms import (
    FormsChoice,
    WrittenForms,
    default_deadline,
    recipients,
    write_forms,
)
from dxplanner.ui.background import Progress, run_with_progress
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.desktop import OpenPath, open_on_desktop
from dxplanner.ui.errors import show_problem, show_refusal
from dxplanner.ui.plan_box import plan_box
from dxplanner.ui.session import PlanSession


class FormsDialog(QDialog):
    """The plan, the reporting day, the deadline, cooperating units too, and the folder."""

    def __init__(
        self,
        session: PlanSession,
        today: datetime.date,
        parent: QWidget | None = None,
        dates: DateStyle = DEFAULT_DATES,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(_("Send progress forms"))
        self.plan = plan_box(session.store, today)
        self.as_of = DateLine(dates, lambda: today)
        self.as_of.set_date(today)
        self.deadline = DateLine(dates, lambda: today)
        self.deadline.set_date(default_deadline(today))
        self._proposed = self.deadline.text()  # the deadline follows the day until the user sets one
        self.as_of.textChanged.connect(self._propose_deadline)
        self.cooperating = QCheckBox(_("Cooperating units get a form too"))
        # Every unit leading tasks, ticked: untick those whose forms are not to go (again) now.
        self.units = QListWidget()
        self.units.setMaximumHeight(150)
        self._session = session
        self.plan.currentIndexChanged.connect(self._list_units)
        self._list_units()
        self.folder = QLineEdit(
            str(folder_for_files(session.store) / _("Progress forms {day}").format(day=today.isoformat()))
        )
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_sound)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Action plan"), self.plan)
        form.addRow(_("Reporting day"), self.as_of)
        form.addRow(_("Forms due by"), self.deadline)
        form.addRow("", self.cooperating)
        form.addRow(_("Units"), self.units)
        form.addRow(_("Folder"), where)
        form.addRow(buttons)

    def _list_units(self) -> None:
        self.units.clear()
        if self.plan.currentData() is None:
            return
        try:
            found = recipients(self._session.store, int(self.plan.currentData()), self._today)
        except DomainError:
            return  # the plan is gone: said when the dialog is accepted
        for recipient in found:
            item = QListWidgetItem(recipient.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, recipient.unit_id)
            self.units.addItem(item)

    def _chosen_units(self) -> frozenset[int] | None:
        """The ticked units; None when every unit is ticked (the whole round)."""
        items = [self.units.item(row) for row in range(self.units.count())]
        ticked = frozenset(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
        if not ticked and items:
            raise InvalidInputError(_("Tick at least one unit to send a form to."))
        return None if len(ticked) == len(items) else ticked

    def _propose_deadline(self) -> None:
        if self.deadline.text() != self._proposed:
            return  # the user chose the deadline: it stays
        try:
            as_of = self.as_of.read_date(_("Reporting day"), self._today)
        except DomainError:
            return  # not a date yet: said when the dialog is accepted
        if as_of is not None:
            self.deadline.set_date(default_deadline(as_of))
            self._proposed = self.deadline.text()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Folder for the forms"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _accept_if_sound(self) -> None:
        try:
            self.choice()
        except DomainError as error:
            show_refusal(self, error)  # the dialog stays open, holding what was typed, to correct
            return
        self.accept()

    def choice(self) -> FormsChoice | None:
        """What was chosen (None when the file has no plan; InvalidInputError for a day that is none)."""
        if self.plan.currentData() is None:
            return None
        as_of = self.as_of.read_date(_("Reporting day"), self._today, required=True)
        deadline = self.deadline.read_date(_("Forms due by"), self._today, required=True)
        assert as_of is not None and deadline is not None  # required
        if deadline < as_of:
            raise InvalidInputError(_("The deadline cannot come before the reporting day."))
        if not self.folder.text().strip():
            raise InvalidInputError(_("Choose the folder to write the forms into."))
        return FormsChoice(
            int(self.plan.currentData()), as_of, deadline, self.cooperating.isChecked(), self._chosen_units()
        )

    def chosen_folder(self) -> Path:
        """The folder typed or chosen."""
        return Path(self.folder.text().strip())


def send_progress_forms(
    parent: QWidget,
    session: PlanSession | None,
    today: datetime.date,
    dates: DateStyle = DEFAULT_DATES,
    open_folder: OpenPath = open_on_desktop,
) -> WrittenForms | None:
    """Ask for the round and the folder, write the forms, and say how many were written where."""
    title = _("Send progress forms")
    if session is None:
        show_problem(parent, title, _("Open or create a plan file first (File menu)."))
        return None
    dialog = FormsDialog(session, today, parent, dates)
    if not dialog.exec():
        return None
    choice = dialog.choice()
    if choice is None:
        show_problem(parent, title, _("The plan file has no action plan."))
        return None
    written = write_progress_forms(parent, session, choice, dialog.chosen_folder())
    if written is not None:
        WrittenFormsBox(written, parent, open_folder).exec()
    return written


def write_progress_forms(
    parent: QWidget, session: PlanSession, choice: FormsChoice, folder: Path
) -> WrittenForms | None:
    """Write the forms with a progress dialog; a refusal is shown and None returned."""
    store = session.store

    def work(progress: Progress) -> object:
        return write_forms(store, choice, folder, datetime.datetime.now(), progress)

    done, result = run_with_progress(parent, _("Writing the progress forms"), work)
    if not done:
        show_problem(parent, _("Send progress forms"), str(result))
        return None
    assert isinstance(result, WrittenForms)
    return result


class WrittenFormsBox(QMessageBox):
    """How many forms were written where, with a button that opens the folder."""

    def __init__(self, written: WrittenForms, parent: QWidget | None, open_folder: OpenPath) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(_("Send progress forms"))
        self.setText(
            _("{count} progress forms on “{plan}” were written to {folder}.").format(
                count=len(written.forms), plan=written.plan_name, folder=written.folder
            )
        )
        self.setDetailedText("\n".join(form.path.name for form in written.forms))
        self.open_button = self.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.open_button.clicked.connect(lambda: open_folder(written.folder))
