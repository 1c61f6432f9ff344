"""The read-only task table: a thin model over task ids, filling a row cache block by block."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.outline import OutlineRow, outline
from dxplanner.i18n import _
from dxplanner.labels import task_status_label
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore

Index = QModelIndex | QPersistentModelIndex

# Rows fetched per trip to the database when the view scrolls to an unloaded row.
BLOCK_SIZE = 200
INDENT = "    "
LATE_COLOUR = QColor("#b3261e")


class Column(enum.IntEnum):
    """The columns of the task table, in order."""

    CODE = 0
    NAME = 1
    LEAD_UNIT = 2
    START = 3
    END = 4
    PROGRESS = 5
    STATUS = 6


def _headers() -> dict[Column, str]:
    return {
        Column.CODE: _("No."),
        Column.NAME: _("Task"),
        Column.LEAD_UNIT: _("Lead unit"),
        Column.START: _("Start"),
        Column.END: _("End"),
        Column.PROGRESS: _("Progress"),
        Column.STATUS: _("Status"),
    }


class TaskTableModel(QAbstractTableModel):
    """The tasks of one plan, a whole strategy's plans, or one task's subtree, in reading order."""

    def __init__(self, today: Callable[[], datetime.date] = datetime.date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._store: PlanStore | None = None
        self._outline: list[OutlineRow] = []
        self._cache: dict[int, queries.TaskRow] = {}
        self._row_of: dict[int, int] = {}
        self._headers = _headers()

    def show_tasks(
        self, store: PlanStore | None, plan_ids: Sequence[int], root_task_id: int | None = None
    ) -> None:
        """Show the tasks of plan_ids, or only root_task_id and what lies below it."""
        self.beginResetModel()
        self._store = store
        self._cache.clear()
        self._outline = []
        if store is not None:
            with store.read() as session:
                # One plan after another, each in its own reading order, rolled up by its own rules.
                for plan_id in plan_ids:
                    calendar = queries.plan_calendar(session, plan_id)
                    weight = queries.plan_weight(session, plan_id, calendar)
                    nodes = queries.outline_nodes(session, [plan_id])
                    self._outline.extend(outline(nodes, root_task_id, weight))
        self._row_of = {row.id: number for number, row in enumerate(self._outline)}
        self.endResetModel()

    def task_id(self, row: int) -> int:
        """The id of the task shown in row."""
        return self._outline[row].id

    # Qt's model interface.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._outline)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[Column(section)] if 0 <= section < len(Column) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._outline):
            return None
        outline_row = self._outline[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.START,
            Column.END,
            Column.PROGRESS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and outline_row.has_children:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._is_late(outline_row):
            return QBrush(LATE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NAME:
            cached = self._cached(outline_row.id)
            return cached.name if cached else None
        return None

    def _text(self, row_number: int, column: Column) -> str | None:
        outline_row = self._outline[row_number]
        if column is Column.START:
            return _date(outline_row.start)
        if column is Column.END:
            return _date(outline_row.end)
        if column is Column.PROGRESS:
            return f"{outline_row.progress:.0f}%"
        row = self._cached(outline_row.id)
        if row is None:
            return None
        if column is Column.CODE:
            return row.code
        if column is Column.NAME:
            return INDENT * outline_row.depth + row.name
        if column is Column.LEAD_UNIT:
            return row.lead_unit
        if column is Column.STATUS:
            return "" if row.kind is TaskKind.GROUP else task_status_label(row.status)
        return None

    def _is_late(self, outline_row: OutlineRow) -> bool:
        if outline_row.end is None or outline_row.progress >= 100:
            return False
        row = self._cached(outline_row.id)
        if row is not None and row.status in (TaskStatus.CANCELLED, TaskStatus.COMPLETED):
            return False
        return outline_row.end < self._today()

    def _cached(self, task_id: int) -> queries.TaskRow | None:
        cached = self._cache.get(task_id)
        if cached is None and self._store is not None:
            self._fill_block_around(task_id)
            cached = self._cache.get(task_id)
        return cached

    def _fill_block_around(self, task_id: int) -> None:
        assert self._store is not None
        # Start a little above, since views scroll both ways.
        first = max(0, self._row_of[task_id] - BLOCK_SIZE // 4)
        ids = [row.id for row in self._outline[first : first + BLOCK_SIZE] if row.id not in self._cache]
        with self._store.read() as session:
            self._cache.update(queries.task_rows(session, ids))


def _date(value: datetime.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")
