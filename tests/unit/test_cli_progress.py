"""Long reads and writes show how far they have come on a terminal, and print nothing anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dxplanner.cli import EXIT_OK, run
from tests.unit import excel_samples as samples


class Terminal(io.StringIO):
    """Standard error as a terminal shows it."""

    def isatty(self) -> bool:
        return True


def _run(err: io.StringIO, *argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.xlsx"
    samples.write_large_plan(path, tasks=2_000)
    return path


def _shown(err: str) -> list[str]:
    """What a terminal showed, line by line: each carriage return starts the line over."""
    return [piece.strip() for piece in err.split("\r") if piece.strip()]


@pytest.mark.parametrize(
    ("argv", "doing", "steps"),
    [
        (["import", "{plan}", "--into", "{tmp}/x.dxplan", "--dry-run"], "Reading large.xlsx", 4),
        (["export", "{demo}", "--out", "{tmp}/data.xlsx"], "Writing data.xlsx", 3),
        (["report", "{demo}", "--out", "{tmp}/report.xlsx"], "Writing report.xlsx", 0),  # too short
    ],
    ids=["import", "export", "report"],
)
def test_long_work_shows_its_progress_on_a_terminal_only(
    large_plan: Path, demo_path: Path, tmp_path: Path, argv: list[str], doing: str, steps: int
) -> None:
    arguments = [argument.format(plan=large_plan, tmp=tmp_path, demo=demo_path) for argument in argv]
    status, _out, err = _run(io.StringIO(), *arguments)
    assert (status, err) == (EXIT_OK, "")  # a pipe or a log file gets no progress

    status, out, err = _run(Terminal(), *arguments)
    assert status == EXIT_OK
    shown = _shown(err)
    assert shown[0] == f"{doing}…"
    assert all(line.startswith(f"{doing}: ") and line.endswith("%") for line in shown[1:])
    assert len(shown) - 1 >= steps
    assert err.endswith("\r")  # the line is wiped before the result is printed
    assert "\n" not in err and out.endswith(".\n")
