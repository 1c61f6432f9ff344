"""The import preview: what was read from the workbook, corrected by the user, then imported as one step."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.core.matching import UnitName
from dxplanner.core.plan_table import PlanTable
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.changes import Changes
from dxplanner.store.operations.import_table import ImportOutcome, NewPlan, import_table, match_units
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.excel_import.preview import ColumnMapping, ProblemList, TaskTree, UnitChoices
from dxplanner.ui.excel_import.reader_thread import ReadRequest, TableReader
from dxplanner.ui.session import PlanSession

NEW_PLAN = 0


class ImportDialog(QDialog):
    """Reads the workbook off the GUI thread, shows what it understood, and imports on request."""

    ready = Signal()  # a reading finished and the preview shows it
    imported = Signal(object)  # the ImportOutcome

    def __init__(
        self,
        session: PlanSession,
        path: Path,
        today: datetime.date,
        date_format: str = "%d/%m/%Y",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(_("Import an Excel plan: {name}").format(name=path.name))
        self.resize(1100, 700)
        self.session = session
        self.path = path
        self.today = today
        self.date_format = date_format
        self.table: PlanTable | None = None
        self.outcome: ImportOutcome | None = None
        self._reader: TableReader | None = None
        self._filling = False

        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.sheet.setMinimumWidth(200)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 200)
        self.reread = QPushButton(_("Read again"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        top = QHBoxLayout()
        for caption, widget in ((_("Sheet"), self.sheet), (_("Header row"), self.header_row)):
            top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addWidget(self.reread)
        top.addStretch(1)
        self.progress.setFixedWidth(320)
        top.addWidget(self.progress)

        self.columns = ColumnMapping()
        self.tasks = TaskTree()
        self.units = UnitChoices()
        self.problems = ProblemList()
        self.tabs = QTabWidget()
        tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(self.tasks, 1)
        tasks_layout.addWidget(self.tasks.detail)  # what the chosen row's reading guessed
        self.tabs.addTab(tasks_page, _("Tasks"))
        self.tabs.addTab(self.columns, _("Columns"))
        self.tabs.addTab(self.units, _("Units"))
        self.tabs.addTab(self.problems, _("Problems"))

        self.target = QComboBox()
        self.target.setObjectName("import_target")
        self.plan_name = QLineEdit()
        self.plan_name.setObjectName("import_plan_name")
        into = QFormLayout()
        into.addRow(_("Import into"), self.target)
        into.addRow(_("Name of the new plan"), self.plan_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_now)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(into)
        layout.addWidget(self.buttons)

        self._fill_targets()
        self.target.currentIndexChanged.connect(self._target_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.reread.clicked.connect(self._header_changed)
        self.columns.mapping_changed.connect(self._mapping_changed)
        self.read(ReadRequest(path))

    # Reading.

    def read(self, request: ReadRequest) -> None:
        """Read the workbook (again) on a worker thread; the preview waits for it."""
        self._stop_reading()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(_("Reading {name}…").format(name=self.path.name))
        reader = TableReader(request, self)
        # A reading stopped for a newer one may still report: only the current one is heard.
        reader.progressed.connect(
            lambda done, expected: self._progressed(done, expected) if reader is self._reader else None
        )
        reader.finished_reading.connect(lambda table: self._show(table) if reader is self._reader else None)
        reader.failed.connect(lambda message: self._failed(message) if reader is self._reader else None)
        self._reader = reader
        reader.start()

    def _progressed(self, done: int, expected: int) -> None:
        if expected > done:
            self.progress.setRange(0, expected)
            self.progress.setValue(done)
        else:  # the sheet did not say how long it is: a busy bar, and the rows counted
            self.progress.setRange(0, 0)
        self.status.setText(_("Reading {name}: {rows} rows…").format(name=self.path.name, rows=done))

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(message)
        self.table = None

    def _stop_reading(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.abandon()

    # Showing what was read.

    def _show(self, table: PlanTable) -> None:
        self.progress.hide()
        try:
            match_units(self.session.store, table)
        except DomainError as error:
            self._failed(error.message)
            return
        with self.session.store.read() as read:
            units: list[UnitName] = queries.unit_names(read)
        self.table = table
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(table.sheets)
        self.sheet.setCurrentText(table.sheet)
        self.header_row.setValue(table.header_rows[0])
        width = max([*table.headings, *table.columns, 0]) + 1
        self.columns.show_table(table, width)
        self.tasks.show_table(table, self.date_format)
        self.units.show_table(table, units)
        self.problems.show_problems(table.errors, table.warnings)
        if not self.plan_name.text():
            self.plan_name.setText(table.title or self.path.stem)
        self._filling = False
        self.status.setText(self._summary(table))
        self.import_button.setEnabled(not table.errors and bool(table.tasks))
        if table.errors:
            self.tabs.setCurrentWidget(self.problems)
        self.ready.emit()

    def _summary(self, table: PlanTable) -> str:
        groups = sum(task.kind.value == "group" for task in table.tasks)
        new_units = sum(match.unit_id is None for match in table.units.values())
        text = _(
            "Sheet “{sheet}”, header on row {row}: {tasks} tasks in {groups} groups, {units} new units, "
            "{errors} errors, {warnings} warnings."
        ).format(
            sheet=table.sheet,
            row=table.header_rows[0],
            tasks=len(table.tasks) - groups,
            groups=groups,
            units=new_units,
            errors=len(table.errors),
            warnings=len(table.warnings),
        )
        if table.errors:
            text += " " + _("Correct the workbook or the columns: rows with errors cannot be imported.")
        return text

    def _fill_targets(self) -> None:
        self.target.addItem(_("A new action plan"), NEW_PLAN)
        with self.session.store.read() as read:
            for strategy_id in [*(strategy.id for strategy in queries.strategies(read)), None]:
                for plan in queries.plans(read, strategy_id):
                    self.target.addItem(_("Add to: {plan}").format(plan=plan.name), plan.id)

    def _target_changed(self) -> None:
        self.plan_name.setEnabled(self.target.currentData() == NEW_PLAN)

    # The user's corrections.

    def _sheet_changed(self) -> None:
        if not self._filling:
            self.read(ReadRequest(self.path, sheet=self.sheet.currentText()))

    def _header_changed(self) -> None:
        self.read(
            ReadRequest(self.path, sheet=self.sheet.currentText() or None, header_row=self.header_row.value())
        )

    def _mapping_changed(self) -> None:
        if self._filling or self.table is None:
            return
        self.read(
            ReadRequest(
                self.path,
                sheet=self.table.sheet,
                header_row=self.table.header_rows[0],
                columns=self.columns.mapping(),
            )
        )

    # Importing.

    def import_now(self) -> None:
        """Write the tasks as one undoable step; the dialog closes when it is done."""
        table = self.table
        if table is None or table.errors:
            return
        plan_id = self.target.currentData()
        choices = self.units.choices()
        new_plan = NewPlan(self.plan_name.text().strip(), today=self.today)
        outcomes: list[ImportOutcome] = []

        def operation(store: PlanStore) -> Changes:
            outcome = import_table(
                store,
                table,
                plan_id=None if plan_id == NEW_PLAN else plan_id,
                new_plan=new_plan,
                unit_choices=choices,
            )
            outcomes.append(outcome)
            return outcome.changes

        if self.session.run(_("Import {name}").format(name=self.path.name), operation) is None:
            return
        self.outcome = outcomes[0]
        self.imported.emit(self.outcome)
        self.accept()

    def done(self, result: int) -> None:
        """Stop reading before the dialog goes."""
        self._stop_reading()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_reading()
        super().closeEvent(event)
