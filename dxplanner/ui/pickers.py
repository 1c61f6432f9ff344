"""Editors for choosing units: one by typing part of a name, several by ticking them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListView, QVBoxLayout, QWidget

from dxplanner.core.matching import UnitIndex, UnitName
from dxplanner.core.text import fold
from dxplanner.i18n import _

Index = QModelIndex | QPersistentModelIndex
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps the rows whose text holds every typed word, whatever the accents and case."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self._words = fold(text).split()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        text = self.sourceModel().index(source_row, 0, source_parent).data(Qt.ItemDataRole.DisplayRole)
        folded = fold(str(text or ""))
        return all(word in folded for word in self._words)


class _PickerLine(QLineEdit):
    """The picker's line: Enter means "this one", even while the list of matches is open."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            completer = self.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and popup.isVisible():
                popup.hide()
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class UnitPicker(QComboBox):
    """A unit chosen by typing any part of its name, short name or code ("chuyen doi" finds "Chuyển đổi").

    Enter takes the unit the text names, else the first of the matches the list shows.
    """

    chosen = Signal()  # a unit was picked from the list of matches

    def __init__(self, units: UnitIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units = units
        self.setEditable(True)
        self.setLineEdit(_PickerLine(self))
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._names = QStringListModel(self)
        self._fill()
        self._filter = _FoldedFilter(self)
        self._filter.setSourceModel(self._names)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated.connect(self._picked)
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self._typed)
        assert isinstance(line, _PickerLine)
        line.entered.connect(self._finish)
        self._finished = False

    def _fill(self) -> None:
        self.clear()
        self.addItem(_("(none)"), None)
        for unit in self._units.units:
            self.addItem(unit.label, unit.id)
        self._names.setStringList([self.itemText(row) for row in range(self.count())])

    def use_units(self, units: UnitIndex) -> None:
        """Offer these units from now on (after units were added, renamed or merged)."""
        if units is not self._units:
            chosen = self.currentData()
            self._units = units
            self.blockSignals(True)
            try:
                self._fill()
                self.set_unit(chosen)
            finally:
                self.blockSignals(False)

    def _typed(self, text: str) -> None:
        self._filter.set_text(text)
        completer = self.completer()
        if completer is None:
            return
        completer.complete()

    def _picked(self, text: str) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setText(text)
        self._finish()

    def _finish(self) -> None:
        # Enter may come both from the list of matches and from the line: say it once.
        if not self._finished:
            self._finished = True
            self.chosen.emit()

    def set_unit(self, unit_id: int | None) -> None:
        """Show unit_id as the choice."""
        row = self.findData(unit_id)
        self.setCurrentIndex(max(row, 0))

    def unit(self) -> int | str | None:
        """The chosen unit's id, None for none, or the typed text when it names no single unit."""
        text = self.currentText().strip()
        if not text or text == _("(none)"):
            return None
        row = self.findText(text, Qt.MatchFlag.MatchExactly)
        if row >= 0:
            data = self.itemData(row)
            return int(data) if data is not None else None
        found = self._units.find(text)
        if found is None:
            matches = self._units.search(text)
            found = matches[0] if matches else None
        return found.id if found is not None else text


class UnitChecklist(QWidget):
    """Several units, ticked in a list that a typed filter narrows."""

    committed = Signal()

    def __init__(self, units: Iterable[UnitName], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_("Type to find a unit…"))
        self._model = QStandardItemModel(self)
        for unit in units:
            item = QStandardItem(unit.label)
            item.setData(unit.id, UNIT_ID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            self._model.appendRow(item)
        self._shown = _FoldedFilter(self)
        self._shown.setSourceModel(self._model)
        self.list = QListView(self)
        self.list.setModel(self._shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textEdited.connect(self._shown.set_text)
        self.filter.returnPressed.connect(self._tick_only_match)
        self.setFocusProxy(self.filter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter, once the filter has used it, ends here rather than reaching the sheet behind.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _tick_only_match(self) -> None:
        if self._shown.rowCount() == 1 and self.filter.text().strip():
            source = self._shown.mapToSource(self._shown.index(0, 0))
            item = self._model.itemFromIndex(source)
            item.setCheckState(Qt.CheckState.Checked)
            self.filter.clear()
            self._shown.set_text("")
        else:
            self.committed.emit()

    def set_units(self, unit_ids: Iterable[int]) -> None:
        """Tick exactly these units."""
        wanted = set(unit_ids)
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            checked = item.data(UNIT_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def units(self) -> tuple[int, ...]:
        """The ticked units, in list order."""
        return tuple(
            int(self._model.item(row).data(UNIT_ID_ROLE))
            for row in range(self._model.rowCount())
            if self._model.item(row).checkState() == Qt.CheckState.Checked
        )
