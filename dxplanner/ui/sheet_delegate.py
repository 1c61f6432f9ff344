"""The editors of the task sheet's cells: dates, units, progress, kinds and statuses."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.matching import UnitIndex
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.pickers import UnitChecklist, UnitPicker
from dxplanner.ui.sheet_model import SheetColumn

# Marks the line a progress cell is typed in (its text is a figure, read by the sheet).
_PROGRESS = "dxplanner_progress"

Index = QModelIndex | QPersistentModelIndex


class SheetDelegate(QStyledItemDelegate):
    """Chooses the editor each column needs, and turns what was entered into a value."""

    def __init__(
        self,
        units: Callable[[], UnitIndex],
        dates: DateStyle = DEFAULT_DATES,
        first_page: Callable[[Index], datetime.date] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._units = units
        self.dates = dates
        # The day a date cell's calendar opens on when the cell holds no date.
        self._first_page = first_page or (lambda _index: datetime.date.today())
        # What a refused edit held, to show again when its cell is reopened for correcting.
        self._retry: tuple[QPersistentModelIndex, Any] | None = None

    def retry(self, index: Index, value: Any) -> None:
        """Start the next editor of this cell from value (what the user entered and was refused)."""
        self._retry = (QPersistentModelIndex(index), value)

    def forget_retry(self) -> None:
        """Start editors from the model's values again."""
        self._retry = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = SheetColumn(index.column())
        if column in (SheetColumn.START, SheetColumn.END):
            cell = QPersistentModelIndex(index)
            line = DateLine(self.dates, lambda: self._first_page(cell), parent)
            line.picked.connect(lambda: self._finish(line))
            return line
        if column is SheetColumn.PROGRESS:
            # Text, read by the sheet: a spin box took "2,5" as 25 (it drops a mark it does not
            # expect), and cut a mistyped 120 or -5 where the rule should explain it.
            figure = QLineEdit(parent)
            figure.setProperty(_PROGRESS, True)
            return figure
        if column in (SheetColumn.KIND, SheetColumn.STATUS):
            combo = QComboBox(parent)
            for member in TaskKind if column is SheetColumn.KIND else TaskStatus:
                combo.addItem(label(member), member.value)
            return combo
        if column is SheetColumn.LEAD:
            picker = UnitPicker(self._units(), parent)
            picker.chosen.connect(lambda: self._finish(picker))
            return picker
        if column is SheetColumn.COOPERATING:
            checklist = UnitChecklist(self._units().units, parent)
            checklist.committed.connect(lambda: self._finish(checklist))
            return checklist
        text = QLineEdit(parent)
        if column is SheetColumn.CODE:
            # A number the task takes from its place shows greyed, to keep or type over.
            text.setPlaceholderText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The unit editors say themselves when Enter means "done" (in the picker it may only close
        # the list of matches; in the checklist it may only tick the one match). Qt's own handling
        # would commit and close them a second time, from a queued call that can land inside the
        # refusal box of the first commit and delete the editor under it.
        if (
            isinstance(watched, UnitPicker | UnitChecklist)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            return False
        return super().eventFilter(watched, event)

    def _finish(self, editor: QWidget) -> None:
        # The editor's own "done" (Enter, a click on a match), taken once. With Qt's Enter kept off
        # these editors (eventFilter), a refusal's box is the only event loop the editor waits in
        # before it is closed here, and nothing closes it underneath.
        if editor.property("finishing"):
            return
        editor.setProperty("finishing", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        if isinstance(editor, DateLine):
            # The cell fits a date, not a date and the calendar button: typing scrolled the day away.
            rect = QRect(option.rect)
            rect.setWidth(max(rect.width(), editor.room_for_a_date()))
            editor.setGeometry(rect)
            return
        if isinstance(editor, UnitChecklist):
            rect = QRect(option.rect)
            rect.setWidth(max(rect.width(), 320))
            rect.setHeight(260)
            editor.setGeometry(rect)
            return
        super().updateEditorGeometry(editor, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if self._retry is not None and self._retry[0] == QPersistentModelIndex(index):
            value = self._retry[1]
            self._retry = None
        if isinstance(editor, DateLine):
            if isinstance(value, str):  # what the user typed and was refused, to correct
                editor.setText(value)
            else:
                editor.set_date(value)
        elif isinstance(editor, QLineEdit) and editor.property(_PROGRESS):
            # As stored (2.5 shows 2,5 to a Vietnamese user); what was typed and refused as it was.
            editor.setText(value if isinstance(value, str) else decimal_text(value or 0))
            editor.selectAll()
        elif isinstance(editor, UnitPicker):
            if isinstance(value, str):  # a name that was refused, to correct
                editor.setEditText(value)
            else:
                editor.set_unit(value)
            # As a text cell opens: its name selected, so that what is typed replaces it.
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
        elif isinstance(editor, UnitChecklist):
            editor.set_units(value or ())
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(getattr(value, "value", value))))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, DateLine):
            value = editor.text()  # read, or refused, by the sheet, which knows what to say
        elif isinstance(editor, UnitPicker):
            value = editor.unit()
        elif isinstance(editor, UnitChecklist):
            value = editor.units()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
