"""`dxplanner COMMAND …` runs the command, for every command the command line knows, never the window."""

from __future__ import annotations

import argparse

import pytest

from dxplanner import app, cli


def _commands_of_the_parser() -> set[str]:
    parser = cli.build_parser()
    [commands] = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return set(commands.choices)


def test_the_entry_point_knows_every_command_of_the_command_line() -> None:
    assert set(cli.COMMANDS) == _commands_of_the_parser()


def test_a_command_given_to_the_entry_point_runs_without_a_window(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_window(*_arguments: object) -> int:
        raise AssertionError("the window was opened for a command")

    monkeypatch.setattr(app, "_run_window", no_window)
    assert app.main(["history", "khong-co.dxplan"]) == cli.EXIT_USER_ERROR
    assert "khong-co.dxplan" in capsys.readouterr().err
