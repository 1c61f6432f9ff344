"""The parts of the import preview: the column mapping, the task tree, the unit matches, the problems."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from dxplanner.core.catalogue_table import CatalogueTable
from dxplanner.core.indicator_table import IndicatorTable
from dxplanner.core.matching import UnitName
from dxplanner.core.plan_table import MatchKind, PlanTable, Problem, TableField, TableTask, column_letter
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text

ERROR_COLOUR = QColor("#c62828")
NEW_UNIT = -1  # the unit picker's choice "make a new unit"


def _item(text: object) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ColumnMapping(QTableWidget):
    """One line per column of the header: its heading, and what the import takes it to hold."""

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("import_columns")
        self.setHorizontalHeaderLabels([_("Column"), _("Heading"), _("Holds")])
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.combos: dict[int, QComboBox] = {}

    def show_table(self, table: PlanTable, width: int) -> None:
        """List every column up to the last one with a heading or a field."""
        self.combos.clear()
        self.setRowCount(width)
        for column in range(width):
            self.setItem(column, 0, _item(column_letter(column)))
            self.setItem(column, 1, _item(table.headings.get(column, "")))
            combo = QComboBox()
            combo.addItem(_("— not imported —"), None)
            for found in TableField:
                combo.addItem(label(found), found)
            combo.setCurrentIndex(max(0, combo.findData(table.columns.get(column))))
            combo.currentIndexChanged.connect(self.mapping_changed)
            self.setCellWidget(column, 2, combo)
            self.combos[column] = combo
        self.resizeColumnToContents(0)
        self.setColumnWidth(2, 220)

    def mapping(self) -> dict[int, TableField]:
        """What each column holds, as chosen now."""
        return {column: combo.currentData() for column, combo in self.combos.items() if combo.currentData()}


# Showing more rows than anyone scrolls through only keeps the window waiting.
PREVIEW_TASKS = 20_000


class TaskTree(QTreeWidget):
    """The tasks as they will be imported, in their tree, each with what its reading guessed.

    A row joined to the one above, a value filled down from a merged cell, a heading with no
    number: each guess is in the row's last column and its tooltip, and in full in the detail
    line under the tree for the row chosen, so that a user can check every one.
    """

    GUESSES = 10  # the column of the guesses

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_tasks")
        self.setHeaderLabels(
            [
                _("No."),
                _("Task"),
                _("Lead unit"),
                _("Cooperating units"),
                _("Timeline"),
                _("Start"),
                _("End"),
                _("Budget"),
                _("Progress"),
                _("Row"),
                _("Guesses"),
            ]
        )
        self.setUniformRowHeights(True)
        self.detail = QLabel()  # placed under the tree by the dialog
        self.detail.setObjectName("import_task_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._tasks: dict[int, TableTask] = {}
        self.currentItemChanged.connect(self._show_detail)

    def show_table(self, table: PlanTable, date_format: str) -> None:
        """Show the tasks under their groups (the first PREVIEW_TASKS of a very long table)."""
        self.clear()
        self.detail.setText(_("Choose a row to see how it was read."))
        self._tasks = {}
        items: dict[int, QTreeWidgetItem] = {}
        for task in table.tasks[:PREVIEW_TASKS]:
            parent = items.get(task.parent_row) if task.parent_row is not None else None
            money = sum(amount.amount for amount in task.budget)
            values = [
                task.code or "",
                task.name,
                task.lead_unit or "",
                "; ".join(task.cooperating_units),
                task.timeline_text or "",
                task.start.strftime(date_format) if task.start else "",
                task.end.strftime(date_format) if task.end else "",
                whole_text(money) if money else "",
                "" if task.progress is None else f"{decimal_text(task.progress)}%",
                str(task.row),
                "; ".join(task.guesses),
            ]
            item = QTreeWidgetItem(parent or self, values)
            item.setData(0, Qt.ItemDataRole.UserRole, task.row)
            if task.guesses:
                tip = "\n".join(task.guesses)
                for column in (1, self.GUESSES):
                    item.setToolTip(column, tip)
            if task.kind.value == "group":
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
            items[task.row] = item
            self._tasks[task.row] = task
        if len(table.tasks) > PREVIEW_TASKS:
            more = len(table.tasks) - PREVIEW_TASKS
            note = QTreeWidgetItem(self, ["", _("… and {count} more rows, imported too.").format(count=more)])
            note.setFlags(Qt.ItemFlag.NoItemFlags)
        self.expandToDepth(1)
        for column in (0, 2, 4, 5, 6, 7, 8, 9):
            self.resizeColumnToContents(column)
        self.setColumnWidth(1, 380)

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        task = self._tasks.get(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None
        if task is None:
            self.detail.setText(_("Choose a row to see how it was read."))
            return
        if task.guesses:
            text = _("Row {row}, “{task}”: {guesses}").format(
                row=task.row, task=task.name, guesses=" ".join(task.guesses)
            )
        else:
            text = _("Row {row}, “{task}”: read as written, nothing guessed.").format(
                row=task.row, task=task.name
            )
        self.detail.setText(text)


class UnitChoices(QTableWidget):
    """Each unit the table names, and the file's unit it will be (or a new one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("import_units")
        self.setHorizontalHeaderLabels(
            [_("As written in the table"), _("Unit in the plan file"), _("Found by")]
        )
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.combos: dict[str, QComboBox] = {}

    def show_table(
        self, table: PlanTable | IndicatorTable | CatalogueTable, units: Sequence[UnitName]
    ) -> None:
        """One line per unit text, its match chosen; fuzzy matches and new units first, to be checked.

        A table read again (after a column was corrected) keeps what the user already chose.
        """
        kept = self.choices()
        self.combos.clear()
        matches = sorted(table.units.values(), key=lambda match: (match.how is MatchKind.EXACT, match.text))
        owner = table.owner if table.owner and table.owner.text not in table.units else None
        if owner is not None:
            matches.insert(0, owner)
        self.setRowCount(len(matches))
        for line, match in enumerate(matches):
            self.setItem(line, 0, _item(match.text))
            combo = QComboBox()
            combo.addItem(_("Create a new unit"), NEW_UNIT)
            for unit in units:
                combo.addItem(unit.label, unit.id)
            wanted = kept.get(match.text, match.unit_id)
            combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted is not None else 0)
            self.setCellWidget(line, 1, combo)
            self.combos[match.text] = combo
            how = label(match.how) if not match.ambiguous else _("several units go by this name")
            if match.how is MatchKind.FUZZY:
                how = f"{how} ({match.score:.0f}%)"
            if table.owner is not None and match.text == table.owner.text:
                how = _("{how}; the agency at the table's top, owner of a new plan").format(how=how)
            self.setItem(line, 2, _item(how))
        self.resizeColumnToContents(2)

    def choices(self) -> dict[str, int | None]:
        """The unit each text will be (None: a new unit)."""
        return {
            text: None if combo.currentData() == NEW_UNIT else int(combo.currentData())
            for text, combo in self.combos.items()
        }


class ProblemList(QTableWidget):
    """Errors (which stop the import) and warnings, by row and column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("import_problems")
        self.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()

    def show_problems(self, errors: Sequence[Problem], warnings: Sequence[Problem]) -> None:
        """Errors first, in red."""
        everything = [(problem, True) for problem in errors] + [(problem, False) for problem in warnings]
        self.setRowCount(len(everything))
        for line, (problem, is_error) in enumerate(everything):
            for column, value in enumerate((problem.row, problem.column, problem.message)):
                item = _item(value)
                if is_error:
                    item.setForeground(QBrush(ERROR_COLOUR))
                self.setItem(line, column, item)
        self.resizeColumnsToContents()
