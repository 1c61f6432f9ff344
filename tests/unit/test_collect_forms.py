"""Collecting returned progress forms into the demo's 2026 plan: each form filled differently (one saved
again by LibreOffice, one late, one tampered, one of an older round); the plan then holds exactly the
reports accepted, each refusal names its reason, and undo puts the plan back."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.core.enums import TaskStatus
from dxplanner.excel import progress_form_layout as layout
from dxplanner.services.progress_collect import CollectPreview, Refusal, apply, form_paths, preview
from dxplanner.services.progress_forms import FormsChoice, WrittenForms, read_form, write_forms
from dxplanner.services.undo import last_step, undo
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot

PLAN_2026 = 6
OLD = FormsChoice(PLAN_2026, datetime.date(2026, 9, 30), datetime.date(2026, 10, 10))
NEW = FormsChoice(PLAN_2026, datetime.date(2026, 12, 31), datetime.date(2027, 1, 10))
OLD_ISSUED = datetime.datetime(2026, 10, 1, 8, 0)
NEW_ISSUED = datetime.datetime(2026, 12, 6, 14, 30)
ON_TIME = datetime.date(2027, 1, 8)
LATE = datetime.date(2027, 1, 15)
# A report's columns as compared: the id and version are the database's.
REPORT_COLUMNS = ("task_id", "as_of", "progress", "status", "remark", "author", "difficulty", "proposal")


def _reports(store: PlanStore) -> set[tuple[Any, ...]]:
    table = SQLModel.metadata.tables["progress_report"]
    with store.engine.connect() as connection:
        return {
            tuple(row) for row in connection.execute(sa.select(*(table.c[name] for name in REPORT_COLUMNS)))
        }


def _fill(path: Path, reporter: str, rows: dict[int, dict[int, object]], target: Path | None = None) -> None:
    """Write values into a form's fill cells (rows counted from the table's first) and who filled it."""
    book: Any = openpyxl.load_workbook(path)  # loosely typed: any cell is written
    sheet = book.worksheets[0]
    for offset, cells in rows.items():
        for column, value in cells.items():
            sheet.cell(layout.FIRST_ROW + offset, column).value = value
    tasks = len(read_form(path).rows)
    sheet.cell(layout.FIRST_ROW + tasks + layout.FOOT_GAP, layout.START).value = reporter
    book.save(target or path)


def _through_libreoffice(path: Path, folder: Path) -> Path:
    """The form opened and saved again by LibreOffice, as a unit using it would return it."""
    profile = (folder / "lo-profile").as_uri()
    out = folder / "saved by libreoffice"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / path.name


def _tamper(path: Path) -> None:
    """Change a task's name in the form's hidden copy, as someone editing the hidden sheet would."""
    book: Any = openpyxl.load_workbook(path)
    hidden = book.worksheets[1]
    row = next(row for row in hidden.iter_rows() if row[0].value == layout.TASKS_MARK)[0].row + 1
    hidden.cell(row, 5).value = "Tên đã bị sửa"
    book.save(path)


def _forms(written: WrittenForms) -> list[Path]:
    return [form.path for form in written.forms]


def _expected(found: CollectPreview) -> set[tuple[Any, ...]]:
    """The reports the ticked rows write, as _reports reads them."""
    return {
        (
            row.report.task_id,
            row.report.as_of,
            row.report.progress,
            row.report.status.value,
            row.report.remark,
            row.report.author,
            row.report.difficulty,
            row.report.proposal,
        )
        for number, form in enumerate(found.forms)
        for row in form.rows
        if row.report is not None and (number, row.task_id) in found.ticked
    }


@pytest.mark.parametrize(
    "saved_by",
    [
        pytest.param(
            "libreoffice",
            marks=pytest.mark.skipif(
                shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
            ),
        ),
        "openpyxl",  # the rest of the round trip, on a machine without LibreOffice too
    ],
)
def test_forms_filled_each_their_own_way_are_collected_or_refused_and_undo_puts_the_plan_back(
    demo_plan_store: PlanStore, tmp_path: Path, saved_by: str
) -> None:
    store = demo_plan_store
    old = _forms(write_forms(store, OLD, tmp_path / "old", OLD_ISSUED))
    new = _forms(write_forms(store, NEW, tmp_path / "new", NEW_ISSUED))
    first, late, tampered = new[0], new[1], new[2]
    of_older_round = old[3]
    filled = tmp_path / "filled" / first.name
    filled.parent.mkdir()
    _fill(
        first,
        "Nguyễn Thị Lan",
        {
            0: {
                layout.PROGRESS: 70,
                layout.STATUS: "Đang thực hiện",
                layout.REMARK: "Đã trình dự thảo",
                layout.DIFFICULTY: "Thiếu nhân lực",
                layout.PROPOSAL: "Bổ sung biên chế",
            },
            1: {layout.PROGRESS: 100, layout.ACTUAL_END: datetime.datetime(2026, 12, 20)},
        },
        filled,
    )
    through_libreoffice = _through_libreoffice(filled, tmp_path) if saved_by == "libreoffice" else filled
    _fill(late, "Trần Văn Bình", {0: {layout.PROGRESS: 45, layout.REMARK: "Chậm do đấu thầu lại"}})
    _fill(tampered, "Lê Hoa", {0: {layout.PROGRESS: 90}})
    _tamper(tampered)
    _fill(of_older_round, "Phạm An", {0: {layout.PROGRESS: 30}})
    original = snapshot(store)
    reports_before = _reports(store)

    found = preview(store, [through_libreoffice], ON_TIME)
    (form,) = found.forms
    assert form.accepted and not form.late and form.reporter == "Nguyễn Thị Lan"
    assert [row.report.progress for row in form.rows if row.report] == [70, 100]
    assert form.rows[0].report is not None and form.rows[0].report.difficulty == "Thiếu nhân lực"
    assert form.rows[1].report is not None and form.rows[1].report.status is TaskStatus.COMPLETED
    apply(store, found, found.ticked)
    first_step = last_step(store)  # the whole collect is one step, as the window keeps it
    after_first = _reports(store)
    assert after_first - reports_before == _expected(found) and reports_before <= after_first
    assert len(_expected(found)) == sum(row.ticked for row in form.rows) >= 1
    collected_once = snapshot(store)

    chosen = [late, tampered, of_older_round, through_libreoffice]
    found = preview(store, chosen, LATE)
    states = {form.path.name: (form.refusal, form.late) for form in found.forms}
    assert states == {
        late.name: (None, True),
        tampered.name: (Refusal.TAMPERED, False),
        of_older_round.name: (Refusal.OLDER_ROUND, False),
        through_libreoffice.name: (Refusal.COLLECTED, False),
    }
    reasons = {form.refusal: form.reason for form in found.forms if form.refusal}
    assert "tampered" in reasons[Refusal.TAMPERED]
    assert "older round (as of 30/09/2026)" in reasons[Refusal.OLDER_ROUND]
    assert "already collected" in reasons[Refusal.COLLECTED]
    apply(store, found, found.ticked)
    second_step = last_step(store)
    assert _reports(store) - after_first == _expected(found)
    assert {report[0] for report in _expected(found)} == {found.forms[0].rows[0].task_id}
    with store.engine.connect() as connection:
        receipts = connection.execute(sa.text("SELECT reporter, file_name FROM form_receipt")).all()
    assert sorted(tuple(row) for row in receipts) == sorted(
        [("Nguyễn Thị Lan", through_libreoffice.name), ("Trần Văn Bình", late.name)]
    )

    # The same forms again change nothing: each is refused as collected already.
    again = preview(store, [late, through_libreoffice], LATE)
    assert [form.refusal for form in again.forms] == [Refusal.COLLECTED, Refusal.COLLECTED]
    assert not again.any_accepted

    for step, expected in ((second_step, collected_once), (first_step, original)):
        assert step is not None
        undo(store, step)
        assert snapshot(store) == expected


def test_a_conflict_waits_for_a_tick_and_a_row_edited_outside_the_fill_cells_is_never_written(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    path = _forms(write_forms(demo_store, NEW, tmp_path / "new", NEW_ISSUED))[0]
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for offset in (0, 1):
        sheet.cell(layout.FIRST_ROW + offset, layout.PROGRESS).value = 80
    sheet.cell(layout.FIRST_ROW + 1, layout.NAME).value = "Tên nhiệm vụ bị sửa"
    book.save(path)
    task_id = read_form(path).rows[0].task_id
    with demo_store.engine.begin() as connection:  # someone reported after the form went out
        connection.execute(
            sa.text(
                "INSERT INTO progress_report (task_id, as_of, progress, status, version) "
                "VALUES (:task, '2026-12-20', 50, 'in_progress', 1)"
            ),
            {"task": task_id},
        )
    found = preview(demo_store, [path], ON_TIME)
    conflict, edited = found.forms[0].rows
    assert conflict.conflict and conflict.applicable and not conflict.ticked
    assert edited.edited and not edited.applicable
    before = _reports(demo_store)
    apply(demo_store, found, {(0, conflict.task_id), (0, edited.task_id)})
    written = _reports(demo_store) - before
    assert {(report[0], report[2]) for report in written} == {(conflict.task_id, 80)}


def test_a_folder_means_its_workbooks_and_a_workbook_that_is_no_form_is_refused(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    folder = tmp_path / "replies"
    folder.mkdir()
    other: Any = openpyxl.Workbook()
    other.active["A1"] = "Bảng tổng hợp"
    other.save(folder / "tong hop.xlsx")
    (folder / "ghi chu.txt").write_text("không phải phiếu", encoding="utf-8")
    (folder / "~$tong hop.xlsx").write_bytes(b"")
    paths = form_paths([folder])
    assert [path.name for path in paths] == ["tong hop.xlsx"]
    found = preview(demo_store, paths, ON_TIME)
    assert [form.refusal for form in found.forms] == [Refusal.NOT_A_FORM]
    assert found.forms[0].reason


def test_a_plan_deleted_takes_its_rounds_and_receipts_and_undo_brings_them_back(
    demo_plan_store: PlanStore, tmp_path: Path
) -> None:
    from dxplanner.store.operations.plans import delete_plan

    path = _forms(write_forms(demo_plan_store, NEW, tmp_path / "new", NEW_ISSUED))[0]
    _fill(path, "Nguyễn Thị Lan", {0: {layout.PROGRESS: 35}})
    found = preview(demo_plan_store, [path], ON_TIME)
    apply(demo_plan_store, found, found.ticked)
    kept = snapshot(demo_plan_store)
    assert kept["form_round"] and kept["form_receipt"]
    delete_plan(demo_plan_store, PLAN_2026)
    gone = snapshot(demo_plan_store)
    assert not gone["form_round"] and not gone["form_receipt"]
    step = last_step(demo_plan_store)
    assert step is not None
    undo(demo_plan_store, step)
    assert snapshot(demo_plan_store) == kept


def test_the_replies_of_a_round_say_who_sent_in_time_and_who_is_waiting_and_the_reminder_names_them(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    from dxplanner.services import form_replies
    from dxplanner.services.form_replies import ReplyState

    written = write_forms(demo_store, NEW, tmp_path / "new", NEW_ISSUED)
    first = written.forms[0]
    _fill(first.path, "Nguyễn Thị Lan", {0: {layout.PROGRESS: 35}})
    found = preview(demo_store, [first.path], ON_TIME)
    apply(demo_store, found, found.ticked)
    (chosen,) = form_replies.rounds(demo_store)
    assert chosen.text == "Kế hoạch triển khai Chính phủ số năm 2026, as of 31/12/2026"
    said = form_replies.replies(demo_store, chosen.id, ON_TIME)
    assert said is not None
    states = {reply.unit_name: reply.state for reply in said.units}
    assert states.pop(first.unit_name) is ReplyState.RECEIVED
    assert set(states.values()) == {ReplyState.WAITING} and len(states) == len(written.forms) - 1
    reminder = form_replies.reminder(said).splitlines()
    assert "it was due on 10/01/2027" in reminder[0]
    assert reminder[1:] == [f"{number}. {name}" for number, name in enumerate(states, 1)]
