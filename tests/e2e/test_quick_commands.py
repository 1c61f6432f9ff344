"""The commands that need no window and no plan file start without loading the store, Excel, charts or Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxplanner.cli import COMMANDS

pytestmark = pytest.mark.e2e

# What costs a start most and none of these commands needs: each is imported by the command that uses it.
HEAVY = (
    "PySide6",
    "alembic",
    "docx",
    "dxplanner.excel",
    "dxplanner.store",
    "matplotlib",
    "numpy",
    "openpyxl",
    "psycopg",
    "python_calamine",
    "sqlalchemy",
    "sqlmodel",
)


def _imported(arguments: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `python -m dxplanner ARGUMENTS` and the names of the modules it imported (from -X importtime)."""
    environment = dict(os.environ)
    environment.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        DXPLANNER_LANG="en",
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dxplanner", *arguments],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return result, modules


def _heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize(
    "arguments",
    [["--help"], ["--version"], *([command, "--help"] for command in COMMANDS)],
    ids=lambda arguments: " ".join(arguments),
)
def test_help_and_version_load_nothing_heavy(arguments: list[str], tmp_path: Path) -> None:
    result, modules = _imported(arguments, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "dxplanner" in result.stdout
    assert _heavy(modules) == []


def test_reading_a_timeline_loads_nothing_heavy(tmp_path: Path) -> None:
    result, modules = _imported(["timeline", "Quý II/2025", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"start": "2025-04-01"' in result.stdout
    assert _heavy(modules) == []


def test_a_bad_argument_says_so_without_loading_the_store(tmp_path: Path) -> None:
    result, modules = _imported(["chart", "plan.dxplan", "--kind", "pie", "--out", "x.png"], tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert _heavy(modules) == []
    assert not (tmp_path / "x.png").exists()
