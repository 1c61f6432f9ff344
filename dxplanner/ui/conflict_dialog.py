"""The conflict dialog: someone changed what the user edited; both versions side by side, and what to keep."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxplanner.i18n import _
from dxplanner.services.conflicts import Choice, ConflictError, RecordDifferences

# What the user keeps of their own edit, by record (None: nothing, their version stays).
Kept = Mapping[Any, Collection[str]] | None

# The columns of the table of differences.
_RECORD, _FIELD, _MINE, _THEIRS = range(4)
# Widths in pixels: the record's column at most, the dialog at least and at most.
_RECORD_WIDTH = 220
_NARROWEST, _WIDEST = 640, 1100


class ConflictDialog(QDialog):
    """Lists the fields that differ (mine / theirs) and offers: keep mine, take theirs, or merge.

    Merging keeps the user's value in the fields ticked in the "Mine" column (Space ticks the
    current row) and the other version's in the rest. Escape takes theirs: nothing is written.
    """

    def __init__(
        self, error: ConflictError, shown: Sequence[RecordDifferences], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Changed by someone else"))
        self.choice = Choice.TAKE_THEIRS
        self._shown = list(shown)
        lines = [error.message]
        for record in self._shown:
            if record.changed:
                lines.append(_("{record}: changed by {who}.").format(record=record.title, who=record.changed))
        self.intro = QLabel("\n".join(lines))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Record"), _("Field"), _("Mine"), _("Theirs (stored)")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self._rows: list[tuple[Any, str]] = []
        for record in self._shown:
            for number, difference in enumerate(record.fields):
                row = self.table.rowCount()
                self.table.insertRow(row)
                self._rows.append((record.conflict.record_id, difference.field))
                self._put(row, _RECORD, record.title if number == 0 else "")
                self._put(row, _FIELD, difference.label)
                mine = self._put(row, _MINE, difference.mine_text)
                mine.setFlags(mine.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                mine.setCheckState(Qt.CheckState.Checked)
                self._put(row, _THEIRS, difference.theirs_text)
        # Both versions are read whole: they share the width left by the record and the field, and
        # wrap in their cells; the record's name is cut to a readable width (its tooltip has it all).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_RECORD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_MINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_THEIRS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(_RECORD, min(_RECORD_WIDTH, self.table.sizeHintForColumn(_RECORD)))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        header.sectionResized.connect(lambda *_sizes: self.table.resizeRowsToContents())
        self.table.setAccessibleName(_("Fields that differ"))
        hint = QLabel(
            _("Tick in “Mine” the fields where your value is to stay (Space ticks the current row).")
        )
        hint.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(_("&Keep mine"), self)
        self.take_theirs = QPushButton(_("&Take theirs"), self)
        self.merge = QPushButton(_("&Merge the ticked fields"), self)
        for button, role, choice in (
            (self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole, Choice.KEEP_MINE),
            (self.merge, QDialogButtonBox.ButtonRole.AcceptRole, Choice.MERGE),
            (self.take_theirs, QDialogButtonBox.ButtonRole.RejectRole, Choice.TAKE_THEIRS),
        ):
            buttons.addButton(button, role)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, chosen=choice: self._choose(chosen))
        self.keep_mine.setToolTip(_("Write your values over the other version"))
        self.take_theirs.setToolTip(_("Drop your change; the other version stays"))
        self.merge.setToolTip(_("Your value where ticked, the other version's elsewhere"))
        # Nothing is written unless the user says so: Enter and Escape both leave the stored version.
        self.take_theirs.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # Wide enough to read two versions side by side, within the window it opens over.
        room = parent.width() if parent is not None else _WIDEST
        self.resize(max(_NARROWEST, min(_WIDEST, room * 2 // 3)), 360)
        if self.table.rowCount():
            self.table.setCurrentCell(0, _MINE)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their widths

    def _put(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, column, item)
        return item

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.TAKE_THEIRS:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        self.choice = Choice.TAKE_THEIRS
        super().reject()

    def ticked(self) -> dict[Any, set[str]]:
        """The fields whose value the user keeps, by record, as ticked."""
        kept: dict[Any, set[str]] = {record.conflict.record_id: set() for record in self._shown}
        for row, (record_id, field) in enumerate(self._rows):
            item = self.table.item(row, _MINE)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                kept[record_id].add(field)
        return kept

    def kept(self) -> Kept:
        """What the user chose to keep of their edit (None: nothing)."""
        if self.choice is Choice.TAKE_THEIRS:
            return None
        if self.choice is Choice.KEEP_MINE:
            return {
                record.conflict.record_id: {difference.field for difference in record.fields}
                for record in self._shown
            }
        return self.ticked()


def ask_what_to_keep(
    parent: QWidget | None, error: ConflictError, shown: Sequence[RecordDifferences]
) -> Kept:
    """Show the conflict dialog and say what the user keeps of their edit (None: take theirs)."""
    dialog = ConflictDialog(error, shown, parent)
    dialog.exec()
    return dialog.kept()
