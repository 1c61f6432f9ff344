"""A page of the estate: its records in a table, Add and Delete, and the chosen record's form below."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.services import estate_deletion
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.estate_forms.kinds import EstateKind, Names, names_of
from dxplanner.ui.estate_forms.table_model import EstateTableModel, Row
from dxplanner.ui.forms.record_form import RecordForm
from dxplanner.ui.session import DataChange, PlanSession

Confirm = Callable[[str], bool]
_WIDEST_COLUMN = 280


class EstatePage(QWidget):
    """The records of one kind (or one group of them), each opened in the form below the table."""

    def __init__(
        self,
        session: PlanSession,
        kind: EstateKind,
        units: Callable[[], UnitIndex],
        qt_date_format: str,
        confirm: Confirm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.group: str | None = None
        self._units = units
        self._confirm = confirm or self._confirm_with_a_box
        self._records: dict[int, Any] = {}
        self._names = Names({}, {})
        self.heading = QLabel()
        font = QFont()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.add_button = QPushButton(_("Add"))
        self.add_button.setObjectName("estate_add")
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.setObjectName("estate_delete")
        self.add_button.clicked.connect(self.add_record)
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        self.model = EstateTableModel([title for title, _cell in kind.columns])
        self.view = QTableView()
        self.view.setObjectName("estate_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        # One line a record: long names are cut short (their whole text is in the tooltip and the form).
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        # As in a spreadsheet: Insert adds a record, Delete deletes the chosen one (asking first).
        for key, action in ((Qt.Key.Key_Insert, self.add_record), (Qt.Key.Key_Delete, self.delete_current)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
        self.form = RecordForm(
            session,
            heading=lambda values: self._heading_of(values),
            fields=kind.fields(lambda: self.session.store),
            read=self._read_one,
            write=kind.write,
            tables=(kind.table, "unit", "system"),
            units=units,
            qt_date_format=qt_date_format,
        )
        self.form.body.addStretch(1)
        scrolled = QScrollArea()
        scrolled.setWidgetResizable(True)
        scrolled.setWidget(self.form)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(scrolled)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        session.changed.connect(self._on_change)
        session.permissions_changed.connect(self._offer_edits)

    # Showing.

    def show_group(self, group: str | None) -> None:
        """Show every record of the kind (group None) or those of one navigator row's group."""
        self.group = group
        self.reload(fit_columns=True)
        if self.form.record_id is None or self.model.row_of(self.form.record_id) < 0:
            first = self.model.record(0)
            self.choose(first.id if first is not None else None)

    def reload(self, fit_columns: bool = False) -> None:
        """Read the records again and show them, the chosen one staying chosen (fit_columns: widths
        to their contents, which measures every cell: when the page opens, not after each edit)."""
        plan = self.session.store
        chosen = self.form.record_id
        self._names = names_of(plan, self._units())
        records = [
            record
            for record in self.kind.records(plan)
            if self.group is None or self.kind.in_group(record, self.group)
        ]
        self._records = {record.id: record for record in records}
        self.model.set_rows(
            [
                Row(
                    record.id,
                    getattr(record, "version", None),
                    tuple(cell(record, self._names) for _t, cell in self.kind.columns),
                )
                for record in records
            ]
        )
        self.heading.setText(f"{self.kind.title} ({len(records)})")
        if fit_columns:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for column in range(self.model.columnCount()):
                header.resizeSection(column, min(header.sectionSize(column), _WIDEST_COLUMN))
        self._select_row(chosen)
        self._offer_edits()

    def choose(self, record_id: int | None) -> None:
        """Show a record in the table's selection and in the form."""
        self._select_row(record_id)
        if self.form.record_id != record_id or record_id is None:
            self.form.show_record(record_id)
        self._offer_edits()

    def _select_row(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clear()
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
        finally:
            selection.blockSignals(False)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.record(current.row()) if current.isValid() else None
        self.form.show_record(row.id if row is not None else None)
        self._offer_edits()

    def _may_edit(self) -> bool:
        # The committee is structure (the administrator's, as units are); the rest of the estate is
        # the planners'. The server decides anyway: this only offers what it would allow.
        allowed = self.session.permissions
        return allowed.may_edit_structure if self.kind.table == "committee_member" else allowed.may_edit_plans

    def _offer_edits(self) -> None:
        may_edit = self._may_edit()
        self.add_button.setEnabled(may_edit)
        self.delete_button.setEnabled(may_edit and self.form.record_id is not None)

    def _read_one(self, plan: OpenPlan, record_id: int) -> Any:
        # Read afresh: the form must carry the version stored now, not the table's.
        return next((record for record in self.kind.records(plan) if record.id == record_id), None)

    def _heading_of(self, values: Mapping[str, Any]) -> str:
        record = self._records.get(values.get("id", -1))
        return self.kind.name_of(record, self._names) if record is not None else str(values.get("name", ""))

    def _on_change(self, change: DataChange) -> None:
        if change.touches(self.kind.table, "unit", "system"):
            self.reload()
            if self.form.record_id is not None and self.model.row_of(self.form.record_id) < 0:
                self.choose(None)  # deleted, or moved out of this group

    # Adding and deleting.

    def add_record(self) -> None:
        """Add a record with a placeholder name, chosen and ready to be named."""
        if not self.add_button.isEnabled():
            return
        group = self.group
        changes = self.session.run(
            _("Add {what}").format(what=self.kind.noun), lambda plan: self.kind.add(plan, group)
        )
        if changes is None or changes.id is None:
            return
        self.choose(changes.id)
        bound = self.form.fields.get(self.kind.first_field)
        if bound is None:
            return
        editor = bound.widget
        editor.setFocus()
        if isinstance(editor, QLineEdit | QPlainTextEdit):
            editor.selectAll()

    def delete_current(self) -> None:
        """Delete the chosen record, once the user has agreed to what goes with it."""
        record_id = self.form.record_id
        record = self._records.get(record_id) if record_id is not None else None
        if record_id is None or record is None or not self.delete_button.isEnabled():
            return
        name = self.kind.name_of(record, self._names)
        question = None
        if self.kind.table == "system":
            question = estate_deletion.what_goes_with_system(self.session.store, record_id).question()
        if not self._confirm(question or _("Delete “{name}”?").format(name=name)):
            return
        seen = getattr(record, "version", None)
        self.session.run(
            _("Delete {name}").format(name=name), lambda plan: self.kind.delete(plan, record_id, seen)
        )

    def _confirm_with_a_box(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes


def page_of(
    node: str,
    session: PlanSession,
    units: Callable[[], UnitIndex],
    qt_date_format: str,
    confirm: Confirm | None = None,
) -> EstatePage:
    """The page a navigator row of the estate opens (node: its NodeKind)."""
    from dxplanner.ui.estate_forms import kinds
    from dxplanner.ui.navigator import NodeKind

    builders = {
        NodeKind.ESTATE_SYSTEMS: kinds.systems_kind,
        NodeKind.ESTATE_LINKS: kinds.data_links_kind,
        NodeKind.ESTATE_DATASETS: kinds.open_datasets_kind,
        NodeKind.ESTATE_SERVICES: kinds.public_services_kind,
        NodeKind.ESTATE_COMMITTEE: kinds.committee_kind,
    }
    page = EstatePage(session, builders[NodeKind(node)](), units, qt_date_format, confirm)
    page.setObjectName(f"estate_page_{NodeKind(node).value}")
    return page
