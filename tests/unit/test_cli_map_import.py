"""`dxplanner map FILE --import model.xml`: an architecture document written into a plan file's estate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from dxplanner.cli import EXIT_BAD_ARGUMENTS, EXIT_OK, EXIT_USER_ERROR
from dxplanner.core.models import System
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import run_cli as _run
from tests.conftest import snapshot

ARCHI_FILE = Path(__file__).resolve().parents[1] / "data" / "archimate" / "archi_province.xml"


def _system_names(path: Path) -> list[str]:
    store = open_plan_file(path)
    try:
        with store.read() as session:
            return sorted(session.exec(select(System.name)).all())
    finally:
        store.close()


def _snapshot(path: Path) -> dict[str, object]:
    store = open_plan_file(path)
    try:
        return dict(snapshot(store))
    finally:
        store.close()


def test_import_writes_the_files_estate_and_says_what_it_did(plan_path: Path) -> None:
    status, out, err = _run("map", str(plan_path), "--import", str(ARCHI_FILE))

    assert (status, err) == (EXIT_OK, "")
    assert out.startswith(f"Imported {ARCHI_FILE} into {plan_path}:\n")
    assert "  Systems: 6 new, 0 updated, 0 unchanged\n" in out
    assert "  Units: 0 found in the plan, 2 new\n" in out
    assert "Left out: " in out  # the Archi file holds concepts the estate has no place for
    assert len(_system_names(plan_path)) == 6


def test_a_dry_run_says_what_would_be_imported_and_writes_nothing(plan_path: Path) -> None:
    before = _snapshot(plan_path)

    status, out, err = _run("map", str(plan_path), "--import", str(ARCHI_FILE), "--dry-run")

    assert (status, err) == (EXIT_OK, "")
    assert out.startswith(f"Would import {ARCHI_FILE} into {plan_path} (nothing was written):\n")
    assert "  Systems: 6 new, 0 updated, 0 unchanged\n" in out
    assert _snapshot(plan_path) == before


def test_json_gives_the_counts_units_and_what_is_left_out(plan_path: Path) -> None:
    _run("map", str(plan_path), "--import", str(ARCHI_FILE))

    status, out, _err = _run("map", str(plan_path), "--import", str(ARCHI_FILE), "--dry-run", "--json")

    said = json.loads(out)
    assert status == EXIT_OK and said["written"] is False
    assert said["counts"]["systems"] == {"new": 0, "updated": 0, "unchanged": 6}
    assert said["new_units"] == 0 and all(unit["unit_id"] for unit in said["units"])
    assert said["skipped"] and all(skipped["reason"] for skipped in said["skipped"])


def test_a_file_that_is_not_an_exchange_file_is_refused_with_one_line(
    plan_path: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "ke-hoach.xml"
    workbook.write_text("<plan><task>Số hoá</task></plan>", encoding="utf-8")
    before = _snapshot(plan_path)

    status, out, err = _run("map", str(plan_path), "--import", str(workbook))

    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == "dxplanner: ke-hoach.xml is not an ArchiMate Open Exchange file.\n"
    assert _snapshot(plan_path) == before


def test_import_and_out_together_are_a_bad_argument(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, _err = _run(
        "map", str(plan_path), "--import", str(ARCHI_FILE), "--out", str(tmp_path / "map.xml")
    )

    assert status == EXIT_BAD_ARGUMENTS
    assert "not allowed with argument" in capsys.readouterr().err


def test_dry_run_without_import_is_a_bad_argument(plan_path: Path, tmp_path: Path) -> None:
    status, out, err = _run("map", str(plan_path), "--out", str(tmp_path / "map.xml"), "--dry-run")

    assert (status, out) == (EXIT_BAD_ARGUMENTS, "")
    assert err == "dxplanner: --dry-run and --json go with --import, not with --out.\n"
    assert not (tmp_path / "map.xml").exists()
