"""The commands that write a plan file to Excel: `dxplanner export` (the data workbook) and `report`."""

from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.cli.progress import TerminalProgress
from dxplanner.i18n import _
from dxplanner.services.exchange import export_data
from dxplanner.services.files import refuse_if_damaged
from dxplanner.services.reports import ReportChoice, Signing, write_report

EXIT_OK = 0


def export_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write every record of a plan file to a workbook that imports back whole."""
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        with TerminalProgress(err, _("Writing {name}").format(name=arguments.out.name)) as progress:
            exported = export_data(store, arguments.out, progress)
    finally:
        store.close()
    for note in exported.notes:
        out.write(
            _("Note, sheet {sheet}, row {row}, column {column}: {message}").format(
                sheet=note.sheet, row=note.row, column=note.column, message=note.message
            )
            + "\n"
        )
    out.write(
        _("Exported {count} records to {path}.").format(count=exported.records, path=arguments.out) + "\n"
    )
    return EXIT_OK


def report_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the progress report of a plan, in Vietnamese or English, as of a day."""
    today = datetime.date.today()
    as_of = arguments.as_of or today
    title = arguments.signer_title.replace("\\n", "\n") if arguments.signer_title else None
    signing = Signing(
        symbol=arguments.symbol,
        place=arguments.place,
        signer_title=title,
        signer_name=arguments.signer_name,
        recipients=tuple(arguments.recipient) if arguments.recipient else None,
    )
    choice = ReportChoice(arguments.plan, as_of, arguments.language, arguments.by_unit, signing)
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        with TerminalProgress(err, _("Writing {name}").format(name=arguments.out.name)) as progress:
            written = write_report(store, choice, arguments.out, today, progress)
    finally:
        store.close()
    for note in written.notes:
        out.write(_("Note: {message}").format(message=note) + "\n")
    day = as_of.strftime("%d/%m/%Y")
    if written.appendix is None:
        said = _("Wrote the report on “{plan}” as of {day} to {path}.").format(
            plan=written.plan_name, day=day, path=arguments.out
        )
    else:
        said = _("Wrote the report on “{plan}” as of {day} to {path}, with its appendix {appendix}.").format(
            plan=written.plan_name, day=day, path=arguments.out, appendix=written.appendix
        )
    out.write(said + "\n")
    return EXIT_OK
