"""The headless commands, run in-process: output, exit status, and one clear line on errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dxplanner.cli import EXIT_BAD_ARGUMENTS, EXIT_OK, EXIT_USER_ERROR
from dxplanner.i18n import set_language
from dxplanner.store.file_header import SCHEMA_VERSION
from dxplanner.store.migrate import HEAD_REVISION
from tests.conftest import run_cli as _run


def _counts(output: str) -> dict[str, int]:
    counts = {}
    for line in output.splitlines():
        name, _sep, value = line.partition(": ")
        if value.isdigit():
            counts[name] = int(value)
    return counts


def test_new_creates_an_empty_plan_that_check_describes(tmp_path: Path) -> None:
    target = tmp_path / "x.dxplan"
    status, out, err = _run("new", str(target))
    assert (status, err) == (EXIT_OK, "")
    assert target.exists() and str(target) in out

    status, out, err = _run("check", str(target))
    assert (status, err) == (EXIT_OK, "")
    assert f"schema: {SCHEMA_VERSION} (revision {HEAD_REVISION}, current)" in out
    assert "integrity: ok" in out
    counts = _counts(out)
    assert counts["units"] == 0 and counts["tasks"] == 0
    assert {"units", "strategies", "plans", "tasks", "indicators", "risks"} <= counts.keys()


def test_new_with_the_demo_plan_counts_its_records(tmp_path: Path) -> None:
    target = tmp_path / "demo.dxplan"
    assert _run("new", str(target), "--demo")[0] == EXIT_OK
    status, out, _err = _run("check", str(target))
    counts = _counts(out)
    assert status == EXIT_OK
    assert counts["strategies"] >= 1 and counts["plans"] >= 5
    assert counts["tasks"] >= 300 and counts["indicators"] >= 10 and counts["units"] >= 20


def test_new_refuses_an_existing_file(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    status, out, err = _run("new", str(plan_path))
    assert status == EXIT_USER_ERROR and out == ""
    assert err == f"dxplanner: {plan_path} already exists; choose another name.\n"
    assert plan_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"Nhiem vu;Don vi\n", "is not a dxplanner plan file (it is not an SQLite database)"),
        ("foreign", "is an SQLite database of another program"),
    ],
    ids=["missing", "not sqlite", "foreign sqlite"],
)
def test_check_refuses_what_is_not_a_plan_file(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "thing.dxplan"
    if content == "foreign":
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE t (x)")
        connection.close()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    status, _out, err = _run("check", str(path))
    assert status == EXIT_USER_ERROR
    assert message in err
    assert err.count("\n") == 1 and err.startswith("dxplanner: ")
    assert "Traceback" not in err


def test_check_reports_a_newer_file_without_changing_it(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    connection.commit()
    connection.close()
    before = plan_path.read_bytes()
    status, out, _err = _run("check", str(plan_path))
    assert status == EXIT_OK
    newer = f"newer than this dxplanner ({SCHEMA_VERSION}): read-only"
    assert f"schema: {SCHEMA_VERSION + 3} (revision {HEAD_REVISION}, {newer})" in out
    assert plan_path.read_bytes() == before


def test_errors_come_in_the_users_language(tmp_path: Path) -> None:
    set_language("vi")
    status, _out, err = _run("check", str(tmp_path / "khong-co.dxplan"))
    assert status == EXIT_USER_ERROR
    assert "không tồn tại" in err


@pytest.mark.parametrize(
    "argv", [[], ["check"], ["new"], ["check", "a", "b"], ["frobnicate"], ["new", "x", "--colour"]]
)
def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(*argv)[0] == EXIT_BAD_ARGUMENTS
    assert "usage:" in capsys.readouterr().err


def test_check_reports_broken_references(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("INSERT INTO unit (code, name, kind, parent_id) VALUES ('X', 'Mồ côi', 'other', 999)")
    connection.commit()
    connection.close()
    status, out, err = _run("check", str(plan_path))
    assert status == EXIT_USER_ERROR
    assert "  unit #1 “Mồ côi” refers to a unit that does not exist (parent_id = 999)\n" in out
    assert err == "dxplanner: plan.dxplan is damaged: problems found: 1 (listed above).\n"


def test_timeline_prints_how_each_text_is_read() -> None:
    status, out, _err = _run(
        "timeline", "Quý II/2025", "trước ngày 30/6/2025", "Hằng năm", "Theo tiến độ dự án"
    )
    assert status == EXIT_OK
    assert out.splitlines() == [
        "Quý II/2025: 01/04/2025 – 30/06/2025 (quarter)",
        "trước ngày 30/6/2025: … – 30/06/2025 (deadline)",
        "Hằng năm: no fixed dates (recurring)",
        "Theo tiến độ dự án: not understood",
    ]


def test_timeline_as_json_has_one_object_per_text() -> None:
    status, out, _err = _run("timeline", "--json", "Quý II/2025", "từ ngày 01/6/2022", "???")
    assert status == EXIT_OK
    assert json.loads(out) == [
        {"text": "Quý II/2025", "start": "2025-04-01", "end": "2025-06-30", "kind": "quarter", "ok": True},
        {"text": "từ ngày 01/6/2022", "start": "2022-06-01", "end": None, "kind": "from", "ok": True},
        {"text": "???", "start": None, "end": None, "kind": "unknown", "ok": False},
    ]


def test_timeline_speaks_vietnamese() -> None:
    set_language("vi")
    assert _run("timeline", "Quý II/2025")[1] == "Quý II/2025: 01/04/2025 – 30/06/2025 (quý)\n"
