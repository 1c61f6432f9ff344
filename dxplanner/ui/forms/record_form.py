"""A form of one record: each field saved, as one undoable step, when the user leaves it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.services import conflicts
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.forms.fields import BoundField, FieldSpec, read_value
from dxplanner.ui.forms.record_table import RecordTable, field_values
from dxplanner.ui.session import DataChange, PlanSession, RemoteChange

# A record by id, as the services read it (a frozen dataclass), or None when there is none.
Read = Callable[[OpenPlan, int], Any]
# Writes fields of a record: (plan, record id, fields, the version the user saw).
Write = Callable[[OpenPlan, int, dict[str, Any], int | None], Changes]


class RecordForm(QWidget):
    """Fields of one record, read from the file and written back through an operation."""

    record_shown = Signal(object)  # the id of the record now shown, or None

    def __init__(
        self,
        session: PlanSession,
        heading: Callable[[Mapping[str, Any]], str],
        fields: Sequence[FieldSpec],
        read: Read,
        write: Write,
        tables: Sequence[str],
        units: Callable[[], UnitIndex],
        qt_date_format: str,
        parent: QWidget | None = None,
        nothing_shown: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.record_id: int | None = None
        self._heading_of = heading
        self._read = read
        self._write = write
        self._tables = tuple(tables)
        self._values: dict[str, Any] = {}
        self._nothing_shown = nothing_shown  # what the heading says when no record is shown
        self.record_tables: list[RecordTable] = []
        self.heading = QLabel()
        font = QFont()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.fields: dict[str, BoundField] = {}
        form = QFormLayout()
        # A label too long for the row goes above its field: beside the sheet in a narrow window
        # ("Ngày kết thúc theo kế hoạch gốc"), the fields were cut to a few letters.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in fields:
            bound = BoundField(spec, units, qt_date_format, partial(self._done, spec.name))
            self.fields[spec.name] = bound
            form.addRow(spec.title, bound.widget)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.heading)
        self.body.addLayout(form)
        session.changed.connect(self._on_change)

    def add_section(self, widget: QWidget) -> None:
        """Put a part below the fields (buttons, notes)."""
        self.body.addWidget(widget)

    def add_table(self, table: RecordTable) -> None:
        """Put a table below the fields that shows the records of whatever the form shows."""
        self.record_tables.append(table)
        self.body.addWidget(table)

    def show_record(self, record_id: int | None, *, keep_typing: bool = False) -> None:
        """Show a record's stored values (keep_typing: except in a field the user is typing in)."""
        self.record_id = record_id
        self._show_fields(keep_typing)
        for table in self.record_tables:
            table.show_owner(record_id)
        self.record_shown.emit(record_id)

    def _show_fields(self, keep_typing: bool) -> None:
        record_id = self.record_id
        record = self._read(self.session.store, record_id) if record_id is not None else None
        self._values = field_values(record)
        self.heading.setText(self._heading_of(self._values) if record is not None else self._nothing_shown)
        for name, bound in self.fields.items():
            # No record: empty fields that cannot be typed in (a choice would show its first value).
            bound.widget.setEnabled(record is not None)
            if record is None:
                bound.show_nothing()
            elif not (keep_typing and bound.typing()):
                bound.show(self._values.get(name))

    def _on_change(self, change: DataChange) -> None:
        if self.record_id is not None and change.touches(*self._tables):
            # Another user's change leaves what this user is typing as it is: leaving the field
            # saves it over theirs, as for any edit of a stored value. The tables below follow the
            # changes of their own tables: reading all six again cost 20 ms of every edit in the sheet.
            self._show_fields(keep_typing=isinstance(change, RemoteChange))

    def _done(self, name: str) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        bound = self.fields[name]
        readable, value = read_value(bound, self)
        if not readable:
            bound.show(self._values.get(name))
            return
        if value == self._values.get(name) or (value is None and not self._values.get(name)):
            return
        title = _("Edit {what}").format(what=bound.spec.title)
        typed = bound.typed_text()
        # The edit carries the version the form shows: a change someone made since is not overwritten.
        edit = conflicts.one_record(
            self._tables[0],
            record_id,
            self._values.get("version"),
            {name: value},
            lambda plan, version, fields: self._write(plan, record_id, fields, version),
            {name: self._values.get(name)},
        )
        if self.session.run_edit(title, edit, typed=typed) is None:
            bound.show(self._values.get(name))  # refused, or theirs kept: show what is stored
