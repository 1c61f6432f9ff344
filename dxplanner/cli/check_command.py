"""`dxplanner check`: a plan file's schema, what is wrong with it, and how many records it holds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.i18n import _
from dxplanner.services.files import SCHEMA_VERSION, SHOWN, FileCheck, PlanLocation, SchemaAge
from dxplanner.services.files import check_file as checked_file

EXIT_OK, EXIT_USER_ERROR = 0, 1


def check_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the file's schema, its problems and its counts; exit 1 when it has problems."""
    path: PlanLocation = arguments.file
    checked = checked_file(path, lambda where: open_for_command(where, err, read_only=True))
    if arguments.json:
        out.write(json.dumps(_as_json(checked), ensure_ascii=False, indent=1) + "\n")
    else:
        _print(checked, out)
    if checked.problems:
        err.write(
            "dxplanner: "
            + _("{name} is damaged: problems found: {count} (listed above).").format(
                count=len(checked.problems), name=path.name if isinstance(path, Path) else path
            )
            + "\n"
        )
        return EXIT_USER_ERROR
    return EXIT_OK


def _as_json(checked: FileCheck) -> dict[str, object]:
    """The check, with keys that do not change with the user's language."""
    schema: dict[str, object] = {"version": checked.version, "age": checked.age.value}
    if checked.revision is None:
        return {"file": str(checked.file), "schema": schema}
    schema["revision"] = checked.revision
    return {
        "file": str(checked.file),
        "schema": schema,
        "problems": list(checked.problems),
        "counts": checked.counts,
    }


def _print(checked: FileCheck, out: TextIO) -> None:
    """The check as lines of `label: value`, in the user's language."""
    age = {
        SchemaAge.CURRENT: _("current"),
        SchemaAge.OLDER: _("older: it will be upgraded when opened"),
        SchemaAge.NEWER: _("newer than this dxplanner ({known}): read-only").format(known=SCHEMA_VERSION),
    }[checked.age]
    out.write(f"{_('file')}: {checked.file}\n")
    if checked.revision is None:
        out.write(f"{_('schema')}: {checked.version} ({age})\n")
        return
    schema = _("{version} (revision {revision}, {age})").format(
        version=checked.version, revision=checked.revision, age=age
    )
    out.write(f"{_('schema')}: {schema}\n")
    problems = checked.problems
    if not problems:
        out.write(f"{_('integrity')}: {_('ok')}\n")
    else:
        out.write(f"{_('integrity')}: " + _("problems found: {count}").format(count=len(problems)) + "\n")
        for problem in problems[:SHOWN]:
            out.write(f"  {problem}\n")
        if len(problems) > SHOWN:
            out.write("  " + _("… and {count} more").format(count=len(problems) - SHOWN) + "\n")
    for name, number in checked.counts.items():
        out.write(f"{_(name)}: {number}\n")
