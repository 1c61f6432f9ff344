"""`dxplanner map FILE --out map.svg|pdf|png|xml`: a plan file's estate map, as a picture or for Archi;
`dxplanner map FILE --import model.xml`: an architecture document from Archi or another tool becomes
the estate."""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from dxplanner.cli.arguments import whole_number
from dxplanner.cli.opening import open_for_command, refuse_if_damaged
from dxplanner.i18n import _
from dxplanner.locations import location

EXIT_OK, EXIT_BAD_ARGUMENTS = 0, 2


def add_map_command(commands: Any, day: Callable[[str], datetime.date]) -> None:
    """Add `map` to the commands; day reads --as-of as the other commands do."""
    command = commands.add_parser(
        "map",
        help=_(
            "write the estate map of a plan file as a picture or an ArchiMate exchange file,"
            " or import an exchange file into it"
        ),
    )
    command.add_argument("file", type=location, metavar="FILE")
    # The map goes out (--out) or an architecture document comes in (--import): one or the other.
    way = command.add_mutually_exclusive_group(required=True)
    way.add_argument(
        "--out",
        type=Path,
        metavar="OUT",
        help=_(
            "the file to write: .svg, .pdf or .png (the map's picture) or .xml (the ArchiMate Open"
            " Exchange format, which Archi opens)"
        ),
    )
    way.add_argument(
        "--import",
        dest="model",
        type=Path,
        metavar="MODEL",
        help=_("an ArchiMate exchange file whose elements and relationships to write into the estate"),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=_("with --import: show what would be imported; write nothing")
    )
    command.add_argument(
        "--json", action="store_true", help=_("with --import: print what is imported as JSON")
    )
    command.add_argument(
        "--as-of",
        type=day,
        metavar="YYYY-MM-DD",
        help=_("the day the estate is shown as it stands on (today)"),
    )
    command.add_argument(
        "--plan", type=whole_number, metavar="ID", help=_("only what this action plan's tasks change")
    )
    command.add_argument(
        "--unit",
        type=whole_number,
        metavar="ID",
        help=_("only what this unit and its sub-units own, handle or publish"),
    )
    command.set_defaults(handler=write_map)


def write_map(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the estate as it stands on a day to the file --out names (or import --import's file)."""
    if arguments.model is not None:
        return import_model(arguments, out, err)
    if arguments.dry_run or arguments.json:
        err.write("dxplanner: " + _("--dry-run and --json go with --import, not with --out.") + "\n")
        return EXIT_BAD_ARGUMENTS
    from dxplanner.services.estate_exchange import check_map_format, save_map
    from dxplanner.services.estate_view import estate_map

    as_of: datetime.date = arguments.as_of or datetime.date.today()
    check_map_format(arguments.out)  # before the plan is opened: a refusal costs nothing
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        estate = estate_map(store, as_of, plan_id=arguments.plan, unit_id=arguments.unit)
    finally:
        store.close()
    save_map(estate, arguments.out)
    out.write(
        _("Wrote the estate map on {day} to {path}: {elements} elements, {lines} lines.").format(
            day=as_of.strftime("%d/%m/%Y"),
            path=arguments.out,
            elements=len(estate.elements),
            lines=len(estate.relations),
        )
        + "\n"
    )
    return EXIT_OK


def import_model(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the estate an exchange file holds into the plan file (or, --dry-run, say what it would do)."""
    from dxplanner.services import estate_import

    path: Path = arguments.model
    estate = estate_import.read_estate_file(path)  # before the plan is opened: a refusal costs nothing
    dry_run: bool = arguments.dry_run
    store = open_for_command(arguments.file, err, read_only=dry_run, to_write=not dry_run)
    try:
        refuse_if_damaged(store)
        if dry_run:
            outcome = estate_import.preview_estate(store, estate)
        else:
            outcome = estate_import.import_estate(store, estate)
    finally:
        store.close()
    if arguments.json:
        said = estate_import.as_json(outcome, path) | {"written": not dry_run}
        out.write(json.dumps(said, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    if dry_run:
        head = _("Would import {path} into {file} (nothing was written):")
    else:
        head = _("Imported {path} into {file}:")
    out.write(head.format(path=path, file=arguments.file) + "\n")
    for line in estate_import.summary(outcome):
        out.write(f"  {line}\n")
    for skipped in outcome.skipped:
        out.write(
            "  "
            + _("Left out: {name} ({type}): {reason}").format(
                name=skipped.name or skipped.ref, type=skipped.archimate_type, reason=skipped.reason
            )
            + "\n"
        )
    return EXIT_OK
