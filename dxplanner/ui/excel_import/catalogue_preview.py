"""The import preview of a catalogue: each procedure or system read, and whether it is new or an update."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from dxplanner.core.catalogue_table import CatalogueTable, TableService, TableSystem
from dxplanner.core.indicator_table import TableKind
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text

NAME_COLUMN = 1


def _headings(kind: TableKind) -> list[str]:
    if kind is TableKind.PROCEDURES:
        return [
            _("Code"),
            _("Procedure"),
            _("Field"),
            _("Handling unit"),
            _("Level"),
            _("On the national portal"),
            _("Online payment"),
            _("Online share (%)"),
            _("Import as"),
            _("Row"),
        ]
    return [
        _("No."),
        _("System"),
        _("Owner unit"),
        _("Kind"),
        _("Hosting"),
        _("Security level"),
        _("Status"),
        _("Import as"),
        _("Row"),
    ]


def _named(member: enum.StrEnum | None) -> str:
    return "" if member is None else label(member)


def _yes(flag: bool | None) -> str:
    return "" if flag is None else (_("yes") if flag else _("no"))


def _service_cells(item: TableService) -> list[str]:
    level = _named(item.level)
    if item.level_old is not None:
        old = _("old level {level}").format(level=item.level_old)
        level = f"{level} ({old})" if level else old
    return [
        item.code,
        item.name,
        item.field or "",
        item.unit or "",
        level,
        _yes(item.on_national_portal),
        _yes(item.online_payment),
        "" if item.online_share is None else decimal_text(item.online_share),
    ]


def _system_cells(number: int, item: TableSystem) -> list[str]:
    return [
        str(number),
        item.name,
        item.owner or "",
        _named(item.kind),
        _named(item.hosting),
        "" if item.security_level is None else str(item.security_level),
        _named(item.status),
    ]


class CatalogueList(QTableWidget):
    """The rows read, one line each, with whether the import adds it or updates the file's record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("import_catalogue")
        self.verticalHeader().hide()

    def show_table(self, table: CatalogueTable) -> None:
        """One line per procedure (or system), in the order of the list."""
        headings = _headings(table.kind)
        self.clear()
        self.setColumnCount(len(headings))
        self.setHorizontalHeaderLabels(headings)
        rows = table.rows
        self.setRowCount(len(rows))
        for line, item in enumerate(rows):
            cells = _service_cells(item) if isinstance(item, TableService) else _system_cells(line + 1, item)
            cells += [_("update") if item.existing_id is not None else _("new"), str(item.row)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == NAME_COLUMN:
                    cell.setToolTip(text)
                self.setItem(line, column, cell)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
