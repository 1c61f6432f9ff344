"""An indicator table imported, exported as the data workbook and imported again: the two files' targets."""

from __future__ import annotations

import io
from pathlib import Path

from sqlmodel import select

from dxplanner import cli
from dxplanner.core.models import IndicatorTarget
from dxplanner.store.plan_file import open_plan_file

Target = tuple[object, ...]


def run_command(arguments: list[str]) -> tuple[int, str, str]:
    """Run a command line in this process: its status, what it printed and what it complained of."""
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(arguments, out, err)
    return status, out.getvalue(), err.getvalue()


def round_trip(table: Path, folder: Path) -> tuple[list[Target], list[Target]]:
    """The targets stored by importing table, and those stored again from the export of that file."""
    plan, exported, again = folder / "plan.dxplan", folder / "all.xlsx", folder / "again.dxplan"
    assert run_command(["import", str(table), "--into", str(plan)])[0] == 0
    assert run_command(["export", str(plan), "--out", str(exported)])[0] == 0
    status, _out, err = run_command(["import", str(exported), "--into", str(again)])
    assert status == 0, err
    return stored_targets(plan), stored_targets(again)


def stored_targets(path: Path) -> list[Target]:
    """Every target in a plan file: indicator, year, scope, figure, upper figure, comparison, text."""
    opened = open_plan_file(path)
    try:
        with opened.read() as session:
            rows = session.exec(select(IndicatorTarget)).all()
    finally:
        opened.close()
    return sorted((t.indicator_id, t.year, t.scope, t.value, t.upper, t.comparison, t.text) for t in rows)
