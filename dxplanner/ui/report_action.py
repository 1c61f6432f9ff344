"""File > Report: choose the plan, the day and the language; the report is written off the GUI thread."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.services.files import folder_for_files
from dxplanner.services.reports import PdfPrinter, ReportChoice, Signing, WrittenReport, office_found
from dxplanner.services.reports import write_report as write_report_file
from dxplanner.ui.background import Progress, run_with_progress
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.desktop import OpenPath, open_on_desktop
from dxplanner.ui.errors import show_problem, show_refusal
from dxplanner.ui.plan_box import plan_box
from dxplanner.ui.session import PlanSession


class ReportDialog(QDialog):
    """The plan, the day the figures are for, the language and whether to add a sheet per unit."""

    def __init__(
        self,
        session: PlanSession,
        today: datetime.date,
        parent: QWidget | None = None,
        dates: DateStyle = DEFAULT_DATES,
        find_office: Callable[[], bool] = office_found,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(_("Progress report"))
        self.plan = plan_box(session.store, today)
        # Typed as text in the window's format: a date editor's sections misread a date typed over another.
        self.as_of = DateLine(dates, lambda: today)
        self.as_of.set_date(today)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.by_unit = QCheckBox(_("A sheet for each lead unit"))
        self.kind = QComboBox()
        self.kind.addItem(_("Excel workbook (.xlsx)"), "xlsx")
        self.kind.addItem(_("Official document in Word (.docx), with the Excel appendix"), "docx")
        self.kind.addItem(_("Official document in PDF, with the Excel appendix"), "pdf")
        # What the document's heading and signature say; blank keeps what the plan's unit gives.
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(_("e.g. BC-UBND (blank: the agency's letters)"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(_("blank: the agency's province, else Hà Nội"))
        self.signer_title = QPlainTextEdit()
        self.signer_title.setPlaceholderText(_("e.g. KT. GIÁM ĐỐC (one line per line)"))
        self.signer_title.setTabChangesFocus(True)
        self.signer_title.setFixedHeight(self.signer_title.fontMetrics().lineSpacing() * 3 + 12)
        self.signer_name = QLineEdit()
        self.pdf_engine = self._pdf_engines(find_office())
        self.kind.currentIndexChanged.connect(self._show_document_fields)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_a_date)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Action plan"), self.plan)
        form.addRow(_("Figures as of"), self.as_of)
        form.addRow(_("Language"), self.language)
        form.addRow("", self.by_unit)
        form.addRow(_("Write as"), self.kind)
        form.addRow(_("PDF made by"), self.pdf_engine)
        form.addRow(_("Symbol"), self.symbol)
        form.addRow(_("Place"), self.place)
        form.addRow(_("Signer's title"), self.signer_title)
        form.addRow(_("Signer's name"), self.signer_name)
        form.addRow(buttons)
        self._show_document_fields()

    @staticmethod
    def _pdf_engines(office: bool) -> QComboBox:
        """Who makes the PDF: LibreOffice from the Word document, or Qt's printing, built in.

        LibreOffice's PDF is the Word document as an office suite lays it out; the built-in one
        needs nothing installed. Without LibreOffice its choice is shown, greyed, saying why.
        """
        engines = QComboBox()
        engines.addItem(_("Through LibreOffice"), "office")
        engines.addItem(_("Built-in (Qt printing)"), "qt")
        if office:
            engines.setToolTip(_("LibreOffice lays the PDF out as it lays out the Word document."))
            return engines
        missing = _("LibreOffice was not found on this computer.")
        model = engines.model()
        assert isinstance(model, QStandardItemModel)  # a combo box's own model
        item = model.item(0)
        item.setEnabled(False)
        item.setToolTip(missing)
        engines.setToolTip(missing)
        engines.setCurrentIndex(1)
        return engines

    def _show_document_fields(self) -> None:
        """The heading and the signature are a document's: the workbook alone has none."""
        document = self.kind.currentData() != "xlsx"
        for field in (self.symbol, self.place, self.signer_title, self.signer_name):
            field.setEnabled(document)
        self.pdf_engine.setEnabled(self.kind.currentData() == "pdf")

    def built_in_pdf(self) -> bool:
        """Whether the PDF chosen is to be printed by the window rather than made by LibreOffice."""
        return bool(self.kind.currentData() == "pdf" and self.pdf_engine.currentData() == "qt")

    def suffix(self) -> str:
        """The file's suffix for the format chosen."""
        return "." + str(self.kind.currentData())

    def _as_of(self) -> datetime.date:
        """The day typed (InvalidInputError when it names no date, or is blank)."""
        day = self.as_of.read_date(_("Figures as of"), self._today, required=True)
        assert day is not None  # required
        return day

    def _accept_a_date(self) -> None:
        try:
            self._as_of()
        except DomainError as error:
            show_refusal(self, error)  # the dialog stays open, holding what was typed, to correct
            self.as_of.setFocus()
            return
        self.accept()

    def choice(self) -> ReportChoice | None:
        """What was chosen (None when the file has no plan; InvalidInputError for a day that is none)."""
        if self.plan.currentData() is None:
            return None
        return ReportChoice(
            int(self.plan.currentData()),
            self._as_of(),
            str(self.language.currentData()),
            self.by_unit.isChecked(),
            Signing(
                symbol=self.symbol.text().strip() or None,
                place=self.place.text().strip() or None,
                signer_title=self.signer_title.toPlainText().strip() or None,
                signer_name=self.signer_name.text().strip() or None,
            ),
        )


def make_report(
    parent: QWidget, session: PlanSession | None, today: datetime.date, dates: DateStyle = DEFAULT_DATES
) -> Path | None:
    """Ask what to report on, as of a day typed in `dates`, and where, then write it; the path or None."""
    title = _("Progress report")
    if session is None:
        show_problem(parent, title, _("Open or create a plan file first (File menu)."))
        return None
    dialog = ReportDialog(session, today, parent, dates)
    if not dialog.exec():
        return None
    choice = dialog.choice()
    if choice is None:
        show_problem(parent, title, _("The plan file has no action plan to report on."))
        return None
    suffix = dialog.suffix()
    suggested = folder_for_files(session.store) / f"bao-cao-{choice.as_of:%Y-%m-%d}{suffix}"
    kinds = {
        ".xlsx": _("Excel workbooks (*.xlsx)"),
        ".docx": _("Word documents (*.docx)"),
        ".pdf": _("PDF documents (*.pdf)"),
    }
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), kinds[suffix])
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
    written = _written_report(parent, session, choice, path, today, built_in_pdf=dialog.built_in_pdf())
    if written is None:
        return None
    SavedReportBox(written, parent).exec()
    return written.path


class SavedReportBox(QMessageBox):
    """Where the report (and its appendix) went, with buttons that open it or its folder."""

    def __init__(
        self,
        written: WrittenReport,
        parent: QWidget | None,
        open_path: OpenPath = open_on_desktop,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(_("Progress report"))
        text = _("The report on “{plan}” as of {day} was saved to {path}.").format(
            plan=written.plan_name, day=written.as_of.strftime("%d/%m/%Y"), path=written.path
        )
        if written.appendix is not None:
            text += "\n" + _("Its Excel appendix is beside it: {name}.").format(name=written.appendix.name)
        self.setText(text)
        if written.notes:
            self.setDetailedText("\n".join(written.notes))
        self.open_button = self.addButton(_("Open the report"), QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.open_button.clicked.connect(lambda: open_path(written.path))
        self.folder_button.clicked.connect(lambda: open_path(written.path.parent))


def write_report(
    parent: QWidget,
    session: PlanSession,
    choice: ReportChoice,
    path: Path,
    today: datetime.date,
    *,
    built_in_pdf: bool = False,
) -> Path | None:
    """Write the report with a progress dialog, in the language chosen; a refusal in the user's.

    A PDF is printed by the window itself when built_in_pdf, else made by LibreOffice.
    """
    written = _written_report(parent, session, choice, path, today, built_in_pdf=built_in_pdf)
    return None if written is None else written.path


def _written_report(
    parent: QWidget,
    session: PlanSession,
    choice: ReportChoice,
    path: Path,
    today: datetime.date,
    *,
    built_in_pdf: bool = False,
) -> WrittenReport | None:
    store = session.store
    print_pdf: PdfPrinter | None = None
    if built_in_pdf:
        from dxplanner.ui.report_pdf import write_pdf

        print_pdf = write_pdf

    def work(progress: Progress) -> object:
        return write_report_file(store, choice, path, today, progress, print_pdf)

    done, result = run_with_progress(parent, path.name, work)
    if not done:
        show_problem(parent, _("Progress report"), str(result))
        return None
    assert isinstance(result, WrittenReport)
    return result
