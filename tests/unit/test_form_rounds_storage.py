"""The rounds of progress forms and their receipts through the data workbook: they come back the same,
and a workbook written before them (format 2) still restores."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dxplanner.excel.data_sheets import MARKER_SHEET
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import run_cli as _run
from tests.conftest import snapshot_of as _snapshot_of
from tests.unit.form_builders import fill_forms

FORM_TABLES = ("form_round", "form_round_unit", "form_receipt", "progress_report")


@pytest.fixture
def exported(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    store = open_plan_file(demo_path)
    try:
        fill_forms(store)
    finally:
        store.close()
    workbook = tmp_path / "forms.xlsx"
    status, _out, err = _run("export", str(demo_path), "--out", str(workbook))
    assert (status, err) == (0, "")
    return demo_path, workbook


def test_rounds_receipts_and_a_reports_difficulty_come_back_from_the_workbook(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    path, workbook = exported
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(workbook), "--into", str(restored))
    assert (status, err) == (0, "")
    before, after = _snapshot_of(path), _snapshot_of(restored)
    assert before["form_round"] and before["form_round_unit"] and before["form_receipt"]
    assert any("Thiếu kinh phí" in row for row in before["progress_report"])
    assert {table: after[table] for table in FORM_TABLES} == {table: before[table] for table in FORM_TABLES}
    assert after == before


def test_a_workbook_written_before_the_forms_still_restores(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _path, workbook = exported
    older = tmp_path / "older.xlsx"
    book = openpyxl.load_workbook(workbook)
    del book["form_rounds"], book["form_round_units"], book["form_receipts"]
    reports = book["progress_reports"]
    heading = [cell.value for cell in reports[1]]
    for name in ("proposal", "difficulty"):  # the columns format 2 did not have
        reports.delete_cols(heading.index(name) + 1)
        heading.remove(name)
    for row in book[MARKER_SHEET].iter_rows():
        if row[0].value == "format":
            row[1].value = 2
    book.save(older)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(older), "--into", str(restored))
    assert (status, err) == (0, "")
    after = _snapshot_of(restored)
    assert after["progress_report"] and not after["form_round"] and not after["form_receipt"]


def test_a_workbook_written_before_the_rounds_knew_their_units_restores_with_lead_receipts(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    path, workbook = exported
    older = tmp_path / "format 3.xlsx"
    book = openpyxl.load_workbook(workbook)
    del book["form_round_units"]
    for sheet, column in (("form_rounds", "secret"), ("form_receipts", "role")):  # format 3 had neither
        heading = [cell.value for cell in book[sheet][1]]
        book[sheet].delete_cols(heading.index(column) + 1)
    for row in book[MARKER_SHEET].iter_rows():
        if row[0].value == "format":
            row[1].value = 3
    book.save(older)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(older), "--into", str(restored))
    assert (status, err) == (0, "")
    before, after = _snapshot_of(path), _snapshot_of(restored)
    assert not after["form_round_unit"] and after["form_receipt"] == before["form_receipt"]
    assert [row[:-1] for row in after["form_round"]] == [row[:-1] for row in before["form_round"]]
