"""The headless commands: `dxplanner new`, `dxplanner check` (a stable, scriptable interface)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gc
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dxplanner import __version__
from dxplanner.cli.arguments import Parser, whole_number
from dxplanner.cli.opening import open_for_command, refuse_if_damaged
from dxplanner.cli.progress import TerminalProgress
from dxplanner.core.enums import TableKind
from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.i18n import _
from dxplanner.labels import timeline_kind_label
from dxplanner.locations import location
from dxplanner.services.charts import DASHBOARD_KINDS, GANTT

if TYPE_CHECKING:
    from dxplanner.core.gantt_bar import GanttChart
    from dxplanner.core.timeline import Timeline
    from dxplanner.services.read_ahead import ReadAhead
    from dxplanner.services.table_reading import ReadRequest

EXIT_OK, EXIT_USER_ERROR, EXIT_BAD_ARGUMENTS = 0, 1, 2
CHART_KINDS = [GANTT, *DASHBOARD_KINDS]

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    """The parser of every headless command."""
    # Imported here: the window's start asks only whether its first argument is a command (COMMANDS).
    from dxplanner.cli.collect_command import add_collect_command
    from dxplanner.cli.estate_command import add_estate_command
    from dxplanner.cli.forms_command import add_forms_command
    from dxplanner.cli.history_command import add_history_command
    from dxplanner.cli.map_command import add_map_command
    from dxplanner.cli.shared_commands import add_shared_commands

    parser = Parser(
        prog="dxplanner",
        description=_("Plan and follow digital-transformation strategies and action plans."),
    )
    parser.add_argument(
        "--version", action="version", version=f"dxplanner {__version__}", help=_("show the version and exit")
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help=_("create an empty plan file (or one with the demo plan)"))
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--demo", action="store_true", help=_("fill it with the demo plan"))
    new.set_defaults(handler=_new)

    check = commands.add_parser("check", help=_("show a plan file's schema, integrity and record counts"))
    check.add_argument("file", type=location, metavar="FILE")
    check.add_argument(
        "--json", action="store_true", help=_("print a JSON object whose keys do not depend on the language")
    )
    check.set_defaults(handler=_check)

    timeline = commands.add_parser("timeline", help=_("show how timeline texts are read as dates"))
    timeline.add_argument("texts", nargs="+", metavar="TEXT")
    timeline.add_argument("--json", action="store_true", help=_("print a JSON list, one object per text"))
    timeline.add_argument(
        "--plan-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=_("the plan's date, which deadlines such as “90 ngày kể từ ngày ban hành” count from"),
    )
    timeline.set_defaults(handler=_timeline)

    chart = commands.add_parser("chart", help=_("draw a chart of a plan as a PNG, SVG or PDF file"))
    chart.add_argument("file", type=location, metavar="FILE")
    chart.add_argument("--kind", choices=CHART_KINDS, default="gantt", help=_("the kind of chart"))
    chart.add_argument(
        "--out", type=Path, required=True, metavar="OUT", help=_("the file to write (.png, .svg or .pdf)")
    )
    chart.add_argument(
        "--plan",
        type=whole_number,
        metavar="ID",
        help=_("the action plan (by default the one running today)"),
    )
    chart.add_argument(
        "--strategy", type=whole_number, metavar="ID", help=_("all the action plans of a strategy together")
    )
    chart.add_argument(
        "--paper", choices=["a4", "a3"], default="a4", help=_("the paper of a PDF, in landscape")
    )
    chart.add_argument(
        "--as-of", type=_iso_date, metavar="YYYY-MM-DD", help=_("the day the chart is drawn for")
    )
    chart.add_argument(
        "--unit", type=whole_number, metavar="ID", help=_("only the tasks this unit and its sub-units lead")
    )
    chart.set_defaults(handler=_chart)

    bring = commands.add_parser("import", help=_("import an action plan table from an Excel workbook"))
    bring.add_argument("workbook", type=Path, metavar="XLSX")
    bring.add_argument(
        "--into", type=location, required=True, metavar="FILE", help=_("the plan file (created if missing)")
    )
    bring.add_argument(
        "--plan",
        type=whole_number,
        metavar="ID",
        help=_("add the tasks to this action plan (by default a new one)"),
    )
    bring.add_argument(
        "--strategy",
        type=whole_number,
        metavar="ID",
        help=_("add a table of indicators to this strategy (by default a new one)"),
    )
    bring.add_argument("--sheet", metavar="NAME", help=_("the sheet holding the table (by default found)"))
    bring.add_argument(
        "--kind",
        choices=[kind.value for kind in TableKind],
        help=_(
            "what the table lists: tasks or indicators (by default told by its headings), or a catalogue "
            "of the estate: procedures or systems"
        ),
    )
    bring.add_argument("--dry-run", action="store_true", help=_("show what would be imported; write nothing"))
    bring.add_argument("--json", action="store_true", help=_("print what was read as JSON"))
    bring.add_argument(
        "--plan-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=_("the plan's date, for deadlines counted from it (by default the one its title rows state)"),
    )
    bring.set_defaults(handler=_import)

    export = commands.add_parser("export", help=_("write every record of a plan file to an Excel workbook"))
    export.add_argument("file", type=location, metavar="FILE")
    export.add_argument("--out", type=Path, required=True, metavar="XLSX", help=_("the workbook to write"))
    export.set_defaults(handler=_export)

    report = commands.add_parser(
        "report",
        help=_("write the progress report of a plan (.xlsx, .docx or .pdf by the --out file's name)"),
    )
    report.add_argument("file", type=location, metavar="FILE")
    report.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="OUT",
        help=_("the report to write: .xlsx (Excel), .docx (Word, with the Excel appendix beside it) or .pdf"),
    )
    report.add_argument(
        "--plan", type=whole_number, metavar="ID", help=_("the action plan (by default the one running)")
    )
    report.add_argument(
        "--as-of", type=_iso_date, metavar="YYYY-MM-DD", help=_("the day the figures are for (today)")
    )
    report.add_argument(
        "--language", choices=["vi", "en"], default="vi", help=_("the report's language (vi)")
    )
    report.add_argument("--by-unit", action="store_true", help=_("add a sheet of tasks for each lead unit"))
    report.add_argument("--symbol", help=_("the document's symbol after its number (e.g. BC-UBND)"))
    report.add_argument(
        "--place", help=_("the place written before the date (by default the agency's province, else Hà Nội)")
    )
    report.add_argument(
        "--signer-title",
        help=_('the signer\'s title; a line break as \\n (e.g. "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC")'),
    )
    report.add_argument("--signer-name", help=_("the signer's full name"))
    report.add_argument(
        "--recipient",
        action="append",
        metavar="TEXT",
        help=_("a recipient under “Nơi nhận” (repeat for each)"),
    )
    report.set_defaults(handler=_report)
    add_shared_commands(commands)
    add_history_command(commands)
    add_estate_command(commands)
    add_map_command(commands, _iso_date)
    add_forms_command(commands, _iso_date)
    add_collect_command(commands)
    return parser


COMMANDS = (
    "new",
    "check",
    "timeline",
    "chart",
    "import",
    "export",
    "report",
    "server",
    "copy",
    "history",
    "estate",
    "map",
    "forms",
    "collect",
)

# Draws a chart into a file: (chart, out, paper "a4" or "a3") -> pages written. The window's
# painter does it, so the composition root (app.py) hands it in: this module knows no Qt.
DrawChart = Callable[["GanttChart", Path, str], int]


def run(argv: Sequence[str], out: TextIO, err: TextIO, draw_chart: DrawChart | None = None) -> int:
    """Run one command; exit status 0 on success, 1 on a user error, 2 on bad arguments."""
    parser = build_parser()
    try:
        arguments = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    arguments.draw_chart = draw_chart
    handler: Command = arguments.handler
    try:
        return handler(arguments, out, err)
    except DomainError as error:
        err.write(f"dxplanner: {error.message}\n")
        return EXIT_USER_ERROR


# The commands' modules that load the store, Excel or charts are imported by the command that
# runs, never by the parser: `dxplanner --help` and `timeline` start without them.


def _check(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dxplanner.cli.check_command import check_file

    return check_file(arguments, out, err)


def _export(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dxplanner.cli.data_commands import export_file

    return export_file(arguments, out, err)


def _report(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dxplanner.cli.data_commands import report_file

    return report_file(arguments, out, err)


def _new(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.files import create_plan

    path: Path = arguments.file
    create_plan(path, with_demo=arguments.demo)
    out.write(_("Created {path}").format(path=path) + "\n")
    return EXIT_OK


def _timeline(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.core.timeline import parse_timeline

    readings = [parse_timeline(text, arguments.plan_date) for text in arguments.texts]
    if arguments.json:
        rows = [_timeline_json(reading) for reading in readings]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for reading in readings:
        start = reading.start.strftime("%d/%m/%Y") if reading.start else "…"
        end = reading.end.strftime("%d/%m/%Y") if reading.end else "…"
        period = f"{start} – {end}" if reading.start or reading.end else _("no fixed dates")
        meaning = f"{period} ({timeline_kind_label(reading.kind)})" if reading.ok else _("not understood")
        if reading.remark:
            meaning += " — " + _("remark: {text}").format(text=reading.remark)
        out.write(f"{reading.text}: {meaning}\n")
    return EXIT_OK


def _timeline_json(reading: Timeline) -> dict[str, object]:
    """One reading as `timeline --json` prints it; what only some readings have is left out of the others."""
    said: dict[str, object] = {
        "text": reading.text,
        "start": reading.start.isoformat() if reading.start else None,
        "end": reading.end.isoformat() if reading.end else None,
        "kind": reading.kind.value,
        "ok": reading.ok,
    }
    if reading.guesses:
        said["guesses"] = [guess.value for guess in reading.guesses]
    if reading.remark:
        said["remark"] = reading.remark
    if reading.after:
        said["after"] = {"count": reading.after.count, "unit": reading.after.unit}
    return said


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date in the form YYYY-MM-DD: {text}").format(text=text)
        ) from None


def _chart(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dxplanner.services import charts

    if arguments.kind != charts.GANTT:
        return _dashboard_chart(arguments, out, err)
    if arguments.plan is not None and arguments.strategy is not None:
        err.write("dxplanner: " + _("give either --plan or --strategy, not both.") + "\n")
        return EXIT_BAD_ARGUMENTS
    draw: DrawChart | None = arguments.draw_chart
    if draw is None:
        raise InvalidInputError(_("Charts cannot be drawn here."))
    today = arguments.as_of or datetime.date.today()
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        chart = charts.gantt_chart(store, today, plan_id=arguments.plan, strategy_id=arguments.strategy)
    finally:
        store.close()
    pages = draw(chart, arguments.out, arguments.paper)
    one_page, pages_text = _("Wrote {path}: {rows} rows."), _("Wrote {path}: {rows} rows on {pages} pages.")
    done = one_page if pages == 1 else pages_text
    out.write(done.format(path=arguments.out, rows=len(chart.bars), pages=pages) + "\n")
    return EXIT_OK


def _dashboard_chart(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One of the dashboard's charts, drawn by matplotlib (no Qt needed)."""
    from dxplanner.services import charts

    today = arguments.as_of or datetime.date.today()
    store = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(store)
        figure = charts.dashboard_chart(
            store,
            arguments.kind,
            today,
            plan_id=arguments.plan,
            strategy_id=arguments.strategy,
            unit_id=arguments.unit,
        )
    finally:
        store.close()
    charts.save_chart(figure, arguments.out)
    out.write(_("Wrote {path}.").format(path=arguments.out) + "\n")
    return EXIT_OK


def _import(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read a workbook with the importer that recognises it and write it into a plan file (or --dry-run)."""
    from dxplanner.services.read_ahead import ReadAhead
    from dxplanner.services.table_reading import ReadRequest

    workbook: Path = arguments.workbook
    request = ReadRequest(
        workbook,
        sheet=arguments.sheet,
        plan_date=arguments.plan_date,
        kind=TableKind(arguments.kind) if arguments.kind else None,
    )
    doing = _("Reading {name}").format(name=workbook.name)
    # Read by a child process while this one loads the store (half a second each, on two cores);
    # only where the child's progress reaches the same terminal: a stream of its own would not.
    ahead = ReadAhead.start(request, lambda: TerminalProgress(err, doing)) if _has_descriptor(err) else None
    try:
        return _import_read(arguments, out, err, request, ahead)
    finally:
        if ahead is not None:
            ahead.close()


def _has_descriptor(stream: TextIO) -> bool:
    """Whether the stream writes to a file descriptor (which a forked child shares)."""
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both of the last two
        return False
    return True


def _import_read(
    arguments: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    request: ReadRequest,
    ahead: ReadAhead | None,
) -> int:
    """The import, once the reading is under way (ahead) or not begun (no ahead: it is read here)."""
    from dxplanner.collector import collector_paused

    # Loading the store's tables and SQLAlchemy makes some hundred thousand objects and no garbage:
    # the collector walked them again and again as they came, a fifth of the loading's CPU time.
    with collector_paused():
        from dxplanner.services import importing

    # The modules just loaded (the store's tables, SQLAlchemy) stay as long as the command runs:
    # out of the collector's sight, the reading's many small objects are collected without walking
    # them again and again (7% of the command's time). Given back after, for a caller that goes on.
    gc.freeze()
    try:
        workbook: Path = arguments.workbook
        destination = importing.Destination(plan_id=arguments.plan, strategy_id=arguments.strategy)
        read = ahead.take() if ahead is not None else None
        if read is not None:
            imported = importing.read_workbook(request, destination, already_read=read)
        else:
            with TerminalProgress(err, _("Reading {name}").format(name=workbook.name)) as progress:
                imported = importing.read_workbook(request, destination, progress)
        importer = importing.importer_of(imported)
        destination = dataclasses.replace(destination, name=importing.default_name(imported, workbook))
        result = importing.import_into_file(
            arguments.into,
            imported,
            destination,
            dry_run=arguments.dry_run,
            open_existing=lambda path, only_look: open_for_command(
                path, err, read_only=only_look, to_write=not only_look
            ),
        )
        if arguments.json:
            out.write(json.dumps(importer.as_json(imported), ensure_ascii=False, indent=1) + "\n")
        problems = importer.problems(imported)
        if problems:
            if not arguments.json:
                raise InvalidInputError(importing.problems_message(problems))
            return EXIT_USER_ERROR
        if arguments.json:
            return EXIT_OK
        for problem in importer.warnings(imported):
            warning = _("Warning, row {row}: {message}").format(row=problem.row, message=problem.message)
            out.write(warning + "\n")
        if result is None:
            out.write(importer.would_import(imported) + "\n")
        else:
            out.write(importer.imported(result, arguments.into) + "\n")
        return EXIT_OK
    finally:
        gc.unfreeze()
