"""File > Restore from backup: the automatic copies of the open file, with date, size and task count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxplanner.i18n import _
from dxplanner.services.files import Backup, BackupReason
from dxplanner.ui.file_guard import BACKUP_MINUTES


def reason_label(reason: str) -> str:
    """Why a backup was taken, in words."""
    return {
        BackupReason.OPENED: _("when the file was opened"),
        BackupReason.EDITING: _("while editing"),
        BackupReason.BEFORE_RESTORE: _("before a restore"),
    }.get(reason, reason)


def size_label(size: int) -> str:
    """A file size in kB or MB."""
    if size < 1024 * 1024:
        return _("{size} kB").format(size=max(1, round(size / 1024)))
    return _("{size} MB").format(size=f"{size / (1024 * 1024):.1f}")


class BackupDialog(QDialog):
    """Lists the backups of one plan file, newest first, and lets the user choose one to restore."""

    def __init__(self, backups: list[Backup], file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore {name} from a backup").format(name=file_name))
        self.resize(640, 380)
        self._backups = backups
        self.table = QTableWidget(len(backups), 4, self)
        self.table.setHorizontalHeaderLabels([_("Taken"), _("Why"), _("Size"), _("Tasks")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(backups):
            count = backup.task_count()
            cells = (
                backup.taken.strftime("%d/%m/%Y %H:%M:%S"),
                reason_label(backup.reason),
                size_label(backup.size),
                _("unreadable") if count is None else str(count),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        for column in (0, 2, 3):
            self.table.resizeColumnToContents(column)
        if backups:
            self.table.selectRow(0)
        note = QLabel(
            _(
                "Backups are taken when a file is opened for editing and every {minutes} minutes while "
                "it changes; the last five, one a day for a week and one a week for a month are kept. "
                "Restoring keeps the file as it is now as one more backup."
            ).format(minutes=BACKUP_MINUTES)
            if backups
            else _("There is no backup of this file yet.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        restore = buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        restore.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def chosen(self) -> Backup | None:
        """The backup selected."""
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None


def choose_backup(parent: QWidget | None, backups: list[Backup], file_name: str) -> Backup | None:
    """Show the list; the backup to restore, or None."""
    dialog = BackupDialog(backups, file_name, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
