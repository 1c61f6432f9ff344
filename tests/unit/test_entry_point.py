"""The process's entry point runs main and leaves what is left in memory to the process's exit."""

from __future__ import annotations

import gc
import tomllib
from pathlib import Path

import pytest

from dxplanner import app

ROOT = Path(__file__).resolve().parents[2]


def test_run_gives_mains_status_and_freezes_what_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "main", lambda: 3)
    left = [["a task's row"]]  # a list the collector tracks, as a command's objects
    assert any(each is left for each in gc.get_objects())
    try:
        assert app.run() == 3
        # The collections at exit skip frozen objects: a 10,000-task import's 0.2 s walk of them.
        assert not any(each is left for each in gc.get_objects())
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("script", ["main.py", "dxplanner/__main__.py"])
def test_every_way_of_starting_goes_through_run(script: str) -> None:
    text = (ROOT / script).read_text(encoding="utf-8")
    assert "sys.exit(run())" in text


def test_the_installed_command_goes_through_run() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["gui-scripts"]["dxplanner"] == "dxplanner.app:run"
