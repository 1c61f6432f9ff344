"""`dxplanner map FILE --out map.svg|pdf|png|xml`: a plan file's estate map, as a picture or for Archi."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from dxplanner.cli.arguments import whole_number
from dxplanner.cli.opening import open_for_command
from dxplanner.i18n import _
from dxplanner.services.files import location, refuse_if_damaged

EXIT_OK = 0


def add_map_command(commands: Any, day: Callable[[str], datetime.date]) -> None:
    """Add `map` to the commands; day reads --as-of as the other commands do."""
    command = commands.add_parser(
        "map", help=_("write the estate map of a plan file as a picture or an ArchiMate exchange file")
    )
    command.add_argument("file", type=location, metavar="FILE")
    command.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="OUT",
        help=_(
            "the file to write: .svg, .pdf or .png (the map's picture) or .xml (the ArchiMate Open"
            " Exchange format, which Archi opens)"
        ),
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
    """Write the estate as it stands on a day to the file --out names."""
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
