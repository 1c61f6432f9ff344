"""The commands that move a whole plan file through Excel: `dxplanner export`, and import's restore."""

from __future__ import annotations

import argparse
import datetime
import json
from typing import TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.cli.progress import TerminalProgress
from dxplanner.i18n import _
from dxplanner.services.exchange import export_data, read_data_workbook, restore_data
from dxplanner.services.files import fill_plan_file, refuse_if_damaged
from dxplanner.services.reports import ReportChoice, write_report

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


def restore_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Restore a data workbook into a new or empty plan file (or, with --dry-run, count its records)."""
    with TerminalProgress(err, _("Reading {name}").format(name=arguments.workbook.name)) as progress:
        workbook = read_data_workbook(arguments.workbook, progress)
    if not arguments.dry_run:
        fill_plan_file(
            arguments.into,
            lambda plan: restore_data(plan, workbook),
            lambda path: open_for_command(path, err, to_write=True),
        )
    if arguments.json:
        out.write(json.dumps({"data_workbook": True, "records": workbook.counts()}, indent=1) + "\n")
    elif arguments.dry_run:
        out.write(
            _("A dxplanner data workbook of {count} records; nothing was written.").format(
                count=workbook.records()
            )
            + "\n"
        )
    else:
        out.write(
            _("Restored {count} records into {path}.").format(count=workbook.records(), path=arguments.into)
            + "\n"
        )
    return EXIT_OK


def report_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the progress report of a plan, in Vietnamese or English, as of a day."""
    today = datetime.date.today()
    as_of = arguments.as_of or today
    choice = ReportChoice(arguments.plan, as_of, arguments.language, arguments.by_unit)
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        with TerminalProgress(err, _("Writing {name}").format(name=arguments.out.name)) as progress:
            written = write_report(store, choice, arguments.out, today, progress)
    finally:
        store.close()
    for note in written.notes:
        out.write(_("Note: {message}").format(message=note) + "\n")
    out.write(
        _("Wrote the report on “{plan}” as of {day} to {path}.").format(
            plan=written.plan_name, day=as_of.strftime("%d/%m/%Y"), path=arguments.out
        )
        + "\n"
    )
    return EXIT_OK
