"""The tasks that need attention beside the charts: late and at-risk tasks with owner and days late."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from dxplanner.core.dashboard import AttentionItem
from dxplanner.core.status import Health
from dxplanner.i18n import _
from dxplanner.labels import label

MOST_SHOWN = 200


class AttentionList(QTableWidget):
    """Late tasks first (the latest at the top), then tasks at risk; double-click opens the task."""

    open_task = Signal(int, int)  # plan id, task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("attention_list")
        self.setHorizontalHeaderLabels([_("Task"), _("Lead unit"), _("Days late"), _("Status")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.itemDoubleClicked.connect(self._open)
        self._items: list[AttentionItem] = []

    def show_items(self, items: Sequence[AttentionItem]) -> None:
        """List these tasks (the most urgent 200: a longer list is read in the sheet's "only late" filter)."""
        self._items = list(items[:MOST_SHOWN])
        self.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            name = f"{item.code}  {item.name}" if item.code else item.name
            colour = QColor("#b3261e") if item.health is Health.LATE else QColor("#9a6700")
            cells = [
                name,
                item.owner or "",
                str(item.days_late) if item.days_late else "",
                label(item.health),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setForeground(colour)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setToolTip(item.name)
                self.setItem(row, column, cell)
        self.resizeColumnToContents(1)

    def item_at(self, row: int) -> AttentionItem:
        """The task listed in a row."""
        return self._items[row]

    def _open(self, cell: QTableWidgetItem) -> None:
        item = self._items[cell.row()]
        self.open_task.emit(item.plan_id, item.task_id)
