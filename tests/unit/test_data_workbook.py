"""The data workbook: a whole plan file to Excel and back, exactly, with user text never a formula."""

from __future__ import annotations

import csv
import datetime
import errno
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa
from openpyxl.utils import get_column_letter

from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.data_reader import read_data_workbook
from dxplanner.excel.data_writer import Records, write_data_workbook
from dxplanner.store.operations.whole_file import all_records
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import run_cli as _run
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


@pytest.fixture(scope="module")
def demo_workbook(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The untouched demo's data workbook, exported once for the tests that only read or spoil a copy."""
    path = tmp_path_factory.mktemp("exported") / "data.xlsx"
    assert _run("export", str(demo_template), "--out", str(path))[0] == 0
    return path


@pytest.fixture
def exported(demo_workbook: Path, tmp_path: Path) -> Path:
    """A private copy of the demo's data workbook."""
    return Path(shutil.copyfile(demo_workbook, tmp_path / "data.xlsx"))


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
        assert snapshot(copy, versions=True) == snapshot(demo_store, versions=True)
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


def test_text_and_numbers_xml_would_change_come_back_exactly(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    awkward = [
        "Số hóa\x01 hồ sơ\x1f",
        "dòng 1\r\ndòng 2\rdòng 3",
        "chữ _x000D_ như mã thoát",
        "_x005F_x0041_",
    ]
    ids = _task_ids(demo_store, len(awkward))
    _set_task_names(demo_store, dict(zip(ids, awkward, strict=True)))
    with demo_store.write() as session:
        connection = session.connection()
        connection.execute(sa.text("UPDATE task SET progress = 0.1 + 0.2 WHERE id = :id"), {"id": ids[0]})
        connection.execute(
            sa.text("UPDATE budget_line SET planned = :amount WHERE id = (SELECT min(id) FROM budget_line)"),
            {"amount": 2**53 + 1},
        )
    path, restored = tmp_path / "data.xlsx", tmp_path / "restored.dxplan"
    status, out, err = _run("export", str(demo_path), "--out", str(path))
    assert (status, err) == (0, "") and "control" not in out
    assert _run("import", str(path), "--into", str(restored))[0] == 0
    copy = open_plan_file(restored, read_only=True)
    try:
        assert snapshot(copy, versions=True) == snapshot(demo_store, versions=True)
    finally:
        copy.close()
    # The workbook holds them the way Excel writes such text itself, so a spreadsheet shows them too.
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet10.xml").decode("utf-8")
    assert "dòng 1_x000D_\ndòng 2_x000D_dòng 3" in xml and "Số hóa_x0001_ hồ sơ_x001F_" in xml


def test_a_cancelled_export_leaves_the_earlier_file_as_it_was(demo_store: PlanStore, tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"PK\x03\x04 the good workbook of yesterday")
    records, revision = all_records(demo_store)
    with pytest.raises(InvalidInputError, match="cancelled"):
        write_data_workbook(
            path,
            {name: Records(*pair) for name, pair in records.items()},
            revision,
            progress=lambda *_: False,
        )
    assert path.read_bytes() == b"PK\x03\x04 the good workbook of yesterday"
    assert not list(tmp_path.glob(".dxplanner-*"))  # no temporary file left behind


def test_a_data_workbook_restores_only_into_an_empty_file(demo_path: Path, exported: Path) -> None:
    path = exported
    reader = open_plan_file(demo_path, read_only=True)
    try:
        before = snapshot(reader)
        status, _out, err = _run("import", str(path), "--into", str(demo_path))
        assert status == 1 and "new or empty plan file" in err
        assert snapshot(reader) == before
    finally:
        reader.close()


def test_a_bad_cell_is_named_and_nothing_is_made(exported: Path, tmp_path: Path) -> None:
    path = exported
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
    """A cell as LibreOffice shows it: dates as dd/mm/yyyy, whole numbers without a point, TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):  # a yes/no (the estate's), which spreadsheets show as TRUE or FALSE
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and not value.is_integer():
        return value
    if isinstance(value, float):
        return str(int(value))
    return str(value)


def _column(sheet: Any, heading: str) -> int:
    return int(next(cell.column for cell in sheet[1] if cell.value == heading))


def _blank_id(book: Any) -> None:
    book["tasks"].cell(row=3, column=_column(book["tasks"], "id")).value = None


def _unknown_parent(book: Any) -> None:
    book["tasks"].cell(row=3, column=_column(book["tasks"], "parent_id"), value=99999)


def _unit_twice(book: Any) -> None:
    units = book["units"]
    units.cell(row=3, column=_column(units, "id"), value=units.cell(row=2, column=_column(units, "id")).value)


def _progress_over_100(book: Any) -> None:
    book["tasks"].cell(row=3, column=_column(book["tasks"], "progress"), value=150)


def _progress_not_a_number(book: Any) -> None:
    book["tasks"].cell(row=3, column=_column(book["tasks"], "progress"), value="nan")


def _risks_renamed(book: Any) -> None:
    book["risks"].title = "rủi ro"


def _marker_deleted(book: Any) -> None:
    del book["dxplanner"]


def _heading_twice(book: Any) -> None:
    tasks = book["tasks"]
    tasks.cell(row=1, column=_column(tasks, "notes"), value="name")


def _tasks_in_a_circle(book: Any) -> None:
    tasks = book["tasks"]
    ids, parents = _column(tasks, "id"), _column(tasks, "parent_id")
    second, third = tasks.cell(row=3, column=ids).value, tasks.cell(row=4, column=ids).value
    tasks.cell(row=3, column=parents).value = third
    tasks.cell(row=4, column=parents).value = second


def _year_9999(book: Any) -> None:
    book["tasks"].cell(row=3, column=_column(book["tasks"], "planned_end"), value="31/12/9999")


def _budget_past_whole_numbers(book: Any) -> None:
    book["budget_lines"].cell(row=2, column=_column(book["budget_lines"], "planned"), value=1e20)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (_tasks_in_a_circle, "column parent_id: the record is under itself (through"),
        (_year_9999, "column planned_end: the date 31/12/9999 is outside the years a plan can hold"),
        (
            _budget_past_whole_numbers,
            "Sheet “budget_lines”, row 2, column planned: “1e+20” is not a whole number.",
        ),
        (_blank_id, "Sheet “tasks”, row 3, column id is empty, but it needs a value."),
        (
            _unknown_parent,
            "Sheet “tasks”, row 3, column parent_id: there is no record 99999 on the sheet “tasks”.",
        ),
        (_unit_twice, "Sheet “units”, row 3: the record"),
        (_progress_over_100, "Sheet “tasks”, row 3 breaks a rule of the plan: progress goes from 0 to 100."),
        (_progress_not_a_number, "Sheet “tasks”, row 3, column progress: “nan” is not a number."),
        (_risks_renamed, "are missing (renamed or deleted?): “risks”."),
        (_marker_deleted, "but its sheet “dxplanner” is missing"),
        (_heading_twice, "The sheet “tasks” has the column name more than once."),
    ],
)
def test_a_workbook_edited_out_of_shape_is_one_message_naming_where_and_nothing_is_made(
    edit: Any, said: str, exported: Path, tmp_path: Path
) -> None:
    path = exported
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    target = tmp_path / "new.dxplan"
    status, out, err = _run("import", str(path), "--into", str(target))
    assert (status, out) == (1, "")
    assert said in err and err.count("\n") == 1, err
    assert not target.exists()


def test_reading_tells_its_progress_and_stops_when_cancelled(demo_store: PlanStore, exported: Path) -> None:
    from dxplanner.excel.data_reader import read_data_workbook

    path = exported
    told: list[tuple[int, int]] = []

    def tell(done: int, expected: int) -> bool:
        told.append((done, expected))
        return True

    read = read_data_workbook(path, tell)
    records = all_records(demo_store)[0]
    assert {name: len(found.rows) for name, found in read.items()} == {
        name: len(rows) for name, (_columns, rows) in records.items() if name in read
    }
    assert told and [done for done, _expected in told] == sorted(done for done, _expected in told)
    assert all(done <= expected for done, expected in told)
    with pytest.raises(InvalidInputError, match="cancelled"):
        read_data_workbook(path, lambda _done, _expected: False)


def test_long_texts_with_line_breaks_survive_and_follow_their_record_when_sorted(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    task_id = _task_ids(demo_store, 1)[0]
    note = "".join(f"Dòng {number}: đã họp với Sở, chờ phản hồi\r\n" for number in range(900))
    with demo_store.write() as session:
        session.connection().execute(
            sa.text("UPDATE task SET notes = :note WHERE id = :id"), {"note": note, "id": task_id}
        )
        session.connection().execute(sa.text("UPDATE indicator SET measure_unit = '' WHERE id = 1"))
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    tasks = book["tasks"]
    rows = [[cell.value for cell in row] for row in tasks.iter_rows(min_row=2)]
    rows.sort(key=lambda row: -int(str(row[0])))  # sorted by hand, newest first
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            tasks.cell(row=number, column=column).value = value
    book["units"].insert_cols(3)  # a column added with no heading
    book.save(path)
    restored = tmp_path / "restored.dxplan"
    status, _out, err = _run("import", str(path), "--into", str(restored))
    assert (status, err) == (0, "")
    copy = open_plan_file(restored, read_only=True)
    try:
        assert snapshot(copy, versions=True) == snapshot(demo_store, versions=True)
    finally:
        copy.close()

    del book["long_texts"]
    book.save(path)
    status, _out, err = _run("import", str(path), "--into", str(tmp_path / "cut.dxplan"))
    assert status == 1 and "should hold" in err and "long_texts" in err


def test_a_long_text_of_emoji_fits_excels_cells_counted_in_utf16_and_comes_back_whole(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    """Excel counts a cell's 32,767 characters in UTF-16 units, where an emoji takes two."""
    task_id = _task_ids(demo_store, 1)[0]
    note = "Tiến độ 👍 " + "🚀📈" * 12_000 + " hết"
    with demo_store.write() as session:
        session.connection().execute(
            sa.text("UPDATE task SET notes = :note WHERE id = :id"), {"note": note, "id": task_id}
        )
    path = tmp_path / "data.xlsx"
    assert _run("export", str(demo_path), "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path, read_only=True)
    longest = max(
        len(value.encode("utf-16-le")) // 2
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    )
    book.close()
    assert 32_000 < longest <= 32_767
    restored = tmp_path / "restored.dxplan"
    assert _run("import", str(path), "--into", str(restored))[:3:2] == (0, "")
    copy = open_plan_file(restored, read_only=True)
    try:
        assert snapshot(copy, versions=True) == snapshot(demo_store, versions=True)
    finally:
        copy.close()


def test_an_export_never_replaces_a_plan_file_and_keeps_a_workbooks_permissions(
    demo_path: Path, tmp_path: Path
) -> None:
    before = demo_path.read_bytes()
    status, _out, err = _run("export", str(demo_path), "--out", str(demo_path))
    assert status == 1 and "is not an Excel workbook; it is not replaced" in err
    assert demo_path.read_bytes() == before
    shared = tmp_path / "shared.xlsx"
    assert _run("export", str(demo_path), "--out", str(shared))[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert shared.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file here, not private
    shared.chmod(0o640)
    assert _run("report", str(demo_path), "--out", str(shared))[0] == 0
    assert shared.stat().st_mode & 0o777 == 0o640


def test_every_sheet_states_its_size_so_readers_parse_it_once(demo_workbook: Path) -> None:
    """Without <dimension> openpyxl's read-only mode parses a whole sheet only to size it (issue 20)."""
    full = openpyxl.load_workbook(demo_workbook)
    sized = openpyxl.load_workbook(demo_workbook, read_only=True)
    for sheet in full.worksheets:
        stated = sized[sheet.title]
        assert (stated.max_row, stated.max_column) == (sheet.max_row, sheet.max_column), sheet.title
    assert sized["tasks"].max_row > 400


def test_every_sheet_opens_ready_to_read_headings_frozen_filtered_and_dates_as_dates(
    demo_workbook: Path,
) -> None:
    book = openpyxl.load_workbook(demo_workbook)
    tasks = book["tasks"]
    assert (
        tasks.freeze_panes == "A2"
        and tasks.auto_filter.ref == f"A1:{get_column_letter(tasks.max_column)}{tasks.max_row}"
    )
    headings = {cell.value: number for number, cell in enumerate(tasks[1], 1)}
    assert all(cell.font.b for cell in tasks[1])
    name_width = tasks.column_dimensions[get_column_letter(headings["name"])].width
    assert tasks.column_dimensions["A"].width < name_width  # the id column narrower than the names
    column = headings["planned_start"]
    start = next(cell for (cell,) in tasks.iter_rows(min_row=2, min_col=column, max_col=column) if cell.value)
    assert isinstance(start.value, datetime.datetime) and start.number_format == "dd/mm/yyyy"
    assert book["units"].freeze_panes == "A2" and book["units"].auto_filter.ref


def test_a_table_longer_than_a_sheet_is_refused_rather_than_cut(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    records, revision = all_records(demo_store)
    tables = {name: Records(*pair) for name, pair in records.items()}
    columns, rows = records["task_unit"]
    tables["task_unit"] = Records(columns, [rows[0]] * 1_048_576)  # one row more than the heading leaves
    path, before = tmp_path / "data.xlsx", sorted(tmp_path.iterdir())
    with pytest.raises(InvalidInputError, match="would need 1,048,577 rows, more than a sheet holds"):
        write_data_workbook(path, tables, revision)
    assert sorted(tmp_path.iterdir()) == before  # no workbook, and no temporary file left


def test_a_save_that_fails_leaves_no_copy_of_the_plan_in_the_temporary_folder(
    demo_store: PlanStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XlsxWriter keeps every part of the file in temporary files until the zip is written (review 3)."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    records, revision = all_records(demo_store)
    real_write = zipfile.ZipFile.write
    parts: list[object] = []

    def disk_full_after_three_parts(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        parts.append(args)
        if len(parts) > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", disk_full_after_three_parts)
    target = tmp_path / "out" / "data.xlsx"
    target.parent.mkdir()
    with pytest.raises(InvalidInputError, match="cannot be written: the disk is full"):
        write_data_workbook(target, {name: Records(*pair) for name, pair in records.items()}, revision)
    assert list(target.parent.iterdir()) == []
    assert list(temporary.iterdir()) == []  # none of the plan's sheets left behind


def test_a_number_excel_cannot_hold_is_left_out_and_the_workbook_still_opens(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    """Only a damaged file holds NaN or infinity; Excel holds neither (review 3)."""
    records, revision = all_records(demo_store)
    columns, rows = records["task"]
    progress = list(columns).index("progress")
    spoilt = [list(row) for row in rows]
    spoilt[0][progress], spoilt[1][progress] = float("nan"), float("-inf")
    records["task"] = (columns, [tuple(row) for row in spoilt])
    path = tmp_path / "data.xlsx"
    write_data_workbook(path, {name: Records(*pair) for name, pair in records.items()}, revision)
    tasks = openpyxl.load_workbook(path)["tasks"]
    assert [tasks.cell(row=row, column=progress + 1).value for row in (2, 3, 4)] == [
        None,
        None,
        rows[2][progress],
    ]


def test_a_workbook_with_more_rows_than_a_plan_table_restores(demo_store: PlanStore, tmp_path: Path) -> None:
    """A whole plan file may hold 200,000 progress reports: its workbook reads back whole (review 3)."""
    records, revision = all_records(demo_store)
    columns, rows = records["progress_report"]
    at = {name: number for number, name in enumerate(columns)}
    first = list(rows[0])
    many = []
    for number in range(200_001):
        first[at["id"]] = number + 1
        first[at["as_of"]] = datetime.date(2000, 1, 1) + datetime.timedelta(days=number % 50_000)
        many.append(tuple(first))
    records["progress_report"] = (columns, many)
    path = tmp_path / "data.xlsx"
    write_data_workbook(path, {name: Records(*pair) for name, pair in records.items()}, revision)
    assert len(read_data_workbook(path)["progress_report"].rows) == 200_001
