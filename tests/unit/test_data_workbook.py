"""The data workbook: a whole plan file to Excel and back, exactly, with user text never a formula."""

from __future__ import annotations

import csv
import datetime
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa

from dxplanner import cli
from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.data_writer import Records, write_data_workbook
from dxplanner.store.operations.whole_file import all_records
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot

DANGEROUS_NAMES = (
    '=HYPERLINK("http://example.com","Bấm vào đây")',
    "+84 912 345 678",
    "-5 ngày so với kế hoạch",
    "@SUM(A1:A9)",
    "\tbắt đầu bằng tab",
    "\nbắt đầu bằng dòng mới",
    "#N/A",
)


def _run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(arguments), out, err)
    return status, out.getvalue(), err.getvalue()


def _cells(path: Path) -> dict[str, list[list[tuple[Any, str]]]]:
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def _set_task_names(store: PlanStore, names: dict[int, str]) -> None:
    with store.write() as session:
        for task_id, name in names.items():
            session.connection().execute(
                sa.text("UPDATE task SET name = :name WHERE id = :id"), {"name": name, "id": task_id}
            )


def _task_ids(store: PlanStore, count: int) -> list[int]:
    with store.read() as session:
        rows = session.connection().execute(sa.text("SELECT id FROM task ORDER BY id LIMIT :n"), {"n": count})
        return [int(row[0]) for row in rows]


def test_export_import_export_gives_the_same_workbook_and_the_same_file(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    ids = _task_ids(demo_store, len(DANGEROUS_NAMES) + 1)
    _set_task_names(demo_store, dict(zip(ids, DANGEROUS_NAMES, strict=False)))
    long_name = "Nhiệm vụ rất dài " * 2500  # 42,500 characters: more than a cell holds
    _set_task_names(demo_store, {ids[-1]: long_name})
    first, restored, second = tmp_path / "first.xlsx", tmp_path / "restored.dxplan", tmp_path / "second.xlsx"

    status, out, err = _run("export", str(demo_path), "--out", str(first))
    assert (status, err) == (0, "")
    assert "more than a cell holds" in out
    assert _run("import", str(first), "--into", str(restored))[0] == 0
    assert _run("export", str(restored), "--out", str(second))[0] == 0

    assert _cells(first) == _cells(second)
    copy = open_plan_file(restored, read_only=True)
    try:
        assert snapshot(copy) == snapshot(demo_store)
        columns, rows = all_records(copy)[0]["task"]
        name_at = list(columns).index("name")
        names = {row[0]: row[name_at] for row in rows}
    finally:
        copy.close()
    assert [names[task_id] for task_id in ids] == [*DANGEROUS_NAMES, long_name]


def test_no_cell_of_the_written_workbook_is_a_formula(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    _set_task_names(
        demo_store, dict(zip(_task_ids(demo_store, len(DANGEROUS_NAMES)), DANGEROUS_NAMES, strict=True))
    )
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        xml = "".join(archive.read(name).decode("utf-8") for name in sheets)
    assert sheets and not re.search(r"<f[ >]", xml)
    assert 't="e"' not in xml  # "#N/A" is text, not Excel's error
    tasks = openpyxl.load_workbook(path)["tasks"]
    written = {cell.value for cell in tasks["F"]}
    assert set(DANGEROUS_NAMES) <= written


def test_control_characters_are_taken_out_and_said(demo_store: PlanStore, tmp_path: Path) -> None:
    task_id = _task_ids(demo_store, 1)[0]
    _set_task_names(demo_store, {task_id: "Số hóa\x01 hồ sơ\x1f"})
    records, revision = all_records(demo_store)
    notes = write_data_workbook(
        tmp_path / "data.xlsx", {name: Records(*pair) for name, pair in records.items()}, revision
    )
    assert [(note.sheet, note.column) for note in notes] == [("tasks", "name")]
    assert "2 control characters" in notes[0].message
    tasks = openpyxl.load_workbook(tmp_path / "data.xlsx")["tasks"]
    assert tasks.cell(row=notes[0].row, column=6).value == "Số hóa hồ sơ"


def test_a_cancelled_export_leaves_the_earlier_file_as_it_was(demo_store: PlanStore, tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"the good file of yesterday")
    records, revision = all_records(demo_store)
    with pytest.raises(InvalidInputError, match="cancelled"):
        write_data_workbook(
            path,
            {name: Records(*pair) for name, pair in records.items()},
            revision,
            progress=lambda *_: False,
        )
    assert path.read_bytes() == b"the good file of yesterday"
    assert not list(tmp_path.glob(".dxplanner-*"))  # no temporary file left behind


def test_a_data_workbook_restores_only_into_an_empty_file(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    before = snapshot(demo_store)
    status, _out, err = _run("import", str(path), "--into", str(demo_path))
    assert status == 1 and "new or empty plan file" in err
    assert snapshot(demo_store) == before


def test_a_bad_cell_is_named_and_nothing_is_made(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    tasks = book["tasks"]
    column = next(cell.column for cell in tasks[1] if cell.value == "planned_start")
    tasks.cell(row=3, column=column, value="đầu năm")
    book.save(path)
    target = tmp_path / "new.dxplan"
    status, _out, err = _run("import", str(path), "--into", str(target))
    assert status == 1
    assert "Sheet “tasks”, row 3, column planned_start: “đầu năm” is not a date." in err
    assert not target.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_sheet_as_written(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    _set_task_names(
        demo_store, dict(zip(_task_ids(demo_store, len(DANGEROUS_NAMES)), DANGEROUS_NAMES, strict=True))
    )
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    profile = (tmp_path / "lo-profile").as_uri()
    # Comma-separated, UTF-8, cells as shown, every sheet to a file of its own (data-SHEET.csv).
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    for target in (csv_filter, "pdf"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
             "--outdir", str(tmp_path), str(path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    assert (tmp_path / "data.pdf").read_bytes().startswith(b"%PDF")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        with (tmp_path / f"data-{sheet.title}.csv").open(encoding="utf-8", newline="") as stream:
            read = list(csv.reader(stream))
        written = [[_as_shown(cell.value) for cell in row] for row in sheet.iter_rows()]
        assert len(read) == len(written), sheet.title
        for line, (got, expected) in enumerate(zip(read, written, strict=True), 1):
            got += [""] * (len(expected) - len(got))
            for shown, value in zip(got, expected, strict=True):
                if isinstance(value, float):
                    assert float(shown) == pytest.approx(value, rel=1e-12), (sheet.title, line)
                else:
                    assert shown == value, (sheet.title, line)


def _as_shown(value: object) -> object:
    """A cell as LibreOffice shows it: dates as dd/mm/yyyy, whole numbers without a point."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and not value.is_integer():
        return value
    if isinstance(value, float):
        return str(int(value))
    return str(value)
