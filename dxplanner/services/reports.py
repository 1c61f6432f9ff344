"""The ministry progress report: which plans it can be on, its data as of a day, and its workbook."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.report import ReportData
from dxplanner.core.report_blocks import ReportBlocks
from dxplanner.core.report_document import DocumentHeading, default_heading
from dxplanner.i18n import _, speaking
from dxplanner.services.open_plan import OpenPlan

# (done, expected) -> go on?
Progress = Callable[[int, int], bool]
# Prints the official document's blocks as a PDF at a path: the window's own printing, handed in
# by the window (the services import no Qt), for a computer without LibreOffice or a user who
# prefers it.
PdfPrinter = Callable[[ReportBlocks, Path], None]


@dataclass(frozen=True)
class PlanChoice:
    """An action plan a report can be on."""

    id: int
    name: str
    start: datetime.date
    end: datetime.date


# What `write_report` writes, by the file's suffix: the Excel workbook, or the official document
# (Word, or PDF through LibreOffice) with the workbook beside it as its appendix.
REPORT_FORMATS = ("xlsx", "docx", "pdf")


@dataclass(frozen=True)
class Signing:
    """What the user says of the official document's heading and signature; None keeps the default."""

    symbol: str | None = None  # "BC-VPCP"
    place: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    recipients: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ReportChoice:
    """What the report is about and how it is written."""

    plan_id: int | None  # None: the plan running on as_of, else the latest
    as_of: datetime.date
    language: str = "vi"
    by_unit: bool = False
    signing: Signing = Signing()


@dataclass(frozen=True)
class WrittenReport:
    """A report written: where, on which plan, and what the writing had to change (in the user's words)."""

    path: Path
    plan_name: str
    as_of: datetime.date
    notes: tuple[str, ...]
    appendix: Path | None = None  # the Excel workbook written beside an official document


def report_plans(plan: OpenPlan) -> list[PlanChoice]:
    """Every action plan, strategy by strategy, then those of no strategy."""
    from dxplanner.store import queries

    with plan.read() as read:
        strategies = [strategy.id for strategy in queries.strategies(read)]
        return [
            PlanChoice(int(found.id), found.name, found.start, found.end)
            for strategy_id in [*strategies, None]
            for found in queries.plans(read, strategy_id)
            if found.id is not None
        ]


def running_choice(choices: list[PlanChoice], today: datetime.date) -> PlanChoice | None:
    """The plan to offer first: the last one running today (None when none is)."""
    running = [choice for choice in choices if choice.start <= today <= choice.end]
    return running[-1] if running else None


def chosen_plan(plan: OpenPlan, plan_id: int | None, as_of: datetime.date) -> int:
    """The id of the plan a report on as_of is about (NotFoundError when there is none)."""
    from dxplanner.store import report_data

    return report_data.chosen_plan(plan, plan_id, as_of)


def read_report(plan: OpenPlan, choice: ReportChoice, today: datetime.date) -> ReportData:
    """The report's data, with the names in it (statuses, funding sources) in the report's language.

    A refusal is said in the user's language, not the report's.
    """
    from dxplanner.store.report_data import read_report as read_data

    plan_id = chosen_plan(plan, choice.plan_id, choice.as_of)  # what can be wrong, said in the user's words
    try:
        with speaking(choice.language):
            return read_data(plan, plan_id, choice.as_of, today)
    except DomainError as error:
        # Reading again in the user's language says it in theirs; a failure that went away
        # meanwhile (the file was busy) is said as it was.
        read_data(plan, plan_id, choice.as_of, today)
        raise error from None


def check_report_format(path: Path) -> str:
    """The format a report at path is written in, by its suffix; InvalidInputError for another."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in REPORT_FORMATS:
        raise InvalidInputError(
            _("A report can be saved as .xlsx (Excel), .docx (Word) or .pdf, not as “{suffix}”.").format(
                suffix=path.suffix or path.name
            )
        )
    return suffix


def appendix_path(path: Path) -> Path:
    """Where the Excel appendix of an official document goes: beside it, named after it."""
    return path.with_name(_("{name} (appendix)").format(name=path.stem) + ".xlsx")


def office_found() -> bool:
    """Whether LibreOffice, which turns the Word document into PDF, is installed on this computer."""
    from dxplanner.word.pdf import office_program

    return office_program() is not None


def write_report(
    plan: OpenPlan,
    choice: ReportChoice,
    path: Path,
    today: datetime.date,
    progress: Progress | None = None,
    print_pdf: PdfPrinter | None = None,
) -> WrittenReport:
    """Read the report on the plan chosen and write it to path in the language chosen.

    The suffix chooses: .xlsx the workbook; .docx the official document and, beside it, the
    workbook as its appendix; .pdf the document in PDF and the appendix. The PDF is printed by
    print_pdf when one is given, else made from the Word document by LibreOffice.
    """
    from dxplanner.excel.report_writer import write_progress_report

    kind = check_report_format(path)  # before the plan is read: a refusal costs nothing
    if kind == "pdf" and print_pdf is None:
        from dxplanner.word.pdf import required_office

        required_office()  # before the appendix is written: a refused PDF leaves nothing behind
    data = read_report(plan, choice, today)
    with speaking(choice.language):  # the appendix is named in the report's language, as it is written
        workbook = path if kind == "xlsx" else appendix_path(path)
    heading = document_heading(data, choice, today)
    notes = write_progress_report(
        workbook,
        data,
        by_unit=choice.by_unit,
        progress=progress,
        language=choice.language,
        heading=heading,
        appendix=kind != "xlsx",
    )
    if kind != "xlsx":
        _write_document(data, heading, choice.language, path, kind, print_pdf)
    appendix = None if kind == "xlsx" else workbook
    return WrittenReport(path, data.plan_name, choice.as_of, tuple(notes), appendix)


def _write_document(
    data: ReportData,
    heading: DocumentHeading,
    language: str,
    path: Path,
    kind: str,
    print_pdf: PdfPrinter | None,
) -> None:
    import tempfile

    from dxplanner.excel.saving import saving_to
    from dxplanner.word.pdf import convert_to_pdf
    from dxplanner.word.report_docx import write_report_document

    if kind == "pdf" and print_pdf is not None:
        from dxplanner.core.report_sections import report_blocks

        with speaking(language):
            blocks = report_blocks(data, heading)
        _print_to(path, lambda temporary: print_pdf(blocks, temporary))
        return
    if kind == "docx":
        with saving_to(path) as temporary:  # a failure leaves what was there
            write_report_document(temporary, data, heading, language=language)
        return
    with tempfile.TemporaryDirectory(prefix="dxplanner-report-") as folder:
        document = Path(folder) / (path.stem + ".docx")
        write_report_document(document, data, heading, language=language)
        convert_to_pdf(document, path)


def document_heading(data: ReportData, choice: ReportChoice, today: datetime.date) -> DocumentHeading:
    """The official heading: what can be worked out from the plan's unit, with the user's changes over it."""
    with speaking(choice.language):
        heading = default_heading(data, today, superior=data.superior, short_name=data.agency_short)
    signing = choice.signing
    return replace(
        heading,
        symbol=signing.symbol or heading.symbol,
        place=signing.place or heading.place,
        signer_title=signing.signer_title or heading.signer_title,
        signer_name=signing.signer_name or heading.signer_name,
        recipients=heading.recipients if signing.recipients is None else signing.recipients,
    )


def _print_to(path: Path, print_file: Callable[[Path], None]) -> None:
    """Print to a temporary file beside path, then move it onto path: a failure leaves what was there."""
    import os
    import stat

    from dxplanner.file_access import write_failure
    from dxplanner.temporary_files import temporary_beside

    temporary = temporary_beside(path, ".part")
    try:
        # Made here, not by the printer, so that a folder that takes no file is said with its reason;
        # os.open with 0o666 lets the umask decide, as for any other file the user saves.
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        print_file(temporary)
        if temporary.stat().st_size == 0:  # a printer that could not write leaves the file empty
            raise InvalidInputError(_("The PDF could not be written to {path}.").format(path=path))
        if path.exists():
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=write_failure(error, path))
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
