"""The estate through the data workbook: exported and imported back, every row and column comes back;
a workbook written before the estate existed still restores."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dxplanner.excel.data_sheets import DATA_SHEETS, MARKER_SHEET
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.conftest import run_cli as _run
from tests.conftest import snapshot_of as _snapshot_of
from tests.unit.estate_builders import fill_estate

ESTATE_TABLES = (
    "system",
    "data_link",
    "open_dataset",
    "public_service",
    "committee_member",
    "task_effect",
    "risk_treatment",
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A plan file with a filled estate, and the data workbook exported from it (made once: slow)."""
    folder = tmp_path_factory.mktemp("estate_workbook")
    path = create_plan_file(folder / "estate.dxplan")
    store = open_plan_file(path)
    try:
        fill_estate(store)
    finally:
        store.close()
    workbook = folder / "estate.xlsx"
    status, _out, err = _run("export", str(path), "--out", str(workbook))
    assert (status, err) == (0, "")
    return path, workbook


def test_the_estate_goes_to_the_workbook_and_comes_back_the_same(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    path, workbook = exported
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(workbook), "--into", str(restored))
    assert (status, err) == (0, "")
    before, after = _snapshot_of(path), _snapshot_of(restored)
    assert all(before[table] for table in ESTATE_TABLES)
    assert {table: after[table] for table in ESTATE_TABLES} == {
        table: before[table] for table in ESTATE_TABLES
    }
    assert after == before


def test_the_estate_sheets_hold_every_column_with_choices_as_stored(exported: tuple[Path, Path]) -> None:
    _path, workbook = exported
    book = openpyxl.load_workbook(workbook, read_only=True)
    systems = list(book["systems"].iter_rows(values_only=True))
    heading = list(systems[0])
    assert heading[:4] == ["id", "code", "name", "short_name"]
    assert "security_plan_approved" in heading and "hosted_on_id" in heading
    kinds = {row[heading.index("code")]: row[heading.index("kind")] for row in systems[1:]}
    assert kinds["LGSP"] == "platform" and kinds["TTDL"] == "infrastructure"
    effects = list(book["task_effects"].iter_rows(values_only=True))
    assert len(effects) == 4  # the heading and three effects
    book.close()


def test_a_workbook_written_before_the_estate_still_restores(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _path, workbook = exported
    older = tmp_path / "older.xlsx"
    book = openpyxl.load_workbook(workbook)
    estate_sheets = {sheet for table, sheet in DATA_SHEETS if table in ESTATE_TABLES}
    for sheet in estate_sheets:
        del book[sheet]
    marker = book[MARKER_SHEET]
    for row in marker.iter_rows():
        if row[0].value == "format":
            row[1].value = 1  # the format before the estate's sheets
    book.save(older)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(older), "--into", str(restored))
    assert (status, err) == (0, "")
    after = _snapshot_of(restored)
    assert after["task"] and not any(after[table] for table in ESTATE_TABLES)


def test_a_workbook_of_the_current_format_without_an_estate_sheet_is_refused_by_name(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _path, workbook = exported
    cut = tmp_path / "cut.xlsx"
    book = openpyxl.load_workbook(workbook)
    del book["public_services"]
    book.save(cut)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(cut), "--into", str(restored))
    assert status == 1 and "“public_services”" in err
    assert not restored.exists()


def test_a_yes_or_no_cell_holding_words_is_named_and_nothing_is_made(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _path, workbook = exported
    edited = tmp_path / "edited.xlsx"
    book = openpyxl.load_workbook(workbook)
    systems = book["systems"]
    column = next(cell.column for cell in systems[1] if cell.value == "security_plan_approved")
    systems.cell(row=2, column=column, value="có")
    book.save(edited)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(edited), "--into", str(restored))
    assert status == 1
    assert "Sheet “systems”, row 2, column security_plan_approved: “có” is not TRUE or FALSE." in err
    assert not restored.exists()


def test_a_hosting_loop_typed_into_the_workbook_is_named_and_nothing_is_made(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _path, workbook = exported
    edited = tmp_path / "edited.xlsx"
    book = openpyxl.load_workbook(workbook)
    systems = book["systems"]
    heading = [cell.value for cell in systems[1]]
    code, host = heading.index("code") + 1, heading.index("hosted_on_id") + 1
    ids = {systems.cell(row=row, column=code).value: row for row in range(2, systems.max_row + 1)}
    # The data centre runs in the cloud, which runs in the data centre.
    cloud_id = systems.cell(row=ids["CLOUD"], column=1).value
    systems.cell(row=ids["TTDL"], column=host, value=cloud_id)
    book.save(edited)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(edited), "--into", str(restored))
    assert status == 1
    assert "column hosted_on_id: the system runs on itself (through " in err
    assert not restored.exists()
