"""Beside the sheet: the current task's details (links, money, staff, reports, risks) and the plan's own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

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
from dxplanner.core.text import fold
from dxplanner.i18n import _
from dxplanner.services import edits, history, new_records, records
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.estate_forms.task_effects import TaskEffects
from dxplanner.ui.forms.fields import FieldKind, FieldSpec
from dxplanner.ui.forms.history_tab import TaskHistory
from dxplanner.ui.forms.pages import risk_table
from dxplanner.ui.forms.record_form import RecordForm
from dxplanner.ui.forms.record_table import ColumnSpec, RecordTable, only_field
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
            read=records.task,
            write=lambda plan, task_id, fields, seen: edits.update_task(plan, task_id, seen=seen, **fields),
            tables=("task",),
            units=units,
            qt_date_format=qt_date_format,
            nothing_shown=_("No task selected: choose a task in the sheet to see and edit its details."),
        )
        self.links = RecordTable(
            session,
            _("Comes after (predecessors)"),
            [
                ColumnSpec("predecessor", _("Task"), editable=False, stretch=True),
                ColumnSpec("type", _("Link type"), K.CHOICE, DependencyType),
                ColumnSpec("lag_days", _("Lag (working days)"), K.WHOLE),
            ],
            rows=lambda plan, task_id: [(link.id, link) for link in records.predecessors_of(plan, task_id)],
            update=lambda plan, key, fields, seen: edits.update_dependency(plan, key, seen=seen, **fields),
            delete=lambda plan, key: edits.delete_dependency(plan, key),
            tables=("dependency", "task"),
            units=units,
        )
        self.add_link = QLineEdit()
        self._linked_for: int | None = None
        self.add_link.setPlaceholderText(_("No. or part of the name of the task this one follows"))
        add_button = QPushButton(_("Add link"))
        add_button.clicked.connect(self._link)
        self.add_link.returnPressed.connect(self._link)
        # Suggestions matched here, accents and case ignored ("du lieu" finds "dữ liệu"): Qt's own
        # filter would miss them, so the completer shows the list it is given, unfiltered.
        self._suggested = QStringListModel(self)
        completer = QCompleter(self._suggested, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.add_link.setCompleter(completer)
        self.add_link.textEdited.connect(self._suggest)
        self._choices: list[tuple[str, str]] | None = None  # (text, folded), read on first typing
        self.record_shown.connect(self._new_task)
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
                rows=lambda plan, task_id: [
                    (line.id, line) for line in records.budget_lines_of(plan, task_id)
                ],
                update=lambda plan, key, fields, seen: edits.update_budget_line(
                    plan, key, seen=seen, **fields
                ),
                delete=lambda plan, key: edits.delete_budget_line(plan, key),
                add=new_records.new_budget_line,
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
                rows=lambda plan, task_id: [
                    (line.id, line) for line in records.staff_lines_of(plan, task_id)
                ],
                update=lambda plan, key, fields, seen: edits.update_staff_line(
                    plan, key, seen=seen, **fields
                ),
                delete=lambda plan, key: edits.delete_staff_line(plan, key),
                add=new_records.new_staff_line,
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
                    ColumnSpec("difficulty", _("Difficulties")),
                    ColumnSpec("proposal", _("Proposals")),
                    ColumnSpec("author", _("Author")),
                ],
                rows=lambda plan, task_id: [
                    (report.id, report) for report in records.progress_reports_of(plan, task_id)
                ],
                update=lambda plan, key, fields, seen: edits.update_progress_report(
                    plan, key, seen=seen, **fields
                ),
                delete=lambda plan, key: edits.delete_progress_report(plan, key),
                add=new_records.new_progress_report,
                tables=("progress_report",),
                units=units,
                date_format=date_format,
            )
        )
        self.add_table(risk_table(session, "task_id", units, date_format))
        self.effects = TaskEffects(session, units, lambda: self.record_id)
        self.record_tables.append(self.effects.table)
        self.add_section(self.effects)

    def _new_task(self, _record_id: int | None) -> None:
        """Another task (or the same, read again) is shown: what was typed for the last one goes."""
        if _record_id != self._linked_for:
            self.add_link.clear()
        self._linked_for = _record_id
        self._choices = None

    def _suggest(self, text: str) -> None:
        if self.record_id is None:
            return
        if self._choices is None:
            choices = records.other_tasks(self.session.store, self.record_id)
            self._choices = [
                (shown, fold(shown)) for shown in (records.task_choice_text(choice) for choice in choices)
            ]
        wanted = fold(text.strip())
        found = [shown for shown, folded in self._choices if wanted and wanted in folded]
        self._suggested.setStringList(found[:50])
        completer = self.add_link.completer()
        popup = completer.popup()
        if found:
            completer.complete()
        elif popup is not None:
            popup.hide()

    def _link(self) -> None:
        # Whatever comes of it, the suggestions have done their part.
        popup = self.add_link.completer().popup()
        if popup is not None:
            popup.hide()
        successor = self.record_id
        text = self.add_link.text().strip()
        if successor is None or not text:
            return
        found = records.tasks_called(self.session.store, successor, text)
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
        predecessor = found[0].id
        if self.session.run(_("Add link"), lambda plan: edits.add_dependency(plan, predecessor, successor)):
            self.add_link.clear()


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
            read=records.action_plan,
            write=lambda plan, plan_id, fields, seen: edits.update_plan(plan, plan_id, seen=seen, **fields),
            tables=("action_plan",),
            units=units,
            qt_date_format=qt_date_format,
        )
        self.add_table(
            RecordTable(
                session,
                _("Days off of this plan"),
                [ColumnSpec("day", _("Day off"), K.DATE), ColumnSpec("note", _("Note"))],
                rows=lambda plan, plan_id: [
                    ((plan_id, day_off.day), day_off) for day_off in records.days_off_of(plan, plan_id)
                ],
                update=lambda plan, key, fields, _seen: edits.update_day_off(
                    plan, key[0], key[1], *only_field(fields)
                ),
                delete=lambda plan, key: edits.delete_plan_day_off(plan, key[0], key[1]),
                add=new_records.new_day_off,
                tables=("plan_day_off",),
                units=units,
                date_format=date_format,
            )
        )
        self.add_table(risk_table(session, "plan_id", units, date_format))


class DetailsPanel(QTabWidget):
    """The task's details and the plan's, side by side in tabs, and the task's history on a server."""

    def __init__(self, session: PlanSession, units: Units, qt_date_format: str, date_format: str) -> None:
        super().__init__()
        self.task = TaskDetails(session, units, qt_date_format, date_format)
        self.plan = PlanDetails(session, units, qt_date_format, date_format)
        self.addTab(_scrolled(self.task), _("Task"))
        self.addTab(_scrolled(self.plan), _("Plan"))
        self.history: TaskHistory | None = None
        # Only a plan on a server keeps a history; a file's window has no tab to stay empty.
        if history.keeps_changes(session.store):
            self.history = TaskHistory(session, date_format)
            self.addTab(self.history, _("History"))
            self.task.record_shown.connect(self.history.show_task)
            self.history.show_task(self.task.record_id)
