"""Form fields bound to one attribute of a record: shown from the file, saved as an undoable step."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from dxplanner.core.cells import number_cell
from dxplanner.core.errors import DomainError
from dxplanner.core.matching import UnitIndex
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.ui.app_settings import date_style_of
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.pickers import UnitPicker


class FieldKind(enum.Enum):
    """How a field is edited."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    WHOLE = "whole"
    YEAR = "year"  # a whole number written without a thousands separator
    DATE = "date"
    CHOICE = "choice"
    UNIT = "unit"
    RECORD = "record"  # one of a list of other records (a socio-economic plan, an indicator)
    FLAG = "flag"  # yes or no, a checkbox


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form."""

    name: str
    title: str
    kind: FieldKind = FieldKind.TEXT
    choices: type[enum.StrEnum] | None = None
    # For RECORD fields: the (id, label) pairs to choose from, read when the form fills.
    options: Callable[[], Sequence[tuple[int, str]]] | None = None
    # For CHOICE fields that may be left empty (where a system runs, how often data is updated).
    optional: bool = False


class BoundField:
    """An editor for one field that tells its form when the user has finished changing it."""

    def __init__(
        self,
        spec: FieldSpec,
        units: Callable[[], UnitIndex],
        qt_date_format: str,
        on_done: Callable[[], None],
    ) -> None:
        self.spec = spec
        self._on_done = on_done
        self._units = units
        self._dates = date_style_of(qt_date_format)
        self.widget = self._make(qt_date_format)

    def _make(self, qt_date_format: str) -> QWidget:
        kind = self.spec.kind
        if kind is FieldKind.LONG_TEXT:
            editor = _LongText()
            editor.finished = self._on_done
            editor.setFixedHeight(90)
            return editor
        if kind is FieldKind.DATE:
            # Typed as text, as in the sheet: a date editor's sections misread what is typed.
            date = DateLine(self._dates, datetime.date.today)
            date.editingFinished.connect(self._on_done)
            date.picked.connect(self._on_done)
            return date
        if kind is FieldKind.FLAG:
            box = QCheckBox()
            box.toggled.connect(lambda _checked: self._on_done())
            return box
        if kind in (FieldKind.CHOICE, FieldKind.RECORD):
            combo = QComboBox()
            combo.activated.connect(lambda _row: self._on_done())
            return combo
        if kind is FieldKind.UNIT:
            picker = UnitPicker(self._units())
            picker.activated.connect(lambda _row: self._on_done())
            picker.chosen.connect(self._on_done)
            line = picker.lineEdit()
            if line is not None:
                line.editingFinished.connect(self._on_done)
            return picker
        line = QLineEdit()
        line.editingFinished.connect(self._on_done)
        return line

    def show_nothing(self) -> None:
        """Empty the editor: no record is shown (a choice holds no value rather than its first)."""
        editor = self.widget
        editor.blockSignals(True)
        try:
            if isinstance(editor, DateLine | QLineEdit):
                editor.clear()
            elif isinstance(editor, QCheckBox):
                editor.setChecked(False)
            elif isinstance(editor, QComboBox):
                editor.clear()
            elif isinstance(editor, QPlainTextEdit):
                editor.clear()
                editor.document().setModified(False)
            else:
                self.show(None)
        finally:
            editor.blockSignals(False)

    def show(self, value: Any) -> None:
        """Put a stored value into the editor (without it counting as a change)."""
        editor = self.widget
        editor.blockSignals(True)
        try:
            if isinstance(editor, DateLine):
                editor.set_date(value)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, UnitPicker):
                editor.use_units(self._units())
                editor.set_unit(value)
            elif isinstance(editor, QComboBox):
                editor.clear()
                if self.spec.kind is FieldKind.CHOICE and self.spec.choices is not None:
                    if self.spec.optional:
                        editor.addItem("—", None)
                    for member in self.spec.choices:
                        editor.addItem(label(member), member.value)
                else:
                    editor.addItem("—", None)
                    for record_id, text in self.spec.options() if self.spec.options else ():
                        editor.addItem(text, record_id)
                editor.setCurrentIndex(max(0, editor.findData(getattr(value, "value", value))))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
                editor.document().setModified(False)
            elif isinstance(editor, QLineEdit):
                editor.setText(
                    _number_text(value)
                    if self.spec.kind in (FieldKind.NUMBER, FieldKind.WHOLE, FieldKind.YEAR)
                    else value or ""
                )
        finally:
            editor.blockSignals(False)

    def typing(self) -> bool:
        """Whether the user is typing in this field: it has the keyboard and holds unsaved text."""
        editor = self.widget
        focused = QApplication.focusWidget()
        if focused is None or not (focused is editor or editor.isAncestorOf(focused)):
            return False
        if isinstance(editor, QPlainTextEdit):
            return editor.document().isModified()
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        return isinstance(line, QLineEdit) and line.isModified()

    def typed_text(self) -> str | None:
        """What the user typed, as it reads (None for a choice from a list)."""
        editor = self.widget
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        return line.text() if isinstance(line, QLineEdit) else None

    def value(self) -> Any:
        """What the editor holds, as the operation takes it (DomainError for unreadable numbers, dates)."""
        editor = self.widget
        if isinstance(editor, DateLine):
            return editor.read_date(self.spec.title, datetime.date.today())
        if isinstance(editor, UnitPicker):
            return editor.unit()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText() or None
        if isinstance(editor, QLineEdit):
            text = editor.text()
            if self.spec.kind is FieldKind.NUMBER:
                return number_cell(text, self.spec.title)
            if self.spec.kind in (FieldKind.WHOLE, FieldKind.YEAR):
                number = number_cell(text, self.spec.title)
                return None if number is None else int(number) if number == int(number) else number
            return text or None
        return None


class _LongText(QPlainTextEdit):
    """Several lines of text, saved when the cursor leaves it."""

    finished: Callable[[], None] = staticmethod(lambda: None)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.finished()


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    return decimal_text(value) if isinstance(value, int | float) else str(value)


def read_value(field: BoundField, parent: QWidget) -> tuple[bool, Any]:
    """(True, value) when the editor can be read, else shows why and gives (False, None)."""
    try:
        return True, field.value()
    except DomainError as error:
        show_refusal(parent, error)
        return False, None
