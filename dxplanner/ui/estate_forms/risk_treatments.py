"""The tasks that treat a risk: shown in the risk's row, added and removed by the task's number or name."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _
from dxplanner.services import estate
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.records import RiskRecord
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.forms.record_table import KEY_ROLE, RecordTable, field_values

# The tables whose change the risks' table shows, besides the risks: their treating tasks.
TREATMENT_TABLES = ("risk_treatment", "task")


@dataclass(frozen=True)
class TreatedRisk(RiskRecord):
    """A risk as its table shows it, with the tasks that treat it by number and name."""

    treated_by: str = ""


def treated(plan: OpenPlan, risk: RiskRecord) -> TreatedRisk:
    """The risk with its treating tasks named."""
    names = "; ".join(task.label for task in estate.treating_tasks(plan, risk.id))
    return TreatedRisk(**field_values(risk), treated_by=names)


class RiskTreatments(QWidget):
    """A line under a table of risks: the task typed treats the chosen risk, or no longer does."""

    def __init__(self, risks: RecordTable) -> None:
        super().__init__()
        self._risks = risks
        self.task = QLineEdit()
        self.task.setObjectName("treating_task")
        self.task.setPlaceholderText(_("No. or part of the name of a task that treats the chosen risk"))
        add = QPushButton(_("Add treating task"))
        self.remove_button = QPushButton(_("Remove treating task"))
        add.clicked.connect(self.add)
        self.task.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        # The task's name on a line of its own: the details beside the sheet are narrow.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task)
        layout.addLayout(buttons)

    def _chosen(self) -> tuple[int, int] | None:
        """The chosen risk and the one task typed (None, the refusal shown, when there is not one)."""
        table = self._risks.table
        item = table.item(table.currentRow(), 0)
        text = self.task.text().strip()
        if item is None or not text:
            return None
        risk_id = int(item.data(KEY_ROLE))
        found = estate.tasks_for_risk(self._risks.session.store, risk_id, text)
        if len(found) != 1:
            message = _("{count} tasks match '{text}'; type more of the name.").format(
                count=len(found), text=text
            )
            show_refusal(self, InvalidInputError(message))
            return None
        return risk_id, found[0].id

    def add(self) -> None:
        """Name the typed task as one that treats the chosen risk."""
        chosen = self._chosen()
        if chosen is None:
            return
        risk_id, task_id = chosen
        session = self._risks.session
        if session.run(
            _("Add treating task"), lambda plan: estate.add_risk_treatment(plan, risk_id, task_id)
        ):
            self.task.clear()

    def remove(self) -> None:
        """Say the typed task no longer treats the chosen risk."""
        chosen = self._chosen()
        if chosen is None:
            return
        risk_id, task_id = chosen
        session = self._risks.session
        if session.run(
            _("Remove treating task"), lambda plan: estate.remove_risk_treatment(plan, risk_id, task_id)
        ):
            self.task.clear()
