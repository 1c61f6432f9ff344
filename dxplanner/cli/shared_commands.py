"""The shared store's commands: `dxplanner server init URL` and `dxplanner copy SOURCE TARGET`."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from dxplanner.i18n import _
from dxplanner.services.files import location
from dxplanner.services.shared import Prepared, copy_plan, init_server

EXIT_OK = 0


def add_shared_commands(commands: Any) -> None:
    """Add `server` (with `init`) and `copy` to the parser's commands."""
    server = commands.add_parser("server", help=_("prepare a PostgreSQL database for a shared plan"))
    actions = server.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init", help=_("create the plan's schema in the database, or upgrade it (safe to run again)")
    )
    init.add_argument("url", metavar="URL", help=_("postgresql://user@host:port/database"))
    init.set_defaults(handler=_server_init)

    copy = commands.add_parser(
        "copy", help=_("copy a whole plan between a plan file and a PostgreSQL database, either way")
    )
    copy.add_argument("source", type=location, metavar="SOURCE", help=_("a plan file or a postgresql:// URL"))
    copy.add_argument(
        "target",
        type=location,
        metavar="TARGET",
        help=_("a new plan file, or the postgresql:// URL of an empty database"),
    )
    copy.set_defaults(handler=_copy)


def _server_init(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    done = init_server(arguments.url)
    said = {
        Prepared.CREATED: _("Created the plan's schema (revision {after}) on {where}."),
        Prepared.UPGRADED: _("Upgraded the plan's schema on {where} from revision {before} to {after}."),
        Prepared.CURRENT: _(
            "The plan's schema on {where} is already current (revision {after}); nothing was changed."
        ),
    }[done.done]
    out.write(said.format(where=done.where, before=done.before, after=done.after) + "\n")
    return EXIT_OK


def _copy(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    copied = copy_plan(arguments.source, arguments.target)
    out.write(
        _("Copied {count} records from {source} to {target}.").format(
            count=copied.records, source=copied.source, target=copied.target
        )
        + "\n"
    )
    return EXIT_OK
