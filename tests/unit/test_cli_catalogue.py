"""`dxplanner import XLSX --into FILE --kind procedures|systems [--dry-run] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

from dxplanner.services import estate
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.conftest import run_cli as _run
from tests.conftest import snapshot
from tests.unit import catalogue_samples as samples


def _services(path: Path) -> list[estate.PublicServiceRecord]:
    store = open_plan_file(path)
    try:
        return estate.public_services(store)
    finally:
        store.close()


def test_a_dry_run_says_what_would_be_new_and_writes_nothing(tmp_path: Path) -> None:
    plan = create_plan_file(tmp_path / "plan.dxplan")
    workbook = samples.procedures(tmp_path)
    status, out, err = _run("import", str(workbook), "--into", str(plan), "--kind", "procedures", "--dry-run")
    assert (status, err) == (0, "")
    assert (
        out == "Would import 4 procedures from the sheet “Danh mục”: 4 new, 0 updated; nothing was written.\n"
    )
    assert _services(plan) == []


def test_importing_twice_adds_then_updates(tmp_path: Path) -> None:
    plan = tmp_path / "new.dxplan"  # made by the import
    workbook = samples.procedures(tmp_path)
    status, out, _err = _run("import", str(workbook), "--into", str(plan), "--kind", "procedures")
    assert status == 0
    assert out.endswith("4 new, 0 updated (2 new units).\n")
    status, out, _err = _run("import", str(workbook), "--into", str(plan), "--kind", "procedures")
    assert status == 0
    assert out.endswith("0 new, 4 updated (0 new units).\n")
    assert len(_services(plan)) == 4


def test_json_lists_the_systems_read_and_the_counts_with_stable_keys(tmp_path: Path) -> None:
    plan = create_plan_file(tmp_path / "plan.dxplan")
    workbook = samples.systems(tmp_path)
    status, out, err = _run(
        "import", str(workbook), "--into", str(plan), "--kind", "systems", "--dry-run", "--json"
    )
    assert (status, err) == (0, "")
    said = json.loads(out)
    assert list(said) == ["systems", "errors", "warnings", "summary"]
    assert said["systems"][2]["security_level"] == 2
    assert said["systems"][2]["hosting"] == "own_server_room"
    assert (said["summary"]["new"], said["summary"]["updated"]) == (4, 0)


def test_bad_rows_are_refused_with_their_row_numbers_and_nothing_is_written(tmp_path: Path) -> None:
    plan = create_plan_file(tmp_path / "plan.dxplan")
    rows = samples.systems_rows()
    rows[5][6] = "cao"
    store = open_plan_file(plan)
    before = snapshot(store)
    store.close()
    status, out, err = _run(
        "import", str(samples.systems(tmp_path, rows)), "--into", str(plan), "--kind", "systems"
    )
    assert (status, out) == (1, "")
    assert "Row 6, column G: “cao” is no level of information security" in err
    assert "Traceback" not in err
    store = open_plan_file(plan)
    try:
        assert snapshot(store) == before
    finally:
        store.close()


def test_without_a_kind_a_list_that_is_no_plan_table_is_read_as_the_catalogue_it_is(tmp_path: Path) -> None:
    plan = create_plan_file(tmp_path / "plan.dxplan")
    status, out, err = _run("import", str(samples.systems(tmp_path)), "--into", str(plan), "--dry-run")
    assert (status, err) == (0, "")
    assert out.startswith("Would import 4 information systems from the sheet “HTTT”")
    status, out, err = _run("import", str(samples.procedures(tmp_path)), "--into", str(plan), "--dry-run")
    assert (status, err) == (0, "")
    assert out.startswith("Would import 4 procedures from the sheet “Danh mục”")


def test_a_workbook_of_no_kind_keeps_the_plan_readers_refusal(tmp_path: Path) -> None:
    plan = create_plan_file(tmp_path / "plan.dxplan")
    rows: list[list[samples.Cell]] = [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn A", "01/01/1990"]]
    status, out, err = _run("import", str(samples.workbook(tmp_path, rows, [])), "--into", str(plan))
    assert (status, out) == (1, "")
    assert "No plan table was found in danh-muc.xlsx" in err
