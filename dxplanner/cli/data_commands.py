"""The commands that move a whole plan file through Excel: `dxplanner export`, and import's restore."""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.cli.progress import TerminalProgress
from dxplanner.core.errors import DomainError
from dxplanner.core.report import ReportData
from dxplanner.i18n import _, speaking
from dxplanner.store.plan_file import create_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.soundness import refuse_if_damaged

EXIT_OK = 0


def export_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write every record of a plan file to a workbook that imports back whole."""
    from dxplanner.excel.data_writer import Records, write_data_workbook
    from dxplanner.store.operations.whole_file import all_records

    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        records, revision = all_records(store)
    finally:
        store.close()
    with TerminalProgress(err, _("Writing {name}").format(name=arguments.out.name)) as progress:
        notes = write_data_workbook(
            arguments.out, {name: Records(*pair) for name, pair in records.items()}, revision, progress
        )
    for note in notes:
        out.write(
            _("Note, sheet {sheet}, row {row}, column {column}: {message}").format(
                sheet=note.sheet, row=note.row, column=note.column, message=note.message
            )
            + "\n"
        )
    count = sum(len(rows) for _columns, rows in records.values())
    out.write(_("Exported {count} records to {path}.").format(count=count, path=arguments.out) + "\n")
    return EXIT_OK


def restore_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Restore a data workbook into a new or empty plan file (or, with --dry-run, count its records)."""
    from dxplanner.excel.data_reader import read_data_workbook
    from dxplanner.store.operations.whole_file import restore_records

    with TerminalProgress(err, _("Reading {name}").format(name=arguments.workbook.name)) as progress:
        records = read_data_workbook(arguments.workbook, progress)
    counts = {name: len(found.rows) for name, found in records.items()}
    if not arguments.dry_run:
        target: Path = arguments.into

        def restore(store: PlanStore) -> None:
            restore_records(
                store,
                {name: (found.columns, found.rows) for name, found in records.items()},
                lambda table, index: records[table].where(index),
            )

        if target.exists():
            store = open_for_command(target, err, to_write=True)
            try:
                refuse_if_damaged(store)
                restore(store)
            finally:
                store.close()
        else:
            # A new file is built whole under another name and appears only with every record in it.
            create_plan_file(target, fill=restore)
    if arguments.json:
        out.write(json.dumps({"data_workbook": True, "records": counts}, indent=1) + "\n")
    elif arguments.dry_run:
        out.write(
            _("A dxplanner data workbook of {count} records; nothing was written.").format(
                count=sum(counts.values())
            )
            + "\n"
        )
    else:
        out.write(
            _("Restored {count} records into {path}.").format(count=sum(counts.values()), path=arguments.into)
            + "\n"
        )
    return EXIT_OK


def _report_data(
    store: PlanStore, plan_id: int, as_of: datetime.date, today: datetime.date, language: str
) -> ReportData:
    """The report's data, with the names in it (funding sources) in the report's language."""
    from dxplanner.store.report_data import read_report

    try:
        with speaking(language):
            return read_report(store, plan_id, as_of, today)
    except DomainError as error:
        # Said in the report's language: reading again in the user's says it in theirs. A failure
        # that went away meanwhile (the file was busy) is said as it was.
        read_report(store, plan_id, as_of, today)
        raise error from None


def report_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the progress report of a plan, in Vietnamese or English, as of a day."""
    from dxplanner.excel.report_writer import write_progress_report
    from dxplanner.store.report_data import chosen_plan

    today = datetime.date.today()
    as_of = arguments.as_of or today
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        plan_id = chosen_plan(store, arguments.plan, as_of)  # what can be wrong is said in the user's words
        data = _report_data(store, plan_id, as_of, today, arguments.language)
    finally:
        store.close()
    with TerminalProgress(err, _("Writing {name}").format(name=arguments.out.name)) as progress:
        notes = write_progress_report(
            arguments.out, data, by_unit=arguments.by_unit, progress=progress, language=arguments.language
        )
    for note in notes:
        out.write(_("Note: {message}").format(message=note) + "\n")
    out.write(
        _("Wrote the report on “{plan}” as of {day} to {path}.").format(
            plan=data.plan_name, day=as_of.strftime("%d/%m/%Y"), path=arguments.out
        )
        + "\n"
    )
    return EXIT_OK
