"""The composition root: read the arguments, then run a headless command or the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dxplanner import __version__, cli, collector
from dxplanner.cli.arguments import Parser
from dxplanner.core.errors import DomainError
from dxplanner.crash_log import log_unexpected
from dxplanner.i18n import _, set_language, system_language
from dxplanner.locations import PlanLocation, location
from dxplanner.paths import AppPaths

if TYPE_CHECKING:
    from dxplanner.core.gantt_bar import GanttChart


def run() -> int:
    """The process's entry (`dxplanner`, `python -m dxplanner`, `python main.py`): main, then the exit."""
    code = main()
    collector.leave_the_rest_to_exit()  # only the process's end follows: not for main's other callers
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Read the arguments and run the command or the window they ask for; the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(system_language())
    paths = AppPaths.for_user()
    try:
        if arguments and arguments[0] in cli.COMMANDS:
            return cli.run(arguments, sys.stdout, sys.stderr, draw_chart=_draw_chart)
        return _run_window(arguments, paths)
    except KeyboardInterrupt:
        return cli.EXIT_USER_ERROR
    except BrokenPipeError:
        # What reads our output stopped reading ("| head"): say nothing more, and let Python's
        # last flush at exit go nowhere rather than fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return cli.EXIT_USER_ERROR
    except Exception as error:  # the last guard: a message and a log, never a traceback
        sys.stderr.write(f"dxplanner: {log_unexpected(error, paths.log_file)}\n")
        return cli.EXIT_USER_ERROR


def _window_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="dxplanner",
        description=_("Open the dxplanner window, or run a command: {commands}.").format(
            commands=", ".join(cli.COMMANDS)
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"dxplanner {__version__}", help=_("show the version and exit")
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=location,
        metavar="FILE",
        help=_("the plan file to open, or the postgresql:// URL of a shared plan"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open a copy of the demo plan (a new one if yours was edited)")
    )
    return parser


def _run_window(arguments: list[str], paths: AppPaths) -> int:
    try:
        options = _window_parser().parse_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if options.demo and options.file is not None:
        sys.stderr.write("dxplanner: " + _("give either FILE or --demo, not both.") + "\n")
        return cli.EXIT_BAD_ARGUMENTS
    from dxplanner.services.files import read_header  # the store: loaded once a window is to open

    try:
        plan = _plan_to_open(options.file, options.demo, paths)
        # Say what is wrong with the file here, in one line, rather than in an empty window.
        if isinstance(plan, Path):
            read_header(plan)
    except DomainError as error:
        sys.stderr.write(f"dxplanner: {error.message}\n")
        return cli.EXIT_USER_ERROR
    if not _has_screen(os.environ):
        sys.stderr.write(
            "dxplanner: "
            + _(
                "No screen to show the window on. "
                "Run it in a desktop session, or set QT_QPA_PLATFORM=offscreen."
            )
            + "\n"
        )
        return cli.EXIT_USER_ERROR
    from dxplanner.ui.gui import run_gui

    collector.set_aside_loaded_code()  # the window's code is loaded, and no window or plan exists yet

    # Set by bench/startup.py: quit as soon as the window has painted its first tasks.
    quit_after_first_paint = os.environ.get("DXPLANNER_BENCH_FIRST_PAINT") == "1"
    status: int = run_gui(plan, paths, quit_after_first_paint=quit_after_first_paint)
    return status


def _has_screen(environ: Mapping[str, str]) -> bool:
    """Whether Qt can show a window here; without one it would abort the process."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def _plan_to_open(file: PlanLocation | None, demo: bool, paths: AppPaths) -> PlanLocation | None:
    """The file the window opens: the one named, an unedited demo copy, or None for the last one used."""
    if file is not None:
        return file
    if demo:
        from dxplanner.services.files import demo_copy

        return demo_copy(paths.data_dir)
    return None


def _draw_chart(chart: GanttChart, out: Path, paper: str) -> int:
    """Draw a chart into a file with the window's painter, on no screen at all."""
    # The offscreen platform draws without a display: `dxplanner chart` runs on servers too.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from dxplanner.ui.gantt.export import Paper, export_chart, painting_application

    with painting_application():
        return export_chart(chart, out, Paper[paper.upper()])
