"""The window's Excel import actions: choose a workbook (or drop one), preview it, import; the template."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.ui.errors import show_problem
from dxplanner.ui.navigator import NodeKey
from dxplanner.ui.session import PlanSession

# Says what was imported and shows it: (the sentence, the navigator's row of what was written).
Confirm = Callable[[str, NodeKey], None]

EXCEL_SUFFIX = ".xlsx"


def is_workbook(path: Path) -> bool:
    """Whether a dropped file is one to import (by its name: the import itself checks the content)."""
    return path.suffix.lower() in (EXCEL_SUFFIX, ".xlsm", ".xls")


def choose_and_import(
    parent: QWidget,
    session: PlanSession | None,
    today: datetime.date,
    date_format: str,
    confirm: Confirm | None = None,
) -> None:
    """Ask for a workbook, then preview and import it."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import an Excel plan"),
        str(Path.home()),
        _("Excel workbooks (*.xlsx *.xlsm);;All files (*)"),
    )
    if chosen:
        import_workbook(parent, session, Path(chosen), today, date_format, confirm)


def import_workbook(
    parent: QWidget,
    session: PlanSession | None,
    path: Path,
    today: datetime.date,
    date_format: str,
    confirm: Confirm | None = None,
) -> bool:
    """Preview a workbook's plan table and import it if the user says so; True when imported."""
    if session is None:
        show_problem(parent, _("Import an Excel plan"), _("Open or create a plan file first (File menu)."))
        return False
    from dxplanner.services import importing

    try:
        importer = importing.importer_for(importing.ReadRequest(path))
        ours = importer.kind is importing.ImportKind.DATA_WORKBOOK
    except DomainError:
        ours = False  # the preview says what is wrong with the file
    if ours:
        from dxplanner.ui.data_exchange import restore_workbook

        return restore_workbook(parent, session, path)
    from dxplanner.ui.excel_import.dialog import ImportDialog

    dialog = ImportDialog(session, path, today, date_format, parent)
    try:
        if not dialog.exec():
            return False
        said = dialog.confirmation()
        if said is not None and confirm is not None:
            confirm(*said)
        return True
    finally:
        dialog.deleteLater()  # a preview holds a whole table: let it go with the dialog


def save_template(parent: QWidget) -> None:
    """Write an empty plan workbook where the user chooses."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("New Excel plan from the template"),
        str(Path.home() / "ke-hoach.xlsx"),
        _("Excel workbooks (*.xlsx)"),
    )
    if not chosen:
        return
    path = Path(chosen) if chosen.lower().endswith(EXCEL_SUFFIX) else Path(chosen + EXCEL_SUFFIX)
    from dxplanner.services.importing import write_template

    try:
        write_template(path)
    except DomainError as error:
        show_problem(parent, _("New Excel plan from the template"), error.message)
