"""The headless commands: `dxplanner new`, `dxplanner check` (a stable, scriptable interface)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from dxplanner import __version__
from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.labels import timeline_kind_label
from dxplanner.store import queries
from dxplanner.store.file_header import SCHEMA_VERSION, SchemaAge, read_header
from dxplanner.store.migrate import stored_revision
from dxplanner.store.plan_file import create_plan_file, open_plan_file

EXIT_OK, EXIT_USER_ERROR, EXIT_BAD_ARGUMENTS = 0, 1, 2

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    """The parser of every headless command."""
    parser = argparse.ArgumentParser(
        prog="dxplanner",
        description=_("Plan and follow digital-transformation strategies and action plans."),
    )
    parser.add_argument("--version", action="version", version=f"dxplanner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help=_("create an empty plan file (or one with the demo plan)"))
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--demo", action="store_true", help=_("fill it with the demo plan"))
    new.set_defaults(handler=_new)

    check = commands.add_parser("check", help=_("show a plan file's schema, integrity and record counts"))
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(handler=_check)

    timeline = commands.add_parser("timeline", help=_("show how timeline texts are read as dates"))
    timeline.add_argument("texts", nargs="+", metavar="TEXT")
    timeline.add_argument("--json", action="store_true", help=_("print a JSON list, one object per text"))
    timeline.set_defaults(handler=_timeline)
    return parser


COMMANDS = ("new", "check", "timeline")


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run one command; exit status 0 on success, 1 on a user error, 2 on bad arguments."""
    parser = build_parser()
    try:
        arguments = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler: Command = arguments.handler
    try:
        return handler(arguments, out, err)
    except DomainError as error:
        err.write(f"dxplanner: {error.message}\n")
        return EXIT_USER_ERROR


def _new(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    path: Path = arguments.file
    if arguments.demo:
        from dxplanner.store.demo import load_demo

        create_plan_file(path, fill=load_demo)
    else:
        create_plan_file(path)
    out.write(_("Created {path}").format(path=path) + "\n")
    return EXIT_OK


def _check(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path: Path = arguments.file
    header = read_header(path)
    age = {
        SchemaAge.CURRENT: _("current"),
        SchemaAge.OLDER: _("older: it will be upgraded when opened"),
        SchemaAge.NEWER: _("newer than this dxplanner ({known}): read-only").format(known=SCHEMA_VERSION),
    }[header.age]
    out.write(f"file: {path}\n")
    if header.age is SchemaAge.OLDER:
        out.write(f"schema: {header.schema_version} ({age})\n")
        return EXIT_OK
    store = open_plan_file(path, read_only=True)
    try:
        with store.read() as session:
            revision = stored_revision(session.connection())
            out.write(f"schema: {header.schema_version} (revision {revision}, {age})\n")
            problems = queries.integrity_problems(session)
            out.write("integrity: " + ("ok" if not problems else "; ".join(problems)) + "\n")
            for name, number in queries.record_counts(session).items():
                out.write(f"{name}: {number}\n")
    finally:
        store.close()
    if problems:
        err.write(
            "dxplanner: "
            + _("{count} integrity problems found in {name}.").format(count=len(problems), name=path.name)
            + "\n"
        )
        return EXIT_USER_ERROR
    return EXIT_OK


def _timeline(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.core.timeline import parse_timeline

    readings = [parse_timeline(text) for text in arguments.texts]
    if arguments.json:
        rows = [
            {
                "text": reading.text,
                "start": reading.start.isoformat() if reading.start else None,
                "end": reading.end.isoformat() if reading.end else None,
                "kind": reading.kind.value,
                "ok": reading.ok,
            }
            for reading in readings
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for reading in readings:
        start = reading.start.strftime("%d/%m/%Y") if reading.start else "…"
        end = reading.end.strftime("%d/%m/%Y") if reading.end else "…"
        period = f"{start} – {end}" if reading.start or reading.end else _("no fixed dates")
        meaning = f"{period} ({timeline_kind_label(reading.kind)})" if reading.ok else _("not understood")
        out.write(f"{reading.text}: {meaning}\n")
    return EXIT_OK
