"""`dxplanner check`: a plan file's schema, what is wrong with it, and how many records it holds."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from dxplanner.cli.opening import open_for_command
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.file_header import SCHEMA_VERSION, SchemaAge, read_header
from dxplanner.store.migrate import stored_revision
from dxplanner.store.soundness import SHOWN, file_problems

EXIT_OK, EXIT_USER_ERROR = 0, 1


@dataclass
class _Checked:
    """What check found; an older file is only described, since it is read once upgraded."""

    file: Path
    version: int
    age: SchemaAge
    revision: str | None = None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        """The same, with keys that do not change with the user's language."""
        schema: dict[str, object] = {"version": self.version, "age": self.age.value}
        if self.revision is None:
            return {"file": str(self.file), "schema": schema}
        schema["revision"] = self.revision
        return {"file": str(self.file), "schema": schema, "problems": self.problems, "counts": self.counts}


def check_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the file's schema, its problems and its counts; exit 1 when it has problems."""
    path: Path = arguments.file
    header = read_header(path)
    checked = _Checked(path, header.schema_version, header.age)
    if header.age is not SchemaAge.OLDER:
        store = open_for_command(path, err, read_only=True)
        try:
            with store.read() as session:
                checked.revision = stored_revision(session.connection())
                checked.problems = file_problems(session.connection())
                checked.counts = _counts(session)
        finally:
            store.close()
    if arguments.json:
        out.write(json.dumps(checked.as_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        _print(checked, out)
    if checked.problems:
        err.write(
            "dxplanner: "
            + _("{name} is damaged: problems found: {count} (listed above).").format(
                count=len(checked.problems), name=path.name
            )
            + "\n"
        )
        return EXIT_USER_ERROR
    return EXIT_OK


def _counts(session: Session) -> dict[str, int]:
    """How many records of each kind the file holds, leaving out the tables it has lost."""
    present = set(sa.inspect(session.connection()).get_table_names())
    return {
        name: int(session.exec(select(func.count()).select_from(model)).one())
        for name, model in queries.COUNTED
        if str(model.__tablename__) in present
    }


def _print(checked: _Checked, out: TextIO) -> None:
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
