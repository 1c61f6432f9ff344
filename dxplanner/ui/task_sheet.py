"""The task sheet of an action plan: find and filter, the tree table, and every gesture on tasks."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.cells import number_cell
from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.errors import DomainError, InvalidInputError, NotPermittedError
from dxplanner.core.matching import UnitIndex
from dxplanner.core.status import Health
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services import outline
from dxplanner.services.edit_ready import prepare_task_edits
from dxplanner.services.outline import TaskFilter, matching_tasks
from dxplanner.services.permissions import Change
from dxplanner.services.progress_edits import agreeing_fields
from dxplanner.ui.date_line import DateChoice, not_a_date
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.errors import show_problem, show_refusal
from dxplanner.ui.session import DataChange, PlanSession, RemoteChange

if TYPE_CHECKING:
    from dxplanner.services.conflicts import Edit
    from dxplanner.ui.gantt.view import GanttView
    from dxplanner.ui.printing import PrintSetup
    from dxplanner.ui.progress_dialog import ProgressAnswer
from dxplanner.ui.sheet_columns import arrange_beside_chart, number_width, row_width
from dxplanner.ui.sheet_delegate import SheetDelegate
from dxplanner.ui.sheet_model import COLUMN_TITLES, SheetColumn, TaskSheetModel
from dxplanner.ui.sheet_ready import EditsReady
from dxplanner.ui.sheet_view import SheetView

Confirm = Callable[[str], bool]
# Asked with the (progress, status) of each task to report on.
AskProgress = Callable[[list[tuple[float, TaskStatus]]], "ProgressAnswer | None"]

# Task fields that a sheet column writes with update_task.
_FIELDS = {
    SheetColumn.CODE: "code",
    SheetColumn.NAME: "name",
    SheetColumn.KIND: "kind",
    SheetColumn.START: "planned_start",
    SheetColumn.END: "planned_end",
    SheetColumn.PROGRESS: "progress",
    SheetColumn.STATUS: "status",
    SheetColumn.PRODUCT: "product",
    SheetColumn.NOTES: "notes",
    SheetColumn.PERSON: "responsible_person",
}
# What each column changes, as the roles name it (what a reporter may change is progress and status).
_ROLE_FIELDS = {
    **_FIELDS,
    SheetColumn.LEAD: "lead_unit_id",
    SheetColumn.COOPERATING: "cooperating_units",
    SheetColumn.TIMELINE: "timeline_text",
}
# The toolbar's actions that draw the plan's tasks, a planner's work.
_PLANNING_ACTIONS = ("add", "indent", "outdent", "up", "down", "delete", "baseline")
_WIDTHS = {
    SheetColumn.CODE: 90,
    SheetColumn.NAME: 360,
    SheetColumn.KIND: 90,
    SheetColumn.LEAD: 140,
    SheetColumn.COOPERATING: 160,
    SheetColumn.TIMELINE: 120,
    SheetColumn.START: 100,
    SheetColumn.END: 100,
    SheetColumn.PROGRESS: 70,
    SheetColumn.STATUS: 120,
    SheetColumn.PRODUCT: 180,
    SheetColumn.BUDGET: 110,
    SheetColumn.NOTES: 160,
    SheetColumn.SLIPPAGE: 90,
    SheetColumn.PERSON: 140,
}


class TaskSheet(QWidget):
    """The tasks of one plan, edited in place and from the keyboard; every change is undoable."""

    counts_changed = Signal(int, int)  # tasks shown, of which late
    notice = Signal(str)  # what an edit did besides what was typed, for the status bar
    task_selected = Signal(object)  # a task id, or None

    def __init__(
        self,
        session: PlanSession,
        dates: DateStyle = DEFAULT_DATES,
        today: Callable[[], datetime.date] = datetime.date.today,
        confirm: Confirm | None = None,
        ask: AskProgress | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dates = dates
        self._today = today
        self._confirm = confirm or self._confirm_with_a_box
        self._ask = ask or self._ask_with_a_dialog
        self._units: UnitIndex | None = None
        self.plan_id: int | None = None
        self._period: tuple[datetime.date, datetime.date] | None = None

        self.model = TaskSheetModel(self._edit, today, dates.python, self)
        self.view = SheetView(self)
        self.view.setModel(self.model)
        delegate = SheetDelegate(self.units, dates, self._first_page, self.view)
        self.view.setItemDelegate(delegate)
        # Others' changes wait while a cell is being typed in (a refresh would overwrite what is
        # typed, or close the editor), and come once it closes: on the next turn, when it is gone.
        session.hold_while(self._editing)
        delegate.closeEditor.connect(lambda *_: QTimer.singleShot(0, self, session.release_held))
        # The first edit's once-only work (change capture, the statements' first use), done meanwhile.
        self._edits_ready = EditsReady(self.view.viewport(), self._prepare_edits)
        header = self.view.header()
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.view.setColumnHidden(SheetColumn.SLIPPAGE, True)
        self.view.setColumnHidden(SheetColumn.PERSON, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.currentRowChanged.connect(self._current_changed)
        self.view.add_below.connect(self.add_task)
        self.view.indent.connect(self.indent)
        self.view.outdent.connect(self.outdent)
        self.view.move_up.connect(lambda: self.move_by(-1))
        self.view.move_down.connect(lambda: self.move_by(1))
        self.view.remove.connect(self.delete_selected)
        self.view.copy_rows.connect(self.copy)
        self.view.paste_rows.connect(self.paste)
        self.view.edit_refused.connect(self._edit_refused)
        self.session.changed.connect(self._on_change)
        self.session.permissions_changed.connect(self._apply_permissions)

        self._build_filters()
        self.toolbar = QToolBar(self)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot in (
            ("add", _("Add task"), self.add_task),
            ("indent", _("Indent"), self.indent),
            ("outdent", _("Outdent"), self.outdent),
            ("up", _("Move up"), lambda: self.move_by(-1)),
            ("down", _("Move down"), lambda: self.move_by(1)),
            ("delete", _("Delete"), self.delete_selected),
            ("report", _("Report progress…"), self.report_progress),
            ("baseline", _("Set baseline"), self.set_baseline),
        ):
            action = self.toolbar.addAction(text)
            action.triggered.connect(slot)
            self.actions_by_name[name] = action
        self.toolbar.addSeparator()
        self._chart_actions()
        self._apply_permissions()
        # The sheet's header is as tall as the chart's two bands of time, so their rows line up.
        header.setFixedHeight(2 * (self.view.fontMetrics().height() + 6))
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("sheet_chart_splitter")
        self.split.addWidget(self.view)
        self.split.setChildrenCollapsible(False)
        self._gantt: GanttView | None = None
        # Which columns were hidden before the chart came, to show again when it goes.
        self._columns_without_chart: dict[SheetColumn, bool] | None = None
        # The groups open before a filter opened every one, to open again when it is cleared.
        self._opened_unfiltered: set[int] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addLayout(self._filters)
        layout.addWidget(self.split)

    # Showing a plan.

    def show_plan(self, plan_id: int | None, read: TaskSheet | None = None) -> None:
        """Show the tasks of a plan, groups expanded; read: a sheet that has read the plan already
        (the old window's, on a change of language), whose reading is taken instead of reading again."""
        self.plan_id = plan_id
        self._units = None
        self._period = None
        if read is not None and read.plan_id == plan_id and read.session.store is self.session.store:
            self._period = read._period
            self.model.take_reading(read.model)
        else:
            if plan_id is not None:
                self._period = outline.period(self.session.store, plan_id)
            self.model.load(self.session.store, plan_id)
        self._apply_filter()
        self._opened_unfiltered = None  # another plan: a filter cleared opens its top groups
        self.view.expandToDepth(0)
        if self.chart_shown():  # another plan's numbers may stand deeper, or be longer
            self.view.header().resizeSection(SheetColumn.CODE, number_width(self.view))
        self._announce_counts()
        if plan_id is not None:
            self._edits_ready.arm()
        if self._gantt is not None:
            self._gantt.plan_loaded()

    def units(self) -> UnitIndex:
        """Every unit, for pickers and for reading typed names."""
        from dxplanner.services import records

        if self._units is None:
            self._units = UnitIndex(records.unit_names(self.session.store))
        return self._units

    def _prepare_edits(self) -> bool:
        """Do while the window idles what the first edit would do first; nothing in the file changes.
        False when it could not all be done now (a connection busy elsewhere): to try again."""
        task = self.current_task()
        order = self.model.reading_order()
        # A sheet no longer shown (its file closed meanwhile) has no edit to prepare.
        if self.plan_id is None or not self.isVisible() or (task is None and not order):
            return True
        try:
            return prepare_task_edits(self.session.store, self.plan_id, order[0] if task is None else task)
        except DomainError:
            return True  # the file gone or busy: the edit itself will meet it, and say so

    def _on_change(self, change: DataChange) -> None:
        if change.touches("unit"):
            self._units = None
        if isinstance(change, RemoteChange):
            self._on_remote_change(change)
            return
        if self.model.reshapes(change):
            # Rows come and go: keep the cursor and the open groups where the user left them.
            current = self.model.task_id(self.view.currentIndex())
            column = max(0, self.view.currentIndex().column())
            expanded = self._expanded()
            self.model.refresh(change)
            self._restore(expanded, current, column)
            if self.current_task() != current:
                # The row under the cursor went (deleted, or its adding undone) without Qt saying so:
                # say it, or the details beside the sheet go on showing a task the file no longer has.
                self.task_selected.emit(self.current_task())
        else:
            self.model.refresh(change)
        if not self._filter_value().empty:
            self._apply_filter()
        self._announce_counts()

    def _on_remote_change(self, change: RemoteChange) -> None:
        """Show another user's change without moving what this user looks at."""
        current = self.current_task()
        try:
            with self._view_kept():
                self.model.refresh(change)
                if not self._filter_value().empty:
                    self._apply_filter()
        except DomainError:
            # The plan itself is gone (the navigator says so), or the server is away (the banner does).
            if self.plan_id is not None and "action_plan" in change.reshaped:
                self.show_plan(None)
            return
        self._announce_counts()
        if self.current_task() != current:
            self.task_selected.emit(self.current_task())

    def _editing(self) -> bool:
        return self.view.state() == self.view.State.EditingState

    @contextmanager
    def _view_kept(self) -> Iterator[None]:
        """Keep the selection, the current cell, the open groups and the scroll where they were.

        The scroll keeps the same task at the top of the sheet (rows added or removed above it
        would otherwise slide it away); a task deleted meanwhile leaves the scroll as it was.
        """
        view, model = self.view, self.model
        selection = view.selectionModel()
        here = view.currentIndex()
        current, column = model.task_id(here), here.column()
        selected = [(model.task_id(index), index.column()) for index in selection.selectedIndexes()]
        expanded = self._expanded()
        top = model.task_id(view.indexAt(QPoint(1, 1)))
        vertical, horizontal = view.verticalScrollBar().value(), view.horizontalScrollBar().value()
        yield
        for task_id in expanded:
            index = model.index_of(task_id)
            if index.isValid() and not view.isExpanded(index):
                view.expand(index)
        chosen = QItemSelection()
        for chosen_id, each_column in selected:
            index = model.index_of(chosen_id, each_column) if chosen_id is not None else QModelIndex()
            if index.isValid():
                chosen.select(index, index)
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current is not None and model.index_of(current, column).isValid():
            selection.setCurrentIndex(
                model.index_of(current, column), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        if top is not None and model.index_of(top).isValid():
            view.scrollTo(model.index_of(top), view.ScrollHint.PositionAtTop)
        else:
            view.verticalScrollBar().setValue(vertical)
        view.horizontalScrollBar().setValue(horizontal)

    def _expanded(self) -> set[int]:
        return {
            task_id for task_id in self.model.groups() if self.view.isExpanded(self.model.index_of(task_id))
        }

    def _restore(self, expanded: set[int], current: int | None, column: int) -> None:
        for task_id in expanded:
            index = self.model.index_of(task_id)
            if index.isValid() and not self.view.isExpanded(index):
                self.view.expand(index)
        if current is not None:
            self.select_task(current, column)

    def select_task(self, task_id: int, column: int = SheetColumn.NAME) -> None:
        """Make a task current (opening the groups above it)."""
        parent = self.model.parent_of(task_id)
        while parent is not None:
            self.view.expand(self.model.index_of(parent))
            parent = self.model.parent_of(parent)
        index = self.model.index_of(task_id, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_task(self) -> int | None:
        """The task the cursor is on."""
        return self.model.task_id(self.view.currentIndex())

    def selected_tasks(self) -> list[int]:
        """The tasks of the selected rows (the current one when nothing is selected), in sheet order."""
        selection = self.view.selectionModel()
        chosen = {self.model.task_id(index) for index in selection.selectedIndexes()} if selection else set()
        chosen.discard(None)
        if not chosen and self.current_task() is not None:
            chosen = {self.current_task()}
        order = {task_id: number for number, task_id in enumerate(self.model.reading_order())}
        return sorted(
            (task_id for task_id in chosen if task_id is not None), key=lambda task_id: order.get(task_id, 0)
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.task_selected.emit(self.model.task_id(current))

    def _announce_counts(self) -> None:
        self.counts_changed.emit(*self.model.counts())

    # Editing cells.

    def _edit(self, task_id: int, column: SheetColumn, value: Any) -> bool:
        from dxplanner.services import conflicts, edits

        row = self.model.sheet_row(task_id)
        name = row.name if row else str(task_id)
        title = _("Edit {what} of “{task}”").format(
            what=self.model.headerData(column, Qt.Orientation.Horizontal), task=name
        )
        notice: str | None = None
        # Every edit carries the version of the task the sheet shows: one made since is not overwritten.
        seen = self.model.version(task_id)
        edit: Edit
        if column is SheetColumn.LEAD:
            unit_id = self._unit_id(value, _("Lead unit"))
            if isinstance(unit_id, str):
                text = self.units().not_one(unit_id, _("Lead unit"))
                return self._refuse(task_id, column, unit_id, text)
            edit = _task_fields(
                task_id, seen, {"lead_unit_id": unit_id}, self._shown(task_id, ["lead_unit_id"])
            )
        elif column is SheetColumn.COOPERATING:
            edit = conflicts.one_record(
                "task",
                task_id,
                seen,
                {"cooperating_unit_ids": list(value)},
                lambda plan, version, fields: edits.set_task_units(
                    plan, task_id, fields["cooperating_unit_ids"], seen=version
                ),
                self._shown(task_id, ["cooperating_unit_ids"]),
            )
        elif column in (SheetColumn.START, SheetColumn.END) and isinstance(value, str):
            try:
                day = self.dates.read(value)
            except ValueError:
                return self._refuse(task_id, column, value, self._not_a_date(column, value))
            if day == self.model.data(self.model.index_of(task_id, column), Qt.ItemDataRole.EditRole):
                return False  # the same date, typed again: no step to undo
            return self._edit(task_id, column, day)
        elif column is SheetColumn.PROGRESS and isinstance(value, str):
            try:
                figure = number_cell(value, _("Progress"))
            except InvalidInputError as error:
                return self._refuse(task_id, column, value, error.message)
            if figure is None or figure == self.model.data(
                self.model.index_of(task_id, column), Qt.ItemDataRole.EditRole
            ):
                return False  # emptied, or the same figure typed again: nothing to change or undo
            return self._edit(task_id, column, figure)
        elif column is SheetColumn.TIMELINE:
            edit = conflicts.one_record(
                "task",
                task_id,
                seen,
                {"timeline_text": value or None},
                lambda plan, version, fields: edits.set_task_timeline(
                    plan, task_id, fields["timeline_text"], seen=version
                ),
                self._shown(task_id, ["timeline_text"]),
            )
        else:
            fields: dict[str, Any] = {_FIELDS[column]: value}
            if column in (SheetColumn.PROGRESS, SheetColumn.STATUS) and row is not None:
                agreed = agreeing_fields(row, column is SheetColumn.PROGRESS, value)
                if isinstance(agreed, str):
                    return self._refuse(task_id, column, value, agreed)
                fields, notice = agreed
            edit = _task_fields(task_id, seen, fields, self._shown(task_id, list(fields)))
        if self.session.run_edit(title, edit) is None:
            # After a conflict the cell shows the stored value, as the user chose; a role's refusal
            # has nothing to correct. Any other refusal brings the user back to the cell to correct it.
            if not self.session.met_a_conflict and not isinstance(
                self.session.last_refusal, NotPermittedError
            ):
                self._reopen(task_id, column, value)
            return False
        if (
            column is SheetColumn.STATUS
            and value == TaskStatus.IN_PROGRESS
            and self.model.health(task_id) is Health.NOT_STARTED
        ):
            # No contradiction, but the status column shows a standing, and this one did not move.
            told = _("“{task}” is in progress, but shows as not started until its progress is above 0%.")
            notice = told.format(task=name)
        if notice:
            self.notice.emit(notice)
        return True

    def _shown(self, task_id: int, names: list[str]) -> dict[str, Any]:
        """What the sheet showed of a task's fields when the user changed them (read with its version):
        an edit refused because someone changed the task meanwhile is made over their change at once
        when they left these fields as shown."""
        node, row = self.model.node(task_id), self.model.sheet_row(task_id)
        shown: dict[str, Any] = {}
        for name in names:
            if node is not None and name in ("planned_start", "planned_end", "progress", "status"):
                shown[name] = getattr(node, name)  # the figures drawn come with the version
            elif row is not None and name == "cooperating_unit_ids":
                shown[name] = list(row.cooperating_ids)
            elif row is not None and hasattr(row, name):
                shown[name] = getattr(row, name)
        return shown

    def _refuse(self, task_id: int, column: SheetColumn, value: Any, message: str) -> bool:
        """Say why an edit was refused, and bring the user back to the cell."""
        show_refusal(self, InvalidInputError(message))
        self._reopen(task_id, column, value)
        return False

    def _reopen(self, task_id: int, column: SheetColumn, value: Any) -> None:
        """Bring the user back to a refused cell, holding what was entered, to correct (Escape drops it)."""

        def again() -> None:
            # Others' changes that waited for this edit come first: the task may be gone, or moved.
            self.session.release_held()
            index = self.model.index_of(task_id, column)
            delegate = self.view.itemDelegate()
            if not index.isValid() or not isinstance(delegate, SheetDelegate):
                return
            self.view.setCurrentIndex(index)
            delegate.retry(index, value)
            self.view.edit(index)
            if self.view.state() != self.view.State.EditingState:
                delegate.forget_retry()

        # After the refused editor has closed: the view opens one editor at a time.
        QTimer.singleShot(0, self, again)

    def _not_a_date(self, column: SheetColumn, text: str) -> str:
        what = self.model.headerData(column, Qt.Orientation.Horizontal)
        return not_a_date(str(what), text, self.dates, self._today())

    def _first_page(self, index: QModelIndex | QPersistentModelIndex) -> datetime.date:
        """Where a blank date cell's calendar opens: an end on its start, else today, or the plan's
        start when today lies outside the plan."""
        task_id = self.model.task_id(index)
        row = self.model.sheet_row(task_id) if task_id is not None else None
        if index.column() == SheetColumn.END and row is not None and row.planned_start is not None:
            return row.planned_start
        today = self._today()
        if self._period is not None and not self._period[0] <= today <= self._period[1]:
            return self._period[0]
        return today

    def _unit_id(self, value: Any, what: str) -> int | object | None:
        if value is None or isinstance(value, int):
            return value
        found = self.units().find(str(value))
        if found is None:
            # Passed on as text, so the operation refuses it with its message.
            return str(value)
        return found.id

    # What the user's role allows.

    def _apply_permissions(self) -> None:
        """Offer only what the user's role allows: cells, and the actions that draw the plan."""
        allowed = self.session.permissions
        self.model.may_edit = None if allowed.may_edit_plans else self._may_edit
        for name in _PLANNING_ACTIONS:
            self.actions_by_name[name].setEnabled(allowed.may_edit_plans)
        self.actions_by_name["report"].setEnabled(allowed.role is not None)
        viewport = self.view.viewport()
        if viewport is not None:
            viewport.update()

    def _role_refusal(self, task_id: int, column: SheetColumn) -> str | None:
        """Why the user's role may not change this cell (None: it may)."""
        allowed = self.session.permissions
        if allowed.may_edit_plans:
            return None
        row = self.model.sheet_row(task_id)
        if row is None:
            return None
        return allowed.task_refusal(_ROLE_FIELDS.get(column, "name"), row.lead_unit_id, row.cooperating_ids)

    def _may_edit(self, task_id: int, column: SheetColumn) -> bool:
        return self._role_refusal(task_id, column) is None

    def _edit_refused(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """The user tried to edit a cell their role may not change: say why (on the status bar)."""
        task_id = self.model.task_id(index)
        if task_id is None or not self.model.editable_by_nature(index):
            return
        refusal = self._role_refusal(task_id, SheetColumn(index.column()))
        if refusal is not None:
            self.notice.emit(refusal)

    def _planning_allowed(self, change: Change, table: str = "task") -> bool:
        """Whether the user's role lets them draw the plan's tasks; if not, say so."""
        refusal = self.session.permissions.plans_refusal(change, table)
        if refusal is not None:
            self.notice.emit(refusal)
        return refusal is None

    # Gestures.

    def add_task(self) -> None:
        """Add a task below the current one, in the same group, and start typing its name."""
        from dxplanner.services import new_records

        if self.plan_id is None or not self._planning_allowed(Change.ADD):
            return
        plan_id = self.plan_id
        current = self.current_task()
        node = self.model.node(current) if current is not None else None
        parent = node.parent_id if node else None
        position = node.position + 1 if node else None
        changes = self.session.run(
            _("Add task"),
            lambda plan: new_records.new_task(plan, plan_id, parent_id=parent, position=position),
        )
        if changes is not None and changes.id is not None:
            self.select_task(changes.id, SheetColumn.NAME)
            self.view.edit(self.view.currentIndex())

    def indent(self) -> None:
        """Put the current task into the task above it."""
        from dxplanner.services import conflicts, edits

        task_id = self.current_task()
        node = self.model.node(task_id) if task_id is not None else None
        if task_id is None or node is None or not self._planning_allowed(Change.CHANGE):
            return
        siblings = self.model.children_shown(node.parent_id)
        place = siblings.index(task_id) if task_id in siblings else 0
        above = siblings[place - 1] if place > 0 else None
        done = self.session.run_edit(
            _("Indent"),
            conflicts.one_record(
                "task",
                task_id,
                self.model.version(task_id),
                {"parent_id": above},
                lambda plan, version, _fields: edits.indent_task(plan, task_id, seen=version),
                {"parent_id": node.parent_id},
            ),
        )
        if done is not None and self.model.parent_of(task_id) is not None:
            # Into a folded group it would vanish from sight: the group opens, the task stays current.
            self.select_task(task_id, max(self.view.currentIndex().column(), 0))

    def outdent(self) -> None:
        """Take the current task out of its group."""
        from dxplanner.services import conflicts, edits

        task_id = self.current_task()
        if task_id is None or not self._planning_allowed(Change.CHANGE):
            return
        group = self.model.parent_of(task_id)
        self.session.run_edit(
            _("Outdent"),
            conflicts.one_record(
                "task",
                task_id,
                self.model.version(task_id),
                {"parent_id": self.model.parent_of(group) if group is not None else None},
                lambda plan, version, _fields: edits.outdent_task(plan, task_id, seen=version),
                {"parent_id": group},
            ),
        )

    def move_by(self, step: int) -> None:
        """Move the current task up or down among its siblings."""
        from dxplanner.services import conflicts, edits

        task_id = self.current_task()
        node = self.model.node(task_id) if task_id is not None else None
        if task_id is None or node is None or node.position + step < 0:
            return
        if not self._planning_allowed(Change.CHANGE):
            return
        parent, position = node.parent_id, node.position + step
        self.session.run_edit(
            _("Move up") if step < 0 else _("Move down"),
            conflicts.one_record(
                "task",
                task_id,
                self.model.version(task_id),
                {"parent_id": parent, "position": position},
                lambda plan, version, _fields: edits.move_task(
                    plan, task_id, parent_id=parent, position=position, seen=version
                ),
                {"parent_id": node.parent_id, "position": node.position},
            ),
        )

    def delete_selected(self) -> None:
        """Delete the selected tasks, asking first when a group would take tasks with it."""
        from dxplanner.services import edits

        chosen = self.selected_tasks()
        if not chosen or not self._planning_allowed(Change.DELETE):
            return
        if any(self.model.has_children(task_id) for task_id in chosen) and not self._confirm(
            _("Delete the selected tasks and every task below them?")
        ):
            return
        # Named by what goes: a group's sub-tasks are deleted with it, and come back with its undo.
        going = len(self.model.with_everything_below(chosen))
        text = _("Delete 1 task") if going == 1 else _("Delete {count} tasks").format(count=going)
        self.session.run(text, lambda plan: edits.delete_tasks(plan, chosen))

    def report_progress(self) -> None:
        """Record one dated report for every selected task (the tasks inside a selected group)."""
        from dxplanner.services import conflicts, edits

        chosen = self._work_in(self.selected_tasks())
        if not chosen:
            return
        rows = [self.model.sheet_row(task_id) for task_id in chosen]
        refusal = self.session.permissions.report_refusal(
            [(row.lead_unit_id, row.cooperating_ids) for row in rows if row is not None]
        )
        if refusal is not None:
            show_refusal(self, NotPermittedError(refusal))
            return
        answer = self._ask([(row.progress, row.status) for row in rows if row is not None])
        if answer is None:
            return
        # The figures each task is reported at, and the versions they were seen at: a task someone
        # changed meanwhile stops the whole report until the user says what to keep.
        versions = {task_id: self.model.version(task_id) for task_id in chosen}
        seen = {task_id: version for task_id, version in versions.items() if version is not None}
        figures = {task_id: {"progress": answer.progress, "status": answer.status} for task_id in chosen}
        shown = {task_id: self._shown(task_id, ["progress", "status"]) for task_id in chosen}
        self.session.run_edit(
            _("Report progress of {count} tasks").format(count=len(chosen)),
            conflicts.Edit(
                "task",
                seen,
                figures,
                lambda plan, made: edits.report_progress_each(
                    plan,
                    {
                        task_id: (fields.get("progress"), fields.get("status"))
                        for task_id, fields in made.fields.items()
                    },
                    as_of=answer.as_of,
                    remark=answer.remark,
                    seen=made.seen,
                ),
                shown,
            ),
        )

    def _work_in(self, task_ids: list[int]) -> list[int]:
        """The tasks at or below these that hold work: leaves, and groups with work of their own.

        A group's own share gets the report too, so that the group as a whole then stands there.
        """
        order = self.model.reading_order()
        wanted = set(task_ids)
        leaves = []
        for task_id in order:
            current: int | None = task_id
            inside = False
            while current is not None:
                if current in wanted:
                    inside = True
                    break
                current = self.model.parent_of(current)
            if inside and self.model.counts_as_task(task_id):
                leaves.append(task_id)
        return leaves

    def set_baseline(self) -> None:
        """Copy the plan's planned dates into its baseline, and show slippage from now on."""
        from dxplanner.services import edits

        if self.plan_id is None or not self._planning_allowed(Change.CHANGE):
            return
        plan_id = self.plan_id
        has_baseline = any(row.baseline_end for row in self.model.all_rows().values())
        if has_baseline and not self._confirm(
            _("This plan already has a baseline. Replace it with today's planned dates?")
        ):
            return
        if self.session.run(_("Set baseline"), lambda plan: edits.set_baseline(plan, plan_id)) is not None:
            self.view.setColumnHidden(SheetColumn.SLIPPAGE, False)

    # Copy and paste.

    def copy(self) -> None:
        """Copy the selected rows, each group with every task below it: as tab-separated text (the
        visible columns, as the sheet shows them) for a spreadsheet; and, for pasting back here, the
        whole rows (hidden columns too, each task's own values) under their headings, with levels."""
        tasks = self._with_their_tasks(self.selected_tasks())
        clipboard = QGuiApplication.clipboard()
        if not tasks or clipboard is None:
            return
        whole = [column for column in SheetColumn if _PASTE_FIELD[column] is not None]
        copied = QMimeData()
        visible = self._visible_columns(0)
        copied.setText(
            _lines([[self.model.shown_text(task, column) for column in visible] for task in tasks])
        )
        heading = [_(COLUMN_TITLES[column]) for column in whole] + [LEVEL_HEADING]
        levels, unit_words = self._levels(tasks), self._unit_words()
        rows = [[*self._whole_row(task, whole, unit_words), str(levels[task])] for task in tasks]
        copied.setData(WHOLE_ROWS, _lines([heading, *rows]).encode())
        copied.setData(ROW_LINKS, _lines(self._links_among(tasks)).encode())
        clipboard.setMimeData(copied)

    def _whole_row(self, task_id: int, columns: list[SheetColumn], unit_words: dict[int, str]) -> list[str]:
        """A task's own values in the columns, its units by words that name each one alone (else as shown)."""
        row = self.model.sheet_row(task_id)
        cells = []
        for column in columns:
            cell: str | None = None
            if row is not None and column is SheetColumn.LEAD:
                cell = "" if row.lead_unit_id is None else unit_words.get(row.lead_unit_id)
            elif (
                row is not None
                and column is SheetColumn.COOPERATING
                and all(unit_id in unit_words for unit_id in row.cooperating_ids)
            ):
                cell = "; ".join(unit_words[unit_id] for unit_id in row.cooperating_ids)
            cells.append(self.model.own_text(task_id, column) if cell is None else cell)
        return cells

    def _unit_words(self) -> dict[int, str]:
        """For each unit, what names it and no other: its code, else its name or short name (five
        provinces' departments all go by "Sở TT&TT": pasted by that name, the row was refused)."""
        try:
            units = self.units()
        except DomainError:
            return {}  # the server away: the rows go with the names the sheet shows
        words: dict[int, str] = {}
        for unit in units.units:
            for text in (unit.code, unit.name, unit.short_name):
                found = units.find(text) if text else None
                if text and found is not None and found.id == unit.id:
                    words[unit.id] = text
                    break
        return words

    def _links_among(self, task_ids: list[int]) -> list[list[str]]:
        """The links between copied tasks, as (predecessor row, successor row, type, lag), rows from 1."""
        row_of = {task_id: number for number, task_id in enumerate(task_ids, start=1)}
        try:
            links = outline.plan_links(self.session.store, self.plan_id) if self.plan_id is not None else []
        except DomainError:
            return []  # the server away: the rows are copied from the sheet all the same, without links
        return [
            [str(row_of[link.predecessor]), str(row_of[link.successor]), link.type.value, str(link.lag)]
            for link in links
            if link.predecessor in row_of and link.successor in row_of
        ]

    def _with_their_tasks(self, task_ids: list[int]) -> list[int]:
        """The tasks and every task below them (hidden by the filter or folded too), in sheet order."""
        below = self.model.with_everything_below(task_ids)
        return [task_id for task_id in self.model.reading_order() if task_id in below]

    def _levels(self, task_ids: list[int]) -> dict[int, int]:
        """Each copied task's level: one below its nearest copied ancestor's, 0 with none copied."""
        copied = set(task_ids)
        levels: dict[int, int] = {}
        for task_id in task_ids:  # (parents come before their children)
            node = self.model.node(task_id)
            above = node.parent_id if node is not None else None
            while above is not None and above not in copied:
                parent = self.model.node(above)
                above = parent.parent_id if parent is not None else None
            levels[task_id] = 0 if above is None else levels[above] + 1
        return levels

    def paste(self) -> None:
        """Add the clipboard's rows as tasks below the current one, columns from the current column on."""
        from dxplanner.services import edits

        clipboard = QGuiApplication.clipboard()
        text = clipboard.text() if clipboard is not None else ""
        copied = clipboard.mimeData() if clipboard is not None else None
        links: list[tuple[int, int, str, int]] = []
        if copied is not None and copied.hasFormat(WHOLE_ROWS):
            # Rows copied from a sheet: whole, by their headings, wherever the cursor stands.
            text = bytes(copied.data(WHOLE_ROWS).data()).decode()
            links = _row_links(bytes(copied.data(ROW_LINKS).data()).decode())
        if self.plan_id is None or not text.strip() or not self._planning_allowed(Change.ADD):
            return
        rows = [line.split("\t") for line in text.replace("\r\n", "\n").rstrip("\n").split("\n")]
        levels = _levels_column(rows)
        start = max(0, self.view.currentIndex().column())
        headings = self._paste_columns(rows[0])
        names = headings or [_PASTE_FIELD[column] for column in self._visible_columns(start)]
        if headings:
            rows = rows[1:]
        else:
            levels = None  # (a level column goes with the heading row of rows copied here)
        current = self.current_task()
        node = self.model.node(current) if current is not None else None
        plan_id = self.plan_id
        changes = self.session.run(
            _("Paste {count} rows").format(count=len(rows)),
            lambda plan: edits.paste_tasks(
                plan,
                plan_id,
                names,
                rows,
                parent_id=node.parent_id if node else None,
                position=node.position + 1 if node else None,
                levels=levels,
                links=links,
                copied=levels is not None,
            ),
        )
        if changes is not None and changes.id is not None:
            self.select_task(changes.id, start)
            left_out = len(links) - len(changes.created.get(edits.Entity.DEPENDENCY, []))
            if levels is not None and left_out > 0:
                said = _("{count} of the copied links were left out: the tasks' dates break them.")
                self.notice.emit(said.format(count=left_out))

    def _paste_columns(self, first_row: list[str]) -> list[str | None] | None:
        """When the first pasted row is a heading row, what each of its columns holds."""
        from dxplanner.core.text import fold
        from dxplanner.i18n import every_language

        known: dict[str, str | None] = {}
        for column, field in _PASTE_FIELD.items():
            for title in every_language(COLUMN_TITLES[column]):
                known[fold(title)] = field
        known.update({fold(word): field for word, field in _HEADING_WORDS.items()})
        fields = [known.get(fold(cell)) for cell in first_row]
        return fields if sum(field is not None for field in fields) >= 2 else None

    def _visible_columns(self, start: int) -> list[SheetColumn]:
        header = self.view.header()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        ordered = [SheetColumn(column) for column in logical if not header.isSectionHidden(column)]
        if start in [column.value for column in ordered]:
            ordered = ordered[[column.value for column in ordered].index(start) :]
        return ordered

    # Find and filter.

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Find in names, codes, units, products…"))
        self.search.setClearButtonEnabled(True)
        self.health_filter = QComboBox(self)
        self.health_filter.addItem(_("Any status"), None)
        for state in Health:
            self.health_filter.addItem(label(state), state.value)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(_("Any kind"), None)
        for kind in TaskKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.lead_filter = QComboBox(self)
        self.lead_filter.addItem(_("Any lead unit"), None)
        self.window_from = self._window_edge(
            _("From date"), _("from (any date)"), _("Tasks that run on or after this date")
        )
        self.window_to = self._window_edge(
            _("To date"), _("to (any date)"), _("Tasks that run on or before this date")
        )
        self.late_only = QCheckBox(_("Only late tasks"), self)
        # Two lines, so that every filter keeps its words when the sheet is narrow.
        finding = QHBoxLayout()
        finding.addWidget(self.search, 1)
        finding.addWidget(self.late_only)
        narrowing = QHBoxLayout()
        for widget in (
            self.health_filter,
            self.kind_filter,
            self.lead_filter,
            self.window_from,
            self.window_to,
        ):
            narrowing.addWidget(widget)
        narrowing.addStretch(1)
        self._filters = QVBoxLayout()
        self._filters.setSpacing(2)
        self._filters.addLayout(finding)
        self._filters.addLayout(narrowing)
        self.search.setMinimumWidth(180)
        for combo in (self.health_filter, self.kind_filter, self.lead_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.search.textChanged.connect(self._apply_filter)
        for combo in (self.health_filter, self.kind_filter, self.lead_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        for edge in (self.window_from, self.window_to):
            edge.changed.connect(self._apply_filter)
        self.late_only.toggled.connect(self._apply_filter)
        self.lead_filter.installEventFilter(self)

    def _window_edge(self, what: str, blank: str, tip: str) -> DateChoice:
        # Typed as text: a date editor's sections misread a date typed over the one shown. Blank: no bound.
        edge = DateChoice(self.dates, what, self._today, required=False, parent=self)
        edge.setPlaceholderText(blank)
        edge.setToolTip(tip)
        # Room for the blank's words and the calendar button, not only for a date.
        edge.setMinimumWidth(edge.fontMetrics().horizontalAdvance(blank) + 48)
        return edge

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # The lead-unit list is filled when first used (by mouse or keyboard), not when the sheet loads.
        if (
            watched is self.lead_filter
            and event.type() in (event.Type.MouseButtonPress, event.Type.FocusIn)
            and self.lead_filter.count() == 1
        ):
            self._fill_lead_filter()
        return False

    def _fill_lead_filter(self) -> None:
        for unit in self.units().units:
            self.lead_filter.addItem(unit.label, unit.id)

    def set_window(self, start: datetime.date | None, end: datetime.date | None) -> None:
        """Show only tasks whose span overlaps this date window (None: open on that side)."""
        self.window_from.set_date(start)
        self.window_to.set_date(end)

    def filter_value(self) -> TaskFilter:
        """What the find box and the filters ask for now."""
        return self._filter_value()

    def set_filter_value(self, wanted: TaskFilter) -> None:
        """Set the find box and every filter at once (the rows are filtered once, not per control)."""
        if wanted.lead_unit_id is not None and self.lead_filter.count() == 1:
            self._fill_lead_filter()
        controls = (self.search, self.health_filter, self.kind_filter, self.lead_filter, self.late_only,
                    self.window_from, self.window_to)  # fmt: skip
        for control in controls:
            control.blockSignals(True)
        try:
            self.search.setText(wanted.words)
            for combo, value in (
                (self.health_filter, None if wanted.health is None else wanted.health.value),
                (self.kind_filter, None if wanted.kind is None else wanted.kind.value),
                (self.lead_filter, wanted.lead_unit_id),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            self.late_only.setChecked(wanted.late_only)
            self.set_window(wanted.window_start, wanted.window_end)
        finally:
            for control in controls:
                control.blockSignals(False)
        self._apply_filter()

    def folded_groups(self) -> set[int]:
        """The groups shown folded (their tasks hidden)."""
        return {
            task_id
            for task_id in self.model.groups()
            if (index := self.model.index_of(task_id)).isValid() and not self.view.isExpanded(index)
        }

    def fold(self, groups: set[int]) -> None:
        """Fold these groups (and open every other one shown)."""
        for task_id in self.model.groups():
            index = self.model.index_of(task_id)
            if index.isValid():
                self.view.setExpanded(index, task_id not in groups)

    def top_task(self) -> int | None:
        """The task in the sheet's first visible row."""
        return self.model.task_id(self.view.indexAt(QPoint(1, 1)))

    def scroll_to_top(self, task_id: int | None) -> None:
        """Scroll so that task_id is the first visible row (if it is shown)."""
        if task_id is not None and (index := self.model.index_of(task_id)).isValid():
            self.view.scrollTo(index, self.view.ScrollHint.PositionAtTop)

    def _filter_value(self) -> TaskFilter:
        health = self.health_filter.currentData()
        kind = self.kind_filter.currentData()
        start, end = self.window_from.date(), self.window_to.date()
        return TaskFilter(
            words=self.search.text(),
            health=None if health is None else Health(health),
            lead_unit_id=self.lead_filter.currentData(),
            kind=None if kind is None else TaskKind(kind),
            window_start=start,
            window_end=end,
            late_only=self.late_only.isChecked(),
        )

    def _apply_filter(self) -> None:
        current = self.current_task()
        column = max(self.view.currentIndex().column(), 0)
        self._filter_rows()
        # A filter resets the rows: the task the cursor was on stays current if it is still shown;
        # one filtered out leaves the details (which would go on showing it) with no task.
        if current is not None and self.model.index_of(current).isValid():
            self.select_task(current, column)
        elif current is not None:
            self.task_selected.emit(None)

    def _filter_rows(self) -> None:
        wanted = self._filter_value()
        if wanted.empty:
            if self.model._shown is not None:
                self.model.set_filter(None)
                self._open_again(self._opened_unfiltered)
                self._opened_unfiltered = None
        else:
            if self.model._shown is None:  # a filter opens every group: what the user had open is kept
                self._opened_unfiltered = self._opened_groups()
            states = {
                task_id: state
                for task_id in self.model.reading_order()
                if (state := self.model.health(task_id))
            }
            self.model.set_filter(matching_tasks(self.model.all_rows(), states, wanted))
            self.view.expandAll()
        self._announce_counts()

    def _opened_groups(self) -> set[int]:
        """The groups the tree shows open."""
        model, view = self.model, self.view
        return {
            task_id
            for task_id in model.reading_order()
            if model.has_children(task_id) and view.isExpanded(model.index_of(task_id))
        }

    def _open_again(self, opened: set[int] | None) -> None:
        """Open the tree as it was before a filter (the top groups when that is not known).

        Clearing a search folded the groups the user had opened and showed the top of the tree;
        the task the cursor is on (what was found) is kept in sight by selecting it again after.
        """
        if opened is None:
            self.view.expandToDepth(0)
            return
        self.view.collapseAll()
        for task_id in opened:
            self.view.expand(self.model.index_of(task_id))

    # The Gantt chart beside the sheet.

    def _chart_actions(self) -> None:
        """The chart's actions: the most used on the toolbar, all of them in the window's Chart menu."""
        self.chart_actions: dict[str, QAction] = {}
        for name, text, tip, keys, slot, checkable, on_toolbar in (
            ("chart", _("Chart"), _("Show the Gantt chart beside the sheet"), "F9",
             self.show_chart, True, True),
            ("zoom_out", _("Zoom out"), _("Zoom out (Ctrl+wheel on the chart)"), "Ctrl+-",
             lambda: self.gantt.zoom_by(1 / 1.5), False, True),
            ("zoom_in", _("Zoom in"), _("Zoom in (Ctrl+wheel on the chart)"), "Ctrl+=",
             lambda: self.gantt.zoom_by(1.5), False, True),
            ("fit", _("Whole plan"), _("Fit the whole plan in the chart"), "Ctrl+0",
             lambda: self.gantt.fit_plan(), False, True),
            ("today", _("Today"), _("Scroll the chart to today"), "Ctrl+T",
             lambda: self.gantt.scroll_to_today(), False, True),
            ("critical", _("Critical path"), _("Mark the tasks whose delay delays the plan"), None,
             self._show_critical, True, False),
            ("export_chart", _("Export chart…"), _("Save the chart as PNG, SVG or PDF"), None,
             self.export_chart, False, False),
        ):  # fmt: skip
            action = QAction(text, self)
            action.setToolTip(tip)
            action.setCheckable(checkable)
            if keys:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            if on_toolbar:
                self.toolbar.addAction(action)
            else:
                self.addAction(action)
            # Until the chart is shown, only the action that shows it works.
            action.setEnabled(name == "chart")
            self.chart_actions[name] = action

    @property
    def gantt(self) -> GanttView:
        """The Gantt chart beside the sheet (built, and shown, on first use)."""
        if self._gantt is None:
            from dxplanner.ui.gantt.view import GanttView

            self._gantt = GanttView(self.view, self.model, self.session, self._today, self.split)
            self._gantt.notice.connect(self.notice)
            self.split.addWidget(self._gantt)
            self.split.setStretchFactor(1, 1)
            self._arrange_columns(beside_chart=True)
            # The sheet as wide as its row (number to status), the chart the rest, at least a third.
            width = max(400, self.split.width())
            sheet = min(row_width(self.view), width * 2 // 3)
            self.split.setSizes([sheet, width - sheet])
            self._gantt.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for name in ("zoom_in", "zoom_out", "fit", "today", "critical", "export_chart"):
                self._gantt.addAction(self.chart_actions[name])
                self.chart_actions[name].setEnabled(True)
            self.chart_actions["chart"].setChecked(True)
            # Last: it reads the plan's links, which a server gone meanwhile refuses; the chart is
            # whole without them, and reads them again with everything when the server is back.
            self._gantt.plan_loaded()
        return self._gantt

    def show_chart(self, shown: bool = True) -> None:
        """Show or hide the Gantt chart."""
        if shown:
            built = self._gantt is not None
            self.gantt.show()
            if built:
                self._arrange_columns(beside_chart=True)
        elif self._gantt is not None:
            self._gantt.hide()
            self._arrange_columns(beside_chart=False)
        self.chart_actions["chart"].setChecked(shown)
        for name in ("zoom_in", "zoom_out", "fit", "today", "critical", "export_chart"):
            self.chart_actions[name].setEnabled(shown)

    def _arrange_columns(self, *, beside_chart: bool) -> None:
        """Beside the chart, the row a planner reads; without it, every column (as chosen before)."""
        header = self.view.header()
        if beside_chart:
            if self._columns_without_chart is None:
                self._columns_without_chart = {
                    column: self.view.isColumnHidden(column) for column in SheetColumn
                }
            arrange_beside_chart(self.view, self.dates)
            return
        header.setSectionResizeMode(SheetColumn.NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SheetColumn.NAME, _WIDTHS[SheetColumn.NAME])
        for column, hidden in (self._columns_without_chart or {}).items():
            self.view.setColumnHidden(column, hidden)
        self._columns_without_chart = None

    def chart_built(self) -> bool:
        """Whether the chart has been built (it is built after the sheet's first paint)."""
        return self._gantt is not None

    def chart_shown(self) -> bool:
        """Whether the Gantt chart is on screen beside the sheet."""
        return self._gantt is not None and not self._gantt.isHidden()

    def _show_critical(self, shown: bool) -> None:
        self.gantt.set_critical(shown)

    def export_chart(self) -> None:
        """Ask where and how, then save the chart as a picture or a PDF."""
        from dxplanner.ui.gantt.export_dialog import ask_and_export

        ask_and_export(self, self.gantt)

    def print_sheet(self, setup: PrintSetup) -> QDialog | None:
        """The print preview of the sheet as a table, as it is shown (columns, folded groups, filter)."""
        from dxplanner.ui.printing import paint_table, sheet_table

        if self.plan_id is None:
            show_problem(self, _("Print"), _("Open an action plan first."))
            return None
        table = sheet_table(
            self.view, outline.chart_title(self.session.store, self.plan_id), SheetColumn.NAME
        )
        printed = self._today().strftime(self.dates.python)
        return setup.preview(
            self, _("Print preview: task sheet"), lambda printer: paint_table(printer, table, printed)
        )

    def print_chart(self, setup: PrintSetup) -> QDialog | None:
        """The print preview of the whole plan's Gantt chart, over as many pages as its rows need."""
        from dxplanner.ui.gantt.export import chart_days, paint_pages

        try:
            chart, span = self.gantt.chart(True)
        except DomainError as error:
            show_refusal(self, error)
            return None
        first, last = chart_days(chart, span)
        printed = self._today().strftime(self.dates.python)
        return setup.preview(
            self,
            _("Print preview: Gantt chart"),
            lambda printer: paint_pages(printer, chart, first, last, printed),
        )

    # Columns and confirmation.

    def _choose_columns(self, position: Any) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for column in SheetColumn:
            action = menu.addAction(_(COLUMN_TITLES[column]))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda shown, chosen=column: self.view.setColumnHidden(chosen, not shown))
        menu.exec(self.view.header().mapToGlobal(position))

    def _ask_with_a_dialog(self, standing: list[tuple[float, TaskStatus]]) -> ProgressAnswer | None:
        from dxplanner.ui.progress_dialog import ask_progress

        return ask_progress(self, standing, self._today(), self.dates.qt, self._confirm)

    def _confirm_with_a_box(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, _("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def header_view(self) -> QHeaderView:
        """The column header, whose layout the window remembers."""
        return self.view.header()

    def hidden_without_chart(self) -> list[SheetColumn]:
        """The columns the table hides when it is shown without the chart (F9), to remember.

        Beside the chart the header shows the chart's seven columns: its layout alone, remembered
        at the end, left the next start's table without the chart those seven only.
        """
        if self._columns_without_chart is not None:
            return [column for column, hidden in self._columns_without_chart.items() if hidden]
        return [column for column in SheetColumn if self.view.isColumnHidden(column)]

    def hide_without_chart(self, hidden: list[SheetColumn]) -> None:
        """Hide these columns, and show the others, once the table is shown without the chart."""
        self._columns_without_chart = {column: column in hidden for column in SheetColumn}


# The clipboard format of rows copied from a sheet: every column's text under a heading row, and
# last each row's level (0: a row whose group was not copied with it) under this heading.
WHOLE_ROWS = "application/x-dxplanner-task-rows"
LEVEL_HEADING = "dxplanner-level"
# Beside them, the links between copied rows: predecessor row, successor row, type, lag (rows from 1).
ROW_LINKS = "application/x-dxplanner-row-links"


def _lines(rows: list[list[str]]) -> str:
    """Rows as tab-separated lines; a tab or a line break inside a cell becomes a space."""
    lines = ("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) for row in rows)
    return "".join(line + "\n" for line in lines)


def _levels_column(rows: list[list[str]]) -> list[int] | None:
    """The levels of rows copied here, taken out of the rows (heading row included); None for others."""
    if not rows or rows[0][-1] != LEVEL_HEADING:
        return None
    levels = []
    for row in rows:
        level = row.pop()
        levels.append(int(level) if _short_whole_number(level) else 0)
    return levels[1:]


def _short_whole_number(cell: str) -> bool:
    """Whether a cell another program may have written is a short whole number ("²" is a digit to
    isdigit() but not to int(), and 5,000 digits are past what int() reads)."""
    return cell.isascii() and cell.isdigit() and len(cell) < 7


def _row_links(text: str) -> list[tuple[int, int, str, int]]:
    """The links between copied rows, read from the clipboard (a line that is not one is passed over)."""
    links = []
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) == 4 and all(
            _short_whole_number(cell) for cell in (cells[0], cells[1], cells[3].removeprefix("-"))
        ):
            links.append((int(cells[0]), int(cells[1]), cells[2], int(cells[3])))
    return links


# What each sheet column holds when rows are pasted into it (PasteField values; None: ignored).
_PASTE_FIELD: dict[SheetColumn, str | None] = {
    SheetColumn.CODE: "code",
    SheetColumn.NAME: "name",
    SheetColumn.KIND: "kind",
    SheetColumn.LEAD: "lead_unit",
    SheetColumn.COOPERATING: "cooperating",
    SheetColumn.TIMELINE: "timeline_text",
    SheetColumn.START: "planned_start",
    SheetColumn.END: "planned_end",
    SheetColumn.PROGRESS: "progress",
    SheetColumn.STATUS: "status",
    SheetColumn.PRODUCT: "product",
    SheetColumn.BUDGET: None,
    SheetColumn.NOTES: "notes",
    SheetColumn.SLIPPAGE: None,
    SheetColumn.PERSON: "responsible_person",
}

# Headings agencies use in their tables, for a pasted block that brings its heading row.
_HEADING_WORDS: dict[str, str] = {
    "STT": "code",
    "TT": "code",
    "Nhiệm vụ": "name",
    "Tên nhiệm vụ": "name",
    "Nội dung": "name",
    "Đơn vị chủ trì": "lead_unit",
    "Cơ quan chủ trì": "lead_unit",
    "Đơn vị phối hợp": "cooperating",
    "Cơ quan phối hợp": "cooperating",
    "Thời gian thực hiện": "timeline_text",
    "Thời gian hoàn thành": "timeline_text",
    "Sản phẩm": "product",
    "Kết quả": "product",
    "Sản phẩm dự kiến": "product",
    "Ghi chú": "notes",
    "Người phụ trách": "responsible_person",
    "Cán bộ phụ trách": "responsible_person",
}


def _task_fields(task_id: int, seen: int | None, fields: dict[str, Any], base: dict[str, Any]) -> Edit:
    """The edit of some of a task's own fields, from the version (and the values) the sheet shows."""
    from dxplanner.services import conflicts, edits

    return conflicts.one_record(
        "task",
        task_id,
        seen,
        fields,
        lambda plan, version, values: edits.update_task(plan, task_id, seen=version, **values),
        base,
    )
