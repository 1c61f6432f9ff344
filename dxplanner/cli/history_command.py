"""`dxplanner history URL`: who changed what and when on a shared plan, as text, JSON or a workbook."""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.i18n import _
from dxplanner.locations import location

if TYPE_CHECKING:
    from dxplanner.services.history import HistoryEntry

EXIT_OK = 0


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date in the form YYYY-MM-DD: {text}").format(text=text)
        ) from None


def add_history_command(commands: Any) -> None:
    """Add `history` to the parser's commands."""
    command = commands.add_parser(
        "history", help=_("who changed what and when on a plan shared on a PostgreSQL server")
    )
    command.add_argument("plan", type=location, metavar="URL", help=_("the postgresql:// URL of the plan"))
    command.add_argument("--task", metavar="CODE", help=_("only the changes of the task with this number"))
    command.add_argument(
        "--since", type=_iso_date, metavar="DATE", help=_("only the changes from this day on (YYYY-MM-DD)")
    )
    shape = command.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help=_("print the history as JSON"))
    shape.add_argument("--out", type=Path, metavar="FILE", help=_("write the history to an Excel workbook"))
    command.set_defaults(handler=_history)


def _history(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dxplanner.services import history  # with the store, only when the command runs

    plan = open_for_command(arguments.plan, err, read_only=True)
    try:
        entries = history.read_history(plan, task_code=arguments.task, since=arguments.since)
    finally:
        plan.close()
    if arguments.out is not None:
        lines = history.write_history_workbook(entries, arguments.out)
        out.write(
            _("Wrote {count} lines of history to {path}.").format(count=lines, path=arguments.out) + "\n"
        )
    elif arguments.json:
        out.write(json.dumps([_said(entry) for entry in entries], ensure_ascii=False, indent=1) + "\n")
    else:
        if not entries:
            out.write(_("No change is recorded.") + "\n")
        for entry in entries:
            when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            out.write(f"{when}  {entry.who}  {entry.action_words}: {entry.record}\n")
            for change in entry.fields:
                out.write(
                    f"    {change.label}: {history.shown(change.before)} → {history.shown(change.after)}\n"
                )
    return EXIT_OK


def _said(entry: HistoryEntry) -> dict[str, object]:
    return {
        "at": entry.at.isoformat(),
        "who": entry.who,
        "action": entry.action,
        "table": entry.table,
        "record": entry.record,
        "task_id": entry.task_id,
        "fields": [
            {"field": change.field, "label": change.label, "before": change.before, "after": change.after}
            for change in entry.fields
        ],
    }
