"""The task sheet's view: a tree table driven from the keyboard like a spreadsheet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QHeaderView, QStyle, QTreeView, QWidget

# The colours a cell is drawn in: a style may draw them from the palette's inactive group without the focus.
_CELL_ROLES = (
    QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.Highlight,
    QPalette.ColorRole.HighlightedText,
)


class SheetView(QTreeView):
    """Keys: Enter/F2 edit, Tab next cell, Insert or Ctrl+Enter add below, Ctrl+Shift+Right/Left
    indent/outdent, Alt+Up/Down move, Delete remove, Ctrl+C/Ctrl+V copy and paste rows."""

    add_below = Signal()
    indent = Signal()
    outdent = Signal()
    move_up = Signal()
    move_down = Signal()
    remove = Signal()
    copy_rows = Signal()
    paste_rows = Signal()
    # The user tried to edit a cell that is not editable (their role may not change it, say).
    edit_refused = Signal(object)  # the index (QModelIndex or QPersistentModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task_sheet")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(True)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    # The focus comes and goes with every cell edited: the editor takes it, Enter gives it back.
    # Qt repaints the whole sheet each time (40 rows, 8 ms of every edit's round trip), for the
    # styles that draw cells without the focus in other colours; where they look the same, only
    # the cursor's row changes (its focus mark).

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (a Qt override)
        if not self._cursor_row_only():
            super().focusInEvent(event)
            return
        QAbstractScrollArea.focusInEvent(self, event)
        # What QAbstractItemView.focusInEvent does besides its repaint, for a valid cursor.
        editable = bool(self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
        self._update_cursor_row()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if not self._cursor_row_only():
            super().focusOutEvent(event)
            return
        QAbstractScrollArea.focusOutEvent(self, event)
        self._update_cursor_row()

    def _cursor_row_only(self) -> bool:
        """Whether a change of focus changes only the cursor's row (and there is a cursor)."""
        if not self.currentIndex().isValid():
            return False  # Qt puts the cursor on the first cell: its own handling does
        if not self.style().styleHint(QStyle.StyleHint.SH_ItemView_ChangeHighlightOnFocus, None, self):
            return True
        palette = self.palette()
        active, inactive = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
        return all(palette.color(active, role) == palette.color(inactive, role) for role in _CELL_ROLES)

    def _update_cursor_row(self) -> None:
        cell = self.visualRect(self.currentIndex())
        if cell.isValid():
            viewport = self.viewport()
            viewport.update(QRect(0, cell.top(), viewport.width(), cell.height()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Insert or (enter and ctrl):
            self.add_below.emit()
        elif ctrl and shift and key == Qt.Key.Key_Right:
            self.indent.emit()
        elif ctrl and shift and key == Qt.Key.Key_Left:
            self.outdent.emit()
        elif alt and key == Qt.Key.Key_Up:
            self.move_up.emit()
        elif alt and key == Qt.Key.Key_Down:
            self.move_down.emit()
        elif key == Qt.Key.Key_Delete and not modifiers:
            self.remove.emit()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_rows.emit()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_rows.emit()
        elif enter and self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
            self.edit(self.currentIndex())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        """Open an editor; when the cell takes none, say that the user tried (to tell them why)."""
        if trigger is None:
            super().edit(index)
            return self.state() == QAbstractItemView.State.EditingState
        opened = super().edit(index, trigger, event)  # type: ignore[arg-type]  # Qt passes no event at times
        tried = trigger in (
            QAbstractItemView.EditTrigger.DoubleClicked,
            QAbstractItemView.EditTrigger.EditKeyPressed,
            QAbstractItemView.EditTrigger.AllEditTriggers,
        ) or (
            trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            and isinstance(event, QKeyEvent)
            and event.text().strip() != ""
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        model = self.model()
        if (
            not opened
            and tried
            and index.isValid()
            and model is not None
            and not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit_refused.emit(index)
        return opened

    def moveCursor(
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab walk the shown cells of a row in their shown order, then on to the next row."""
        current = self.currentIndex()
        model = self.model()
        if model is None or not current.isValid():
            return super().moveCursor(cursor_action, modifiers)
        header = self.header()
        shown = [
            column
            for column in (header.logicalIndex(visual) for visual in range(header.count()))
            if not header.isSectionHidden(column)
        ]
        if not shown:
            return current
        place = shown.index(current.column()) if current.column() in shown else 0
        if cursor_action == QAbstractItemView.CursorAction.MoveNext:
            if place < len(shown) - 1:
                return current.siblingAtColumn(shown[place + 1])
            below = self.indexBelow(current.siblingAtColumn(0))
            return below.siblingAtColumn(shown[0]) if below.isValid() else current
        if cursor_action == QAbstractItemView.CursorAction.MovePrevious:
            if place > 0:
                return current.siblingAtColumn(shown[place - 1])
            above = self.indexAbove(current.siblingAtColumn(0))
            return above.siblingAtColumn(shown[-1]) if above.isValid() else current
        return super().moveCursor(cursor_action, modifiers)
