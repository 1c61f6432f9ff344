"""A task's effects on the estate: what it builds, changes, connects, retires or raises, to what level."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dxplanner.core.enums import EffectKind, ServiceLevel
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services import estate
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.forms.fields import FieldKind
from dxplanner.ui.forms.record_table import ColumnSpec, RecordTable
from dxplanner.ui.session import DataChange, PlanSession

# The tables whose change the effects' table shows: the effects, and the names of what they act on.
EFFECT_TABLES = ("task_effect", "system", "data_link", "public_service")


@dataclass(frozen=True)
class EffectRow:
    """A task's effect as its table shows it: the element by name."""

    id: int
    effect: EffectKind
    element: str
    service_level: ServiceLevel | None
    version: int


def _rows(plan: OpenPlan, task_id: int) -> list[tuple[int, EffectRow]]:
    names = {(choice.target, choice.id): choice.name for choice in estate.element_names(plan)}
    rows = []
    for effect in estate.effects_of_task(plan, task_id):
        target, element_id = next(
            (target, value)
            for target, value in (
                ("system_id", effect.system_id),
                ("data_link_id", effect.data_link_id),
                ("service_id", effect.service_id),
            )
            if value is not None
        )
        name = names.get((target, element_id), f"#{element_id}")
        rows.append(
            (effect.id, EffectRow(effect.id, effect.effect, name, effect.service_level, effect.version))
        )
    return rows


class TaskEffects(QWidget):
    """The effects' table, and a line to add one: the effect, the element typed by name, the level."""

    def __init__(
        self, session: PlanSession, units: Callable[[], UnitIndex], task: Callable[[], int | None]
    ) -> None:
        super().__init__()
        self.session = session
        self._task = task
        self.table = RecordTable(
            session,
            _("Effects on the estate"),
            [
                ColumnSpec("effect", _("Effect"), FieldKind.CHOICE, EffectKind),
                ColumnSpec("element", _("Element of the estate"), editable=False),
                ColumnSpec("service_level", _("Level of online service"), FieldKind.CHOICE, ServiceLevel),
            ],
            rows=_rows,
            update=lambda plan, key, fields, seen: estate.update_task_effect(plan, key, seen=seen, **fields),
            delete=lambda plan, key: estate.delete_task_effect(plan, key),
            tables=EFFECT_TABLES,
            units=units,
        )
        self.effect = QComboBox()
        self.effect.setObjectName("effect_kind")
        for kind in EffectKind:
            self.effect.addItem(label(kind), kind.value)
        self.element = QLineEdit()
        self.element.setObjectName("effect_element")
        self.element.setPlaceholderText(_("Name of a system, data link or public service"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.element.setCompleter(completer)
        self.level = QComboBox()
        self.level.setObjectName("effect_level")
        self.level.addItem("—", None)
        for level in ServiceLevel:
            self.level.addItem(label(level), level.value)
        add = QPushButton(_("Add effect"))
        add.clicked.connect(self.add_effect)
        self.element.returnPressed.connect(self.add_effect)
        # Two lines: the details beside the sheet are narrow, and the element's name needs the room.
        choices = QHBoxLayout()
        choices.addWidget(self.effect, 1)
        choices.addWidget(self.level, 1)
        line = QHBoxLayout()
        line.addWidget(self.element, 1)
        line.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(choices)
        layout.addLayout(line)
        session.changed.connect(self._on_change)
        self._fill_names()

    def _on_change(self, change: DataChange) -> None:
        if change.touches("system", "data_link", "public_service"):
            self._fill_names()

    def _fill_names(self) -> None:
        self._names.setStringList([choice.name for choice in estate.element_names(self.session.store)])

    def add_effect(self) -> None:
        """Add the effect the line describes to the task shown (a refusal in words, and nothing changes)."""
        task_id = self._task()
        text = self.element.text().strip()
        if task_id is None or not text:
            return
        found = estate.elements_called(self.session.store, text)
        if len(found) != 1:
            message = (
                _("No system, data link or public service is called “{text}”.").format(text=text)
                if not found
                else _("{count} elements match “{text}”; type more of the name.").format(
                    count=len(found), text=text
                )
            )
            show_refusal(self, InvalidInputError(message))
            return
        [element] = found
        fields: dict[str, object] = {"effect": self.effect.currentData(), element.target: element.id}
        if self.level.currentData() is not None:
            fields["service_level"] = self.level.currentData()
        changes = self.session.run(
            _("Add effect"), lambda plan: estate.add_task_effect(plan, task_id, **fields), typed=text
        )
        if changes is not None:
            self.element.clear()
