"""`dxplanner forms FILE --plan ID --as-of DATE --out FOLDER`: progress forms out to the units."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from dxplanner.cli.arguments import whole_number
from dxplanner.cli.opening import open_for_command, refuse_if_damaged
from dxplanner.cli.progress import TerminalProgress
from dxplanner.i18n import _
from dxplanner.locations import location

EXIT_OK = 0


def add_forms_command(commands: Any, day: Callable[[str], datetime.date]) -> None:
    """Add `forms` to the commands; day reads the dates as the other commands do."""
    command = commands.add_parser(
        "forms", help=_("write a progress form for each unit that leads tasks of a plan, to fill and return")
    )
    command.add_argument("file", type=location, metavar="FILE")
    command.add_argument("--plan", type=whole_number, required=True, metavar="ID", help=_("the action plan"))
    command.add_argument(
        "--as-of",
        type=day,
        required=True,
        metavar="YYYY-MM-DD",
        help=_("the reporting day the forms are for"),
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help=_("the folder to write the forms into")
    )
    command.add_argument(
        "--deadline",
        type=day,
        metavar="YYYY-MM-DD",
        help=_("the day the forms are due (a week after the reporting day)"),
    )
    command.add_argument(
        "--cooperating", action="store_true", help=_("also write a form for each cooperating unit")
    )
    command.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="CODE",
        help=_("write the form of this unit alone, as when it lost its form (repeat for more units)"),
    )
    command.set_defaults(handler=write_forms_command)


def write_forms_command(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the forms and print each file written."""
    from dxplanner.services.progress_forms import (
        FormsChoice,
        chosen_units,
        default_deadline,
        recipients,
        write_forms,
    )

    as_of: datetime.date = arguments.as_of
    store = open_for_command(arguments.file, err)  # the round sent is recorded in the plan
    try:
        refuse_if_damaged(store)
        units = None
        if arguments.unit:
            units = chosen_units(recipients(store, arguments.plan, as_of), arguments.unit)
        choice = FormsChoice(
            arguments.plan, as_of, arguments.deadline or default_deadline(as_of), arguments.cooperating, units
        )
        with TerminalProgress(err, _("Writing the progress forms")) as progress:
            written = write_forms(store, choice, arguments.out, datetime.datetime.now(), progress)
    finally:
        store.close()
    for form in written.forms:
        out.write(f"{form.path}\n")
    out.write(
        _("Wrote {count} progress forms on “{plan}” as of {day} to {folder}.").format(
            count=len(written.forms),
            plan=written.plan_name,
            day=as_of.strftime("%d/%m/%Y"),
            folder=written.folder,
        )
        + "\n"
    )
    return EXIT_OK
