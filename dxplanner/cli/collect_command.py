"""`dxplanner collect FILE FORMS... [--dry-run] [--json]`: returned progress forms into the plan."""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dxplanner.cli.opening import open_for_command, refuse_if_damaged
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.locations import location

if TYPE_CHECKING:
    from dxplanner.services.progress_collect import CollectPreview, FormPreview, RowPreview

EXIT_OK = 0
EXIT_ALL_REFUSED = 1


def add_collect_command(commands: Any) -> None:
    """Add `collect` to the commands."""
    command = commands.add_parser(
        "collect", help=_("collect returned progress forms into the plan, one step to undo")
    )
    command.add_argument("file", type=location, metavar="FILE")
    command.add_argument(
        "forms", type=Path, nargs="+", metavar="FORMS", help=_("the returned forms, or folders holding them")
    )
    command.add_argument(
        "--dry-run", action="store_true", help=_("show what would be written; write nothing")
    )
    command.add_argument("--json", action="store_true", help=_("print the outcome as JSON"))
    command.set_defaults(handler=collect_command)


def collect_command(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Classify each form, write the accepted ones (unless --dry-run) and say what was done."""
    from dxplanner.services.progress_collect import apply, form_paths, preview

    paths = form_paths(arguments.forms)
    if not paths:
        err.write("dxplanner: " + _("No .xlsx file was found among the forms named.") + "\n")
        return EXIT_ALL_REFUSED
    store = open_for_command(arguments.file, err, read_only=arguments.dry_run)
    try:
        refuse_if_damaged(store)
        found = preview(store, paths, datetime.date.today())
        written = False
        if found.any_accepted and not arguments.dry_run:
            apply(store, found, found.ticked)
            written = True
    finally:
        store.close()
    if arguments.json:
        out.write(json.dumps(_as_json(found, written), ensure_ascii=False, indent=1) + "\n")
    else:
        _print(found, written, arguments.dry_run, out)
    return EXIT_OK if found.any_accepted else EXIT_ALL_REFUSED


def _print(found: CollectPreview, written: bool, dry_run: bool, out: TextIO) -> None:
    for number, form in enumerate(found.forms):
        if not form.accepted:
            out.write(_("{file}: refused: {reason}").format(file=form.path.name, reason=form.reason) + "\n")
            continue
        said = _("{file}: accepted, from {unit}").format(file=form.path.name, unit=form.unit_name)
        if form.late:
            said += " " + _("(late: due {day})").format(day=_day(form.deadline))
        out.write(said + "\n")
        for problem in form.problems:
            out.write(f"  ! {problem}\n")
        for row in form.rows:
            out.write("  " + _row_text(row, (number, row.task_id) in found.ticked) + "\n")
    accepted = sum(form.accepted for form in found.forms)
    if dry_run:
        summary = _("Dry run: {accepted} of {count} forms would be collected; nothing was written.")
    elif written:
        summary = _("Collected {accepted} of {count} forms into the plan.")
    else:
        summary = _("No form was collected: each was refused.")
    out.write(summary.format(accepted=accepted, count=len(found.forms)) + "\n")


def _row_text(row: RowPreview, ticked: bool) -> str:
    task = f"{row.code} {row.name}".strip()
    if row.report is None or not ticked:
        why = _("edited outside the fill cells") if row.edited else _("not written")
        text = _("{task}: {why}").format(task=task, why=why)
    else:
        report = row.report
        text = _("{task}: {progress}%, {status}").format(
            task=task, progress=f"{report.progress:g}", status=label(report.status)
        )
        for what, value in (
            (_("result"), report.remark),
            (_("difficulty"), report.difficulty),
            (_("proposal"), report.proposal),
            (_("actual start"), _day(report.actual_start)),
            (_("actual finish"), _day(report.actual_end)),
        ):
            if value:
                text += f"; {what}: {value}"
    return text + "".join(f" — {note}" for note in row.notes)


def _form_json(number: int, form: FormPreview, ticked: frozenset[tuple[int, int]]) -> dict[str, object]:
    return {
        "file": str(form.path),
        "accepted": form.accepted,
        "refusal": form.refusal.value if form.refusal else None,
        "reason": form.reason or None,
        "unit_id": form.unit_id,
        "unit": form.unit_name or None,
        "as_of": form.as_of.isoformat() if form.as_of else None,
        "deadline": form.deadline.isoformat() if form.deadline else None,
        "late": form.late,
        "reporter": form.reporter,
        "problems": list(form.problems),
        "tasks": [
            {
                "task_id": row.task_id,
                "code": row.code,
                "written": (number, row.task_id) in ticked,
                "conflict": row.conflict,
                "edited": row.edited,
                "notes": list(row.notes),
                "report": None
                if row.report is None
                else {
                    "as_of": row.report.as_of.isoformat(),
                    "progress": row.report.progress,
                    "status": row.report.status.value,
                    "remark": row.report.remark,
                    "difficulty": row.report.difficulty,
                    "proposal": row.report.proposal,
                    "author": row.report.author,
                    "actual_start": _iso(row.report.actual_start),
                    "actual_end": _iso(row.report.actual_end),
                },
            }
            for row in form.rows
        ],
    }


def _as_json(found: CollectPreview, written: bool) -> dict[str, object]:
    """What `collect --json` prints (stable keys: scripts read them)."""
    return {
        "written": written,
        "forms": [_form_json(number, form, found.ticked) for number, form in enumerate(found.forms)],
    }


def _day(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None
