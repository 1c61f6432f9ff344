"""A table read ahead by a child process is the table read here, and a refusal is the same refusal."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from dxplanner.cli import EXIT_OK, run
from dxplanner.core.errors import InvalidInputError
from dxplanner.services import read_ahead
from dxplanner.services.read_ahead import ReadAhead
from dxplanner.services.table_reading import Progress, ReadRequest, read_table
from tests.unit import excel_samples as samples


@contextlib.contextmanager
def _no_progress() -> Iterator[Progress]:
    yield lambda _done, _expected: True


@pytest.fixture(autouse=True)
def _a_core_to_spare(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's load (other tests, other programs) does not decide whether these tests fork."""
    monkeypatch.setattr(read_ahead, "_core_to_spare", lambda: True)


def _ahead(request: ReadRequest) -> ReadAhead:
    ahead = ReadAhead.start(request, _no_progress)
    assert ahead is not None  # one thread and a core to spare: the child reads
    return ahead


def test_no_child_is_forked_without_a_core_to_spare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "_core_to_spare", lambda: False)
    assert ReadAhead.start(ReadRequest(tmp_path / "plan.xlsx"), _no_progress) is None


def test_the_table_read_ahead_is_the_table_read_here(tmp_path: Path) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    request = ReadRequest(sample.path)
    assert _ahead(request).take() == read_table(request)


def test_a_workbook_that_cannot_be_read_is_refused_with_the_same_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InvalidInputError) as here:
        read_table(ReadRequest(path))
    with pytest.raises(InvalidInputError) as ahead:
        _ahead(ReadRequest(path)).take()
    assert str(ahead.value) == str(here.value)


def test_our_data_workbook_is_left_to_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    book = Workbook()
    book.create_sheet("dxplanner")  # the sheet that marks our data workbook
    book.save(path)
    assert _ahead(ReadRequest(path)).take() is None


def test_a_failure_that_is_no_refusal_is_left_to_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_request: ReadRequest, _progress: Progress | None = None) -> None:
        raise RuntimeError("a bug, not the user's file")

    monkeypatch.setattr(read_ahead, "read_unless_data_workbook", broken)
    sample = samples.build_decision_appendix(tmp_path)
    assert _ahead(ReadRequest(sample.path)).take() is None


def test_a_child_not_taken_is_stopped(tmp_path: Path) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    ahead = _ahead(ReadRequest(sample.path))
    ahead.close()
    ahead.close()  # once is enough; again does nothing


def _rows(plan: Path) -> list[object]:
    with contextlib.closing(sqlite3.connect(plan)) as connection:
        return [
            connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("unit", "action_plan", "task", "task_unit", "budget_line")
        ]


def test_the_command_writes_the_same_plan_whether_it_read_ahead_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    taken: list[object] = []
    original = ReadAhead.take

    def spy(self: ReadAhead) -> object:
        taken.append(original(self))
        return taken[-1]

    monkeypatch.setattr(ReadAhead, "take", spy)
    outs = []
    for name, err in (("here", io.StringIO()), ("ahead", (tmp_path / "err.txt").open("w", encoding="utf-8"))):
        out = io.StringIO()
        with err:
            status = run(["import", str(sample.path), "--into", str(tmp_path / f"{name}.dxplan")], out, err)
        assert status == EXIT_OK
        outs.append(out.getvalue().replace(name, "?"))
    assert taken and taken[0] is not None  # the second, with a real stream, was read ahead
    assert outs[0] == outs[1]
    assert (tmp_path / "err.txt").read_text(encoding="utf-8") == ""
    assert _rows(tmp_path / "here.dxplan") == _rows(tmp_path / "ahead.dxplan")
