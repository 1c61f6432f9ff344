"""File > Import > Architecture (ArchiMate)…: preview an exchange file, choose its units, import it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.core.matching import UnitName
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services import estate_import, records
from dxplanner.services.edits import Changes
from dxplanner.services.estate_import import EstateImport, ImportedEstate, SkippedConcept, UnitFound
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.errors import show_problem
from dxplanner.ui.session import PlanSession

NEW_UNIT = -1  # the unit picker's choice "make a new unit"


def _item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


def choose_and_import_architecture(parent: QWidget, session: PlanSession | None) -> bool:
    """Ask for an ArchiMate exchange file, then preview and import it; True when imported."""
    title = _("Import architecture (ArchiMate)")
    if session is None:
        show_problem(parent, title, _("Open or create a plan file first (File menu)."))
        return False
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), _("ArchiMate exchange files (*.xml);;All files (*)")
    )
    return bool(chosen) and import_architecture(parent, session, Path(chosen))


def import_architecture(parent: QWidget, session: PlanSession, path: Path) -> bool:
    """Preview an exchange file and import it if the user says so; True when imported."""
    try:
        estate = estate_import.read_estate_file(path)
        dialog = EstateImportDialog(session, path, estate, parent)
    except DomainError as error:
        show_problem(parent, _("Import architecture (ArchiMate)"), error.message)
        return False
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


class UnitChoices(QTableWidget):
    """Each unit of the file, and the plan's unit it will be (or a new one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("architecture_units")
        self.setHorizontalHeaderLabels([_("As the file names it"), _("Unit in the plan file"), _("Found by")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.combos: dict[str, QComboBox] = {}

    def show_units(self, found: Sequence[UnitFound], units: Sequence[UnitName]) -> None:
        """One line per unit of the file; the new ones first, to be checked."""
        self.combos.clear()
        ordered = sorted(found, key=lambda unit: (unit.unit_id is not None, unit.name))
        self.setRowCount(len(ordered))
        for line, unit in enumerate(ordered):
            self.setItem(line, 0, _item(unit.name))
            combo = QComboBox()
            combo.addItem(_("Create a new unit"), NEW_UNIT)
            for choice in units:
                combo.addItem(choice.label, choice.id)
            combo.setCurrentIndex(max(0, combo.findData(unit.unit_id)) if unit.unit_id is not None else 0)
            self.setCellWidget(line, 1, combo)
            self.combos[unit.ref] = combo
            how = label(unit.how) if len(unit.candidates) < 2 else _("several units go by this name")
            self.setItem(line, 2, _item(how))
        self.resizeColumnToContents(2)

    def choices(self) -> dict[str, int | None]:
        """The unit each of the file's units will be (None: a new unit)."""
        return {
            ref: None if combo.currentData() == NEW_UNIT else int(combo.currentData())
            for ref, combo in self.combos.items()
        }


class SkippedList(QTableWidget):
    """What of the file the estate has no place for, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("architecture_skipped")
        self.setHorizontalHeaderLabels([_("Name"), _("ArchiMate type"), _("Why it is left out")])
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()

    def show_skipped(self, skipped: Sequence[SkippedConcept]) -> None:
        self.setRowCount(len(skipped))
        for line, concept in enumerate(skipped):
            self.setItem(line, 0, _item(concept.name or concept.ref))
            self.setItem(line, 1, _item(concept.archimate_type))
            self.setItem(line, 2, _item(concept.reason))


class EstateImportDialog(QDialog):
    """The preview of an architecture document's import: counts, units, what is left out; Import or Cancel.

    Raises DomainError (before it is shown) when the plan cannot be read for the preview.
    """

    def __init__(
        self, session: PlanSession, path: Path, estate: ImportedEstate, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.path = path
        self.estate = estate
        self.outcome: EstateImport | None = None
        self.setWindowTitle(_("Import architecture: {name}").format(name=path.name))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        heading = estate.name or path.name
        layout.addWidget(QLabel(_("Model: {name}").format(name=heading)))
        self.counts = QLabel()
        self.counts.setObjectName("architecture_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.tabs = QTabWidget()
        self.units = UnitChoices()
        self.skipped = SkippedList()
        self.tabs.addTab(self.units, _("Units"))
        self.tabs.addTab(self.skipped, _("Left out"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(_("Import"))
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.import_now)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preview = estate_import.preview_estate(session.store, estate)
        self.units.show_units(self.preview.units, records.unit_names(session.store))
        for combo in self.units.combos.values():
            combo.currentIndexChanged.connect(self._choice_changed)
        self._show(self.preview)

    def _show(self, preview: EstateImport) -> None:
        lines = estate_import.summary(preview)
        if preview.changes_nothing:
            lines.append(_("Everything the file holds is in the plan already: there is nothing to import."))
        self.counts.setText("\n".join(lines))
        self.import_button.setEnabled(not preview.changes_nothing)
        self.skipped.show_skipped(preview.skipped)
        self.tabs.setTabText(1, _("Left out ({count})").format(count=len(preview.skipped)))

    def _choice_changed(self) -> None:
        """Count again with the units as now chosen (another owner can make another system)."""
        try:
            self.preview = estate_import.preview_estate(self.session.store, self.estate, self.units.choices())
        except DomainError as error:
            show_problem(self, self.windowTitle(), error.message)
            return
        self._show(self.preview)

    def import_now(self) -> None:
        """Write the estate as one undoable step; on a refusal (shown once) the dialog stays open."""
        choices = self.units.choices()

        def operation(plan: OpenPlan) -> Changes:
            self.outcome = estate_import.import_estate(plan, self.estate, choices)
            return self.outcome.changes

        if self.session.run(estate_import.undo_text(), operation) is None:
            self.outcome = None
            return
        self.accept()
