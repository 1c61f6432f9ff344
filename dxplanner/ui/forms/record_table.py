"""A small table of records that belong to one thing (budget lines of a task, targets of an indicator)."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core import cells
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.labels import label, names_in_every_language
from dxplanner.numbers import decimal_text, whole_text
from dxplanner.services import conflicts
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.forms.fields import FieldKind
from dxplanner.ui.session import DataChange, PlanSession

KEY_ROLE = Qt.ItemDataRole.UserRole + 7
# The version of the row's record as shown (None for records without one): its edits carry it.
VERSION_ROLE = Qt.ItemDataRole.UserRole + 8


@dataclass(frozen=True)
class ColumnSpec:
    """One column: the field it shows, its title, how it is read back, whether it can be edited."""

    name: str
    title: str
    kind: FieldKind = FieldKind.TEXT
    choices: type[enum.StrEnum] | None = None
    editable: bool = True
    # The column takes the width the others leave (a long name, cut), so that they never scroll away.
    stretch: bool = False


# The records of an owner, each with the key its edits are made by (an id, or the fields that name it).
Rows = Callable[[OpenPlan, int], Sequence[tuple[Hashable, Any]]]
Add = Callable[[OpenPlan, int], Changes]
# Writes fields of a record: (plan, key, fields, the version the user saw or None).
Update = Callable[[OpenPlan, Any, dict[str, Any], int | None], Changes]
Delete = Callable[[OpenPlan, Any], Changes]


def only_field(fields: dict[str, Any]) -> tuple[str, Any]:
    """The one field an edit of a record without a version sets (a cell at a time: nothing to merge)."""
    [(name, value)] = fields.items()
    return name, value


def field_values(record: Any) -> dict[str, Any]:
    """A record read from the services (a frozen dataclass) as its values by field name."""
    if record is None:
        return {}
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}


_WIDEST_COLUMN = 240


class RecordTable(QWidget):
    """Rows of records owned by one record; cells are typed like in a spreadsheet, each edit undoable."""

    def __init__(
        self,
        session: PlanSession,
        title: str,
        columns: Sequence[ColumnSpec],
        rows: Rows,
        update: Update,
        delete: Delete,
        tables: Sequence[str],
        units: Callable[[], UnitIndex],
        add: Add | None = None,
        date_format: str = "%d/%m/%Y",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.owner_id: int | None = None
        self._columns = list(columns)
        self._rows = rows
        self._update = update
        self._delete = delete
        self._add = add
        self._tables = tuple(tables)
        self._units = units
        self._date_format = date_format
        self._filling = False
        self._shown: dict[tuple[Any, str], Any] = {}
        self.table = QTableWidget(0, len(self._columns), self)
        self.table.setHorizontalHeaderLabels([column.title for column in self._columns])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        stretched = [number for number, column in enumerate(self._columns) if column.stretch]
        header.setStretchLastSection(not stretched)
        for number in stretched:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(_("Add"), self)
        self.delete_button = QPushButton(_("Remove"), self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_current)
        self.add_button.setVisible(add is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(f"<b>{title}</b>"))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        session.changed.connect(self._on_change)
        # Others' changes wait while a cell is typed in: filling the table again would close its editor.
        session.hold_while(lambda: self.table.state() == self.table.State.EditingState)
        delegate = self.table.itemDelegate()
        if delegate is not None:
            delegate.closeEditor.connect(lambda *_: QTimer.singleShot(0, self, session.release_held))

    def show_owner(self, owner_id: int | None) -> None:
        """Show the records that belong to owner_id."""
        self.owner_id = owner_id
        rows: Sequence[tuple[Hashable, Any]] = ()
        if owner_id is not None:
            rows = self._rows(self.session.store, owner_id)
        self._filling = True
        # What each cell shows, by (record key, field): an edit made over a change someone made
        # meanwhile to another field of the record is no conflict.
        self._shown = {}
        try:
            self.table.setRowCount(len(rows))
            for row, (key, record) in enumerate(rows):
                values = field_values(record)
                for column, spec in enumerate(self._columns):
                    self._shown[(key, spec.name)] = values.get(spec.name)
                    item = QTableWidgetItem(self._text(spec, values.get(spec.name)))
                    item.setData(KEY_ROLE, key)
                    item.setData(VERSION_ROLE, values.get("version"))
                    if not spec.editable:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, item)
        finally:
            self._filling = False
        self._fit_columns()
        self.add_button.setEnabled(owner_id is not None)

    def _fit_columns(self) -> None:
        # Amounts must show whole; long texts get a sensible width and the table scrolls sideways.
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            if not self._columns[column].stretch:
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), _WIDEST_COLUMN))

    def _on_change(self, change: DataChange) -> None:
        if change.touches(*self._tables):
            self.show_owner(self.owner_id)

    def _text(self, spec: ColumnSpec, value: Any) -> str:
        if value is None:
            return ""
        if spec.kind is FieldKind.DATE and isinstance(value, datetime.date):
            return value.strftime(self._date_format)
        if spec.kind is FieldKind.CHOICE and spec.choices is not None:
            return label(spec.choices(value))
        if spec.kind is FieldKind.UNIT:
            unit = next((each for each in self._units().units if each.id == value), None)
            return unit.label if unit else str(value)
        if spec.kind is FieldKind.NUMBER and isinstance(value, int | float):
            return decimal_text(value)
        if spec.kind is FieldKind.WHOLE and isinstance(value, int):
            return whole_text(value)
        return str(value)

    def _read(self, spec: ColumnSpec, text: str) -> Any:
        if spec.kind is FieldKind.DATE:
            return cells.date_cell(text, spec.title)
        if spec.kind is FieldKind.NUMBER:
            return cells.number_cell(text, spec.title)
        if spec.kind in (FieldKind.WHOLE, FieldKind.YEAR):
            number = cells.number_cell(text, spec.title)
            return None if number is None else int(number) if number == int(number) else number
        if spec.kind is FieldKind.CHOICE and spec.choices is not None:
            return cells.choice_cell(text, spec.choices, names_in_every_language, spec.title)
        if spec.kind is FieldKind.UNIT:
            found = self._units().find(text)
            if found is None:
                raise InvalidInputError(self._units().not_one(text, spec.title))
            return found.id
        return text.strip() or None

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        spec = self._columns[item.column()]
        key = item.data(KEY_ROLE)
        try:
            value = self._read(spec, item.text())
        except DomainError as error:
            show_refusal(self, error)
            self.show_owner(self.owner_id)
            return
        title = _("Edit {what}").format(what=spec.title)
        edit = conflicts.one_record(
            self._tables[0],
            key,
            item.data(VERSION_ROLE),
            {spec.name: value},
            lambda plan, version, fields: self._update(plan, key, fields, version),
            {spec.name: self._shown.get((key, spec.name))},
        )
        if self.session.run_edit(title, edit) is None:
            self.show_owner(self.owner_id)

    def add_row(self) -> None:
        """Add a record with default values, ready to be filled in."""
        owner = self.owner_id
        add = self._add
        if owner is None or add is None:
            return
        self.session.run(_("Add"), lambda store: add(store, owner))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def delete_current(self) -> None:
        """Remove the record of the current row."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        key = item.data(KEY_ROLE)
        self.session.run(_("Remove"), lambda store: self._delete(store, key))
