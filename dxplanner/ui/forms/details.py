"""Beside the sheet: the current task's details (links, money, staff, reports, risks) and the plan's own."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QScrollArea, QTabWidget, QWidget

from dxplanner.core.enums import (
    DependencyType,
    FundingSource,
    PlanStatus,
    Priority,
    ProgressWeight,
    TaskStatus,
)
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.matching import UnitIndex
from dxplanner.core.models import (
    ActionPlan,
    BudgetLine,
    Dependency,
    PlanDayOff,
    ProgressReport,
    StaffLine,
    Task,
)
from dxplanner.core.text import fold
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.changes import Changes
from dxplanner.store.operations import dependencies, plans, progress, resources
from dxplanner.store.operations import tasks as task_operations
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.forms.fields import FieldKind, FieldSpec
from dxplanner.ui.forms.pages import risk_table
from dxplanner.ui.forms.record_form import RecordForm
from dxplanner.ui.forms.record_table import ColumnSpec, RecordTable
from dxplanner.ui.session import PlanSession

K = FieldKind
Units = Callable[[], UnitIndex]


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class TaskDetails(RecordForm):
    """What a row of the sheet has no room for."""

    def __init__(self, session: PlanSession, units: Units, qt_date_format: str, date_format: str) -> None:
        super().__init__(
            session,
            heading=lambda values: f"{values.get('code') or ''} {values.get('name', '')}".strip(),
            fields=[
                FieldSpec("priority", _("Priority"), K.CHOICE, Priority),
                FieldSpec("responsible_person", _("Responsible person")),
                FieldSpec("baseline_start", _("Baseline start"), K.DATE),
                FieldSpec("baseline_end", _("Baseline end"), K.DATE),
                FieldSpec("actual_start", _("Actual start"), K.DATE),
                FieldSpec("actual_end", _("Actual end"), K.DATE),
                FieldSpec("product", _("Product"), K.LONG_TEXT),
                FieldSpec("notes", _("Notes"), K.LONG_TEXT),
            ],
            read=lambda read, task_id: queries.record(read, Task, task_id),
            write=lambda store, task_id, field, value: task_operations.update_task(
                store, task_id, **{field: value}
            ),
            tables=("task",),
            units=units,
            qt_date_format=qt_date_format,
        )
        self.links = RecordTable(
            session,
            _("Comes after (predecessors)"),
            [
                ColumnSpec("predecessor", _("Task"), editable=False),
                ColumnSpec("type", _("Link type"), K.CHOICE, DependencyType),
                ColumnSpec("lag_days", _("Lag (working days)"), K.WHOLE),
            ],
            rows=_predecessors,
            update=lambda store, key, field, value: dependencies.update_dependency(
                store, key, **{field: value}
            ),
            delete=lambda store, key: dependencies.delete_dependency(store, key),
            tables=("dependency", "task"),
            units=units,
        )
        self.add_link = QLineEdit()
        self.add_link.setPlaceholderText(_("No. or part of the name of the task this one follows"))
        add_button = QPushButton(_("Add link"))
        add_button.clicked.connect(self._link)
        self.add_link.returnPressed.connect(self._link)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.add_link)
        line.addWidget(add_button)
        self.add_table(self.links)
        self.add_section(row)
        self.add_table(
            RecordTable(
                session,
                _("Budget (đồng)"),
                [
                    ColumnSpec("source", _("Funding source"), K.CHOICE, FundingSource),
                    ColumnSpec("year", _("Year"), K.YEAR),
                    ColumnSpec("planned", _("Planned"), K.WHOLE),
                    ColumnSpec("allocated", _("Allocated"), K.WHOLE),
                    ColumnSpec("disbursed", _("Disbursed"), K.WHOLE),
                ],
                rows=lambda read, task_id: _owned(read, BudgetLine, task_id),
                update=lambda store, key, field, value: resources.update_budget_line(
                    store, key, **{field: value}
                ),
                delete=lambda store, key: resources.delete_budget_line(store, key),
                add=_add_budget_line,
                tables=("budget_line",),
                units=units,
            )
        )
        self.add_table(
            RecordTable(
                session,
                _("Staff"),
                [
                    ColumnSpec("unit_id", _("Unit"), K.UNIT),
                    ColumnSpec("person_months", _("Person-months"), K.NUMBER),
                ],
                rows=lambda read, task_id: _owned(read, StaffLine, task_id),
                update=lambda store, key, field, value: resources.update_staff_line(
                    store, key, **{field: value}
                ),
                delete=lambda store, key: resources.delete_staff_line(store, key),
                add=_add_staff_line,
                tables=("staff_line", "unit"),
                units=units,
            )
        )
        self.add_table(
            RecordTable(
                session,
                _("Progress reports"),
                [
                    ColumnSpec("as_of", _("Report date"), K.DATE),
                    ColumnSpec("progress", _("Progress"), K.NUMBER),
                    ColumnSpec("status", _("Status"), K.CHOICE, TaskStatus),
                    ColumnSpec("remark", _("Remark")),
                    ColumnSpec("author", _("Author")),
                ],
                rows=lambda read, task_id: _owned(read, ProgressReport, task_id, order=("as_of", "id")),
                update=lambda store, key, field, value: progress.update_progress_report(
                    store, key, **{field: value}
                ),
                delete=lambda store, key: progress.delete_progress_report(store, key),
                add=_add_report,
                tables=("progress_report",),
                units=units,
                date_format=date_format,
            )
        )
        self.add_table(risk_table(session, "task_id", units, date_format))

    def _link(self) -> None:
        successor = self.record_id
        text = self.add_link.text().strip()
        if successor is None or not text:
            return
        with self.session.store.read() as read:
            plan_id = read.get(Task, successor).plan_id  # type: ignore[union-attr]
            candidates = queries.records(read, Task, queries.column(Task, "plan_id") == plan_id)
        wanted = fold(text)
        exact = [
            row for row in candidates if fold(str(row["code"] or "")) == wanted and row["id"] != successor
        ]
        found = exact or [
            row for row in candidates if wanted in fold(str(row["name"])) and row["id"] != successor
        ]
        if len(found) != 1:
            show_refusal(
                self,
                InvalidInputError(
                    _("{count} tasks match '{text}'; type more of the name.").format(
                        count=len(found), text=text
                    )
                ),
            )
            return
        predecessor = int(found[0]["id"])
        if self.session.run(
            _("Add link"), lambda store: dependencies.add_dependency(store, predecessor, successor)
        ):
            self.add_link.clear()


def _owned(
    read: Any, model: Any, task_id: int, order: tuple[str, ...] = ("id",)
) -> list[tuple[Any, dict[str, Any]]]:
    return [
        (row["id"], row)
        for row in queries.records(read, model, queries.column(model, "task_id") == task_id, order=order)
    ]


def _predecessors(read: Any, task_id: int) -> list[tuple[Any, dict[str, Any]]]:
    rows = queries.records(read, Dependency, queries.column(Dependency, "successor_id") == task_id)
    found = []
    for row in rows:
        before = read.get(Task, row["predecessor_id"])
        name = f"{before.code or ''} {before.name}".strip() if before else str(row["predecessor_id"])
        found.append((row["id"], {**row, "predecessor": name}))
    return found


def _add_budget_line(store: PlanStore, task_id: int) -> Changes:
    with store.read() as read:
        task = read.get(Task, task_id)
        taken = {
            (row["source"], row["year"])
            for row in queries.records(read, BudgetLine, queries.column(BudgetLine, "task_id") == task_id)
        }
    year = (task.planned_start or datetime.date.today()).year if task else datetime.date.today().year
    while (FundingSource.CENTRAL_BUDGET, year) in taken:
        year += 1
    return resources.add_budget_line(
        store, task_id, source=FundingSource.CENTRAL_BUDGET, year=year, planned=0
    )


def _add_staff_line(store: PlanStore, task_id: int) -> Changes:
    with store.read() as read:
        task = read.get(Task, task_id)
        taken = {
            row["unit_id"]
            for row in queries.records(read, StaffLine, queries.column(StaffLine, "task_id") == task_id)
        }
        units = [unit.id for unit in queries.unit_names(read) if unit.id not in taken]
    lead = task.lead_unit_id if task else None
    unit = lead if lead is not None and lead not in taken else (units[0] if units else None)
    if unit is None:
        raise InvalidInputError(_("Every unit already has a staff line on this task."))
    return resources.add_staff_line(store, task_id, unit_id=unit, person_months=1)


def _add_report(store: PlanStore, task_id: int) -> Changes:
    with store.read() as read:
        task = read.get(Task, task_id)
    return progress.add_progress_report(
        store, task_id, as_of=datetime.date.today(), progress=task.progress if task else 0
    )


class PlanDetails(RecordForm):
    """An action plan's own fields, its days off and its risks."""

    def __init__(self, session: PlanSession, units: Units, qt_date_format: str, date_format: str) -> None:
        super().__init__(
            session,
            heading=lambda values: str(values.get("name", "")),
            fields=[
                FieldSpec("name", _("Plan name")),
                FieldSpec("unit_id", _("Unit"), K.UNIT),
                FieldSpec("start", _("Start date"), K.DATE),
                FieldSpec("end", _("End date"), K.DATE),
                FieldSpec("decision_no", _("Decision number")),
                FieldSpec("status", _("Status"), K.CHOICE, PlanStatus),
                FieldSpec("progress_weight", _("Progress weighting"), K.CHOICE, ProgressWeight),
            ],
            read=lambda read, plan_id: queries.record(read, ActionPlan, plan_id),
            write=lambda store, plan_id, field, value: plans.update_plan(store, plan_id, **{field: value}),
            tables=("action_plan",),
            units=units,
            qt_date_format=qt_date_format,
        )
        self.add_table(
            RecordTable(
                session,
                _("Days off of this plan"),
                [ColumnSpec("day", _("Day off"), K.DATE), ColumnSpec("note", _("Note"))],
                rows=lambda read, plan_id: [
                    ((plan_id, row["day"]), row)
                    for row in queries.records(
                        read, PlanDayOff, queries.column(PlanDayOff, "plan_id") == plan_id, order=("day",)
                    )
                ],
                update=_update_day_off,
                delete=lambda store, key: plans.delete_plan_day_off(store, key[0], key[1]),
                add=_add_day_off,
                tables=("plan_day_off",),
                units=units,
                date_format=date_format,
            )
        )
        self.add_table(risk_table(session, "plan_id", units, date_format))


def _update_day_off(store: PlanStore, key: Any, field: str, value: Any) -> Changes:
    plan_id, day = key
    if field == "day":
        return plans.update_plan_day_off(store, plan_id, day, new_day=value)
    return plans.update_plan_day_off(store, plan_id, day, note=value)


def _add_day_off(store: PlanStore, plan_id: int) -> Changes:
    with store.read() as read:
        taken = {
            row["day"]
            for row in queries.records(read, PlanDayOff, queries.column(PlanDayOff, "plan_id") == plan_id)
        }
    day = datetime.date.today()
    while day in taken:
        day += datetime.timedelta(days=1)
    return plans.add_plan_day_off(store, plan_id, day)


class DetailsPanel(QTabWidget):
    """The task's details and the plan's, side by side in tabs."""

    def __init__(self, session: PlanSession, units: Units, qt_date_format: str, date_format: str) -> None:
        super().__init__()
        self.task = TaskDetails(session, units, qt_date_format, date_format)
        self.plan = PlanDetails(session, units, qt_date_format, date_format)
        self.addTab(_scrolled(self.task), _("Task"))
        self.addTab(_scrolled(self.plan), _("Plan"))
