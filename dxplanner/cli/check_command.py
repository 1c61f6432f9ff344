"""`dxplanner check`: a plan file's schema, what is wrong with it, and how many records it holds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.file_header import SCHEMA_VERSION, SchemaAge, read_header
from dxplanner.store.migrate import stored_revision
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.soundness import SHOWN, file_problems

EXIT_OK, EXIT_USER_ERROR = 0, 1


def check_file(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the file's schema, its problems and its counts; exit 1 when it has problems."""
    path: Path = arguments.file
    header = read_header(path)
    age = {
        SchemaAge.CURRENT: _("current"),
        SchemaAge.OLDER: _("older: it will be upgraded when opened"),
        SchemaAge.NEWER: _("newer than this dxplanner ({known}): read-only").format(known=SCHEMA_VERSION),
    }[header.age]
    found: dict[str, object] = {
        "file": str(path),
        "schema": {"version": header.schema_version, "age": header.age.value},
    }
    problems: list[str] = []
    if header.age is not SchemaAge.OLDER:  # an older file is read only once upgraded
        store = open_plan_file(path, read_only=True)
        try:
            with store.read() as session:
                revision = stored_revision(session.connection())
                problems = file_problems(session.connection())
                counts = _counts(session)
        finally:
            store.close()
        found["schema"] = {"version": header.schema_version, "revision": revision, "age": header.age.value}
        found["problems"] = problems
        found["counts"] = counts
    if arguments.json:
        out.write(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
    else:
        _print(found, age, out)
    if problems:
        err.write(
            "dxplanner: "
            + _("{name} is damaged: problems found: {count} (listed above).").format(
                count=len(problems), name=path.name
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


def _print(found: dict[str, object], age: str, out: TextIO) -> None:
    """The check as lines of `label: value`, in the user's language."""
    schema = found["schema"]
    assert isinstance(schema, dict)
    out.write(f"{_('file')}: {found['file']}\n")
    if "revision" not in schema:
        out.write(f"{_('schema')}: {schema['version']} ({age})\n")
        return
    out.write(
        f"{_('schema')}: "
        + _("{version} (revision {revision}, {age})").format(
            version=schema["version"], revision=schema["revision"], age=age
        )
        + "\n"
    )
    problems = found["problems"]
    assert isinstance(problems, list)
    if not problems:
        out.write(f"{_('integrity')}: {_('ok')}\n")
    else:
        out.write(f"{_('integrity')}: " + _("problems found: {count}").format(count=len(problems)) + "\n")
        for problem in problems[:SHOWN]:
            out.write(f"  {problem}\n")
        if len(problems) > SHOWN:
            out.write("  " + _("… and {count} more").format(count=len(problems) - SHOWN) + "\n")
    counts = found["counts"]
    assert isinstance(counts, dict)
    for name, number in counts.items():
        out.write(f"{_(name)}: {number}\n")
