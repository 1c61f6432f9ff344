"""The window's whole-file exchange through Excel: File > Export data workbook, and its restore on import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dxplanner.i18n import _
from dxplanner.services import exchange
from dxplanner.services.files import folder_for_files
from dxplanner.ui.background import Progress, run_with_progress
from dxplanner.ui.errors import show_problem
from dxplanner.ui.session import PlanSession

LISTED_NOTES = 8


def export_data(parent: QWidget, session: PlanSession | None) -> Path | None:
    """Ask where, then write every record of the open file to a data workbook off the GUI thread."""
    title = _("Export the data workbook")
    if session is None:
        show_problem(parent, title, _("Open or create a plan file first (File menu)."))
        return None
    suggested = folder_for_files(session.store) / f"{session.store.path.stem}.xlsx"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(suggested), _("Excel workbooks (*.xlsx)")
    )
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
    return write_export(parent, session, path)


def write_export(parent: QWidget, session: PlanSession, path: Path) -> Path | None:
    """Write the data workbook to path with a progress dialog; say what had to be changed."""
    store = session.store

    def work(progress: Progress) -> exchange.Exported:
        return exchange.export_data(store, path, progress)

    done, result = run_with_progress(parent, _("Writing {name}…").format(name=path.name), work)
    if not done:
        show_problem(parent, _("Export the data workbook"), str(result))
        return None
    notes = result.notes
    if notes:
        lines = [
            _("Sheet {sheet}, row {row}, column {column}: {message}").format(
                sheet=note.sheet, row=note.row, column=note.column, message=note.message
            )
            for note in notes[:LISTED_NOTES]
        ]
        if len(notes) > LISTED_NOTES:
            lines.append(_("… and {count} more.").format(count=len(notes) - LISTED_NOTES))
        QMessageBox.information(
            parent, _("Export the data workbook"), "\n".join([_("Written, with these changes:"), *lines])
        )
    return path


def restore_workbook(parent: QWidget, session: PlanSession, path: Path) -> bool:
    """Read a data workbook off the GUI thread, then restore it into the open (empty) file as one step."""
    done, result = run_with_progress(
        parent,
        _("Reading {name}…").format(name=path.name),
        lambda progress: exchange.read_data_workbook(path, progress),
    )
    if not done:
        show_problem(parent, _("Import an Excel plan"), str(result))
        return False
    workbook = result
    changes = session.run(
        _("Import {name}").format(name=path.name), lambda store: exchange.restore_data(store, workbook)
    )
    return changes is not None
