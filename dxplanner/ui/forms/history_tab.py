"""The History tab of a task on a shared plan: who changed what and when, each field before and after."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.services import history
from dxplanner.ui.session import DataChange, PlanSession

# The table's columns, for the code that sizes them.
_COLUMNS = ("when", "who", "record", "field", "before", "after")
_RECORD_WIDTH = 260  # pixels


class TaskHistory(QWidget):
    """The history of the task shown in the details, newest first, one line per field changed."""

    def __init__(self, session: PlanSession, date_format: str) -> None:
        super().__init__()
        self.session = session
        self.task_id: int | None = None
        self._date_format = date_format
        # Read when the tab is seen: a change while it is hidden only marks it as out of date.
        self._stale = True
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [_("When"), _("Who"), _("Record"), _("Field"), _("Before"), _("After")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        session.changed.connect(self._on_change)

    def show_task(self, task_id: int | None) -> None:
        """Follow the task the details show."""
        if task_id != self.task_id:
            self.task_id = task_id
            self._stale = True
        self.refresh_if_seen()

    def refresh_if_seen(self) -> None:
        """Read the history again if it may have changed and the tab is on screen."""
        if self._stale and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the task's history and show it, the newest change first."""
        self._stale = False
        self.table.setRowCount(0)
        if self.task_id is None:
            return
        try:
            entries = history.read_history(self.session.store, task_id=self.task_id)
        except DomainError as error:
            self._line((error.message, "", "", "", "", ""))
            return
        for entry in reversed(entries):
            when = entry.at.astimezone().strftime(f"{self._date_format} %H:%M:%S")
            record = f"{entry.action_words}: {entry.record}"
            # An added or deleted record is one line; its fields are in the command's history.
            changes = entry.fields if entry.action == "changed" else ()
            changes = changes or (history.FieldChange("", None, None),)
            for change in changes:
                before = history.shown(change.before) if change.field else ""
                after = history.shown(change.after) if change.field else ""
                self._line((when, entry.who, record, change.label, before, after))
        self.table.resizeColumnsToContents()
        # A record's full name can fill the pane: keep it short so the fields stay in sight.
        record_column = _COLUMNS.index("record")
        self.table.setColumnWidth(record_column, min(self.table.columnWidth(record_column), _RECORD_WIDTH))

    def _line(self, texts: tuple[str, ...]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # what a narrow column cuts off
            self.table.setItem(row, column, item)

    def _on_change(self, _change: DataChange) -> None:
        # Any change may be the task's (its reports, its links): the tab reads again when seen.
        self._stale = True
        self.refresh_if_seen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_seen()
