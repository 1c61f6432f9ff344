"""The import preview of a table of indicators: its groups as goals, its indicators with their targets."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dxplanner.core.indicator_table import IndicatorTable, TableIndicator
from dxplanner.i18n import _
from dxplanner.numbers import decimal_text

GUESSES_COLUMN = 5


class IndicatorTree(QTreeWidget):
    """The goals and indicators as they will be imported, with the targets and the guesses of each row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_indicators")
        self.setHeaderLabels(
            [
                _("No."),
                _("Indicator"),
                _("Unit of measure"),
                _("Targets"),
                _("Lead unit"),
                _("Guesses"),
                _("Row"),
            ]
        )

    def show_table(self, table: IndicatorTable) -> None:
        """The groups (bold) with their indicators under them."""
        self.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for goal in table.goals:
            parent = groups.get(goal.parent_row) if goal.parent_row is not None else None
            item = QTreeWidgetItem(
                parent or self, [goal.code or "", goal.name, "", "", "", "", str(goal.row)]
            )
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
            groups[goal.row] = item
        for indicator in table.indicators:
            parent = groups.get(indicator.group_row) if indicator.group_row is not None else None
            item = QTreeWidgetItem(parent or self, _values(indicator))
            for column in (1, 3, GUESSES_COLUMN):  # long texts: whole in the tooltip
                item.setToolTip(column, item.text(column))
        self.expandAll()
        for column in (0, 2, 3, 4, 6):
            self.resizeColumnToContents(column)
        self.setColumnWidth(1, 380)
        self.setColumnWidth(GUESSES_COLUMN, 300)


def _values(indicator: TableIndicator) -> list[str]:
    targets = "; ".join(
        f"{target.year}: {target.said(decimal_text)}"
        if target.value is not None
        else f"{target.year}: “{target.text}”"
        for target in indicator.targets
    )
    return [
        indicator.code or "",
        indicator.name,
        indicator.measure_unit,
        targets,
        indicator.lead_unit or "",
        "; ".join(indicator.guesses),
        str(indicator.row),
    ]
