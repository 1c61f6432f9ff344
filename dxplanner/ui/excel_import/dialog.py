"""The import preview: what was read from the workbook, corrected by the user, then imported as one step."""

from __future__ import annotations

import dataclasses
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

from dxplanner.core.catalogue_table import CATALOGUE_KINDS, CatalogueTable
from dxplanner.core.cells import date_cell
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.matching import UnitName
from dxplanner.core.plan_table import PlanTable
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services import importing
from dxplanner.services.importing import (
    CatalogueImportOutcome,
    Destination,
    ImportOutcome,
    ImportResult,
    IndicatorImportOutcome,
    ReadRequest,
)
from dxplanner.ui.dates import style_of_python_format
from dxplanner.ui.excel_import.catalogue_preview import CatalogueList
from dxplanner.ui.excel_import.indicator_preview import IndicatorTree
from dxplanner.ui.excel_import.preview import ColumnMapping, ProblemList, TaskTree, UnitChoices
from dxplanner.ui.excel_import.reader_thread import TableReader
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.session import PlanSession

NEW_PLAN = 0


class ImportDialog(QDialog):
    """Reads the workbook off the GUI thread, shows what it understood, and imports on request."""

    ready = Signal()  # a reading finished and the preview shows it
    imported = Signal(object)  # the ImportOutcome (or IndicatorImportOutcome)

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
        self.table: PlanTable | None = None  # a table of tasks, as shown
        self.indicator_table: IndicatorTable | None = None  # or a table of indicators
        self.catalogue_table: CatalogueTable | None = None  # or a catalogue of the estate
        self.outcome: ImportOutcome | None = None
        self.indicator_outcome: IndicatorImportOutcome | None = None
        self.catalogue_outcome: CatalogueImportOutcome | None = None
        self._written_into = ""  # the name of the plan or strategy written into
        self._reader: TableReader | None = None
        self._filling = False

        # What the table lists: told by its headings, and the user's to change.
        self.kind = QComboBox()
        self.kind.setObjectName("import_kind")
        for kind in TableKind:
            self.kind.addItem(label(kind), kind)
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.sheet.setMinimumWidth(200)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 200)
        # What deadlines "90 ngày kể từ ngày ban hành Kế hoạch" count from: the date the title rows
        # give, shown so that it can be checked, or the one the user types for a draft that has none.
        self.plan_date = QLineEdit()
        self.plan_date.setObjectName("import_plan_date")
        self.plan_date.setPlaceholderText(style_of_python_format(date_format).pattern())
        self.plan_date.setMaximumWidth(110)
        self.plan_date.setToolTip(
            _("The plan's date, which deadlines such as “90 ngày kể từ ngày ban hành Kế hoạch” count from")
        )
        self.given_date: datetime.date | None = None
        self.reread = QPushButton(_("Read again"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        top = QHBoxLayout()
        for caption, widget in (
            (_("Table of"), self.kind),
            (_("Sheet"), self.sheet),
            (_("Header row"), self.header_row),
            (_("Plan's date"), self.plan_date),
        ):
            top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addWidget(self.reread)
        top.addStretch(1)
        self.progress.setFixedWidth(320)
        top.addWidget(self.progress)

        self.columns = ColumnMapping()
        self.tasks = TaskTree()
        self.indicators = IndicatorTree()
        self.catalogue = CatalogueList()
        self.units = UnitChoices()
        self.problems = ProblemList()
        self.tabs = QTabWidget()
        self.tasks_page = tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(self.tasks, 1)
        tasks_layout.addWidget(self.tasks.detail)  # what the chosen row's reading guessed
        self.tabs.addTab(tasks_page, _("Tasks"))
        self.tabs.addTab(self.indicators, _("Indicators"))
        self.tabs.addTab(self.catalogue, _("Catalogue"))
        self.tabs.addTab(self.columns, _("Columns"))
        self.tabs.addTab(self.units, _("Units"))
        self.tabs.addTab(self.problems, _("Problems"))

        self.target = QComboBox()
        self.target.setObjectName("import_target")
        self.plan_name = QLineEdit()
        self.plan_name.setObjectName("import_plan_name")
        into = QFormLayout()
        into.addRow(_("Import into"), self.target)
        self.name_caption = QLabel(_("Name of the new plan"))
        into.addRow(self.name_caption, self.plan_name)
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

        self._fill_targets(TableKind.TASKS)
        self._show_kind(TableKind.TASKS)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.reread.clicked.connect(self._header_changed)
        self.plan_date.editingFinished.connect(self._plan_date_changed)
        self.columns.mapping_changed.connect(self._mapping_changed)
        self.read(ReadRequest(path))

    # Reading.

    def read(self, request: ReadRequest) -> None:
        """Read the workbook (again) on a worker thread; the preview waits for it."""
        request = dataclasses.replace(request, plan_date=self.given_date)
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
        reader.finished_reading.connect(lambda table: self._shown(table) if reader is self._reader else None)
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
        self.indicator_table = None
        self.catalogue_table = None

    def _stop_reading(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.abandon()

    # Showing what was read.

    def _shown(self, table: PlanTable | IndicatorTable | CatalogueTable) -> None:
        if isinstance(table, CatalogueTable):
            self._show_catalogue(table)
        elif isinstance(table, IndicatorTable):
            self._show_indicators(table)
        else:
            self._show(table)

    def _show_kind(self, kind: TableKind) -> None:
        """The tabs, the choice of where to import and the kind chosen, for a table of this kind."""
        self._filling = True
        if self.kind.currentData() != kind:
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self._fill_targets(kind)
        self._filling = False
        tasks, catalogue = kind is TableKind.TASKS, kind in CATALOGUE_KINDS
        self.tabs.setTabVisible(self.tabs.indexOf(self.tasks_page), tasks)
        self.tabs.setTabVisible(self.tabs.indexOf(self.columns), tasks)
        self.tabs.setTabVisible(self.tabs.indexOf(self.indicators), kind is TableKind.INDICATORS)
        self.tabs.setTabVisible(self.tabs.indexOf(self.catalogue), catalogue)
        self.tabs.setCurrentWidget(
            self.tasks_page if tasks else self.catalogue if catalogue else self.indicators
        )
        self.name_caption.setText(_("Name of the new plan") if tasks else _("Name of the new strategy"))
        # A catalogue goes into the file's estate: there is no new plan or strategy to name.
        self.name_caption.setVisible(not catalogue)
        self.plan_name.setVisible(not catalogue)

    def _units_for(self, table: PlanTable | IndicatorTable | CatalogueTable) -> list[UnitName] | None:
        """The file's units, the table's unit texts matched to them; None once a failure is shown."""
        try:
            importing.match_units(self.session.store, table)
            return importing.known_units(self.session.store)
        except DomainError as error:
            self._failed(error.message)
            return None

    def _show_sheets(self, table: PlanTable | IndicatorTable | CatalogueTable) -> None:
        """The workbook's sheets, the one read chosen, and the row its headings were found on."""
        self.sheet.clear()
        self.sheet.addItems(table.sheets)
        self.sheet.setCurrentText(table.sheet)
        self.header_row.setValue(table.header_rows[0])

    def _show_catalogue(self, table: CatalogueTable) -> None:
        self.progress.hide()
        units = self._units_for(table)
        if units is None:
            return
        self.table, self.indicator_table, self.catalogue_table = None, None, table
        self._show_kind(table.kind)
        self._filling = True
        self._show_sheets(table)
        self.catalogue.show_table(table)
        self.units.show_table(table, units)
        for combo in self.units.combos.values():
            combo.currentIndexChanged.connect(self._catalogue_units_chosen)
        self.problems.show_problems(table.errors, table.warnings)
        self._filling = False
        self.status.setText(self._catalogue_summary(table))
        if table.errors:
            self.tabs.setCurrentWidget(self.problems)
        self.import_button.setEnabled(not table.errors and bool(table.rows))
        self.ready.emit()

    def _catalogue_units_chosen(self) -> None:
        """A unit chosen for a text may hold records the rows update: count again what is new."""
        table = self.catalogue_table
        if self._filling or table is None:
            return
        try:
            importing.recount_catalogue(self.session.store, table, self.units.choices())
        except DomainError as error:
            self.status.setText(error.message)
            return
        self.catalogue.show_table(table)
        self.status.setText(self._catalogue_summary(table))

    def _catalogue_summary(self, table: CatalogueTable) -> str:
        said = (
            _(
                "A catalogue of procedures on sheet “{sheet}”, header on row {row}: {count} procedures, "
                "{new} new and {updated} updated, {units} new units, {errors} errors, {warnings} warnings."
            )
            if table.kind is TableKind.PROCEDURES
            else _(
                "A catalogue of information systems on sheet “{sheet}”, header on row {row}: "
                "{count} systems, {new} new and {updated} updated, {units} new units, {errors} errors, "
                "{warnings} warnings."
            )
        )
        text = said.format(
            sheet=table.sheet,
            row=table.header_rows[0],
            count=len(table.rows),
            new=table.new,
            updated=table.updated,
            units=sum(match.unit_id is None for match in table.units.values()),
            errors=len(table.errors),
            warnings=len(table.warnings),
        )
        if table.errors:
            text += " " + _("Correct the workbook: rows with errors cannot be imported.")
        return text

    def _show_indicators(self, table: IndicatorTable) -> None:
        self.progress.hide()
        units = self._units_for(table)
        if units is None:
            return
        self.table, self.indicator_table, self.catalogue_table = None, table, None
        self._show_kind(TableKind.INDICATORS)
        self._filling = True
        self._show_sheets(table)
        self.indicators.show_table(table)
        self.units.show_table(table, units)
        self.problems.show_problems(table.errors, table.warnings)
        if not self.plan_name.text():
            self.plan_name.setText(importing.default_name(table, self.path))
        self._filling = False
        in_words = sum(target.value is None for item in table.indicators for target in item.targets)
        text = _(
            "A table of indicators on sheet “{sheet}”, header on row {row}: {indicators} indicators in "
            "{groups} groups, {targets} targets ({words} in words), {units} new units, {errors} errors, "
            "{warnings} warnings."
        ).format(
            sheet=table.sheet,
            row=table.header_rows[0],
            indicators=len(table.indicators),
            groups=len(table.goals),
            targets=sum(len(item.targets) for item in table.indicators),
            words=in_words,
            units=sum(match.unit_id is None for match in table.units.values()),
            errors=len(table.errors),
            warnings=len(table.warnings),
        )
        if table.errors:
            text += " " + _("Correct the workbook: rows with errors cannot be imported.")
        self.status.setText(text)
        self.import_button.setEnabled(not table.errors and bool(table.indicators))
        if table.errors:
            self.tabs.setCurrentWidget(self.problems)
        self.ready.emit()

    def _show(self, table: PlanTable) -> None:
        self.progress.hide()
        units = self._units_for(table)
        if units is None:
            return
        self.table, self.indicator_table, self.catalogue_table = table, None, None
        self._show_kind(TableKind.TASKS)
        self._filling = True
        self._show_sheets(table)
        self.plan_date.setText(table.plan_date.strftime(self.date_format) if table.plan_date else "")
        width = max([*table.headings, *table.columns, 0]) + 1
        self.columns.show_table(table, width)
        self.tasks.show_table(table, self.date_format)
        self.units.show_table(table, units)
        for combo in self.units.combos.values():
            combo.currentIndexChanged.connect(self._say_what_is_read)
        self.problems.show_problems(table.errors, table.warnings)
        if not self.plan_name.text():
            self.plan_name.setText(importing.default_name(table, self.path))
        self._filling = False
        self.status.setText(self._summary(table))
        self.import_button.setEnabled(not table.errors and bool(table.tasks))
        if table.errors:
            self.tabs.setCurrentWidget(self.problems)
        self.ready.emit()

    def _say_what_is_read(self) -> None:
        """The summary again: a unit chosen, or another target, changes what the import makes."""
        if not self._filling and self.table is not None:
            self.status.setText(self._summary(self.table))

    def _new_units(self, table: PlanTable) -> int:
        """The units the import will make, as chosen: the agency at the table's top only as the owner
        of a new plan (a plan of the file has its own), unless its rows name it too."""
        owner = table.owner.text if table.owner is not None and table.owner.text not in table.units else None
        into_new_plan = self.target.currentData() == NEW_PLAN
        return sum(
            unit is None and (text != owner or into_new_plan) for text, unit in self.units.choices().items()
        )

    def _summary(self, table: PlanTable) -> str:
        groups = sum(task.kind.value == "group" for task in table.tasks)
        new_units = self._new_units(table)
        text = _(
            "A table of tasks on sheet “{sheet}”, header on row {row}: {tasks} tasks in {groups} groups, "
            "{units} new units, {errors} errors, {warnings} warnings."
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

    def _fill_targets(self, kind: TableKind) -> None:
        """Where the table can go: a new plan or one of the file's plans; for indicators, a strategy."""
        self.target.blockSignals(True)
        self.target.clear()
        if kind in CATALOGUE_KINDS:
            self.target.addItem(_("The estate of this plan file"), NEW_PLAN)
        elif kind is TableKind.INDICATORS:
            self.target.addItem(_("A new strategy"), NEW_PLAN)
        else:
            self.target.addItem(_("A new action plan"), NEW_PLAN)
        for target in importing.targets(self.session.store, kind):
            self.target.addItem(_("Add to: {plan}").format(plan=target.name), target.id)
        self.target.blockSignals(False)
        self._target_changed()

    def _target_changed(self) -> None:
        self.plan_name.setEnabled(self.target.currentData() == NEW_PLAN)
        self._say_what_is_read()

    # The user's corrections.

    def _kind_changed(self) -> None:
        """Read the workbook again as the other kind of table, on whichever sheet holds one best."""
        if self._filling:
            return
        kind = self.chosen_kind()
        self._fill_targets(kind)
        self._show_kind(kind)
        self.plan_name.clear()  # the name read from the other table is no name for this one
        self.read(ReadRequest(self.path, kind=kind))

    def chosen_kind(self) -> TableKind:
        """The kind of table chosen (Qt hands the item's data back as a plain string)."""
        return TableKind(self.kind.currentData())

    def _sheet_changed(self) -> None:
        if not self._filling:
            self.read(ReadRequest(self.path, sheet=self.sheet.currentText(), kind=self.chosen_kind()))

    def _header_changed(self) -> None:
        self.read(
            ReadRequest(
                self.path,
                sheet=self.sheet.currentText() or None,
                header_row=self.header_row.value(),
                kind=self.chosen_kind(),
            )
        )

    def _plan_date_changed(self) -> None:
        if self._filling or self.table is None:
            return
        try:
            day = date_cell(self.plan_date.text(), _("Plan's date"))
        except InvalidInputError as error:
            self.status.setText(error.message)  # the table as read stays, and can still be imported
            return
        if day == self.table.plan_date:
            return
        self.given_date = day
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        if self._filling or self.table is None:
            return
        self.read(
            ReadRequest(
                self.path,
                sheet=self.table.sheet,
                header_row=self.table.header_rows[0],
                columns=self.columns.mapping(),
                kind=TableKind.TASKS,
            )
        )

    # Importing.

    def import_now(self) -> None:
        """Write the tasks (or indicators) as one undoable step; the dialog closes when it is done."""
        table: PlanTable | IndicatorTable | CatalogueTable | None = (
            self.catalogue_table or self.indicator_table or self.table
        )
        if table is None or table.errors:
            return
        into = self.target.currentData()
        into = None if into == NEW_PLAN else int(into)
        destination = Destination(
            plan_id=into if table is self.table else None,
            strategy_id=into if table is self.indicator_table else None,
            name=self.plan_name.text().strip(),
            today=self.today,
            unit_choices=self.units.choices(),
        )
        results: list[ImportResult] = []
        self._written_into = (
            destination.name or importing.default_name(table, self.path)
            if into is None
            else self.target.currentText().removeprefix(_("Add to: {plan}").format(plan=""))
        )

        def operation(plan: importing.OpenPlan) -> importing.Changes:
            results.append(importing.write_import(plan, table, destination))
            return results[0].changes

        if self.session.run(_("Import {name}").format(name=self.path.name), operation) is None:
            return
        outcome = results[0].outcome
        if isinstance(outcome, ImportOutcome):
            self.outcome = outcome
        elif isinstance(outcome, IndicatorImportOutcome):
            self.indicator_outcome = outcome
        elif isinstance(outcome, CatalogueImportOutcome):
            self.catalogue_outcome = outcome
        self.imported.emit(outcome)
        self.accept()

    def confirmation(self) -> tuple[str, NodeKey] | None:
        """What the import wrote, in a sentence, and the navigator's row that shows it; None before."""
        if self.outcome is not None:
            text = _("Imported {tasks} tasks in {groups} groups into “{plan}”; {units} new units.").format(
                tasks=self.outcome.tasks,
                groups=self.outcome.groups,
                plan=self._written_into,
                units=self.outcome.new_units,
            )
            return text, NodeKey(NodeKind.PLAN, self.outcome.plan_id)
        if self.indicator_outcome is not None:
            found = self.indicator_outcome
            text = _(
                "Imported {indicators} indicators with {targets} targets into “{strategy}”; "
                "{units} new units."
            ).format(
                indicators=found.indicators,
                targets=found.targets,
                strategy=self._written_into,
                units=found.new_units,
            )
            return text, NodeKey(NodeKind.GOALS, found.strategy_id)
        if self.catalogue_outcome is not None:
            listed = self.catalogue_outcome
            text = _("Imported the catalogue: {added} added, {updated} updated; {units} new units.").format(
                added=listed.added, updated=listed.updated, units=listed.new_units
            )
            kind = NodeKind.ESTATE_SYSTEMS if listed.kind is TableKind.SYSTEMS else NodeKind.ESTATE_SERVICES
            return text, NodeKey(kind)
        return None

    def done(self, result: int) -> None:
        """Stop reading before the dialog goes."""
        self._stop_reading()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_reading()
        super().closeEvent(event)
