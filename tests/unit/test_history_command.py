"""`dxplanner history URL`: who changed which record when, each field before and after; none on a file."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from dxplanner.cli import EXIT_OK, EXIT_USER_ERROR
from dxplanner.excel.history_writer import write_history
from dxplanner.i18n import set_language
from dxplanner.services import edits
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.server_store import open_server
from tests.conftest import run_cli as _run

D = datetime.date


@dataclass(frozen=True)
class Edited:
    """The demo plan on the server, one of its tasks renamed and reported on."""

    url: str
    task_id: int
    code: str
    name: str


@pytest.fixture
def edited(demo_server_url: str) -> Iterator[Edited]:
    store = open_server(demo_server_url)
    try:
        with store.read() as session:
            task_id, code, name = (
                session.connection()
                .execute(
                    sa.text("SELECT id, code, name FROM task WHERE code IS NOT NULL ORDER BY id LIMIT 1")
                )
                .one()
            )
        edits.update_task(store, task_id, name="Tên mới của nhiệm vụ", notes="=1+1")
        add_progress_report(store, task_id, as_of=D(2026, 6, 30), progress=40, remark="Đang làm")
    finally:
        store.close()
    yield Edited(demo_server_url, task_id, code, name)


def test_a_tasks_history_says_who_changed_which_fields_from_what_to_what(edited: Edited) -> None:
    status, out, err = _run("history", edited.url, "--task", edited.code)
    assert (status, err) == (EXIT_OK, "")
    lines = out.splitlines()
    renamed = next(
        number
        for number, line in enumerate(lines)
        if line.endswith(f"changed: task {edited.code} Tên mới của nhiệm vụ")
    )
    assert "  postgres  " in lines[renamed]
    assert sorted(lines[renamed + 1 : renamed + 3]) == [
        "    Notes: — → =1+1",
        f"    Task name: {edited.name} → Tên mới của nhiệm vụ",
    ]
    report = next(line for line in lines if "added: progress report of task" in line)
    assert report.endswith(f"{edited.code} Tên mới của nhiệm vụ")
    # Only that task's records: no other task's lines (the demo's loading is in the history too).
    assert all(f"task {edited.code} " in line for line in lines if not line.startswith("    "))


def test_the_history_as_json_names_the_record_and_each_field(edited: Edited) -> None:
    status, out, _err = _run("history", edited.url, "--task", edited.code, "--json")
    assert status == EXIT_OK
    said = json.loads(out)
    # The report moved the task's progress after: that is a change of its own.
    renamed = next(
        entry
        for entry in said
        if "name" in {field["field"] for field in entry["fields"]} and entry["action"] == "changed"
    )
    assert renamed["who"] == "postgres"
    assert renamed["task_id"] == edited.task_id
    assert {field["field"]: (field["before"], field["after"]) for field in renamed["fields"]} == {
        "name": (edited.name, "Tên mới của nhiệm vụ"),
        "notes": (None, "=1+1"),
    }
    # Each field by its stable name, and as the user knows it.
    assert {field["field"]: field["label"] for field in renamed["fields"]}["name"] == "Task name"
    assert datetime.datetime.fromisoformat(renamed["at"]).tzinfo is not None


def test_since_a_day_leaves_out_what_came_before(edited: Edited) -> None:
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    assert _run("history", edited.url, "--since", tomorrow) == (EXIT_OK, "No change is recorded.\n", "")
    status, out, _err = _run("history", edited.url, "--since", "2020-01-01", "--json")
    assert status == EXIT_OK and len(json.loads(out)) > 2


def test_the_history_goes_to_a_workbook_with_formulas_kept_as_text(edited: Edited, tmp_path: Path) -> None:
    workbook = tmp_path / "lich-su.xlsx"
    status, out, _err = _run("history", edited.url, "--task", edited.code, "--out", str(workbook))
    assert status == EXIT_OK
    assert out.startswith("Wrote ") and out.endswith(f"lines of history to {workbook}.\n")
    book = load_workbook(workbook)
    assert book.sheetnames == ["History"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("When", "Who", "Action", "Record", "Field", "Before", "After")
    assert ("Task name", edited.name, "Tên mới của nhiệm vụ") in [row[4:] for row in rows]
    assert ("Notes", "—", "=1+1") in [row[4:] for row in rows]  # text, not a formula
    assert isinstance(rows[1][0], datetime.datetime)
    assert int(out.split()[1]) == len(rows) - 1


def test_a_note_longer_than_a_cell_is_cut_in_the_history_workbook_as_excel_counts(tmp_path: Path) -> None:
    workbook = tmp_path / "history.xlsx"
    note = "Tiến độ " + "🚀" * 20_000  # 20,008 characters, 40,008 UTF-16 units
    when = datetime.datetime(2026, 6, 30, 9, 0)
    write_history(workbook, "History", ("When", "Field", "After"), [(when, "Notes", note)])
    rows = list(load_workbook(workbook).worksheets[0].iter_rows(values_only=True))
    shown = str(rows[1][2])
    assert len(shown.encode("utf-16-le")) // 2 <= 32_767 and shown.endswith("…")
    assert shown[:-1] == note[: len(shown) - 1]


def test_a_plan_file_keeps_no_history_and_says_so_once(demo_path: Path) -> None:
    status, out, err = _run("history", str(demo_path))
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == (
        f"dxplanner: {demo_path.name} is a plan file, and a file keeps no history of its changes: only a "
        "plan shared on a PostgreSQL server does.\n"
    )


def test_an_unknown_task_number_is_said_in_vietnamese(edited: Edited) -> None:
    set_language("vi")
    status, out, err = _run("history", edited.url, "--task", "99.99.99")
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == "dxplanner: Không có nhiệm vụ nào mang số 99.99.99, hiện nay hay trong lịch sử.\n"
