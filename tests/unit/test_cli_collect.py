"""`dxplanner collect FILE FORMS...`: each form accepted or refused with its reason, what is written per
task, --dry-run writing nothing, --json, and exit 1 when every form is refused."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import openpyxl

from dxplanner.excel import progress_form_layout as layout
from dxplanner.services.progress_forms import FormsChoice, write_forms
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import run_cli as _run
from tests.conftest import snapshot

NEW = FormsChoice(6, datetime.date(2026, 12, 31), datetime.date(2099, 1, 10))


def _forms_folder(demo_path: Path, folder: Path) -> list[Path]:
    store = open_plan_file(demo_path)
    try:
        written = write_forms(store, NEW, folder, datetime.datetime(2026, 12, 6, 14, 30))
    finally:
        store.close()
    first = written.forms[0].path
    book = openpyxl.load_workbook(first)
    book.worksheets[0].cell(layout.FIRST_ROW, layout.PROGRESS).value = 65
    book.save(first)
    return [form.path for form in written.forms]


def _snapshot_of(path: Path) -> dict[str, object]:
    store = open_plan_file(path, read_only=True)
    try:
        return dict(snapshot(store))
    finally:
        store.close()


def test_a_dry_run_says_what_would_be_written_and_writes_nothing(demo_path: Path, tmp_path: Path) -> None:
    forms = _forms_folder(demo_path, tmp_path / "forms")
    before = _snapshot_of(demo_path)
    status, out, err = _run("collect", str(demo_path), str(forms[0]), "--dry-run")
    assert (status, err) == (0, "")
    assert f"{forms[0].name}: accepted, from " in out
    assert "65%, In progress" in out
    assert "Dry run: 1 of 1 forms would be collected; nothing was written." in out
    assert _snapshot_of(demo_path) == before


def test_a_folder_is_collected_and_the_same_forms_again_are_refused_with_exit_1(
    demo_path: Path, tmp_path: Path
) -> None:
    forms = _forms_folder(demo_path, tmp_path / "forms")
    status, out, err = _run("collect", str(demo_path), str(tmp_path / "forms"), "--json")
    assert (status, err) == (0, "")
    said = json.loads(out)
    assert said["written"] is True
    assert [form["accepted"] for form in said["forms"]] == [True] * len(forms)
    written = [task for form in said["forms"] for task in form["tasks"] if task["written"]]
    assert [task["report"]["progress"] for task in written] == [65]
    after = _snapshot_of(demo_path)
    status, out, err = _run("collect", str(demo_path), str(forms[0]))
    assert status == 1
    assert f"{forms[0].name}: refused: already collected" in out
    assert _snapshot_of(demo_path) == after


def test_a_workbook_that_is_no_form_is_refused_by_name(demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "bang.xlsx"
    openpyxl.Workbook().save(other)
    status, out, _err = _run("collect", str(demo_path), str(other))
    assert status == 1 and "bang.xlsx: refused: not a progress form written by dxplanner" in out
    status, _out, err = _run("collect", str(demo_path), str(tmp_path / "missing.xlsx"))
    assert status == 1 and "missing.xlsx does not exist." in err
